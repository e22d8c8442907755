// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.content;

import java.util.List;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every stored content under its municipality's current key: after a new key version was added
 * to a keyring, each content's data key is re-wrapped (the content itself is not re-encrypted), and
 * contents stored before encryption are encrypted. Runs shortly after the start and then every few
 * hours, on one node at a time; the contents are read outside any database transaction.
 */
@Component
class ContentKeyRotation {

	private static final Logger log = LoggerFactory.getLogger(ContentKeyRotation.class);

	private final ContentStore contents;
	private final Tenants tenants;
	private final JdbcClient jdbc;

	ContentKeyRotation(ContentStore contents, Tenants tenants, JdbcClient jdbc) {
		this.contents = contents;
		this.tenants = tenants;
		this.jdbc = jdbc;
	}

	@SchedulerLock(name = "records.content-keys", lockAtMostFor = "PT6H", lockAtLeastFor = "PT1S")
	@Scheduled(fixedDelayString = "${openrathaus.encryption.rotation-interval:6h}", initialDelayString = "PT2M")
	void rotate() {
		int changed = rotateAll();
		if (changed > 0) {
			log.info("Re-wrapped or encrypted {} stored content(s) under the current keys", changed);
		}
	}

	/** Brings every content of every municipality under its current key; returns how many stored objects changed. */
	int rotateAll() {
		int changed = 0;
		for (Tenant municipality : tenants.all()) {
			List<String> hashes = TenantContext.callAs(municipality.id(),
					() -> jdbc.sql("select distinct sha256 from records.document_version").query(String.class).list());
			for (String sha : hashes) {
				if (TenantContext.callAs(municipality.id(), () -> contents.rewrap(sha))) {
					changed++;
				}
			}
		}
		return changed;
	}
}
