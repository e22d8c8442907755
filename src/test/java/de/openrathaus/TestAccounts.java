// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Creates verified accounts in the test municipality (host localhost) and signs them in through the login form. */
@Component
public class TestAccounts {

	public static final String PASSWORD = "Test-Passwort-2026";

	private final JdbcClient jdbc;
	private final ObjectProvider<PasswordEncoder> encoder;
	private @Nullable String hash;
	private final Tenants tenants;

	/** The encoder is looked up when an account is made: module tests without {@code account} have none. */
	public TestAccounts(JdbcClient jdbc, ObjectProvider<PasswordEncoder> encoder, Tenants tenants) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.tenants = tenants;
	}

	public TenantId tenant() {
		return tenants.byHost("localhost").orElseThrow().id();
	}

	public String citizen(String name) {
		return create("CITIZEN", name, "SUBSTANTIAL".equals(name) ? "SUBSTANTIAL" : "LOW");
	}

	/** A clerk of the given department (created if missing). */
	public String clerk(String name, String department) {
		return staff(name, department, "CLERK");
	}

	/** A staff member holding the role in the given department (created if missing). */
	public String staff(String name, String department, String role) {
		String email = create("STAFF", name, "LOW");
		TenantContext.runAs(tenant(), () -> {
			jdbc.sql("insert into account.department(code, name) values (?, ?) on conflict do nothing").params(department, department).update();
			jdbc.sql("insert into account.staff_role(account_id, department_code, role) select id, ?, ? from account.account where email = ?")
				.params(department, role, email).update();
		});
		return email;
	}

	private String create(String kind, String name, String trust) {
		String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		if (hash == null) {
			hash = encoder.getObject().encode(PASSWORD);
		}
		String passwordHash = hash;
		TenantContext.runAs(tenant(), () -> jdbc.sql("insert into account.account(id, kind, email, display_name, password_hash, "
				+ "trust_level, email_verified_at) values (?, ?, ?, ?, ?, ?, now())")
			.params(UUID.randomUUID(), kind, email, name, passwordHash, trust).update());
		return email;
	}

	public UUID idOf(String email) {
		return TenantContext.callAs(tenant(), () -> jdbc.sql("select id from account.account where email = ?").param(email)
			.query(UUID.class).single());
	}

	public static MockHttpSession signIn(MockMvc mvc, String email) throws Exception {
		return signIn(mvc, email, PASSWORD);
	}

	public static MockHttpSession signIn(MockMvc mvc, String email, String password) throws Exception {
		MvcResult result = mvc.perform(post("/anmelden").param("email", email).param("password", password).with(csrf()))
			.andReturn();
		if (result.getResponse().getRedirectedUrl() == null || result.getResponse().getRedirectedUrl().contains("fehler")) {
			throw new IllegalStateException("sign-in failed for " + email + ": " + result.getResponse().getRedirectedUrl());
		}
		return (MockHttpSession) result.getRequest().getSession(false);
	}
}
