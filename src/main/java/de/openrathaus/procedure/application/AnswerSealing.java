// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.files.Envelope;
import de.openrathaus.files.Sha256;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps applications' answers and uploads under their municipality's current key (ADR 38): seals what
 * was stored before encryption and re-wraps what an older key version sealed. Each row is changed only
 * if it is still what was read, so an edit in between is never overwritten (it is sealed anew anyway).
 */
@Component
class AnswerSealing {

	private static final Logger log = LoggerFactory.getLogger(AnswerSealing.class);
	private static final int BATCH = 200;

	private final JdbcClient jdbc;
	private final Envelope envelope;
	private final Tenants tenants;

	AnswerSealing(JdbcClient jdbc, Envelope envelope, Tenants tenants) {
		this.jdbc = jdbc;
		this.envelope = envelope;
		this.tenants = tenants;
	}

	@SchedulerLock(name = "procedure.answer-sealing", lockAtMostFor = "PT6H", lockAtLeastFor = "PT1S")
	@Scheduled(fixedDelayString = "${openrathaus.encryption.rotation-interval:6h}", initialDelayString = "PT2M")
	void rotate() {
		int changed = sealAll();
		if (changed > 0) {
			log.info("Sealed or re-wrapped {} application answer(s) and upload(s) under the current keys", changed);
		}
	}

	private record Answers(UUID id, @Nullable String data, byte @Nullable [] sealed) {
	}

	private record Upload(UUID id, String sha256, byte[] content) {
	}

	/** Brings every application's answers and uploads of every municipality under its current key; returns how many rows changed. */
	int sealAll() {
		int changed = 0;
		for (Tenant municipality : tenants.all()) {
			changed += TenantContext.callAs(municipality.id(), this::sealAnswers);
			changed += TenantContext.callAs(municipality.id(), this::sealUploads);
		}
		return changed;
	}

	private int sealAnswers() {
		int changed = 0;
		UUID after = new UUID(0, 0); // the smallest, as PostgreSQL orders uuids
		while (true) {
			List<Answers> batch = jdbc.sql("select id, case when sealed_data is null then data::text end, sealed_data from procedure.application "
					+ "where id > ? order by id limit ?").params(after, BATCH)
				.query((rs, row) -> new Answers(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3))).list();
			for (Answers answers : batch) {
				String context = ApplicationStore.answersContext(answers.id());
				if (answers.sealed() == null) {
					byte[] sealed = envelope.seal(TenantContext.require(), context, answers.data().getBytes(StandardCharsets.UTF_8));
					changed += jdbc.sql("update procedure.application set sealed_data = ?, data = '{}'::jsonb "
							+ "where id = ? and sealed_data is null and data = ?::jsonb").params(sealed, answers.id(), answers.data()).update();
				}
				else {
					Optional<byte[]> next = envelope.rewrap(TenantContext.require(), context, answers.sealed());
					if (next.isPresent()) {
						changed += jdbc.sql("update procedure.application set sealed_data = ? where id = ? and sealed_data = ?")
							.params(next.get(), answers.id(), answers.sealed()).update();
					}
				}
			}
			if (batch.size() < BATCH) {
				return changed;
			}
			after = batch.getLast().id();
		}
	}

	private int sealUploads() {
		int changed = 0;
		UUID after = new UUID(0, 0); // the smallest, as PostgreSQL orders uuids
		while (true) {
			List<Upload> batch = jdbc.sql("select id, sha256, content from procedure.attachment where content is not null and id > ? order by id limit ?")
				.params(after, BATCH).query((rs, row) -> new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3))).list();
			for (Upload upload : batch) {
				if (!Envelope.sealed(upload.content()) && !Sha256.hex(upload.content()).equals(upload.sha256())) {
					log.warn("Upload {} does not match its hash; left as it is", upload.id());
					continue;
				}
				Optional<byte[]> next = envelope.rewrap(TenantContext.require(), ApplicationStore.attachmentContext(upload.id()), upload.content());
				if (next.isPresent()) {
					changed += jdbc.sql("update procedure.attachment set content = ? where id = ? and content = ?")
						.params(next.get(), upload.id(), upload.content()).update();
				}
			}
			if (batch.size() < BATCH) {
				return changed;
			}
			after = batch.getLast().id();
		}
	}
}
