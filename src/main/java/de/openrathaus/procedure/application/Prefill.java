// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.HashMap;
import java.util.Map;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.procedure.definition.FieldDefinition;
import de.openrathaus.procedure.definition.FieldRules;
import de.openrathaus.procedure.definition.ProcedureDefinition;

/**
 * The answers a form takes from the session's federated sign-in: every field with a {@code source}
 * whose attribute the identity provider sent. In a procedure at level SUBSTANTIAL or above these
 * answers are locked: shown as "aus BundID übernommen", not editable, and whatever is posted for them
 * is replaced by the vouched value on saving and again on submitting. Below that level they only
 * fill empty answers and stay editable. A session without attributes (password sign-in) prefills nothing.
 */
final class Prefill {

	private final Map<String, String> values;
	private final boolean locked;

	private Prefill(Map<String, String> values, boolean locked) {
		this.values = Map.copyOf(values);
		this.locked = locked;
	}

	static Prefill of(ProcedureDefinition definition, SignedInUser user) {
		Map<String, String> values = new HashMap<>();
		definition.steps().stream().flatMap(step -> step.fields().stream()).forEach(field -> field.attribute()
			.flatMap(attribute -> attribute.valueIn(user.verifiedPerson()))
			.ifPresent(value -> values.put(field.key(), FieldRules.normalise(field, value))));
		return new Prefill(values, definition.trustLevel().satisfies(TrustLevel.SUBSTANTIAL));
	}

	/** Whether the field's answer comes from the identity provider in this session. */
	boolean fromIdentity(FieldDefinition field) {
		return values.containsKey(field.key());
	}

	/** Whether the citizen may not change the field's answer. */
	boolean locks(FieldDefinition field) {
		return locked && fromIdentity(field);
	}

	/** What a page shows: locked answers always as vouched, the others as entered or else as vouched. */
	Map<String, String> shown(Map<String, String> answers) {
		Map<String, String> shown = new HashMap<>(answers);
		values.forEach((key, value) -> {
			if (locked || shown.getOrDefault(key, "").isEmpty()) {
				shown.put(key, value);
			}
		});
		return shown;
	}

	/** The posted answers with every locked one among them replaced by the vouched value. */
	Map<String, String> enforce(Map<String, String> posted) {
		if (!locked) {
			return posted;
		}
		Map<String, String> enforced = new HashMap<>(posted);
		values.forEach((key, value) -> {
			if (enforced.containsKey(key)) {
				enforced.put(key, value);
			}
		});
		return enforced;
	}

	/** The whole draft's answers with every locked answer that is asked set to the vouched value (on submission). */
	Map<String, String> enforceAll(ProcedureDefinition definition, Map<String, String> answers) {
		if (!locked) {
			return answers;
		}
		Map<String, String> enforced = new HashMap<>(answers);
		values.forEach((key, value) -> {
			if (definition.isAsked(key, answers)) {
				enforced.put(key, value);
			}
		});
		return enforced;
	}
}
