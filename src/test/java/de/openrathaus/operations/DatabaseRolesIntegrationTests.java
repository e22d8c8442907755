// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application works as a role that owns nothing: whoever takes it over (an injection, a stolen
 * password) can read and write rows, but cannot rewrite or delete the audit trail, switch off its
 * append-only trigger, or change the schema. Holds for the embedded default and, in CI, for the
 * external database set up like the README's production instructions.
 */
@SpringBootTest
class DatabaseRolesIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theApplicationRoleOwnsNoTableAndNoSchema() {
		assertThat(jdbc.sql("select count(*) from pg_tables where tableowner = current_user and schemaname <> 'public'")
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from pg_namespace where nspowner = current_user::regrole and nspname <> 'public'""")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void theApplicationRoleCanNeitherRewriteNorDeleteNorSwitchOffTheAuditTrail() {
		TenantContext.runAs(accounts.tenant(), () -> {
			assertThatThrownBy(() -> jdbc.sql("update records.audit_entry set actor = 'Mallory'").update())
				.hasStackTraceContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("delete from records.audit_entry").update())
				.hasStackTraceContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("truncate records.audit_entry").update())
				.hasStackTraceContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("alter table records.audit_entry disable trigger audit_entry_append_only")
				.update()).hasStackTraceContaining("must be owner");
			assertThatThrownBy(() -> jdbc.sql("alter table records.document_version disable trigger all").update())
				.hasStackTraceContaining("must be owner");
		});
	}

	@Test
	void theApplicationRoleStillReadsAndAppendsToTheAuditTrail() {
		long before = TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select count(*) from records.audit_entry").query(Long.class).single());
		assertThat(before).isGreaterThanOrEqualTo(0);
		assertThat(jdbc.sql("select has_table_privilege('records.audit_entry', 'INSERT')").query(Boolean.class).single())
			.isTrue();
	}
}
