// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.openrathaus.procedure.Applications.Entry;
import de.openrathaus.procedure.Applications.Section;
import de.openrathaus.procedure.definition.AttachmentDefinition;
import de.openrathaus.procedure.definition.FieldDefinition;
import de.openrathaus.procedure.definition.ProcedureDefinition;
import de.openrathaus.procedure.definition.StepDefinition;

/** Shows stored answers as people read them: dates German style, yes/no and choices as words. */
public final class AnswerFormatter {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private AnswerFormatter() {
	}

	public static String display(FieldDefinition field, String value, Locale locale) {
		if (value.isEmpty()) {
			return "";
		}
		boolean english = "en".equals(locale.getLanguage());
		return switch (field.type()) {
			case DATE -> {
				try {
					yield LocalDate.parse(value).format(DATE);
				}
				catch (DateTimeParseException e) {
					yield value;
				}
			}
			case YESNO -> "true".equals(value) ? (english ? "Yes" : "Ja") : "false".equals(value) ? (english ? "No" : "Nein") : value;
			case SELECT -> field.options().stream().filter(o -> o.value().equals(value)).findFirst()
				.map(o -> o.label().in(locale)).orElse(value);
			case TEXT, TEXTAREA -> value;
		};
	}

	/** The answers of the visible steps as labelled sections, attachments listed by file name. */
	public static List<Section> sections(ProcedureDefinition definition, Map<String, String> data,
			List<StoredAttachment> attachments, Locale locale) {
		List<Section> sections = new ArrayList<>();
		for (StepDefinition step : definition.visibleSteps(data)) {
			List<Entry> entries = new ArrayList<>();
			for (FieldDefinition field : step.fields()) {
				if (definition.isAsked(field.key(), data)) {
					entries.add(new Entry(field.label().in(locale), display(field, data.getOrDefault(field.key(), ""), locale)));
				}
			}
			for (AttachmentDefinition attachment : step.attachments()) {
				if (definition.isAsked(attachment.key(), data)) {
					List<String> names = attachments.stream().filter(a -> a.fieldKey().equals(attachment.key()))
						.map(StoredAttachment::filename).toList();
					entries.add(new Entry(attachment.label().in(locale),
							names.isEmpty() ? ("en".equals(locale.getLanguage()) ? "none" : "keine") : String.join(", ", names)));
				}
			}
			sections.add(new Section(step.title().in(locale), entries));
		}
		return sections;
	}
}
