// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failures and request counts are forgotten once they no longer count; current ones stay. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInRecordsExpiryIntegrationTests {

	@Autowired
	SignInRecordsExpiry expiry;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oldRecordsGoCurrentOnesStay() {
		TenantContext.runAs(accounts.tenant(), () -> {
			jdbc.sql("insert into account.sign_in_throttle(client, failures, last_failure_at) values ('203.0.113.201', 3, now() - interval '25 hours')").update();
			jdbc.sql("insert into account.sign_in_throttle(client, failures, last_failure_at) values ('203.0.113.202', 3, now() - interval '1 hour')").update();
			jdbc.sql("insert into account.request_quota(subject, window_start, used) values ('client:203.0.113.201', now() - interval '2 hours', 5)").update();
			jdbc.sql("insert into account.request_quota(subject, window_start, used) values ('client:203.0.113.202', now() - interval '5 minutes', 5)").update();

			assertThat(expiry.forget(Instant.now())).isGreaterThanOrEqualTo(2);
			assertThat(jdbc.sql("select client from account.sign_in_throttle where client like '203.0.113.20_'").query(String.class).list())
				.containsExactly("203.0.113.202");
			assertThat(jdbc.sql("select subject from account.request_quota where subject like 'client:203.0.113.20_'").query(String.class).list())
				.containsExactly("client:203.0.113.202");
		});
	}
}
