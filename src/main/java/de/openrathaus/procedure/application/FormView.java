// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import de.openrathaus.procedure.definition.AttachmentDefinition;
import de.openrathaus.procedure.definition.FieldDefinition;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.procedure.definition.StepDefinition;
import de.openrathaus.procedure.definition.Text;
import de.openrathaus.procedure.definition.UploadRules;
import de.openrathaus.procedure.definition.Violation;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a definition, answers and violations into what a step page shows, in the reader's language. */
@Component
class FormView {

	private final MessageSource messages;

	FormView(MessageSource messages) {
		this.messages = messages;
	}

	/** An entry of the error summary, linking to the input it is about. */
	record ErrorItem(String target, String message) {
	}

	record OptionView(String value, String label, boolean checked) {
	}

	/**
	 * @param fromIdentity the value comes from the session's identity provider ("aus BundID übernommen")
	 * @param locked       the citizen cannot change it (the procedure's level demands the vouched value)
	 * @param unproven     it comes from the identity provider, but not proven at the procedure's level (editable, marked)
	 */
	record FieldView(String key, String domId, String type, String label, @Nullable String hint, String value,
			@Nullable String error, boolean required, @Nullable String autocomplete, int maxLength, List<OptionView> options,
			boolean fromIdentity, boolean locked, boolean unproven) {

		public String describedBy() {
			return String.join(" ", java.util.stream.Stream.of(hint != null ? domId + "-hint" : null,
					fromIdentity ? domId + "-source" : null, error != null ? domId + "-error" : null).filter(Objects::nonNull).toList());
		}
	}

	record AttachmentView(String key, String domId, String label, @Nullable String hint, @Nullable String error,
			String accept, List<StoredAttachment> files, int maxFiles, boolean required) {

		public String describedBy() {
			return String.join(" ", java.util.stream.Stream.of(hint != null ? domId + "-hint" : null,
					error != null ? domId + "-error" : null).filter(Objects::nonNull).toList());
		}
	}

	String message(Violation violation, Locale locale) {
		if (violation.custom() != null) {
			return violation.custom().in(locale);
		}
		Object[] args = violation.args().stream().map(a -> a instanceof Text text ? text.in(locale) : a).toArray();
		return messages.getMessage(violation.code(), args, violation.code(), locale);
	}

	/** Error summary entries, in form order, with the element ids they link to. */
	List<ErrorItem> errors(ProcedureDefinition definition, List<Violation> violations, Locale locale) {
		return violations.stream().map(v -> new ErrorItem("#" + domId(definition, v.target()), message(v, locale))).toList();
	}

	static String domId(ProcedureDefinition definition, String target) {
		return definition.field(target).map(FieldDefinition::domId)
			.or(() -> definition.attachment(target).map(AttachmentDefinition::domId))
			.orElse("f-" + target.replace('.', '-'));
	}

	List<FieldView> fields(ProcedureDefinition definition, StepDefinition step, Map<String, String> values,
			Map<String, String> data, List<Violation> violations, Locale locale) {
		return fields(definition, step, values, data, violations, null, locale);
	}

	/** The step's fields; with a prefill, answers from the identity provider are shown (and marked, and locked where due). */
	List<FieldView> fields(ProcedureDefinition definition, StepDefinition step, Map<String, String> entered,
			Map<String, String> data, List<Violation> violations, @Nullable Prefill prefill, Locale locale) {
		Map<String, String> values = prefill == null ? entered : prefill.shown(entered);
		Map<String, String> errors = firstErrors(violations, locale);
		return step.fields().stream().filter(f -> f.when() == null || f.when().holds(data)).map(f -> {
			String value = values.getOrDefault(f.key(), "");
			String shown = f.type() == de.openrathaus.procedure.definition.FieldType.DATE ? AnswerFormatter.display(f, value, locale) : value;
			List<OptionView> options = switch (f.type()) {
				case YESNO -> List.of(new OptionView("true", yes(locale), "true".equals(value)),
						new OptionView("false", no(locale), "false".equals(value)));
				case SELECT -> f.options().stream().map(o -> new OptionView(o.value(), o.label().in(locale), o.value().equals(value))).toList();
				default -> List.of();
			};
			return new FieldView(f.key(), f.domId(), f.type().name().toLowerCase(Locale.ROOT), f.label().in(locale),
					f.hint() == null ? null : f.hint().in(locale), shown, errors.get(f.key()), f.required(), f.autocomplete(),
					f.effectiveMaxLength(), options, prefill != null && prefill.fromIdentity(f), prefill != null && prefill.locks(f),
					prefill != null && prefill.unproven(f));
		}).toList();
	}

	List<AttachmentView> attachments(StepDefinition step, Map<String, String> data, List<StoredAttachment> stored,
			List<Violation> violations, Locale locale) {
		Map<String, String> errors = firstErrors(violations, locale);
		return step.attachments().stream().filter(a -> a.when() == null || a.when().holds(data))
			.map(a -> attachment(a, stored, errors.get(a.key()), locale)).toList();
	}

	static AttachmentView attachment(AttachmentDefinition a, List<StoredAttachment> stored, @Nullable String error, Locale locale) {
		String accept = a.mediaTypes().stream().map(FormView::extensions).collect(Collectors.joining(","));
		return new AttachmentView(a.key(), a.domId(), a.label().in(locale), a.hint() == null ? null : a.hint().in(locale),
				error, accept, stored.stream().filter(s -> s.fieldKey().equals(a.key())).toList(), a.maxFiles(), a.required());
	}

	private static String extensions(String mediaType) {
		return switch (mediaType) {
			case "application/pdf" -> ".pdf,application/pdf";
			case "image/jpeg" -> ".jpg,.jpeg,image/jpeg";
			case "image/png" -> ".png,image/png";
			default -> mediaType;
		};
	}

	private Map<String, String> firstErrors(List<Violation> violations, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		violations.forEach(v -> errors.merge(v.target(), message(v, locale), (a, b) -> a + " " + b));
		return errors;
	}

	private static String yes(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "Yes" : "Ja";
	}

	private static String no(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "No" : "Nein";
	}

	static String size(long bytes) {
		return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : UploadRules.megabytes(bytes);
	}
}
