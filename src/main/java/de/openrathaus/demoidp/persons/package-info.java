// SPDX-License-Identifier: EUPL-1.2
/**
 * The invented test persons and the organisation the demo identity providers offer, at the trust levels BundID knows. They are demo data from a resource file; nothing here is a real person.
 */
@NullMarked
package de.openrathaus.demoidp.persons;

import org.jspecify.annotations.NullMarked;
