// SPDX-License-Identifier: EUPL-1.2
/**
 * Retention and disposal (Aufbewahrung und Aussonderung): the due list, destruction, legal holds,
 * and the xdomea messages exchanged with the archive (offer 0501, assessment 0502, hand-over 0503,
 * acknowledgement 0504). A destruction leaves only a minimal record of what was there.
 */
@NullMarked
package de.openrathaus.records.retention;

import org.jspecify.annotations.NullMarked;
