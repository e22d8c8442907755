// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every German text of the user interface has its English counterpart, so an English-speaking
 * user never meets a German label in the middle of an English page. Mails and portal mailbox
 * messages are written in German on purpose (the legally binding language of the municipality).
 */
class MessageBundleTests {

	@ParameterizedTest
	@ValueSource(strings = {"messages", "account", "procedure", "casework", "correspondence", "catalogue", "records", "privacy", "council"})
	void everyGermanTextHasAnEnglishOne(String bundle) throws IOException {
		Set<String> german = keys("i18n/" + bundle + ".properties");
		Set<String> english = keys("i18n/" + bundle + "_en.properties");
		// mails, mailbox messages and the legal pages' default texts are German on purpose
		german.removeIf(key -> key.startsWith("mail.") || key.startsWith("mailbox.") || key.endsWith(".default"));
		assertThat(german).isNotEmpty();
		assertThat(english).as("English texts of %s", bundle).containsAll(german);
		assertThat(german).as("English texts without a German one in %s", bundle)
			.containsAll(english.stream().filter(key -> !key.startsWith("mail.") && !key.startsWith("mailbox.")).toList());
	}

	private static Set<String> keys(String resource) throws IOException {
		try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return new TreeSet<>(properties.stringPropertyNames());
		}
	}
}
