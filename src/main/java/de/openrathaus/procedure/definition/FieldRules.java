// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import de.openrathaus.files.InputText;

import org.jspecify.annotations.Nullable;

/**
 * Normalises and checks a citizen's answers against a procedure definition. Pure functions: the
 * same answers, definition and day always give the same result.
 */
public final class FieldRules {

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private FieldRules() {
	}

	/**
	 * Brings a raw input into its stored form: Unicode NFC, trimmed, control characters removed,
	 * dates as ISO (accepting {@code 31.12.2020} too), yes/no as {@code true}/{@code false}.
	 * Returns an empty string for no answer.
	 */
	public static String normalise(FieldDefinition field, @Nullable String raw) {
		if (raw == null) {
			return "";
		}
		String value = InputText.nfc(raw);
		value = CONTROL.matcher(value).replaceAll("").strip();
		if (field.type() == FieldType.TEXTAREA) {
			value = value.replace("\r\n", "\n");
		}
		else {
			value = value.replaceAll("\\s+", " ");
		}
		if (field.type() == FieldType.DATE) {
			return parseDate(value).map(LocalDate::toString).orElse(value);
		}
		if (field.type() == FieldType.YESNO) {
			return switch (value.toLowerCase()) {
				case "true", "ja", "yes" -> "true";
				case "false", "nein", "no" -> "false";
				default -> value;
			};
		}
		return value;
	}

	static Optional<LocalDate> parseDate(String value) {
		try {
			return Optional.of(LocalDate.parse(value));
		}
		catch (DateTimeParseException iso) {
			try {
				return Optional.of(LocalDate.parse(value, GERMAN_DATE));
			}
			catch (DateTimeParseException german) {
				return Optional.empty();
			}
		}
	}

	/** Checks one normalised value; {@code answers} holds the other normalised answers for cross-field rules. */
	public static List<Violation> check(FieldDefinition field, String value, Map<String, String> answers, LocalDate today) {
		Text label = field.label();
		List<Violation> violations = new ArrayList<>();
		if (value.isEmpty()) {
			if (field.required()) {
				violations.add(new Violation(field.key(), requiredCode(field), List.of(label), null));
			}
			return violations;
		}
		if (value.length() > field.effectiveMaxLength()) {
			violations.add(Violation.of(field.key(), "validation.tooLong", label, field.effectiveMaxLength()));
			return violations;
		}
		switch (field.type()) {
			case DATE -> checkDate(field, value, answers, today, violations);
			case YESNO -> {
				if (!value.equals("true") && !value.equals("false")) {
					violations.add(Violation.of(field.key(), "validation.choose", label));
				}
			}
			case SELECT -> {
				if (field.options().stream().noneMatch(o -> o.value().equals(value))) {
					violations.add(Violation.of(field.key(), "validation.choose", label));
				}
			}
			case TEXT, TEXTAREA -> checkText(field, value, violations);
		}
		return violations;
	}

	private static String requiredCode(FieldDefinition field) {
		return switch (field.type()) {
			case YESNO, SELECT -> "validation.choose";
			case DATE -> "validation.date.required";
			default -> "validation.required";
		};
	}

	private static void checkText(FieldDefinition field, String value, List<Violation> violations) {
		Text label = field.label();
		if (field.minLength() != null && value.length() < field.minLength()) {
			violations.add(Violation.of(field.key(), "validation.tooShort", label, field.minLength()));
		}
		else if (field.pattern() != null && !value.matches(field.pattern())) {
			violations.add(new Violation(field.key(), "validation.pattern", List.of(label), field.patternMessage()));
		}
	}

	private static void checkDate(FieldDefinition field, String value, Map<String, String> answers, LocalDate today,
			List<Violation> violations) {
		Text label = field.label();
		Optional<LocalDate> parsed = parseDate(value);
		if (parsed.isEmpty()) {
			violations.add(Violation.of(field.key(), "validation.date.invalid", label));
			return;
		}
		LocalDate date = parsed.get();
		if (field.notAfterToday() && date.isAfter(today)) {
			violations.add(Violation.of(field.key(), "validation.date.future", label));
		}
		else if (field.earliest() != null && date.isBefore(field.earliest())) {
			violations.add(Violation.of(field.key(), "validation.date.tooEarly", label, field.earliest().format(SHOWN_DATE)));
		}
		else if (field.minAgeYears() != null && Period.between(date, today).getYears() < field.minAgeYears()) {
			violations.add(Violation.of(field.key(), "validation.date.minAge", label, field.minAgeYears()));
		}
		else if (field.notBefore() != null) {
			Optional<LocalDate> other = Optional.ofNullable(answers.get(field.notBefore())).flatMap(FieldRules::parseDate);
			if (other.isPresent() && date.isBefore(other.get())) {
				violations.add(Violation.of(field.key(), "validation.date.before", label, other.get().format(SHOWN_DATE)));
			}
		}
	}
}
