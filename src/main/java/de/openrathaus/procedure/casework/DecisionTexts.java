// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.openrathaus.account.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current municipality's own decision texts: its letterhead and the legal remedy notice per
 * procedure type ({@link #REJECTIONS} for rejections). Where none is stored the template's own text
 * applies.
 */
@Component
class DecisionTexts {

	static final String REJECTIONS = "*";
	static final int MAX = 4000;

	enum Kind {
		LETTERHEAD, REMEDY
	}

	private final JdbcClient jdbc;

	DecisionTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> letterhead() {
		return text(Kind.LETTERHEAD, REJECTIONS);
	}

	Optional<String> remedy(String procedureType) {
		return text(Kind.REMEDY, procedureType);
	}

	/** All stored texts, keyed "KIND/type". */
	Map<String, String> all() {
		return jdbc.sql("select kind, procedure_type, body from procedure.decision_text")
			.query((rs, row) -> Map.entry(rs.getString(1) + "/" + rs.getString(2), rs.getString(3))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Stores the text, or removes it when empty (the template's own text applies again). */
	void save(Kind kind, String procedureType, String body, AccountId by, Instant at) {
		if (body.isEmpty()) {
			jdbc.sql("delete from procedure.decision_text where kind = ? and procedure_type = ?").params(kind.name(), procedureType).update();
			return;
		}
		jdbc.sql("insert into procedure.decision_text(procedure_type, kind, body, changed_at, changed_by) values (?, ?, ?, ?, ?) "
				+ "on conflict (tenant_id, procedure_type, kind) do update set body = excluded.body, changed_at = excluded.changed_at, "
				+ "changed_by = excluded.changed_by")
			.params(procedureType, kind.name(), body, Timestamp.from(at), by.value()).update();
	}

	private Optional<String> text(Kind kind, String procedureType) {
		return jdbc.sql("select body from procedure.decision_text where kind = ? and procedure_type = ?")
			.params(kind.name(), procedureType).query(String.class).optional();
	}
}
