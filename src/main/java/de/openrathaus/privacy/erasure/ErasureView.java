// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.erasure;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import de.openrathaus.personaldata.Erasure;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Words an erasure's lines for the page: what, how many, for which case, and why it is kept or in the way. */
@Component
class ErasureView {

	/** One module's part as shown. */
	record Section(String title, List<Shown> removed, List<Shown> kept, List<Shown> blocking) {
	}

	/** One line as shown; {@code why} is empty for removed lines. */
	record Shown(String what, String why) {
	}

	private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final MessageSource messages;

	ErasureView(MessageSource messages) {
		this.messages = messages;
	}

	/** The parts that have anything to say, in the modules' order. */
	List<Section> sections(List<Erasure> parts) {
		Locale locale = LocaleContextHolder.getLocale();
		return parts.stream()
			.filter(part -> !(part.removed().isEmpty() && part.kept().isEmpty() && part.blocking().isEmpty()))
			.map(part -> new Section(messages.getMessage("privacy.access.category." + part.category(), null, part.category(), locale),
					shown(part.removed(), locale), shown(part.kept(), locale), shown(part.blocking(), locale)))
			.toList();
	}

	private List<Shown> shown(List<Erasure.Line> lines, Locale locale) {
		return lines.stream().map(line -> {
			String kind = messages.getMessage("privacy.erasure.kind." + line.kind(), null, line.kind(), locale);
			String what = line.reference() == null
					? messages.getMessage("privacy.erasure.line", new Object[] { line.count(), kind }, locale)
					: messages.getMessage("privacy.erasure.lineFor", new Object[] { line.count(), kind, line.reference() }, locale);
			Object[] arguments = line.arguments().stream().map(argument -> day(argument, locale)).toArray();
			String why = line.reason() == null ? ""
					: messages.getMessage("privacy.erasure.reason." + line.reason(), arguments, line.reason(), locale);
			return new Shown(what, why);
		}).toList();
	}

	/** A day given as ISO text, in the reader's way of writing it; other arguments as they are. */
	private String day(String argument, Locale locale) {
		if (!ISO_DAY.matcher(argument).matches()) {
			return argument;
		}
		String pattern = messages.getMessage("privacy.erasure.dayPattern", null, "yyyy-MM-dd", locale);
		return LocalDate.parse(argument).format(DateTimeFormatter.ofPattern(pattern, locale));
	}
}
