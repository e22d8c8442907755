// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

/** How a field is entered and stored. Values are stored as strings: dates in ISO form, yes/no as true/false. */
public enum FieldType {
	TEXT, TEXTAREA, DATE, YESNO, SELECT
}
