// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/** The process form: reads the posted fields, and describes each field for the page. */
@Component
class CatalogueForm {

	private final MessageSource messages;

	CatalogueForm(MessageSource messages) {
		this.messages = messages;
	}

	record Option(String value, String label, boolean selected) {
	}

	record FieldView(String name, String id, String type, String label, boolean required, String value,
			List<Option> options, @Nullable String error) {
	}

	record ErrorItem(String target, String message) {
	}

	static Map<ProcessField, String> raw(MultiValueMap<String, String> form) {
		Map<ProcessField, String> raw = new EnumMap<>(ProcessField.class);
		for (ProcessField field : ProcessField.values()) {
			List<String> values = form.get(field.name);
			raw.put(field, values == null ? "" : String.join(", ", values));
		}
		return raw;
	}

	static Map<ProcessField, String> raw(ProcessRecord record) {
		Map<ProcessField, String> raw = new EnumMap<>(ProcessField.class);
		for (ProcessField field : ProcessField.values()) {
			raw.put(field, record.text(field));
		}
		return raw;
	}

	String message(ProcessValues.Problem problem, Locale locale) {
		return messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale);
	}

	String message(String key, Object[] args, Locale locale) {
		return messages.getMessage(key, args, locale);
	}

	String optionLabel(String code, Locale locale) {
		return messages.getMessage("catalogue.option." + code, null, code, locale);
	}

	List<ErrorItem> errors(List<ProcessValues.Problem> problems, Locale locale) {
		return problems.stream().map(p -> new ErrorItem("#p-" + p.field().name, p.field().label(locale) + ": " + message(p, locale))).toList();
	}

	List<FieldView> fields(Map<ProcessField, String> raw, List<ProcessValues.Problem> problems, Map<String, String> departments,
			List<String> procedureTypes, Locale locale) {
		List<FieldView> views = new ArrayList<>();
		for (ProcessField field : ProcessField.values()) {
			String value = raw.getOrDefault(field, "");
			String error = problems.stream().filter(p -> p.field() == field).map(p -> message(p, locale)).findFirst().orElse(null);
			List<Option> options = switch (field.type) {
				case CHOICE, SET -> field.options.stream()
					.map(o -> new Option(o, optionLabel(o, locale), selected(field, value, o))).toList();
				case BOOLEAN -> List.of(new Option("ja", optionLabel("YES", locale), "ja".equals(value)),
						new Option("nein", optionLabel("NO", locale), "nein".equals(value)));
				case DEPARTMENT -> departments.entrySet().stream().sorted(Map.Entry.comparingByValue())
					.map(e -> new Option(e.getKey(), e.getValue(), e.getKey().equals(value))).toList();
				case PROCEDURE -> {
					List<Option> list = new ArrayList<>();
					list.add(new Option("", optionLabel("NO_PROCEDURE", locale), value.isEmpty()));
					procedureTypes.forEach(p -> list.add(new Option(p, p, p.equals(value))));
					yield list;
				}
				default -> List.of();
			};
			views.add(new FieldView(field.name, "p-" + field.name, field.type.name().toLowerCase(Locale.ROOT), field.label(locale),
					field.required, value, options, error));
		}
		return views;
	}

	private static boolean selected(ProcessField field, String value, String option) {
		if (field.type == ProcessField.Type.SET) {
			return List.of(value.split(",\\s*")).contains(option);
		}
		return option.equals(value);
	}
}
