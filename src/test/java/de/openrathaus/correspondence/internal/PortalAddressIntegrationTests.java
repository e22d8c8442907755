// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.InformationRequested;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links in notification mails lead to the municipality's configured public address; without one
 * (demo mode) to the address the triggering request came in on; never to a fixed host or port.
 */
@SpringBootTest
class PortalAddressIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theConfiguredPublicAddressWinsOverTheRequestsOrigin() {
		TenantId city = city("https://buergerportal.stadt-b.example");
		String email = citizenOf(city);
		ask(city, email, "http://stadt-b.localhost:8123");
		await().atMost(Duration.ofSeconds(15)).until(() -> !mailsTo(city, email).isEmpty());
		assertThat(mailsTo(city, email).getFirst()).contains("https://buergerportal.stadt-b.example/portal/postfach")
			.doesNotContain("8123").doesNotContain("8080");
	}

	@Test
	void withoutConfiguredAddressDemoModeLinksToTheOriginOfTheRequest() {
		TenantId city = city(null);
		String email = citizenOf(city);
		ask(city, email, "http://stadt-b.localhost:8123");
		await().atMost(Duration.ofSeconds(15)).until(() -> !mailsTo(city, email).isEmpty());
		assertThat(mailsTo(city, email).getFirst()).contains("http://stadt-b.localhost:8123/portal/postfach");
	}

	private void ask(TenantId city, String email, String origin) {
		AccountId account = new AccountId(TenantContext.callAs(city, () -> jdbc.sql("select id from account.account where email = ?")
			.param(email).query(UUID.class).single()));
		TenantContext.runAs(city, () -> transactions.executeWithoutResult(s -> events.publishEvent(new InformationRequested(city,
				new ApplicationId(UUID.randomUUID()), "HUND-2026-000042", account, "Bitte Nachweis senden.", Instant.now(), origin))));
	}

	private TenantId city(@Nullable String publicUrl) {
		UUID id = UUID.randomUUID();
		String slug = "stadt-b-" + id.toString().substring(0, 8);
		jdbc.sql("insert into tenancy.tenant(id, slug, name, public_url) values (?, ?, ?, ?)").params(id, slug, "Stadt B", publicUrl).update();
		jdbc.sql("insert into tenancy.tenant_host(host, tenant_id) values (?, ?)").params(slug + ".localhost", id).update();
		return new TenantId(id);
	}

	private String citizenOf(TenantId city) {
		String email = "b-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		TenantContext.runAs(city, () -> jdbc.sql("insert into account.account(id, kind, email, display_name, password_hash, trust_level, "
				+ "email_verified_at) values (?, 'CITIZEN', ?, 'Berta B', 'x', 'LOW', now())").params(UUID.randomUUID(), email).update());
		return email;
	}

	private List<String> mailsTo(TenantId city, String email) {
		return TenantContext.callAs(city, () -> jdbc.sql("select body from correspondence.outgoing_mail where recipient = ?")
			.param(email).query(String.class).list());
	}
}
