// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.util.Map;

/** Shows a step or field only when another field has a given value, e.g. {@code hund.gefaehrlich = true}. */
public record Condition(String field, String equals) {

	public boolean holds(Map<String, String> data) {
		return equals.equals(data.get(field));
	}
}
