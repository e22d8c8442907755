// SPDX-License-Identifier: EUPL-1.2
/**
 * The public council pages (no sign-in): meeting calendar, public agendas with results and votes,
 * papers with their consultation sequence and files, German full-text search in papers, and the
 * latest resolutions. Reads only public rows; never shows a non-public agenda item or paper.
 */
@NullMarked
package de.openrathaus.council.portal;

import org.jspecify.annotations.NullMarked;
