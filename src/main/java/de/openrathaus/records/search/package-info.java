// SPDX-License-Identifier: EUPL-1.2
/**
 * Full-text search over the document versions a clerk may see, and the bounded text extraction
 * that feeds it. It never reads contents outside the clerk's departments.
 */
@NullMarked
package de.openrathaus.records.search;

import org.jspecify.annotations.NullMarked;
