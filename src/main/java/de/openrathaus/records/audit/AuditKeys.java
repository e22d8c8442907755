// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

import de.openrathaus.records.config.RecordsSettings;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit key of this installation, loaded at start-up. A missing key file is created on the
 * first start, but never once the trail holds keyed entries or checkpoints: a new key would make
 * the old trail unverifiable and hide that the file was lost, so the start is refused with an
 * explanation instead. A key file that is not the one the checkpoints were signed with is refused
 * too. The verification command never creates a key; it reports what is wrong.
 */
@Component
class AuditKeys {

	private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

	private final @Nullable AuditKey key;
	private final AuditKey.@Nullable Unusable problem;

	AuditKeys(RecordsSettings settings, Environment environment, JdbcClient jdbc, Tenants tenants) {
		Path file = settings.audit().keyFile();
		if (AuditVerificationCommand.requested(environment)) {
			AuditKey loaded = null;
			AuditKey.Unusable unusable = null;
			try {
				loaded = AuditKey.read(file);
			}
			catch (AuditKey.Unusable e) {
				unusable = e;
			}
			this.key = loaded;
			this.problem = unusable;
			return;
		}
		this.problem = null;
		this.key = Files.exists(file) ? AuditKey.read(file) : createUnlessTrailIsKeyed(file, jdbc, tenants);
		warnIfReadableByOthers(file);
		for (Tenant tenant : tenants.all()) {
			Optional<String> signedWith = TenantContext.callAs(tenant.id(),
					() -> jdbc.sql("select key_id from records.audit_checkpoint order by id desc limit 1").query(String.class).optional());
			if (signedWith.isPresent() && !signedWith.get().equals(key.id())) {
				throw new AuditKey.Unusable("The audit key file " + file.toAbsolutePath() + " (key id " + key.id()
						+ ") is not the key the audit trail of " + tenant.slug() + " was written with (key id " + signedWith.get()
						+ "). Restore the right key file from the backup; OpenRathaus does not start with a wrong one.");
			}
		}
	}

	/** The key; in the verification command, a clear error if the key file is missing or unusable. */
	AuditKey current() {
		if (key == null) {
			throw problem == null ? new IllegalStateException("no audit key") : problem;
		}
		return key;
	}

	private static AuditKey createUnlessTrailIsKeyed(Path file, JdbcClient jdbc, Tenants tenants) {
		for (Tenant tenant : tenants.all()) {
			boolean keyed = TenantContext.callAs(tenant.id(), () -> jdbc.sql("""
					select exists (select 1 from records.audit_entry where scheme = 2)
					    or exists (select 1 from records.audit_checkpoint)""").query(Boolean.class).single());
			if (keyed) {
				throw new AuditKey.Unusable("The audit key file " + file.toAbsolutePath() + " is missing, but the audit trail of "
						+ tenant.slug() + " was written with a key. Restore the key file from the backup (or point "
						+ "openrathaus.records.audit.key-file at it); without it the trail cannot be verified.");
			}
		}
		AuditKey created = AuditKey.create(file);
		log.info("Created the audit key file {} (key id {}): back it up; without it the audit trail cannot be verified",
				file.toAbsolutePath(), created.id());
		return created;
	}

	private static void warnIfReadableByOthers(Path file) {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
				log.warn("The audit key file {} can be read by other users; restrict it to its owner (chmod 600)", file.toAbsolutePath());
			}
		}
		catch (UnsupportedOperationException | IOException e) {
			// not a POSIX file system: the operator protects the file by the platform's means
		}
	}
}
