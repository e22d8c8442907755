// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

/**
 * How far the full text of a document version has been read for the search: waiting, read (perhaps
 * only its beginning), or not readable. Stored by name; the table's check constraint names the same three.
 */
public enum TextStatus {

	PENDING, EXTRACTED, FAILED
}
