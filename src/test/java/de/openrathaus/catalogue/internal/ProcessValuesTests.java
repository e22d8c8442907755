// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProcessValuesTests {

	static final Set<String> DEPARTMENTS = Set.of("steuern", "buergerbuero");
	static final Set<String> PROCEDURES = Set.of("hund-anmelden");

	static Map<ProcessField, String> valid() {
		Map<ProcessField, String> raw = new EnumMap<>(ProcessField.class);
		raw.put(ProcessField.KEY, "ste-001");
		raw.put(ProcessField.DEPARTMENT, "Steuern");
		raw.put(ProcessField.NAME, "Hund anmelden");
		raw.put(ProcessField.DESCRIPTION, "Anmeldung zur Hundesteuer");
		raw.put(ProcessField.TARGET_GROUPS, "Bürger; Wirtschaft");
		raw.put(ProcessField.KIND, "Output");
		raw.put(ProcessField.PERSONAL_DATA, "ja");
		raw.put(ProcessField.SPECIAL_CATEGORIES, "nein");
		raw.put(ProcessField.CASES_PER_YEAR, "3.200");
		raw.put(ProcessField.LAW_DEMANDS_DIGITAL, "ja");
		raw.put(ProcessField.DIGITAL_LAW, "OZG");
		raw.put(ProcessField.DIGITAL_DEADLINE, "31.12.2022");
		raw.put(ProcessField.AUTOMATION_POTENTIAL, "teilweise");
		raw.put(ProcessField.LEIKA_KEY, "99036001000000");
		raw.put(ProcessField.PROCEDURE_TYPE, "hund-anmelden");
		raw.put(ProcessField.CITIZEN_BENEFIT, "4");
		raw.put(ProcessField.BUSINESS_BENEFIT, "0");
		raw.put(ProcessField.MINUTES_SAVED, "12");
		raw.put(ProcessField.BUDGET, "15000");
		raw.put(ProcessField.STAFF_DAYS, "20");
		raw.put(ProcessField.FEASIBILITY, "5");
		return raw;
	}

	static List<String> codes(ProcessValues.Result result) {
		return result.problems().stream().map(p -> p.field().name + ":" + p.code()).toList();
	}

	@Test
	void spreadsheetWordsAreUnderstood() {
		ProcessValues.Result result = ProcessValues.read(valid(), DEPARTMENTS, PROCEDURES);
		assertThat(result.problems()).isEmpty();
		assertThat(result.values().get(ProcessField.KEY)).isEqualTo("STE-001");
		assertThat(result.values().get(ProcessField.DEPARTMENT)).isEqualTo("steuern");
		assertThat(result.values().get(ProcessField.TARGET_GROUPS)).isEqualTo(List.of("CITIZENS", "BUSINESSES"));
		assertThat(result.values().get(ProcessField.CASES_PER_YEAR)).isEqualTo(3200);
		assertThat(result.values().get(ProcessField.DIGITAL_DEADLINE)).isEqualTo(LocalDate.of(2022, 12, 31));
		assertThat(result.values().get(ProcessField.AUTOMATION_POTENTIAL)).isEqualTo("PARTIAL");
		assertThat(result.values().get(ProcessField.PERSONAL_DATA)).isEqualTo(true);
	}

	@Test
	void eachRuleNamesItsField() {
		Map<ProcessField, String> raw = valid();
		raw.put(ProcessField.NAME, "");
		raw.put(ProcessField.DEPARTMENT, "gibtsnicht");
		raw.put(ProcessField.KIND, "Irgendwas");
		raw.put(ProcessField.CASES_PER_YEAR, "viele");
		raw.put(ProcessField.FEASIBILITY, "7");
		raw.put(ProcessField.DIGITAL_DEADLINE, "31.02.2022");
		raw.put(ProcessField.LEIKA_KEY, "123");
		raw.put(ProcessField.PROCEDURE_TYPE, "unbekannt");
		raw.put(ProcessField.PERSONAL_DATA, "vielleicht");
		raw.put(ProcessField.KEY, "bad key!");
		assertThat(codes(ProcessValues.read(raw, DEPARTMENTS, PROCEDURES))).containsExactlyInAnyOrder(
				"key:catalogue.value.key", "department:catalogue.value.department", "name:catalogue.value.required",
				"kind:catalogue.value.choice", "personalData:catalogue.value.boolean", "casesPerYear:catalogue.value.integer",
				"digitalDeadline:catalogue.value.date", "leikaKey:catalogue.value.leika", "procedureTypeKey:catalogue.value.procedure",
				"feasibility:catalogue.value.range");
	}

	@Test
	void crossFieldRules() {
		Map<ProcessField, String> raw = valid();
		raw.put(ProcessField.DIGITAL_LAW, "");
		raw.put(ProcessField.PERSONAL_DATA, "nein");
		raw.put(ProcessField.SPECIAL_CATEGORIES, "ja");
		assertThat(codes(ProcessValues.read(raw, DEPARTMENTS, PROCEDURES))).containsExactlyInAnyOrder(
				"digitalLaw:catalogue.value.lawMissing", "specialCategories:catalogue.value.specialWithoutPersonal");
	}
}
