// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a process record, as the survey defines them. One list serves the web form, the
 * spreadsheet template and import, the demo data and the storage (column names).
 */
enum ProcessField {

	KEY("key", "process_key", Type.KEY, true, "Prozess-ID", "Process id", null),
	DEPARTMENT("department", "department_code", Type.DEPARTMENT, true, "Fachbereich (Kürzel)", "Department (code)", null),
	NAME("name", "name", Type.TEXT, true, "Prozess", "Process", null),
	DESCRIPTION("description", "description", Type.LONGTEXT, true, "Beschreibung", "Description", null),
	TARGET_GROUPS("targetGroups", "target_groups", Type.SET, true, "Zielgruppen", "Target groups",
			List.of("CITIZENS", "BUSINESSES", "POLITICS", "OTHER_BODIES")),
	KIND("kind", "kind", Type.CHOICE, true, "Art des Prozesses", "Kind of process", List.of("STEERING", "OUTPUT", "SERVICE")),
	PRODUCT_NUMBER("productNumber", "product_number", Type.TEXT, false, "Produktnummer", "Product number", null),
	PRODUCT_NAME("productName", "product_name", Type.TEXT, false, "Produkt", "Product", null),
	PARTICIPANTS("participants", "participants", Type.LONGTEXT, false, "Prozessbeteiligte", "Participants", null),
	TRIGGER("trigger", "trigger_event", Type.LONGTEXT, false, "Auslöser", "Trigger", null),
	RESULT("result", "result", Type.LONGTEXT, false, "Ergebnis", "Result", null),
	DATA_PROCESSED("dataProcessed", "data_processed", Type.LONGTEXT, false, "Verarbeitete Daten", "Data processed", null),
	PERSONAL_DATA("personalData", "personal_data", Type.BOOLEAN, true, "Personenbezogene Daten", "Personal data", null),
	PERSONAL_DATA_CATEGORIES("personalDataCategories", "personal_data_categories", Type.LONGTEXT, false,
			"Kategorien personenbezogener Daten", "Categories of personal data", null),
	SPECIAL_CATEGORIES("specialCategories", "special_categories", Type.BOOLEAN, true,
			"Besondere Kategorien (Art. 9 DSGVO)", "Special categories (Art. 9 GDPR)", null),
	CASES_PER_YEAR("casesPerYear", "cases_per_year", Type.INTEGER, true, "Fälle pro Jahr", "Cases per year", null),
	DEFICITS("deficits", "deficits", Type.LONGTEXT, false, "Bestehende Defizite", "Current deficits", null),
	LEGAL_BASES("legalBases", "legal_bases", Type.LONGTEXT, false, "Rechtsgrundlagen (Gesetz, Paragraph)", "Legal bases", null),
	LAW_DEMANDS_DIGITAL("lawDemandsDigital", "law_demands_digital", Type.BOOLEAN, true,
			"Gesetz fordert digitales Angebot", "Law demands a digital offer", null),
	DIGITAL_LAW("digitalLaw", "digital_law", Type.TEXT, false, "Welches Gesetz", "Which law", null),
	DIGITAL_DEADLINE("digitalDeadline", "digital_deadline", Type.DATE, false, "Frist", "Deadline", null),
	AUTOMATION_POTENTIAL("automationPotential", "automation_potential", Type.CHOICE, true, "Automatisierungspotenzial",
			"Automation potential", List.of("NONE", "PARTIAL", "FULL")),
	AUTOMATION_NOTE("automationNote", "automation_note", Type.LONGTEXT, false, "Anmerkung zur Automatisierung", "Note on automation", null),
	IT_SYSTEM("itSystem", "it_system", Type.TEXT, false, "IT-Verfahren", "IT system", null),
	IT_EXTENSION("itExtension", "it_extension", Type.LONGTEXT, false, "Erweiterbarkeit Richtung E-Government",
			"Extension towards e-government", null),
	EFILE_INTEGRATION("efileIntegration", "efile_integration", Type.LONGTEXT, false, "Integration in die E-Akte", "Integration with the e-file", null),
	LEIKA_KEY("leikaKey", "leika_key", Type.LEIKA, false, "LeiKa-Schlüssel", "LeiKa service key", null),
	PROCEDURE_TYPE("procedureTypeKey", "procedure_type_key", Type.PROCEDURE, false, "Online-Verfahren", "Online procedure", null),
	CITIZEN_BENEFIT("citizenBenefit", "citizen_benefit", Type.SCALE, true, "Nutzen Bürgerinnen und Bürger (0–5)", "Benefit for citizens (0–5)", null),
	BUSINESS_BENEFIT("businessBenefit", "business_benefit", Type.SCALE, true, "Nutzen Wirtschaft (0–5)", "Benefit for businesses (0–5)", null),
	MINUTES_SAVED("minutesSavedPerCase", "minutes_saved_per_case", Type.INTEGER, true, "Zeitersparnis je Fall (Minuten)",
			"Time saved per case (minutes)", null),
	BUDGET("budgetEur", "budget_eur", Type.INTEGER, true, "Budget (Euro)", "Budget (euros)", null),
	STAFF_DAYS("staffDays", "staff_days", Type.INTEGER, true, "Personalaufwand (Personentage)", "Staff effort (person-days)", null),
	FEASIBILITY("feasibility", "feasibility", Type.SCALE, true, "Umsetzbarkeit (0–5)", "Feasibility (0–5)", null);

	enum Type {
		KEY, DEPARTMENT, TEXT, LONGTEXT, BOOLEAN, INTEGER, SCALE, DATE, CHOICE, SET, LEIKA, PROCEDURE
	}

	final String name;
	final String column;
	final Type type;
	final boolean required;
	final String labelDe;
	final String labelEn;
	final List<String> options;

	ProcessField(String name, String column, Type type, boolean required, String labelDe, String labelEn,
			@Nullable List<String> options) {
		this.name = name;
		this.column = column;
		this.type = type;
		this.required = required;
		this.labelDe = labelDe;
		this.labelEn = labelEn;
		this.options = options == null ? List.of() : options;
	}

	String label(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? labelEn : labelDe;
	}

	int maxLength() {
		return switch (type) {
			case LONGTEXT -> 2000;
			case KEY -> 40;
			default -> 200;
		};
	}
}
