// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One city never sees another's data: row-level security keyed by the tenant bound to the
 * connection hides and protects other tenants' rows, whatever the query says.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TenantIsolationIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	TenantId cityA;
	TenantId cityB;

	@BeforeEach
	void twoCities() {
		cityA = city("a");
		cityB = city("b");
		TenantContext.runAs(cityA, () -> jdbc.sql("insert into account.department(code, name) values ('steuern', 'Steuern A')").update());
		TenantContext.runAs(cityB, () -> jdbc.sql("insert into account.department(code, name) values ('steuern', 'Steuern B')").update());
	}

	private TenantId city(String suffix) {
		UUID id = UUID.randomUUID();
		String slug = "stadt-" + suffix + "-" + id.toString().substring(0, 8);
		jdbc.sql("insert into tenancy.tenant(id, slug, name) values (?, ?, ?)").params(id, slug, "Stadt " + suffix).update();
		jdbc.sql("insert into tenancy.tenant_host(host, tenant_id) values (?, ?)").params(slug + ".localhost", id).update();
		return new TenantId(id);
	}

	private List<String> departmentNames() {
		return jdbc.sql("select name from account.department where code = 'steuern' order by name").query(String.class).list();
	}

	@Test
	void aQueryWithoutTenantFilterSeesOnlyItsOwnCity() {
		assertThat(TenantContext.callAs(cityA, this::departmentNames)).containsExactly("Steuern A");
		assertThat(TenantContext.callAs(cityB, this::departmentNames)).containsExactly("Steuern B");
	}

	@Test
	void pooledConnectionsHandedOutAgainAreBoundToTheNewTenantEveryTime() {
		for (int i = 0; i < 50; i++) {
			assertThat(TenantContext.callAs(cityA, this::departmentNames)).containsExactly("Steuern A");
			assertThat(departmentNames()).isEmpty();
			assertThat(TenantContext.callAs(cityB, this::departmentNames)).containsExactly("Steuern B");
		}
	}

	@Test
	void withoutTenantNoRowIsVisible() {
		assertThat(departmentNames()).isEmpty();
	}

	@Test
	void aCityCannotWriteIntoAnotherCity() {
		assertThatThrownBy(() -> TenantContext.runAs(cityA, () -> jdbc
				.sql("insert into account.department(tenant_id, code, name) values (?, 'ordnung', 'Eingeschleust')")
				.param(cityB.value()).update()))
			.hasStackTraceContaining("violates row-level security policy");
		assertThat(TenantContext.callAs(cityB, () -> jdbc.sql("select count(*) from account.department where code = 'ordnung'")
				.query(Integer.class).single())).isZero();
	}

	@Test
	void aCityCannotChangeOrDeleteAnotherCitysRows() {
		int changed = TenantContext.callAs(cityA, () -> jdbc.sql("update account.department set name = 'gekapert' where tenant_id = ?")
				.param(cityB.value()).update());
		int deleted = TenantContext.callAs(cityA, () -> jdbc.sql("delete from account.department where tenant_id = ?")
				.param(cityB.value()).update());
		assertThat(changed).isZero();
		assertThat(deleted).isZero();
		assertThat(TenantContext.callAs(cityB, this::departmentNames)).containsExactly("Steuern B");
	}

	@Test
	void everyTenantTableIsProtectedByForcedRowLevelSecurity() {
		List<String> unprotected = jdbc.sql("""
				select n.nspname || '.' || c.relname
				  from pg_class c
				  join pg_namespace n on n.oid = c.relnamespace
				  join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
				 where c.relkind = 'r'
				   and n.nspname <> 'tenancy' -- the registry of tenants is read before a tenant is known
				   -- ADR 10: full-text vectors only; every query names the tenant and joins protected tables
				   -- (RecordsSearchIsolationIntegrationTests proves it)
				   and (n.nspname || '.' || c.relname) <> 'records.search_entry'
				   and (not c.relrowsecurity or not c.relforcerowsecurity
				        or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
				""").query(String.class).list();
		assertThat(unprotected).as("tables with tenant_id but without forced row-level security").isEmpty();
	}

	@Test
	void theApplicationRoleCannotBypassRowLevelSecurity() {
		assertThat(jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
				.query(Boolean.class).single()).isFalse();
	}

	@Test
	void eachHostShowsItsOwnCity() throws Exception {
		String hostA = jdbc.sql("select host from tenancy.tenant_host where tenant_id = ?").param(cityA.value())
				.query(String.class).single();
		mvc.perform(get("/anmelden").with(request -> {
			request.setServerName(hostA);
			return request;
		})).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Stadt a")));
	}

	@Test
	void aHostNoCityClaimsIsRefused() throws Exception {
		mvc.perform(get("/anmelden").with(request -> {
			request.setServerName("unbekannt.example");
			return request;
		})).andExpect(status().isNotFound());
	}
}
