// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An answer that breaks a rule of its field.
 *
 * @param target key of the field or attachment
 * @param code message code in the procedure bundle ({@code validation.*})
 * @param args message arguments (the field's label first)
 * @param custom a message the definition itself supplies (e.g. for a pattern), preferred over the code
 */
public record Violation(String target, String code, List<Object> args, @Nullable Text custom) {

	public Violation {
		args = List.copyOf(args);
	}

	public static Violation of(String target, String code, Object... args) {
		return new Violation(target, code, List.of(args), null);
	}
}
