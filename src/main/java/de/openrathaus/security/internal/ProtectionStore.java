// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the assessment and the ISMS register (row-level security: the municipality bound to the thread). */
@Repository
class ProtectionStore {

	enum Kind {
		APPLICATION, IT_SYSTEM, NETWORK, ROOM
	}

	enum Status {
		OPEN, PARTIAL, DONE, NOT_APPLICABLE
	}

	record ProcessNeed(String processKey, Inheritance.Need need, String reason, Instant assessedAt) {
	}

	record ItSystem(UUID id, String name, Kind kind, String description, Inheritance.Need own, String reason) {
	}

	record IsmsModule(UUID id, String code, String title, @Nullable UUID system, Status status, String responsible, String note,
			@Nullable LocalDate dueOn, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	ProtectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, ProcessNeed> processNeeds() {
		Map<String, ProcessNeed> needs = new HashMap<>();
		jdbc.sql("select process_key, confidentiality, integrity, availability, reason, assessed_at from security.process_need")
			.query(rs -> {
				needs.put(rs.getString(1), new ProcessNeed(rs.getString(1), new Inheritance.Need(Level.valueOf(rs.getString(2)),
						Level.valueOf(rs.getString(3)), Level.valueOf(rs.getString(4))), rs.getString(5), rs.getTimestamp(6).toInstant()));
			});
		return needs;
	}

	void saveProcessNeed(String processKey, Inheritance.Need need, String reason, Set<UUID> systems, UUID by, Instant at) {
		jdbc.sql("""
				insert into security.process_need(process_key, confidentiality, integrity, availability, reason, assessed_by, assessed_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (tenant_id, process_key) do update set confidentiality = excluded.confidentiality, integrity = excluded.integrity,
				       availability = excluded.availability, reason = excluded.reason, assessed_by = excluded.assessed_by,
				       assessed_at = excluded.assessed_at""")
			.params(processKey, name(need.confidentiality()), name(need.integrity()), name(need.availability()), reason, by, Timestamp.from(at))
			.update();
		jdbc.sql("delete from security.process_system where process_key = ?").param(processKey).update();
		for (UUID system : systems) {
			jdbc.sql("insert into security.process_system(process_key, system_id) values (?, ?)").params(processKey, system).update();
		}
	}

	/** For each process key, the systems it uses. */
	Map<String, Set<UUID>> processSystems() {
		Map<String, Set<UUID>> uses = new HashMap<>();
		jdbc.sql("select process_key, system_id from security.process_system")
			.query(rs -> {
				uses.computeIfAbsent(rs.getString(1), key -> new HashSet<>()).add(rs.getObject(2, UUID.class));
			});
		return uses;
	}

	List<ItSystem> systems() {
		return jdbc.sql("select id, name, kind, description, confidentiality, integrity, availability, reason from security.it_system order by name")
			.query((rs, row) -> new ItSystem(rs.getObject(1, UUID.class), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
					new Inheritance.Need(Level.parse(rs.getString(5)), Level.parse(rs.getString(6)), Level.parse(rs.getString(7))), rs.getString(8)))
			.list();
	}

	/** For each system, the systems it depends on. */
	Map<UUID, Set<UUID>> dependencies() {
		Map<UUID, Set<UUID>> dependsOn = new HashMap<>();
		jdbc.sql("select system_id, depends_on from security.system_dependency")
			.query(rs -> {
				dependsOn.computeIfAbsent(rs.getObject(1, UUID.class), key -> new HashSet<>()).add(rs.getObject(2, UUID.class));
			});
		return dependsOn;
	}

	boolean nameTaken(String name, @Nullable UUID except) {
		return jdbc.sql("select count(*) from security.it_system where lower(name) = lower(?) and id is distinct from ?").params(name, except)
			.query(Integer.class).single() > 0;
	}

	/** Inserts or updates a system with its dependencies; returns its id. */
	UUID saveSystem(@Nullable UUID id, String name, Kind kind, String description, Inheritance.Need own, String reason, Set<UUID> dependsOn,
			UUID by, Instant at) {
		UUID system = id == null ? UUID.randomUUID() : id;
		jdbc.sql("""
				insert into security.it_system(id, name, kind, description, confidentiality, integrity, availability, reason, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do update set name = excluded.name, kind = excluded.kind, description = excluded.description,
				       confidentiality = excluded.confidentiality, integrity = excluded.integrity, availability = excluded.availability,
				       reason = excluded.reason, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.params(system, name, kind.name(), description, name(own.confidentiality()), name(own.integrity()), name(own.availability()), reason,
					by, Timestamp.from(at))
			.update();
		jdbc.sql("delete from security.system_dependency where system_id = ?").param(system).update();
		for (UUID dependency : dependsOn) {
			jdbc.sql("insert into security.system_dependency(system_id, depends_on) values (?, ?)").params(system, dependency).update();
		}
		return system;
	}

	/** Takes the lock that keeps two saves from closing a cycle between them. */
	void lockSystems() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('security.it_system'), hashtext(tenancy.current_tenant()::text))").query(Object.class)
			.list();
	}

	List<IsmsModule> modules() {
		return jdbc.sql("select id, code, title, system_id, status, responsible, note, due_on, updated_at from security.isms_module order by code, id")
			.query((rs, row) -> new IsmsModule(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
					Status.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getTimestamp(9).toInstant()))
			.list();
	}

	/** Adds a module; false if it is already in the register for that target. */
	boolean addModule(String code, String title, @Nullable UUID system, UUID by, Instant at) {
		return jdbc.sql("""
				insert into security.isms_module(id, code, title, system_id, status, updated_by, updated_at) values (?, ?, ?, ?, 'OPEN', ?, ?)
				on conflict do nothing""")
			.params(UUID.randomUUID(), code, title, system, by, Timestamp.from(at)).update() == 1;
	}

	boolean updateModule(UUID id, Status status, String responsible, String note, @Nullable LocalDate dueOn, UUID by, Instant at) {
		return jdbc.sql("""
				update security.isms_module set status = ?, responsible = ?, note = ?, due_on = ?, updated_by = ?, updated_at = ? where id = ?""")
			.params(status.name(), responsible, note, dueOn, by, Timestamp.from(at), id).update() == 1;
	}

	private static @Nullable String name(@Nullable Level level) {
		return level == null ? null : level.name();
	}
}
