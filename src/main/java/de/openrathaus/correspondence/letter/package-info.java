// SPDX-License-Identifier: EUPL-1.2
/**
 * Letters for citizens who chose the post, or whose chosen channel failed: the postal address, a
 * print-ready PDF/A per letter (DIN 5008 address field for window envelopes), and the daily print
 * batch the post room downloads. Internal to the correspondence module; never logs an address.
 */
@org.jspecify.annotations.NullMarked
package de.openrathaus.correspondence.letter;
