// SPDX-License-Identifier: EUPL-1.2
/**
 * Data protection and the legal pages of a public authority's portal: the imprint, the privacy notice
 * and the accessibility statement with its feedback form (§ 10b BGG NRW, BITV), each per municipality
 * with sensible defaults. It publishes what others act on (feedback for the responsible office) and
 * never reads another module's tables; feedback it stores is never written to a log.
 */
@NullMarked
package de.openrathaus.privacy;

import org.jspecify.annotations.NullMarked;
