// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data protection officers are warned by mail once a day before a breach's 72 hours run out and
 * once when they have run out; a breach notified or recorded as not requiring notification gives no
 * warning, and no warning goes twice.
 */
@SpringBootTest
class IncidentDeadlineWarningIntegrationTests {

	@Autowired
	TestAccounts accounts;

	@Autowired
	IncidentDeadlineWatch watch;

	@Autowired
	JdbcClient jdbc;

	@Test
	void officersAreWarnedOnceBeforeAndOnceAfterTheDeadlineAndNotForSettledBreaches() {
		String officer = accounts.staff("Dagmar", "datenschutz", "DATA_PROTECTION_OFFICER");
		UUID open = incident(Instant.now().minus(Duration.ofHours(50)), null, null);
		incident(Instant.now().minus(Duration.ofHours(60)), Instant.now().minus(Duration.ofHours(1)), null);
		incident(Instant.now().minus(Duration.ofHours(60)), null, "Die Daten waren verschlüsselt.");
		incident(Instant.now().minus(Duration.ofHours(10)), null, null);

		watch.warnNow();
		await().atMost(Duration.ofSeconds(15)).until(() -> subjects(officer).size() == 1);
		assertThat(subjects(officer).getFirst()).contains("läuft ab");
		watch.warnNow();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> subjects(officer).size() == 1);

		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("update privacy.incident set aware_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofHours(73))), open).update());
		watch.warnNow();
		await().atMost(Duration.ofSeconds(15)).until(() -> subjects(officer).size() == 2);
		assertThat(subjects(officer)).anyMatch(s -> s.contains("abgelaufen"));
		assertThat(bodies(officer)).noneMatch(b -> b.contains("Testvorfall")).allMatch(b -> b.contains("/datenschutz/vorfaelle"));
		watch.warnNow();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> subjects(officer).size() == 2);
	}

	private UUID incident(Instant awareAt, Instant notifiedAt, String notRequired) {
		UUID id = UUID.randomUUID();
		TenantContext.runAs(accounts.tenant(), () -> jdbc.sql("""
				insert into privacy.incident(id, title, description, aware_at, recorded_at, recorded_by, notified_at, not_required_reason)
				values (?, 'Testvorfall', 'Ein Ordner mit Anträgen war offen freigegeben.', ?, now(), 'test', ?, ?)""")
			.params(id, Timestamp.from(awareAt), notifiedAt == null ? null : Timestamp.from(notifiedAt), notRequired).update());
		return id;
	}

	private List<String> subjects(String recipient) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select subject from correspondence.outgoing_mail where recipient = ? order by created_at")
			.param(recipient).query(String.class).list());
	}

	private List<String> bodies(String recipient) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select body from correspondence.outgoing_mail where recipient = ?")
			.param(recipient).query(String.class).list());
	}
}
