// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store's guarded update: of two transitions decided on the same state of an application (two
 * clerks claiming at once, a decision while the question goes out), only the first is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApplicationStoreIntegrationTests {

	@Autowired
	ApplicationStore store;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");

	@Test
	void ofTwoTransitionsDecidedOnTheSameStateOnlyTheFirstIsStored() {
		TenantContext.runAs(accounts.tenant(), () -> {
			ApplicationId id = ApplicationId.random();
			AccountId citizen = new AccountId(UUID.randomUUID());
			AccountId tom = new AccountId(UUID.randomUUID());
			AccountId ute = new AccountId(UUID.randomUUID());
			store.createDraft(id, citizen, "hund-anmelden", 1, new DepartmentCode("steuern"));
			assertThat(store.submit(id, citizen, Map.of("hund.name", "Bello"), NOW)).isTrue();
			store.assignReference(id, "HUND-2026-" + id.value().toString().substring(0, 6));

			Application submitted = store.find(id).orElseThrow();
			Transition<?> tomClaims = submitted.claim(tom);
			Transition<?> uteClaims = submitted.claim(ute);
			assertThat(store.save(tomClaims)).isTrue();
			assertThat(store.save(uteClaims)).as("Ute decided on a state that is gone").isFalse();
			Application claimed = store.find(id).orElseThrow();
			assertThat(claimed.status()).isEqualTo(ApplicationStatus.IN_PROGRESS);
			assertThat(claimed.assignee()).isEqualTo(tom);

			Transition<?> asks = claimed.requestInformation(tom, "Welche Rasse?", NOW, null);
			Transition<?> approves = claimed.approve(tom, "Bescheid", NOW, null);
			assertThat(store.save(asks)).isTrue();
			assertThat(store.save(approves)).as("the case now waits for an answer").isFalse();
			assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.INFORMATION_REQUESTED);
			assertThat(decided(id)).isFalse();

			Application asked = store.find(id).orElseThrow();
			assertThat(store.save(asked.answer(citizen, NOW))).isTrue();
			assertThat(store.save(store.find(id).orElseThrow().reject(tom, "Ablehnung", NOW, null))).isTrue();
			assertThat(store.find(id).orElseThrow().status()).isEqualTo(ApplicationStatus.REJECTED);
			assertThat(decided(id)).as("a decision is dated").isTrue();
		});
	}

	@Test
	void aWithdrawalStoredFirstRefusesTheClaimDecidedBeforeIt() {
		TenantContext.runAs(accounts.tenant(), () -> {
			ApplicationId id = ApplicationId.random();
			AccountId citizen = new AccountId(UUID.randomUUID());
			store.createDraft(id, citizen, "hund-anmelden", 1, new DepartmentCode("steuern"));
			assertThat(store.submit(id, citizen, Map.of("hund.name", "Bello"), NOW)).isTrue();
			store.assignReference(id, "HUND-2026-" + id.value().toString().substring(0, 6));

			Application submitted = store.find(id).orElseThrow();
			Transition<?> claims = submitted.claim(new AccountId(UUID.randomUUID()));
			assertThat(store.save(submitted.withdraw(citizen, NOW))).isTrue();
			assertThat(store.save(claims)).isFalse();
			Application withdrawn = store.find(id).orElseThrow();
			assertThat(withdrawn.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
			assertThat(withdrawn.assignee()).isNull();
			assertThat(decided(id)).as("withdrawn is not decided").isFalse();
		});
	}

	private boolean decided(ApplicationId id) {
		return jdbc.sql("select decided_at is not null from procedure.application where id = ?").param(id.value())
			.query(Boolean.class).single();
	}
}
