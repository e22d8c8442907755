// SPDX-License-Identifier: EUPL-1.2
/**
 * The file plan, files, cases and documents with their immutable versions, and how they get there:
 * the submissions of the online procedures filed as cases, uploads and scans by clerks, the
 * default and demo file plans. Its store is the one place that writes these tables.
 */
@NullMarked
package de.openrathaus.records.filing;

import org.jspecify.annotations.NullMarked;
