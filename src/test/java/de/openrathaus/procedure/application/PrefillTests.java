// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.AccountKind;
import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.account.SignedInUser;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.procedure.definition.FieldDefinition;
import de.openrathaus.procedure.definition.FieldType;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.procedure.definition.StepDefinition;
import de.openrathaus.procedure.definition.Text;
import de.openrathaus.tenancy.TenantId;

import org.junit.jupiter.api.Test;

/** Which answers come from the session's BundID attributes, and when the citizen may not change them. */
class PrefillTests {

	static final FederatedIdentity.Person ERIKA = new FederatedIdentity.Person("Erika", "Mustermann", LocalDate.of(1964, 8, 12),
			"Heidestraße 17", "51147", "Köln", "DE", null);

	static FieldDefinition field(String key, FieldType type, String source) {
		return new FieldDefinition(key, type, new Text(key, null), null, false, null, null, null, null, null, false, null, null,
				null, null, null, source);
	}

	static ProcedureDefinition procedure(TrustLevel level) {
		return new ProcedureDefinition("test", 1, new Text("Test", null), new Text("Test", null), List.of(), "ordnung", level, "TEST",
				"test", "test", null, null, List.of(new StepDefinition("person", new Text("Person", null), null,
						List.of(field("p.vorname", FieldType.TEXT, "bundid.givenName"), field("p.geburt", FieldType.DATE, "bundid.birthDate"),
								field("p.mail", FieldType.TEXT, "bundid.email"), field("p.notiz", FieldType.TEXT, null)),
						List.of(), null)));
	}

	static SignedInUser user(FederatedIdentity.Person person) {
		return user(person, TrustLevel.SUBSTANTIAL);
	}

	static SignedInUser user(FederatedIdentity.Person person, TrustLevel level) {
		return new SignedInUser(AccountId.random(), new TenantId(UUID.randomUUID()), AccountKind.CITIZEN, null, "Erika", level, Map.of(),
				person, null);
	}

	@Test
	void atSubstantialVouchedAnswersReplaceWhatIsPostedAndWhatIsShown() {
		Prefill prefill = Prefill.of(procedure(TrustLevel.SUBSTANTIAL), user(ERIKA));
		Map<String, String> posted = new HashMap<>(Map.of("p.vorname", "Mallory", "p.geburt", "01.01.2000", "p.notiz", "frei"));
		posted.put("p.mail", null);
		Map<String, String> saved = prefill.enforce(posted);
		assertThat(saved).containsEntry("p.vorname", "Erika").containsEntry("p.geburt", "1964-08-12").containsEntry("p.notiz", "frei");
		// BundID sent no e-mail: that field stays the citizen's own
		assertThat(saved.get("p.mail")).isNull();
		assertThat(prefill.shown(Map.of("p.vorname", "Mallory"))).containsEntry("p.vorname", "Erika");
		assertThat(prefill.locks(procedure(TrustLevel.SUBSTANTIAL).field("p.vorname").orElseThrow())).isTrue();
		assertThat(prefill.locks(procedure(TrustLevel.SUBSTANTIAL).field("p.mail").orElseThrow())).isFalse();
	}

	@Test
	void belowSubstantialVouchedAnswersOnlyFillWhatIsEmptyAndStayEditable() {
		Prefill prefill = Prefill.of(procedure(TrustLevel.LOW), user(ERIKA));
		assertThat(prefill.enforce(Map.of("p.vorname", "Eri"))).containsEntry("p.vorname", "Eri");
		assertThat(prefill.shown(Map.of("p.vorname", "Eri"))).containsEntry("p.vorname", "Eri").containsEntry("p.geburt", "1964-08-12");
		assertThat(prefill.locks(procedure(TrustLevel.LOW).field("p.vorname").orElseThrow())).isFalse();
	}

	@Test
	void onSubmissionEveryAskedLockedAnswerIsTheVouchedOne() {
		ProcedureDefinition definition = procedure(TrustLevel.HIGH);
		Map<String, String> submitted = Prefill.of(definition, user(ERIKA, TrustLevel.HIGH)).enforceAll(definition,
				Map.of("p.vorname", "Mallory"));
		assertThat(submitted).containsEntry("p.vorname", "Erika").containsEntry("p.geburt", "1964-08-12");
		assertThat(submitted.keySet()).isEqualTo(Set.of("p.vorname", "p.geburt"));
	}

	@Test
	void aPasswordSessionPrefillsNothing() {
		SignedInUser password = new SignedInUser(AccountId.random(), new TenantId(UUID.randomUUID()), AccountKind.CITIZEN, "a@example.org",
				"A", TrustLevel.SUBSTANTIAL, Map.of());
		Prefill prefill = Prefill.of(procedure(TrustLevel.SUBSTANTIAL), password);
		assertThat(prefill.enforce(Map.of("p.vorname", "Ida"))).containsEntry("p.vorname", "Ida");
	}

	@Test
	void aDefinitionNamingAnUnknownSourceOrASourceOnAChoiceDoesNotLoad() {
		assertThatIllegalArgumentException().isThrownBy(() -> field("x", FieldType.TEXT, "bundid.shoeSize"));
		assertThatIllegalArgumentException().isThrownBy(() -> field("x", FieldType.YESNO, "bundid.givenName"));
	}

	@Test
	void onlyAttributesProvenAtTheProceduresLevelAreLockedTheOthersAreEditableAndMarked() {
		// BundID: name and birth date read from the eID (HOCH), the e-mail address entered by the citizen (NORMAL)
		FederatedIdentity.Person mixed = new FederatedIdentity.Person("Erika", "Mustermann", LocalDate.of(1964, 8, 12), null, null, null,
				null, "erika@example.org", Map.of("givenName", TrustLevel.HIGH, "birthDate", TrustLevel.HIGH, "email", TrustLevel.LOW));
		ProcedureDefinition definition = procedure(TrustLevel.SUBSTANTIAL);
		Prefill prefill = Prefill.of(definition, user(mixed, TrustLevel.HIGH));
		FieldDefinition name = definition.field("p.vorname").orElseThrow();
		FieldDefinition mail = definition.field("p.mail").orElseThrow();
		assertThat(prefill.locks(name)).isTrue();
		assertThat(prefill.unproven(name)).isFalse();
		assertThat(prefill.fromIdentity(mail)).isTrue();
		assertThat(prefill.locks(mail)).as("self-entered at BundID: not proven").isFalse();
		assertThat(prefill.unproven(mail)).isTrue();
		Map<String, String> saved = prefill.enforce(Map.of("p.vorname", "Mallory", "p.mail", "neu@example.org"));
		assertThat(saved).containsEntry("p.vorname", "Erika").containsEntry("p.mail", "neu@example.org");
		assertThat(prefill.shown(Map.of())).containsEntry("p.mail", "erika@example.org");
		assertThat(prefill.enforceAll(definition, Map.of("p.mail", "neu@example.org"))).containsEntry("p.mail", "neu@example.org")
			.containsEntry("p.vorname", "Erika");

		// at HIGH only what is proven at HIGH is locked; without per-attribute levels the sign-in's level counts
		ProcedureDefinition high = procedure(TrustLevel.HIGH);
		FederatedIdentity.Person substantialName = new FederatedIdentity.Person("Erika", null, LocalDate.of(1964, 8, 12), null, null, null,
				null, null, Map.of("givenName", TrustLevel.SUBSTANTIAL));
		Prefill atHigh = Prefill.of(high, user(substantialName, TrustLevel.HIGH));
		assertThat(atHigh.locks(high.field("p.vorname").orElseThrow())).isFalse();
		assertThat(atHigh.locks(high.field("p.geburt").orElseThrow())).isTrue();
	}
}
