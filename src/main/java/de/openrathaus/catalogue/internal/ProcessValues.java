// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.openrathaus.files.InputText;

import org.jspecify.annotations.Nullable;

/**
 * Reads the raw answers of a process record (from the web form, a spreadsheet cell or the demo
 * file, all as text) into typed values, or says for each field what is wrong. Choices accept the
 * codes and the German words people write in a spreadsheet ("Bürger", "teilweise", "ja").
 */
final class ProcessValues {

	private static final DateTimeFormatter DISPLAY_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

	static final Map<String, String> WORDS = Map.ofEntries(Map.entry("bürger", "CITIZENS"), Map.entry("bürgerinnen und bürger", "CITIZENS"),
			Map.entry("bürger:innen", "CITIZENS"), Map.entry("wirtschaft", "BUSINESSES"), Map.entry("gewerbe", "BUSINESSES"),
			Map.entry("unternehmen", "BUSINESSES"), Map.entry("politik", "POLITICS"), Map.entry("andere einrichtungen", "OTHER_BODIES"),
			Map.entry("andere behörden", "OTHER_BODIES"), Map.entry("steuerung", "STEERING"), Map.entry("output", "OUTPUT"),
			Map.entry("service", "SERVICE"), Map.entry("kein", "NONE"), Map.entry("keines", "NONE"), Map.entry("teilweise", "PARTIAL"),
			Map.entry("vollständig", "FULL"), Map.entry("voll", "FULL"));

	/** A field that breaks a rule, with the message code and its arguments. */
	record Problem(ProcessField field, String code, List<Object> args) {

		Problem {
			args = List.copyOf(args);
		}
	}

	/** The outcome: typed values when there are no problems. */
	record Result(Map<ProcessField, Object> values, List<Problem> problems) {

		boolean valid() {
			return problems.isEmpty();
		}
	}

	private ProcessValues() {
	}

	/**
	 * @param departments the department codes that exist
	 * @param procedureTypes the keys of the online procedure types that exist
	 */
	static Result read(Map<ProcessField, String> raw, Set<String> departments, Set<String> procedureTypes) {
		Map<ProcessField, Object> values = new EnumMap<>(ProcessField.class);
		List<Problem> problems = new ArrayList<>();
		for (ProcessField field : ProcessField.values()) {
			String text = clean(raw.get(field));
			if (text.isEmpty()) {
				if (field.required) {
					problems.add(new Problem(field, "catalogue.value.required", List.of()));
				}
				else {
					values.put(field, empty(field));
				}
				continue;
			}
			if (text.length() > field.maxLength()) {
				problems.add(new Problem(field, "catalogue.value.tooLong", List.of(field.maxLength())));
				continue;
			}
			Object value = parse(field, text, departments, procedureTypes, problems);
			if (value != null) {
				values.put(field, value);
			}
		}
		crossChecks(values, problems);
		return new Result(problems.isEmpty() ? values : Map.of(), problems);
	}

	private static void crossChecks(Map<ProcessField, Object> values, List<Problem> problems) {
		if (Boolean.TRUE.equals(values.get(ProcessField.LAW_DEMANDS_DIGITAL)) && "".equals(values.get(ProcessField.DIGITAL_LAW))) {
			problems.add(new Problem(ProcessField.DIGITAL_LAW, "catalogue.value.lawMissing", List.of()));
		}
		if (Boolean.TRUE.equals(values.get(ProcessField.SPECIAL_CATEGORIES)) && Boolean.FALSE.equals(values.get(ProcessField.PERSONAL_DATA))) {
			problems.add(new Problem(ProcessField.SPECIAL_CATEGORIES, "catalogue.value.specialWithoutPersonal", List.of()));
		}
	}

	private static Object empty(ProcessField field) {
		return switch (field.type) {
			case SET -> List.of();
			case DATE -> NONE;
			default -> "";
		};
	}

	/** Stands for "no date". */
	static final Object NONE = new Object() {
		@Override
		public String toString() {
			return "";
		}
	};

	private static @Nullable Object parse(ProcessField field, String text, Set<String> departments, Set<String> procedureTypes,
			List<Problem> problems) {
		switch (field.type) {
			case KEY -> {
				String key = text.toUpperCase(Locale.ROOT);
				if (!key.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
					problems.add(new Problem(field, "catalogue.value.key", List.of()));
					return null;
				}
				return key;
			}
			case DEPARTMENT -> {
				String code = text.toLowerCase(Locale.ROOT);
				if (!departments.contains(code)) {
					problems.add(new Problem(field, "catalogue.value.department", List.of(text)));
					return null;
				}
				return code;
			}
			case BOOLEAN -> {
				return switch (text.toLowerCase(Locale.ROOT)) {
					case "ja", "yes", "true", "x", "1" -> Boolean.TRUE;
					case "nein", "no", "false", "0", "-" -> Boolean.FALSE;
					default -> {
						problems.add(new Problem(field, "catalogue.value.boolean", List.of(text)));
						yield null;
					}
				};
			}
			case INTEGER, SCALE -> {
				try {
					String digits = text.replace(".", "").replace(" ", "");
					if (digits.endsWith(",0") || digits.endsWith(",00")) {
						digits = digits.substring(0, digits.indexOf(','));
					}
					int number = Integer.parseInt(digits);
					int max = field.type == ProcessField.Type.SCALE ? 5 : 10_000_000;
					if (number < 0 || number > max) {
						problems.add(new Problem(field, "catalogue.value.range", List.of(0, max)));
						return null;
					}
					return number;
				}
				catch (NumberFormatException e) {
					problems.add(new Problem(field, "catalogue.value.integer", List.of(text)));
					return null;
				}
			}
			case DATE -> {
				try {
					return LocalDate.parse(text);
				}
				catch (DateTimeParseException iso) {
					try {
						return LocalDate.parse(text, GERMAN_DATE);
					}
					catch (DateTimeParseException german) {
						problems.add(new Problem(field, "catalogue.value.date", List.of(text)));
						return null;
					}
				}
			}
			case CHOICE -> {
				String code = code(text);
				if (!field.options.contains(code)) {
					problems.add(new Problem(field, "catalogue.value.choice", List.of(text, allowed(field))));
					return null;
				}
				return code;
			}
			case SET -> {
				Set<String> codes = new LinkedHashSet<>();
				for (String part : text.split("[,;]")) {
					if (part.isBlank()) {
						continue;
					}
					String code = code(part.strip());
					if (!field.options.contains(code)) {
						problems.add(new Problem(field, "catalogue.value.choice", List.of(part.strip(), allowed(field))));
						return null;
					}
					codes.add(code);
				}
				return List.copyOf(codes);
			}
			case LEIKA -> {
				if (!text.matches("[0-9]{14}")) {
					problems.add(new Problem(field, "catalogue.value.leika", List.of(text)));
					return null;
				}
				return text;
			}
			case PROCEDURE -> {
				if (!procedureTypes.contains(text)) {
					problems.add(new Problem(field, "catalogue.value.procedure", List.of(text)));
					return null;
				}
				return text;
			}
			default -> {
				return text;
			}
		}
	}

	/** The allowed values as people write them, e.g. "Steuerung, Output, Service". */
	static String allowed(ProcessField field) {
		return String.join(", ", field.options.stream().map(Workbooks::german).toList());
	}

	private static String code(String text) {
		String lower = text.toLowerCase(Locale.GERMAN);
		return WORDS.getOrDefault(lower, text.toUpperCase(Locale.ROOT).replace(' ', '_'));
	}

	static String clean(@Nullable String value) {
		if (value == null) {
			return "";
		}
		return InputText.nfc(value).replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
	}

	/** A typed value as text again (form fields, spreadsheet cells, history). */
	static String text(ProcessField field, @Nullable Object value) {
		if (value == null || value == NONE) {
			return "";
		}
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		if (value instanceof Boolean flag) {
			return flag ? "ja" : "nein";
		}
		if (value instanceof LocalDate day) {
			// as the forms and spreadsheets ask for it (TT.MM.JJJJ), not ISO; the parser reads both
			return DISPLAY_DATE.format(day);
		}
		return String.valueOf(value);
	}
}
