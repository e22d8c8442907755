// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.openrathaus.account.TrustLevel;

import org.junit.jupiter.api.Test;

/** Step navigation: which step comes next, before, first and where a draft is resumed, given the answers. */
class ProcedureDefinitionTests {

	static final Map<String, String> HARMLESS = Map.of("hund.gefaehrlich", "false");
	static final Map<String, String> DANGEROUS = Map.of("hund.gefaehrlich", "true");

	/** keeper, dog, the permit only for a dangerous dog, then the evidence. */
	static final ProcedureDefinition DOG = new ProcedureDefinition("hund-anmelden", 1, new Text("Hund anmelden", null),
			new Text("Anmelden", null), List.of(), "steuern", TrustLevel.LOW, "HUND", "hund-anmelden",
			"procedure/decisions/hund-anmelden", null, null,
			List.of(step("halter", null, List.of(FieldRulesTests.text("halter.name", true, null, null)), List.of()),
					step("hund", null, List.of(FieldRulesTests.text("hund.gefaehrlich", true, null, null)), List.of()),
					step("gefahr", new Condition("hund.gefaehrlich", "true"), List.of(), List.of(permit())),
					step("nachweise", null, List.of(FieldRulesTests.text("nachweis.notiz", false, null, null)), List.of())));

	static StepDefinition step(String key, Condition when, List<FieldDefinition> fields, List<AttachmentDefinition> attachments) {
		return new StepDefinition(key, new Text(key, null), null, fields, attachments, when);
	}

	static AttachmentDefinition permit() {
		return new AttachmentDefinition("hund.erlaubnis", new Text("Erlaubnis", null), null, true, List.of("application/pdf"),
				1024, 1, null);
	}

	static Optional<String> key(Optional<StepDefinition> step) {
		return step.map(StepDefinition::key);
	}

	@Test
	void theNextStepSkipsAStepWhoseConditionDoesNotHold() {
		assertThat(key(DOG.after("halter", HARMLESS))).contains("hund");
		assertThat(key(DOG.after("hund", HARMLESS))).contains("nachweise");
		assertThat(key(DOG.after("hund", DANGEROUS))).contains("gefahr");
		assertThat(key(DOG.after("gefahr", DANGEROUS))).contains("nachweise");
		assertThat(DOG.after("nachweise", DANGEROUS)).as("after the last step comes the summary").isEmpty();
	}

	@Test
	void thePreviousStepSkipsAStepWhoseConditionDoesNotHold() {
		assertThat(key(DOG.before("nachweise", HARMLESS))).contains("hund");
		assertThat(key(DOG.before("nachweise", DANGEROUS))).contains("gefahr");
		assertThat(DOG.before("halter", DANGEROUS)).as("the first step has none").isEmpty();
	}

	@Test
	void aHiddenStepCannotBeOpened() {
		assertThat(DOG.firstStep().key()).isEqualTo("halter");
		assertThat(key(DOG.visibleStep("gefahr", DANGEROUS))).contains("gefahr");
		assertThat(DOG.visibleStep("gefahr", HARMLESS)).isEmpty();
		assertThat(DOG.visibleStep("gibt-es-nicht", DANGEROUS)).isEmpty();
	}

	@Test
	void aFieldOrAttachmentIsFoundOnTheVisibleStepThatAsksForIt() {
		assertThat(key(DOG.stepAsking("hund.gefaehrlich", HARMLESS))).contains("hund");
		assertThat(key(DOG.stepAsking("hund.erlaubnis", DANGEROUS))).contains("gefahr");
		assertThat(DOG.stepAsking("hund.erlaubnis", HARMLESS)).as("its step is hidden").isEmpty();
	}

	@Test
	void aDraftResumesAtTheFirstStepWithSomethingMissingOrElseAtTheLastVisibleStep() {
		List<Violation> permitMissing = List.of(Violation.of("hund.erlaubnis", "validation.upload.required"));
		assertThat(DOG.resumeStep(DANGEROUS, permitMissing).key()).isEqualTo("gefahr");
		assertThat(DOG.resumeStep(DANGEROUS, List.of(Violation.of("nachweis.notiz", "validation.tooLong"),
				Violation.of("halter.name", "validation.required"))).key()).isEqualTo("halter");
		assertThat(DOG.resumeStep(DANGEROUS, List.of()).key()).isEqualTo("nachweise");
		assertThat(DOG.resumeStep(HARMLESS, List.of(Violation.of("nachweis.notiz", "validation.tooLong"))).key())
			.isEqualTo("nachweise");
	}
}
