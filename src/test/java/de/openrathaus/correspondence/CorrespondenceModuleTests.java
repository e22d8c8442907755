// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.account.AccountDirectory;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.AccountKind;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.DecisionDocuments;
import de.openrathaus.procedure.InformationRequested;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Correspondence on its own, the account and procedure modules replaced by their APIs: a request
 * for information in, a message in the citizen's mailbox and a notification mail in the outbox out.
 */
@ApplicationModuleTest(extraIncludes = {"tenancy", "operations", "files", "personaldata"})
class CorrespondenceModuleTests {

	/** The e-file replies by mail are filed into; not part of this test. */
	@MockitoBean
	de.openrathaus.records.IncomingDocuments efile;

	@MockitoBean
	AccountDirectory accounts;

	@MockitoBean
	DecisionDocuments decisions;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	record Mail(String subject, String body) {
	}

	@Test
	void aRequestForInformationReachesTheMailboxAndQueuesAMail(Scenario scenario) {
		TenantId tenant = tenants.all().getFirst().id();
		AccountId citizen = new AccountId(UUID.randomUUID());
		String address = "anna-" + citizen.value() + "@example.org";
		when(accounts.find(citizen)).thenReturn(Optional.of(
				new AccountDirectory.AccountSummary(citizen, AccountKind.CITIZEN, address, "Anna Beispiel", TrustLevel.SUBSTANTIAL)));
		ApplicationId application = new ApplicationId(UUID.randomUUID());

		scenario.publish(new InformationRequested(tenant, application, "HUND-2026-000778", citizen, "Bitte reichen Sie den Chipnachweis nach.",
				Instant.parse("2026-03-02T10:00:00Z"), null))
			.andWaitForStateChange(() -> TenantContext.callAs(tenant, () -> jdbc.sql(
					"select subject, body from correspondence.outgoing_mail where recipient = ?").param(address).query(Mail.class).list()),
					mails -> !mails.isEmpty())
			.andVerify(mails -> {
				assertThat(mails).hasSize(1);
				assertThat(mails.getFirst().body()).contains("Anna Beispiel").contains("/portal/postfach");
				List<String> mailbox = TenantContext.callAs(tenant, () -> jdbc.sql(
						"select body from correspondence.mailbox_message where account_id = ?").param(citizen.value()).query(String.class).list());
				assertThat(mailbox).singleElement().asString().contains("Bitte reichen Sie den Chipnachweis nach.");
			});
	}
}
