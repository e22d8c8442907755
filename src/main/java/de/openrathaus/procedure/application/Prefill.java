// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.procedure.definition.FieldDefinition;
import de.openrathaus.procedure.definition.FieldRules;
import de.openrathaus.procedure.definition.ProcedureDefinition;

/**
 * The answers a form takes from the session's federated sign-in: every field with a {@code source}
 * whose attribute the identity provider sent. In a procedure at level SUBSTANTIAL or above an answer is
 * locked when its attribute is proven at the procedure's level or above (BundID names each attribute's
 * level; without that, the sign-in's level counts): shown as "aus BundID übernommen", not editable, and
 * whatever is posted for it is replaced by the vouched value on saving and again on submitting. An
 * attribute proven below that level (e.g. an e-mail address the citizen entered at BundID) is prefilled
 * but stays editable and is marked as not proven. Below SUBSTANTIAL prefilled answers only fill empty
 * answers and stay editable. A session without attributes (password sign-in) prefills nothing.
 */
final class Prefill {

	private final Map<String, String> values;
	private final Set<String> locked;
	private final boolean proofDemanded;

	private Prefill(Map<String, String> values, Set<String> locked, boolean proofDemanded) {
		this.values = Map.copyOf(values);
		this.locked = Set.copyOf(locked);
		this.proofDemanded = proofDemanded;
	}

	static Prefill of(ProcedureDefinition definition, SignedInUser user) {
		Map<String, String> values = new HashMap<>();
		Set<String> locked = new HashSet<>();
		boolean proofDemanded = definition.trustLevel().satisfies(TrustLevel.SUBSTANTIAL);
		definition.steps().stream().flatMap(step -> step.fields().stream()).forEach(field -> field.attribute()
			.ifPresent(attribute -> attribute.valueIn(user.verifiedPerson()).ifPresent(value -> {
				values.put(field.key(), FieldRules.normalise(field, value));
				if (proofDemanded && attribute.levelIn(user.verifiedPerson(), user.trustLevel()).satisfies(definition.trustLevel())) {
					locked.add(field.key());
				}
			})));
		return new Prefill(values, locked, proofDemanded);
	}

	/** Whether the field's answer comes from the identity provider in this session. */
	boolean fromIdentity(FieldDefinition field) {
		return values.containsKey(field.key());
	}

	/** Whether the citizen may not change the field's answer. */
	boolean locks(FieldDefinition field) {
		return locked.contains(field.key());
	}

	/** Whether the answer comes from the identity provider but is not proven at the level the procedure needs (editable, marked). */
	boolean unproven(FieldDefinition field) {
		return proofDemanded && fromIdentity(field) && !locks(field);
	}

	/** What a page shows: locked answers always as vouched, the others as entered or else as vouched. */
	Map<String, String> shown(Map<String, String> answers) {
		Map<String, String> shown = new HashMap<>(answers);
		values.forEach((key, value) -> {
			if (locked.contains(key) || shown.getOrDefault(key, "").isEmpty()) {
				shown.put(key, value);
			}
		});
		return shown;
	}

	/** The posted answers with every locked one among them replaced by the vouched value. */
	Map<String, String> enforce(Map<String, String> posted) {
		Map<String, String> enforced = new HashMap<>(posted);
		locked.forEach(key -> {
			if (enforced.containsKey(key)) {
				enforced.put(key, values.get(key));
			}
		});
		return enforced;
	}

	/** The whole draft's answers with every locked answer that is asked set to the vouched value (on submission). */
	Map<String, String> enforceAll(ProcedureDefinition definition, Map<String, String> answers) {
		Map<String, String> enforced = new HashMap<>(answers);
		locked.forEach(key -> {
			if (definition.isAsked(key, answers)) {
				enforced.put(key, values.get(key));
			}
		});
		return enforced;
	}
}
