// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.TestEvents;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Registration cannot be used to learn which addresses are registered, nor to flood an inbox with mails
 * carrying the attacker's text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RegistrationAbuseIntegrationTests {

	static final String PASSWORD = "lange-sichere-Wortfolge";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestEvents events;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	static String newAddress() {
		return "neu-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	static String randomClient() {
		return "198.19." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
	}

	MockHttpServletResponse register(String name, String email, String client) throws Exception {
		return mvc.perform(post("/registrieren").param("name", name).param("email", email).param("password", PASSWORD)
			.param("passwordRepeat", PASSWORD).param("consent", "ja").with(csrf()).with(request -> {
				request.setRemoteAddr(client);
				return request;
			})).andReturn().getResponse();
	}

	@Test
	void aRegisteredAddressGetsTheSameAnswerInTheSameTimeAndItsOwnerANote() throws Exception {
		String registered = accounts.citizen("Vorhanden");
		List<Long> existingNanos = new ArrayList<>();
		List<Long> newNanos = new ArrayList<>();
		MockHttpServletResponse first = null;
		for (int i = 0; i < 7; i++) {
			long start = System.nanoTime();
			MockHttpServletResponse forExisting = register("Eindringling", registered, randomClient());
			existingNanos.add(System.nanoTime() - start);
			start = System.nanoTime();
			MockHttpServletResponse forNew = register("Max Neu", newAddress(), randomClient());
			newNanos.add(System.nanoTime() - start);
			assertThat(forExisting.getStatus()).isEqualTo(forNew.getStatus());
			assertThat(forExisting.getRedirectedUrl()).isEqualTo(forNew.getRedirectedUrl());
			assertThat(forExisting.getContentAsString()).isEqualTo(forNew.getContentAsString());
			first = forExisting;
		}
		assertThat(first.getRedirectedUrl()).isEqualTo("/registrieren/bestaetigen");
		// before, only a new address paid for the Argon2 hash: 3 ms against 23 ms
		assertThat(median(existingNanos)).as("median time for a registered address, against %s ns for a new one", median(newNanos))
			.isGreaterThan(median(newNanos) / 2);

		// the owner hears of it (at most three times an hour), in a mail without the attacker's text
		assertThat(events.of(RegistrationRepeated.class).stream().filter(e -> e.email().equals(registered))).hasSize(3);
		await().atMost(Duration.ofSeconds(15)).until(() -> mailBodies(registered).size() == 3);
		assertThat(mailBodies(registered)).allSatisfy(body -> assertThat(body).doesNotContain("Eindringling")
			.contains("bereits ein Servicekonto").contains("/passwort-vergessen"));
	}

	@Test
	void theConfirmationMailCarriesNoTextTheRequesterChose() throws Exception {
		String victim = newAddress();
		register("Gewinnspiel! Jetzt klicken: https://betrug.example/preis", victim, randomClient());
		await().atMost(Duration.ofSeconds(15)).until(() -> mailBodies(victim).size() == 1);
		assertThat(mailBodies(victim).getFirst()).doesNotContain("betrug.example").doesNotContain("Gewinnspiel")
			.contains("/konto/bestaetigen?token=");
	}

	@Test
	void oneAddressGetsAtMostThreeMailsAnHour() throws Exception {
		String victim = newAddress();
		for (int i = 0; i < 10; i++) {
			assertThat(register("Max Neu", victim, randomClient()).getRedirectedUrl()).isEqualTo("/registrieren/bestaetigen");
		}
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/konto/bestaetigen/neu").param("email", victim).with(csrf()).with(request -> {
				request.setRemoteAddr(randomClient());
				return request;
			}));
		}
		assertThat(events.of(VerificationRequested.class).stream().filter(e -> e.email().equals(victim))).hasSize(3);
	}

	@Test
	void oneClientRegistersAtMostTwentyTimesAnHour() throws Exception {
		String client = randomClient();
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			String address = newAddress();
			addresses.add(address);
			assertThat(register("Max Neu", address, client).getRedirectedUrl()).isEqualTo("/registrieren/bestaetigen");
		}
		assertThat(events.of(VerificationRequested.class).stream().filter(e -> addresses.contains(e.email()))).hasSize(20);
		assertThat(events.of(VerificationRequested.class).stream().filter(e -> e.email().equals(addresses.getLast()))).isEmpty();
		// another client is not affected
		String other = newAddress();
		register("Max Neu", other, randomClient());
		assertThat(events.of(VerificationRequested.class).stream().filter(e -> e.email().equals(other))).hasSize(1);
	}

	private List<String> mailBodies(String recipient) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select body from correspondence.outgoing_mail where recipient = ?")
			.param(recipient).query(String.class).list());
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}
}
