// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** In demo mode mails land as .eml files, and the demo page shows them with clickable links. */
@SpringBootTest
@AutoConfigureMockMvc
class PickupMailIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CorrespondenceSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegistrationMailIsWrittenToThePickupFolderAndShownOnTheDemoPage() throws Exception {
		String email = "pickup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		mvc.perform(post("/registrieren").param("name", "Paula Pickup").param("email", email)
			.param("password", "lange-sichere-Wortfolge").param("passwordRepeat", "lange-sichere-Wortfolge").param("consent", "ja")
			.with(csrf()));
		Path folder = settings.pickupDirectory();
		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(folder, email) != null);
		Path file = mailTo(folder, email);
		String name = file.getFileName().toString().replace(".eml", "");

		String list = mvc.perform(get("/demo/mails")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(email).contains("/demo/mails/" + name);
		String page = mvc.perform(get("/demo/mails/" + name)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher link = Pattern.compile("<a href=\"(http://localhost[^/\"]*/konto/bestaetigen\\?token=[^\"]+)\"").matcher(page);
		assertThat(link.find()).as("clickable confirmation link").isTrue();
	}

	@Test
	void aMunicipalitysDemoMailsAreNotShownOnAnotherMunicipalitysHost() throws Exception {
		String cityA = city("a");
		String cityB = city("b");
		String email = "stadt-a-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		mvc.perform(post("/registrieren").with(host(cityA)).param("name", "Anna Aus-A").param("email", email)
			.param("password", "lange-sichere-Wortfolge").param("passwordRepeat", "lange-sichere-Wortfolge").param("consent", "ja")
			.with(csrf()));
		Path folder = settings.pickupDirectory();
		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(folder, email) != null);
		String name = mailTo(folder, email).getFileName().toString().replace(".eml", "");

		assertThat(mvc.perform(get("/demo/mails").with(host(cityA))).andReturn().getResponse().getContentAsString())
			.contains(email).contains("/demo/mails/" + name);
		assertThat(mvc.perform(get("/demo/mails").with(host(cityB))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).doesNotContain(email).doesNotContain(name);
		mvc.perform(get("/demo/mails/" + name).with(host(cityB))).andExpect(status().isNotFound());
		mvc.perform(get("/demo/mails/" + name).with(host(cityA))).andExpect(status().isOk());
	}

	private String city(String suffix) {
		UUID id = UUID.randomUUID();
		String slug = "stadt-" + suffix + "-" + id.toString().substring(0, 8);
		jdbc.sql("insert into tenancy.tenant(id, slug, name) values (?, ?, ?)").params(id, slug, "Stadt " + suffix).update();
		jdbc.sql("insert into tenancy.tenant_host(host, tenant_id) values (?, ?)").params(slug + ".localhost", id).update();
		return slug + ".localhost";
	}

	static RequestPostProcessor host(String host) {
		return request -> {
			request.setServerName(host);
			return request;
		};
	}

	@Test
	void namesOutsideThePickupFolderAreNotFound() throws Exception {
		mvc.perform(get("/demo/mails/..%2F..%2Fpom.xml")).andExpect(status().isBadRequest()); // refused by the firewall already
		mvc.perform(get("/demo/mails/00000000-0000-0000-0000-000000000000")).andExpect(status().isNotFound());
		mvc.perform(get("/demo/mails/pom")).andExpect(status().isNotFound());
	}

	private static Path mailTo(Path folder, String email) throws Exception {
		if (!Files.isDirectory(folder)) {
			return null;
		}
		try (var files = Files.list(folder)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
				if (Files.readString(file).contains(email)) {
					return file;
				}
			}
		}
		return null;
	}
}
