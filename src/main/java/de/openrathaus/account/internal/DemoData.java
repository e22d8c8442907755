// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.List;
import java.util.UUID;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode ({@code openrathaus.demo.enabled=true}) every municipality gets the departments and
 * demo accounts the README lists. Idempotent: existing rows are left as they are.
 */
@Component
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class DemoData {

	static final String PASSWORD = "Demo-Passwort-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final List<String[]> DEPARTMENTS = List.of(new String[] {"steuern", "Steuern"},
			new String[] {"buergerbuero", "Bürgerbüro"}, new String[] {"ordnung", "Ordnungsamt"},
			new String[] {"organisation", "Organisation und IT"}, new String[] {"strassenverkehr", "Straßenverkehr"},
			new String[] {"bauaufsicht", "Bauaufsicht"}, new String[] {"standesamt", "Standesamt"},
			new String[] {"jugend", "Kinder und Jugend"}, new String[] {"soziales", "Soziales"},
			new String[] {"umwelt", "Umwelt"}, new String[] {"schule", "Schule und Sport"},
			new String[] {"wirtschaft", "Wirtschaftsförderung und Gewerbe"}, new String[] {"feuerwehr", "Feuerwehr"},
			new String[] {"kultur", "Kultur"}, new String[] {"personal", "Personal"},
			new String[] {"kasse", "Stadtkasse"}, new String[] {"ratsbuero", "Ratsbüro"},
			new String[] {"zentrale-dienste", "Zentrale Dienste"});

	/** email, name, kind, department, role */
	private static final List<String[]> ACCOUNTS = List.of(
			new String[] {"buerger@example.org", "Erika Mustermann", "CITIZEN", null, null},
			new String[] {"steuern@musterstadt.example", "Tom Steuer", "STAFF", "steuern", "CLERK"},
			new String[] {"ordnung@musterstadt.example", "Olga Ordnung", "STAFF", "ordnung", "CLERK"},
			new String[] {"verwaltung@musterstadt.example", "Anna Admin", "STAFF", "organisation", "ADMIN"},
			new String[] {"organisation@musterstadt.example", "Otto Organisation", "STAFF", "organisation", "REVIEWER"},
			new String[] {"vorstand@musterstadt.example", "Vera Vorstand", "STAFF", "organisation", "BOARD"},
			new String[] {"registratur@musterstadt.example", "Rita Registratur", "STAFF", "organisation", "RECORDS_MANAGER"},
			// two people at the treasury: a refund one of them requests needs the other's approval
			new String[] {"kasse@musterstadt.example", "Karl Kasse", "STAFF", "kasse", "TREASURY"},
			new String[] {"kassenleitung@musterstadt.example", "Klara Kassenleitung", "STAFF", "kasse", "TREASURY"},
			new String[] {"datenschutz@musterstadt.example", "Dora Datenschutz", "STAFF", "organisation", "DATA_PROTECTION_OFFICER"},
			new String[] {"ratsbuero@musterstadt.example", "Rainer Ratsbüro", "STAFF", "ratsbuero", "COUNCIL_OFFICE"},
			new String[] {"poststelle@musterstadt.example", "Paul Poststelle", "STAFF", "zentrale-dienste", "POST_ROOM"},
			new String[] {"informationssicherheit@musterstadt.example", "Ida Sicherheit", "STAFF", "organisation", "SECURITY_OFFICER"});

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Tenants tenants;
	private final TransactionTemplate transactions;

	DemoData(JdbcClient jdbc, PasswordEncoder passwords, Tenants tenants, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.tenants = tenants;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	@org.springframework.core.annotation.Order(100)
	void create() {
		for (Tenant tenant : tenants.all()) {
			TenantContext.runAs(tenant.id(), () -> transactions.executeWithoutResult(status -> createFor(tenant)));
		}
	}

	private void createFor(Tenant tenant) {
		DEPARTMENTS.forEach(d -> jdbc.sql("insert into account.department(code, name) values (?, ?) on conflict do nothing")
			.params(d[0], d[1]).update());
		int created = 0;
		for (String[] a : ACCOUNTS) {
			boolean exists = jdbc.sql("select count(*) from account.account where email = ?").param(a[0]).query(Integer.class).single() > 0;
			if (exists) {
				continue;
			}
			UUID id = UUID.randomUUID();
			jdbc.sql("insert into account.account(id, kind, email, display_name, password_hash, trust_level, email_verified_at) "
					+ "values (?, ?, ?, ?, ?, 'LOW', now())")
				.params(id, a[2], a[0], a[1], passwords.encode(PASSWORD)).update();
			if (a[3] != null) {
				jdbc.sql("insert into account.staff_role(account_id, department_code, role) values (?, ?, ?)")
					.params(id, a[3], a[4]).update();
			}
			created++;
		}
		if (created > 0) {
			log.info("Demo data for '{}': {} demo accounts created (see README)", tenant.slug(), created);
		}
	}
}
