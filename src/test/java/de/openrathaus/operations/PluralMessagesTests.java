// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Counts read as German and English do: "1 Problem", "2 Probleme", never "1 Probleme". */
class PluralMessagesTests {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	PluralMessagesTests() {
		messages.setBasenames("i18n/catalogue");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	private String text(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, locale);
	}

	@Test
	void oneProblemIsSingular() {
		assertThat(text("import.rejected.count", Locale.GERMAN, 1)).startsWith("Die Tabelle enthält ein Problem.");
		assertThat(text("import.rejected.count", Locale.GERMAN, 2)).startsWith("Die Tabelle enthält 2 Probleme.");
		assertThat(text("import.rejected.count", Locale.GERMAN, 1234)).startsWith("Die Tabelle enthält 1.234 Probleme.");
		assertThat(text("import.rejected.count", Locale.ENGLISH, 1)).startsWith("The spreadsheet contains one problem.");
		assertThat(text("import.rejected.count", Locale.ENGLISH, 3)).startsWith("The spreadsheet contains 3 problems.");
	}

	@Test
	void processCountsAreSingularForOne() {
		assertThat(text("catalogue.count", Locale.GERMAN, 1)).isEqualTo("ein Prozess");
		assertThat(text("catalogue.count", Locale.GERMAN, 64)).isEqualTo("64 Prozesse");
		assertThat(text("import.done.summary", Locale.GERMAN, 1, 0, 2)).startsWith("ein Prozess neu angelegt, 0 geändert");
	}
}
