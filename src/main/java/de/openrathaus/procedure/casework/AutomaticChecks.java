// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import de.openrathaus.procedure.ApplicationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The automatic check of each application whose procedure type decides automatically: approved, or
 * referred to a clerk with the reason (a message key). One per application; the first one stands.
 */
@Component
class AutomaticChecks {

	enum Outcome {
		APPROVED, REFERRED
	}

	/** The check as stored. */
	record Check(String rule, Outcome outcome, String reason, Instant checkedAt) {

		public boolean approved() {
			return outcome == Outcome.APPROVED;
		}
	}

	private final JdbcClient jdbc;

	AutomaticChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the check; false (changing nothing) if the application was checked already. */
	boolean record(ApplicationId application, String rule, Outcome outcome, String reason, Instant at) {
		return jdbc.sql("insert into procedure.automatic_check(application_id, rule, outcome, reason, checked_at) values (?, ?, ?, ?, ?) "
				+ "on conflict (application_id) do nothing")
			.params(application.value(), rule, outcome.name(), reason, Timestamp.from(at)).update() == 1;
	}

	Optional<Check> of(ApplicationId application) {
		return jdbc.sql("select rule, outcome, reason, checked_at from procedure.automatic_check where application_id = ?")
			.param(application.value())
			.query((rs, row) -> new Check(rs.getString(1), Outcome.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.optional();
	}
}
