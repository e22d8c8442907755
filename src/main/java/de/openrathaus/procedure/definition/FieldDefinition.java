// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A question of a procedure's form.
 *
 * @param key stable key, e.g. {@code hund.chipnummer}; the value is stored under it
 * @param pattern regular expression the whole value must match
 * @param patternMessage what to tell the citizen when the pattern does not match
 * @param notAfterToday for dates: must not lie in the future
 * @param notBefore for dates: key of another date field this one must not precede
 * @param minAgeYears for dates of birth: the person must be at least this old today
 * @param earliest for dates: the earliest acceptable date
 * @param autocomplete HTML autocomplete token, helps citizens fill known data
 * @param source the identity provider's attribute the field is prefilled from (e.g. {@code bundid.givenName});
 *               in a procedure at level SUBSTANTIAL or above the citizen cannot change such a value
 */
public record FieldDefinition(String key, FieldType type, Text label, @Nullable Text hint, boolean required,
		@Nullable Integer minLength, @Nullable Integer maxLength, @Nullable String pattern,
		@Nullable Text patternMessage, @Nullable List<Option> options, boolean notAfterToday,
		@Nullable String notBefore, @Nullable Integer minAgeYears, @Nullable LocalDate earliest,
		@Nullable String autocomplete, @Nullable Condition when, @Nullable String source) {

	/** Longest value accepted for any field whose definition sets no maximum. */
	public static final int DEFAULT_MAX_LENGTH = 200;

	public FieldDefinition {
		options = options == null ? List.of() : List.copyOf(options);
		if (type == FieldType.SELECT && options.isEmpty()) {
			throw new IllegalArgumentException("select field " + key + " needs options");
		}
		if (source != null) {
			PersonAttribute.ofSource(source);
			if (type != FieldType.TEXT && type != FieldType.DATE) {
				throw new IllegalArgumentException("field " + key + ": only text and date fields can take a value from " + source);
			}
		}
	}

	/** A field without a source (the form as it was before sources existed). */
	public FieldDefinition(String key, FieldType type, Text label, @Nullable Text hint, boolean required,
			@Nullable Integer minLength, @Nullable Integer maxLength, @Nullable String pattern,
			@Nullable Text patternMessage, @Nullable List<Option> options, boolean notAfterToday,
			@Nullable String notBefore, @Nullable Integer minAgeYears, @Nullable LocalDate earliest,
			@Nullable String autocomplete, @Nullable Condition when) {
		this(key, type, label, hint, required, minLength, maxLength, pattern, patternMessage, options, notAfterToday, notBefore,
				minAgeYears, earliest, autocomplete, when, null);
	}

	/** The attribute this field takes its value from, if any. */
	public java.util.Optional<PersonAttribute> attribute() {
		return java.util.Optional.ofNullable(source).map(PersonAttribute::ofSource);
	}

	public int effectiveMaxLength() {
		if (maxLength != null) {
			return maxLength;
		}
		return type == FieldType.TEXTAREA ? 4000 : DEFAULT_MAX_LENGTH;
	}

	/** Element id of the input in HTML, also the target of the error summary's link. */
	public String domId() {
		return "f-" + key.replace('.', '-');
	}

	/** A choice of a select field. */
	public record Option(String value, Text label) {
	}
}
