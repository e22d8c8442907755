// SPDX-License-Identifier: EUPL-1.2
/**
 * The file plan, files, cases and documents with their immutable versions, and how they get there:
 * the submissions of the online procedures filed as cases, uploads and scans by clerks, the
 * default and demo file plans. {@code RecordsStore} holds the SQL that creates and changes them; what
 * retention removes is written by {@code retention.RetentionStore}.
 */
@NullMarked
package de.openrathaus.records.filing;

import org.jspecify.annotations.NullMarked;
