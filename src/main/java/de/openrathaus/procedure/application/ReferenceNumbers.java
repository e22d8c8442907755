// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.time.Instant;

import de.openrathaus.tenancy.MunicipalClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues reference numbers (Aktenzeichen for the citizen) per municipality, prefix and year without
 * gaps between committed submissions, e.g. {@code HUND-2026-000042}. The counter row is locked until
 * the submitting transaction ends, so a rolled-back submission gives its number back.
 */
@Component
class ReferenceNumbers {

	private final JdbcClient jdbc;

	ReferenceNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String next(String prefix, Instant at) {
		int year = at.atZone(MunicipalClock.ZONE).getYear();
		long value = jdbc.sql("insert into procedure.reference_counter(prefix, year, value) values (?, ?, 1) "
				+ "on conflict (tenant_id, prefix, year) do update set value = procedure.reference_counter.value + 1 "
				+ "returning value")
			.params(prefix, year).query(Long.class).single();
		return "%s-%d-%06d".formatted(prefix, year, value);
	}
}
