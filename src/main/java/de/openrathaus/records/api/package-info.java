// SPDX-License-Identifier: EUPL-1.2
/**
 * The REST API {@code /api/v1/records} for departments' specialist software, scoped and audited
 * like the pages.
 */
@NullMarked
package de.openrathaus.records.api;

import org.jspecify.annotations.NullMarked;
