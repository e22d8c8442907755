// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import de.openrathaus.TestAccounts;
import de.openrathaus.operations.internal.DatabaseConnections;
import de.openrathaus.records.config.RecordsSettings;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail against someone who can write the database (even as its superuser) but cannot
 * read the key file: removing the newest entries, rewriting entries and recomputing an unkeyed
 * chain, forging or removing checkpoints are all reported by {@code --verify-audit}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditChainIntegrationTests {

	@Autowired
	Clock clock;

	@Autowired
	TestAccounts accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	AuditVerificationCommand command;

	@Autowired
	AuditKeys keys;

	@Autowired
	AuditVerification verification;

	@Autowired
	RecordsSettings settings;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	private static final String WRITER_PASSWORD = "Schreiber-2026-Test";

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path temp;

	/** An entry as the superuser sees it. */
	record Row(long seq, Timestamp at, String actor, String action, String object, String origin, String previous, String value, int scheme) {
	}

	/** What {@code --verify-audit} printed and its exit code. */
	record Outcome(int code, String report) {
	}

	@Test
	void anUntouchedTrailWithItsCheckpointsVerifies() {
		recordReads(3);
		Optional<AuditCheckpoints.Checkpoint> written = TenantContext.callAs(tenant(), checkpoints::write);
		assertThat(written).isPresent();
		assertThat(checkpoints.inFile()).anySatisfy(line -> assertThat(line.signature()).isEqualTo(written.get().signature()));
		assertThat(TenantContext.callAs(tenant(), checkpoints::inDatabase))
			.anySatisfy(row -> assertThat(row.signature()).isEqualTo(written.get().signature()));
		assertThat(TenantContext.callAs(tenant(), checkpoints::write)).as("nothing new, no new checkpoint").isEmpty();
		recordReads(2); // after the last checkpoint: protected by the chain alone

		Outcome outcome = verify(command);
		assertThat(outcome.code()).isEqualTo(AuditVerificationCommand.INTACT);
		assertThat(outcome.report()).contains("Audit trail of " + slug() + ": intact (").contains("checkpoints checked");
		assertThat(TenantContext.callAs(tenant(), audit::verify)).isEmpty();
	}

	@Test
	void removingTheNewestEntriesNoLongerMatchesTheLatestCheckpoint() {
		recordReads(3);
		TenantContext.callAs(tenant(), checkpoints::write);
		List<Row> saved = asSuperuser(this::rows);
		long newest = saved.getLast().seq();
		try {
			tamper(superuser -> superuser.sql("delete from records.audit_entry where tenant_id = ?::uuid and seq >= ?")
				.params(tenant().toString(), saved.get(saved.size() - 2).seq()).update());

			Outcome outcome = verify(command);
			assertThat(outcome.code()).isEqualTo(AuditVerificationCommand.BROKEN);
			assertThat(outcome.report()).contains("Audit trail of " + slug() + ": BROKEN at entry " + newest + ": the newest entries were removed")
				.contains("counted " + saved.size() + " entries up to entry " + newest)
				.contains("now ends at entry " + saved.get(saved.size() - 3).seq() + " with " + (saved.size() - 2) + " entries");
			assertThat(TenantContext.callAs(tenant(), audit::verify)).contains(newest);
		}
		finally {
			restore(saved, null);
		}
		assertThat(verify(command).code()).isEqualTo(AuditVerificationCommand.INTACT);
	}

	@Test
	void anEntryRewrittenWithAPlainSha256ChainIsFound() {
		recordReads(3);
		List<Row> saved = asSuperuser(this::rows);
		Row victim = saved.get(saved.size() - 2);
		try {
			// an attacker without the key changes an entry and recomputes the chain from there on, as the old scheme did
			for (int scheme : new int[] {2, 1}) {
				tamper(superuser -> rechainUnkeyed(superuser, saved, victim.seq(), scheme));
				Outcome outcome = verify(command);
				assertThat(outcome.code()).isEqualTo(AuditVerificationCommand.BROKEN);
				assertThat(outcome.report()).contains("Audit trail of " + slug() + ": BROKEN at entry " + victim.seq() + ": "
						+ (scheme == 2 ? "changed, inserted or deleted" : "in the old unkeyed format after keyed entries"));
			}
		}
		finally {
			restore(saved, null);
		}
		assertThat(verify(command).code()).isEqualTo(AuditVerificationCommand.INTACT);
	}

	@Test
	void aWholeTrailRewrittenInTheOldFormatIsCaughtByTheCheckpointFile() {
		recordReads(2);
		AuditCheckpoints.Checkpoint anchor = TenantContext.callAs(tenant(), checkpoints::write).orElseThrow();
		List<Row> saved = asSuperuser(this::rows);
		List<AuditCheckpoints.Checkpoint> savedCheckpoints = TenantContext.callAs(tenant(), checkpoints::inDatabase);
		try {
			// the whole trail in the old unkeyed format, as if it had never been keyed, and the checkpoints in the table gone
			tamper(superuser -> {
				rechainUnkeyed(superuser, saved, saved.getFirst().seq(), 1);
				superuser.sql("delete from records.audit_checkpoint where tenant_id = ?::uuid").param(tenant().toString()).update();
			});
			Outcome outcome = verify(command);
			assertThat(outcome.code()).isEqualTo(AuditVerificationCommand.BROKEN);
			assertThat(outcome.report()).contains("Audit trail of " + slug() + ": BROKEN at entry ")
				.contains("of " + settings.audit().checkpointFile() + ") recorded another chain value for this entry");
			assertThat(anchor.lastSeq()).isEqualTo(saved.getLast().seq());
		}
		finally {
			restore(saved, savedCheckpoints);
		}
		assertThat(verify(command).code()).isEqualTo(AuditVerificationCommand.INTACT);
	}

	@Test
	void anExistingTrailInTheOldFormatStaysVerifiableAndTheKeyedChainContinuesIt() {
		// a municipality whose trail was written before the update, by the old rule
		TenantId old = new TenantId(UUID.randomUUID());
		Instant at = Instant.parse("2026-11-20T09:00:00Z");
		String first = AuditTrail.hash(AuditTrail.GENESIS, old.toString(), at, "Otto Alt", "READ", "case O-1", "127.0.0.1");
		String second = AuditTrail.hash(first, old.toString(), at.plusSeconds(1), "Otto Alt", "READ", "case O-2", "127.0.0.1");
		tamper(superuser -> {
			superuser.sql("insert into tenancy.tenant(id, slug, name) values (?, ?, 'Altstadt')")
				.params(old.value(), "altstadt-" + old.toString().substring(0, 8)).update();
			superuser.sql("insert into records.audit_entry(tenant_id, at, actor, action, object, origin, prev_hash, hash, scheme) "
					+ "values (?, ?, 'Otto Alt', 'READ', 'case O-1', '127.0.0.1', ?, ?, 1), (?, ?, 'Otto Alt', 'READ', 'case O-2', '127.0.0.1', ?, ?, 1)")
				.params(old.value(), Timestamp.from(at), AuditTrail.GENESIS, first, old.value(), Timestamp.from(at.plusSeconds(1)), first, second)
				.update();
		});
		try {
			AuditVerification.Result before = TenantContext.callAs(old, () -> verification.check(List.of()));
			assertThat(before.intact()).isTrue();
			assertThat(before.unanchored()).as("intact by the old rule only, until a checkpoint anchors it").isTrue();
			// not started since the update: no key file yet, and none needed for this trail
			MockEnvironment verifying = new MockEnvironment().withProperty(AuditVerificationCommand.OPTION, "");
			RecordsSettings keyless = settingsWith(temp.resolve("none.key"), temp.resolve("none.log"));
			AuditKeys none = new AuditKeys(keyless, verifying, jdbc, tenants);
			AuditVerification withoutKey = new AuditVerification(jdbc, none, new AuditCheckpoints(jdbc, none, tenants, keyless, verifying, clock),
					transactionManager);
			assertThat(TenantContext.callAs(old, () -> withoutKey.check(List.of())).unanchored()).isTrue();

			// the first start after the update anchors the old entries; new entries are keyed and continue the old chain
			// (its checkpoint file is this test's own: the municipality is removed at the end)
			AuditCheckpoints ownFile = new AuditCheckpoints(jdbc, keys, tenants, settingsWith(settings.audit().keyFile(), temp.resolve("c.log")),
					new MockEnvironment(), clock);
			AuditCheckpoints.Checkpoint anchor = TenantContext.callAs(old, ownFile::write).orElseThrow();
			TenantContext.runAs(old, () -> transactions.executeWithoutResult(status -> audit.record("Nora Neu", AuditAction.READ, "case O-3", "127.0.0.1")));
			AuditVerification.Result after = TenantContext.callAs(old, () -> verification.check(List.of()));
			assertThat(after.intact()).isTrue();
			assertThat(after.entries()).isEqualTo(3);
			assertThat(after.unkeyedEntries()).isEqualTo(2);
			assertThat(after.unanchored()).isFalse();
			assertThat(TenantContext.callAs(old, () -> jdbc.sql("select scheme from records.audit_entry order by seq").query(Integer.class).list()))
				.containsExactly(1, 1, 2);
			assertThatThrownBy(() -> TenantContext.callAs(old, () -> withoutKey.check(List.of()))).as("keyed entries need the key")
				.isInstanceOf(AuditKey.Unusable.class).hasMessageContaining("does not exist");

			// an old entry changed and the old chain recomputed, as was possible before: the checkpoint and the keyed entry after it disagree
			String forged = AuditTrail.hash(AuditTrail.GENESIS, old.toString(), at, "Mallory", "READ", "case O-1", "127.0.0.1");
			String forgedSecond = AuditTrail.hash(forged, old.toString(), at.plusSeconds(1), "Otto Alt", "READ", "case O-2", "127.0.0.1");
			tamper(superuser -> {
				superuser.sql("update records.audit_entry set actor = 'Mallory', hash = ? where tenant_id = ? and hash = ?")
					.params(forged, old.value(), first).update();
				superuser.sql("update records.audit_entry set prev_hash = ?, hash = ? where tenant_id = ? and hash = ?")
					.params(forged, forgedSecond, old.value(), second).update();
			});
			AuditVerification.Result tampered = TenantContext.callAs(old, () -> verification.check(List.of()));
			assertThat(tampered.brokenEntry()).isEqualTo(anchor.lastSeq());
			assertThat(tampered.problem()).endsWith("recorded another chain value for this entry: the trail up to it was rewritten");
			tamper(superuser -> superuser.sql("delete from records.audit_checkpoint where tenant_id = ?").param(old.value()).update());
			assertThat(TenantContext.callAs(old, () -> verification.check(List.of())).problem()).as("even without the checkpoint")
				.startsWith("changed, inserted or deleted");
		}
		finally {
			// the municipality was only for this test
			tamper(superuser -> {
				superuser.sql("delete from records.audit_checkpoint where tenant_id = ?").param(old.value()).update();
				superuser.sql("delete from records.audit_entry where tenant_id = ?").param(old.value()).update();
				superuser.sql("delete from tenancy.tenant where id = ?").param(old.value()).update();
			});
		}
	}

	@Test
	void removedOrForgedCheckpointsAreFound() {
		recordReads(1);
		AuditCheckpoints.Checkpoint written = TenantContext.callAs(tenant(), checkpoints::write).orElseThrow();
		List<AuditCheckpoints.Checkpoint> saved = TenantContext.callAs(tenant(), checkpoints::inDatabase);
		List<Row> entries = asSuperuser(this::rows);
		try {
			tamper(superuser -> superuser.sql("delete from records.audit_checkpoint where tenant_id = ?::uuid and signature = ?")
				.params(tenant().toString(), written.signature()).update());
			assertThat(verify(command).report()).contains("BROKEN at entry " + written.lastSeq() + ": the checkpoint of " + written.at())
				.contains("is missing from the database: checkpoints were removed there");

			restore(entries, saved);
			tamper(superuser -> superuser.sql("""
					insert into records.audit_checkpoint(tenant_id, at, entry_count, last_seq, chain_value, key_id, signature)
					values (?::uuid, now(), 1, ?, ?, ?, ?)""")
				.params(tenant().toString(), written.lastSeq(), written.chainValue(), keys.current().id(), "00".repeat(32)).update());
			Outcome outcome = verify(command);
			assertThat(outcome.code()).isEqualTo(AuditVerificationCommand.BROKEN);
			assertThat(outcome.report()).contains("has an invalid signature: it was changed or forged");
		}
		finally {
			restore(entries, saved);
		}
		assertThat(verify(command).code()).isEqualTo(AuditVerificationCommand.INTACT);
	}

	@Test
	void withoutTheRightKeyFileTheTrailCannotBeVerified() {
		recordReads(1);
		TenantContext.callAs(tenant(), checkpoints::write);
		MockEnvironment verifying = new MockEnvironment().withProperty(AuditVerificationCommand.OPTION, "");

		Outcome missing = verify(commandWith(temp.resolve("lost.key"), verifying));
		assertThat(missing.code()).isEqualTo(AuditVerificationCommand.CANNOT_VERIFY);
		assertThat(missing.report()).contains("Audit trail of " + slug() + " cannot be verified: The audit key file "
				+ temp.resolve("lost.key").toAbsolutePath() + " does not exist.");
		assertThat(temp.resolve("lost.key")).as("the verification never creates a key").doesNotExist();

		AuditKey.create(temp.resolve("other.key"));
		Outcome wrong = verify(commandWith(temp.resolve("other.key"), verifying));
		assertThat(wrong.code()).isEqualTo(AuditVerificationCommand.CANNOT_VERIFY);
		assertThat(wrong.report()).contains("is not the key this trail was written with");
	}

	@Test
	void theApplicationRefusesToStartWithAMissingOrWrongKey() {
		recordReads(1);
		TenantContext.callAs(tenant(), checkpoints::write);
		MockEnvironment running = new MockEnvironment();

		assertThatThrownBy(() -> new AuditKeys(settingsWith(temp.resolve("lost.key"), temp.resolve("c.log")), running, jdbc, tenants))
			.isInstanceOf(AuditKey.Unusable.class).hasMessageContaining("is missing, but the audit trail of")
			.hasMessageContaining("Restore the key file from the backup");
		assertThat(temp.resolve("lost.key")).as("a new key would hide the loss").doesNotExist();

		AuditKey.create(temp.resolve("other.key"));
		assertThatThrownBy(() -> new AuditKeys(settingsWith(temp.resolve("other.key"), temp.resolve("c.log")), running, jdbc, tenants))
			.isInstanceOf(AuditKey.Unusable.class).hasMessageContaining("is not the key the audit trail of");
	}

	@Test
	void aNewInstallationCreatesAKeyReadableByItsOwnerOnly() throws Exception {
		Path file = temp.resolve("data").resolve("audit.key");
		AuditKeys created = new AuditKeys(settingsWith(file, temp.resolve("c.log")), new MockEnvironment(), jdbc, noMunicipalities());
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(java.util.Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(AuditKey.BYTES);
		assertThat(AuditKey.read(file).id()).isEqualTo(created.current().id()).isNotEqualTo(keys.current().id());
		assertThat(created.current().toString()).doesNotContain(Files.readString(file).strip());

		Files.writeString(temp.resolve("short.key"), "c2hvcnQ=\n");
		assertThatThrownBy(() -> AuditKey.read(temp.resolve("short.key"))).hasMessageContaining("holds 5 bytes; at least 32 are needed");
		Files.writeString(temp.resolve("garbage.key"), "not base64 at all!\n");
		assertThatThrownBy(() -> AuditKey.read(temp.resolve("garbage.key"))).hasMessageContaining("is not Base64 text");
	}

	/**
	 * The application only ever inserts and selects in the audit tables: a role with nothing more
	 * writes entries and checkpoints that verify, and cannot change or remove either.
	 */
	@Test
	void writingTheTrailNeedsOnlyInsertAndSelect() throws SQLException {
		String database = jdbc.sql("select current_database()").query(String.class).single();
		tamper(superuser -> {
			superuser.sql("""
					do $$ begin
					  if not exists (select 1 from pg_roles where rolname = 'openrathaus_audit_writer') then
					    create role openrathaus_audit_writer login nosuperuser nobypassrls password 'Schreiber-2026-Test';
					  end if;
					end $$""").update();
			superuser.sql("grant connect on database " + database + " to openrathaus_audit_writer").update();
			superuser.sql("grant usage on schema records, tenancy to openrathaus_audit_writer").update();
			superuser.sql("grant select, insert on records.audit_entry, records.audit_checkpoint to openrathaus_audit_writer").update();
		});
		long before = TenantContext.callAs(tenant(), audit::size);
		try (Connection connection = connect("openrathaus_audit_writer", database)) {
			connection.createStatement().execute("select set_config('openrathaus.tenant', '" + tenant() + "', false)");
			JdbcClient writer = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			AuditTrail trail = new AuditTrail(writer, keys, verification, clock);
			AuditCheckpoints anchors = new AuditCheckpoints(writer, keys, tenants, settings, new MockEnvironment(), clock);
			TenantContext.runAs(tenant(), () -> trail.record("Wanda Writer", AuditAction.READ, "case W-1", "127.0.0.1"));
			assertThat(TenantContext.callAs(tenant(), anchors::write)).isPresent();
			assertThatThrownBy(() -> writer.sql("update records.audit_entry set actor = 'Mallory'").update())
				.hasStackTraceContaining("permission denied");
			assertThatThrownBy(() -> writer.sql("delete from records.audit_checkpoint").update()).hasStackTraceContaining("permission denied");
		}
		assertThat(TenantContext.callAs(tenant(), audit::size)).isEqualTo(before + 1);
		assertThat(verify(command).code()).isEqualTo(AuditVerificationCommand.INTACT);
	}

	/** Runs {@code --verify-audit} on the data directory in a JVM of its own; expects exit code 3 and returns its output. */
	private static String verifyInOwnJvm(Path data, Path output) throws Exception {
		ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), de.openrathaus.OpenRathausApplication.class.getName(), "--verify-audit",
				"--openrathaus.database.embedded.data-directory=" + data)
			.redirectErrorStream(true).redirectOutput(output.toFile());
		run.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("OPENRATHAUS_"));
		Process process = run.start();
		boolean ended = process.waitFor(120, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly();
		}
		assertThat(ended).isTrue();
		assertThat(process.exitValue()).as(Files.readString(output)).isEqualTo(AuditVerificationCommand.DATABASE_IN_USE);
		return Files.readString(output);
	}

	@Test
	void verifyingWhileAnotherOpenRathausHoldsTheEmbeddedDatabaseSaysItIsInUse() throws Exception {
		Path data = temp.resolve("held").resolve("postgres");
		Files.createDirectories(data);
		try (FileChannel channel = FileChannel.open(data.resolveSibling("postgres.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock held = channel.lock()) {
			assertThat(verifyInOwnJvm(data, temp.resolve("held-output.txt")))
				.contains("Database in use: an OpenRathaus is running on the embedded database");
		}
	}

	@Test
	void verifyingWhileTheEmbeddedDatabaseRunsSaysItIsInUseInsteadOfBroken() throws Exception {
		String database = jdbc.sql("select current_database()").query(String.class).single();
		try (Connection connection = connect("postgres", database)) {
			// a PostgreSQL process that is alive for sure: the backend serving this connection
			long pid = JdbcClient.create(new SingleConnectionDataSource(connection, true)).sql("select pg_backend_pid()").query(Long.class)
				.single();
			Path data = temp.resolve("postgres");
			Files.createDirectories(data);
			Files.writeString(data.resolve("postmaster.pid"), pid + "\n" + data + "\n");
			assertThat(DatabaseInUse.runningServer(data)).contains(pid);

			assertThat(verifyInOwnJvm(data, temp.resolve("output.txt"))).contains("Database in use: the embedded PostgreSQL in " + data.toAbsolutePath())
				.contains("Stop OpenRathaus first, or point --verify-audit at the running database with --spring.datasource.url");
		}
	}

	@Test
	void aStalePostmasterPidFileIsNotARunningDatabase() throws Exception {
		Path data = temp.resolve("stale");
		Files.createDirectories(data);
		assertThat(DatabaseInUse.runningServer(data)).as("no pid file").isEmpty();
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		Files.writeString(data.resolve("postmaster.pid"), ended.pid() + "\n");
		assertThat(DatabaseInUse.runningServer(data)).as("the process is gone").isEmpty();
		Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n");
		assertThat(DatabaseInUse.runningServer(data)).as("the number now belongs to a process that is not PostgreSQL").isEmpty();
		Files.writeString(data.resolve("postmaster.pid"), "garbage\n");
		assertThat(DatabaseInUse.runningServer(data)).isEmpty();
	}

	private Connection connect(String role, String database) throws SQLException {
		return "postgres".equals(role) ? DatabaseConnections.superuser(context, database)
				: DatabaseConnections.as(context, role, WRITER_PASSWORD, database);
	}

	private void recordReads(int count) {
		TenantContext.runAs(tenant(), () -> transactions.executeWithoutResult(status -> {
			for (int i = 0; i < count; i++) {
				audit.record("Tina Test", AuditAction.READ, "case A-" + i, "127.0.0.1");
			}
		}));
	}

	private TenantId tenant() {
		return accounts.tenant();
	}

	private String slug() {
		return tenants.byId(tenant()).orElseThrow().slug();
	}

	private static Outcome verify(AuditVerificationCommand verification) {
		ByteArrayOutputStream report = new ByteArrayOutputStream();
		int code = verification.verifyAll(new PrintStream(report, true, StandardCharsets.UTF_8));
		return new Outcome(code, report.toString(StandardCharsets.UTF_8));
	}

	private RecordsSettings settingsWith(Path keyFile, Path checkpointFile) {
		return new RecordsSettings(settings.storageDirectory(), settings.archiveKey(), settings.archiveName(), settings.storage(),
				settings.s3(), new RecordsSettings.Audit(keyFile, checkpointFile, null), settings.extraction());
	}

	/** The verification command as a separate run would assemble it, with another key file. */
	private AuditVerificationCommand commandWith(Path keyFile, Environment mode) {
		RecordsSettings other = settingsWith(keyFile, settings.audit().checkpointFile());
		AuditKeys otherKeys = new AuditKeys(other, mode, jdbc, tenants);
		AuditCheckpoints otherCheckpoints = new AuditCheckpoints(jdbc, otherKeys, tenants, other, mode, clock);
		return new AuditVerificationCommand(new AuditVerification(jdbc, otherKeys, otherCheckpoints, transactionManager), otherCheckpoints,
				tenants, context);
	}

	private static Tenants noMunicipalities() {
		return new Tenants() {

			@Override
			public List<Tenant> all() {
				return List.of();
			}

			@Override
			public Optional<Tenant> byId(TenantId id) {
				return Optional.empty();
			}

			@Override
			public Optional<Tenant> byHost(String host) {
				return Optional.empty();
			}
		};
	}

	// --- the attacker: the database's superuser, beyond row-level security and with triggers off

	private <T> T asSuperuser(java.util.function.Function<JdbcClient, T> work) {
		String database = jdbc.sql("select current_database()").query(String.class).single();
		try (Connection connection = connect("postgres", database)) {
			JdbcClient superuser = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			superuser.sql("set session_replication_role = replica").update(); // the append-only triggers do not fire
			return work.apply(superuser);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private void tamper(Consumer<JdbcClient> work) {
		asSuperuser(superuser -> {
			work.accept(superuser);
			return null;
		});
	}

	private List<Row> rows(JdbcClient superuser) {
		return superuser.sql("""
				select seq, at, actor, action, object, origin, prev_hash, hash, scheme from records.audit_entry
				 where tenant_id = ?::uuid order by seq""")
			.param(tenant().toString())
			.query((rs, row) -> new Row(rs.getLong(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)))
			.list();
	}

	/** Changes the entry {@code from} and recomputes every value from there with plain SHA-256, as one could without the key. */
	private void rechainUnkeyed(JdbcClient superuser, List<Row> rows, long from, int scheme) {
		String previous = AuditTrail.GENESIS;
		for (Row row : rows) {
			if (row.seq() >= from) {
				String actor = row.seq() == from ? "Mallory" : row.actor();
				String value = AuditTrail.hash(previous, tenant().toString(), row.at().toInstant(), actor, row.action(), row.object(),
						row.origin());
				superuser.sql("update records.audit_entry set actor = ?, prev_hash = ?, hash = ?, scheme = ? where seq = ?")
					.params(actor, previous, value, scheme, row.seq()).update();
				previous = value;
			}
			else {
				previous = row.value();
			}
		}
	}

	/** Puts the saved entries (and checkpoints, if given) back exactly as they were. */
	private void restore(List<Row> rows, List<AuditCheckpoints.Checkpoint> saved) {
		tamper(superuser -> {
			superuser.sql("delete from records.audit_entry where tenant_id = ?::uuid").param(tenant().toString()).update();
			for (Row row : rows) {
				superuser.sql("""
						insert into records.audit_entry(seq, tenant_id, at, actor, action, object, origin, prev_hash, hash, scheme)
						overriding system value values (?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(row.seq(), tenant().toString(), row.at(), row.actor(), row.action(), row.object(), row.origin(), row.previous(),
							row.value(), row.scheme())
					.update();
			}
			if (saved != null) {
				superuser.sql("delete from records.audit_checkpoint where tenant_id = ?::uuid").param(tenant().toString()).update();
				List<Object[]> values = new ArrayList<>();
				for (AuditCheckpoints.Checkpoint checkpoint : saved) {
					values.add(new Object[] {Long.parseLong(checkpoint.source().replace("database checkpoint ", "")), checkpoint.tenant(),
							Timestamp.from(checkpoint.at()), checkpoint.entryCount(), checkpoint.lastSeq(), checkpoint.chainValue(),
							checkpoint.keyId(), checkpoint.signature()});
				}
				for (Object[] row : values) {
					superuser.sql("""
							insert into records.audit_checkpoint(id, tenant_id, at, entry_count, last_seq, chain_value, key_id, signature)
							overriding system value values (?, ?::uuid, ?, ?, ?, ?, ?, ?)""").params(row).update();
				}
			}
		});
	}

}
