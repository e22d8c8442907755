// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.openrathaus.records.config.RecordsSettings;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of each municipality's audit trail: how many entries it had up to which entry
 * and with which chain value. Each is stored twice outside the audit table: as a row of
 * {@code records.audit_checkpoint}, which survives the loss of a server's disk with the database's
 * backups, and as a line of the checkpoint file beside the key, which someone who can only write
 * the database cannot remove. A removal of the newest entries then no longer matches the latest
 * checkpoint; entries written since the last checkpoint are protected by the chain alone.
 */
@Component
class AuditCheckpoints implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	/** A checkpoint and where it was read from (for the report). */
	record Checkpoint(String tenant, Instant at, long entryCount, long lastSeq, String chainValue, String keyId, String signature,
			String source) {

		boolean sameAs(Checkpoint other) {
			return tenant.equals(other.tenant) && at.equals(other.at) && entryCount == other.entryCount && lastSeq == other.lastSeq
					&& chainValue.equals(other.chainValue) && signature.equals(other.signature);
		}

		String describe() {
			return "checkpoint of " + at + " (" + source + ")";
		}
	}

	/** The checkpoint file cannot be read, or (damaged) has a line that is not a checkpoint. */
	static final class Unreadable extends RuntimeException {

		private final boolean damaged;

		Unreadable(String message, boolean damaged) {
			super(message);
			this.damaged = damaged;
		}

		boolean damaged() {
			return damaged;
		}
	}

	private final JdbcClient jdbc;
	private final AuditKeys keys;
	private final Tenants tenants;
	private final Path file;
	private final boolean verifying;
	private final Clock clock;

	AuditCheckpoints(JdbcClient jdbc, AuditKeys keys, Tenants tenants, RecordsSettings settings, Environment environment, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.keys = keys;
		this.tenants = tenants;
		this.file = settings.audit().checkpointFile();
		this.verifying = AuditVerificationCommand.requested(environment);
	}

	/** Every few minutes (first at start-up, which anchors a trail still in the old unkeyed format). */
	@SchedulerLock(name = "records.audit.checkpoints", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
	@Scheduled(fixedDelayString = "${openrathaus.records.audit.checkpoint-interval:5m}")
	void writeAll() {
		if (verifying) {
			return; // the verification only reads
		}
		for (Tenant tenant : tenants.all()) {
			try {
				TenantContext.runAs(tenant.id(), this::write);
			}
			catch (RuntimeException e) {
				log.error("Could not write an audit checkpoint for {}: {}", tenant.slug(), e.toString());
			}
		}
	}

	/** At shutdown, so that a restart leaves no unanchored entries behind. */
	@Override
	public void destroy() {
		writeAll();
	}

	/** Writes a checkpoint of the bound municipality's trail if it grew since the last one; returns it. */
	synchronized Optional<Checkpoint> write() {
		String tenant = TenantContext.require().toString();
		record Head(long lastSeq, String chainValue) {
		}
		record Previous(long count, long lastSeq) {
		}
		Optional<Head> head = jdbc.sql("select seq, hash from records.audit_entry order by seq desc limit 1")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2))).optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Previous previous = jdbc.sql("select entry_count, last_seq from records.audit_checkpoint order by id desc limit 1")
			.query((rs, row) -> new Previous(rs.getLong(1), rs.getLong(2))).optional().orElse(new Previous(0, 0));
		if (previous.lastSeq() == head.get().lastSeq()) {
			return Optional.empty();
		}
		if (previous.lastSeq() > head.get().lastSeq()) {
			log.error("The audit trail of municipality {} ends before its last checkpoint: entries were removed; run --verify-audit", tenant);
			return Optional.empty();
		}
		// counted from the previous checkpoint on, so the job stays cheap on a trail of millions of entries;
		// entries of one municipality commit in the order of their numbers (AuditTrail's lock), so nothing
		// up to the head can still appear
		long count = previous.count() + jdbc.sql("select count(*) from records.audit_entry where seq > ? and seq <= ?")
			.params(previous.lastSeq(), head.get().lastSeq()).query(Long.class).single();
		AuditKey key = keys.current();
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Checkpoint checkpoint = new Checkpoint(tenant, at, count, head.get().lastSeq(), head.get().chainValue(), key.id(),
				key.sign(tenant, count, head.get().lastSeq(), head.get().chainValue(), at), "");
		jdbc.sql("""
				insert into records.audit_checkpoint(at, entry_count, last_seq, chain_value, key_id, signature)
				values (?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(at), checkpoint.entryCount(), checkpoint.lastSeq(), checkpoint.chainValue(), checkpoint.keyId(),
					checkpoint.signature())
			.update();
		// after the row is committed (auto-commit): the file then never names a checkpoint the table lacks
		append(checkpoint);
		return Optional.of(checkpoint);
	}

	/** The bound municipality's checkpoints in the database, oldest first. */
	List<Checkpoint> inDatabase() {
		return jdbc.sql("select tenant_id, at, entry_count, last_seq, chain_value, key_id, signature, id from records.audit_checkpoint order by id")
			.query((rs, row) -> new Checkpoint(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getString(7), "database checkpoint " + rs.getLong(8)))
			.list();
	}

	/** All municipalities' checkpoints in the checkpoint file, oldest first; none if there is no file yet. */
	List<Checkpoint> inFile() {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		}
		catch (NoSuchFileException e) {
			return List.of();
		}
		catch (IOException e) {
			throw new Unreadable("The checkpoint file " + file.toAbsolutePath() + " cannot be read: " + e.getClass().getSimpleName(), false);
		}
		List<Checkpoint> checkpoints = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String source = "line " + (i + 1) + " of " + file;
			String[] fields = lines.get(i).split(" ");
			if (fields.length != 8 || !fields[0].equals("1")) {
				throw new Unreadable("The checkpoint file has an unreadable " + source + " (changed, or cut off by a crash while writing)", true);
			}
			try {
				checkpoints.add(new Checkpoint(fields[1], Instant.parse(fields[2]), Long.parseLong(fields[3]), Long.parseLong(fields[4]),
						fields[5], fields[6], fields[7], source));
			}
			catch (NumberFormatException | DateTimeParseException e) {
				throw new Unreadable("The checkpoint file has an unreadable " + source + " (changed, or cut off by a crash while writing)", true);
			}
		}
		return checkpoints;
	}

	private void append(Checkpoint checkpoint) {
		String line = String.join(" ", "1", checkpoint.tenant(), checkpoint.at().toString(), Long.toString(checkpoint.entryCount()),
				Long.toString(checkpoint.lastSeq()), checkpoint.chainValue(), checkpoint.keyId(), checkpoint.signature()) + "\n";
		try {
			Path absolute = file.toAbsolutePath();
			Files.createDirectories(absolute.getParent());
			try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(false);
			}
		}
		catch (IOException e) {
			// the row in the table still anchors the trail; the next checkpoint tries the file again
			log.error("Could not append the audit checkpoint to {}: {}", file.toAbsolutePath(), e.toString());
		}
	}
}
