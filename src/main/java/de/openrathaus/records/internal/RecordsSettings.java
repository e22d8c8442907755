// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The electronic file, {@code openrathaus.records.*}.
 *
 * @param storageDirectory where the filesystem content store keeps contents
 * @param archiveKey authority key (Behördenschlüssel) of the archive that records are offered to
 * @param archiveName name of that archive
 * @param storage {@code filesystem} (default) or {@code s3}
 * @param s3 the object storage for {@code storage=s3}
 * @param audit the key and the checkpoints of the audit trail
 */
@ConfigurationProperties("openrathaus.records")
record RecordsSettings(Path storageDirectory, String archiveKey, String archiveName, String storage, S3 s3, Audit audit) {

	/** An S3-compatible object store: endpoint (empty for AWS itself), region, bucket and credentials. */
	record S3(String endpoint, String region, String bucket, String accessKey, String secretKey) {
	}

	/**
	 * The audit trail's anchors outside the database, {@code openrathaus.records.audit.*}.
	 *
	 * @param keyFile the secret keying the chain and signing checkpoints (created owner-only if absent)
	 * @param checkpointFile where each signed checkpoint is also appended, one line each
	 * @param checkpointInterval how often a checkpoint is written (also at shutdown); new entries of
	 *        a shorter span can be deleted without a checkpoint noticing
	 */
	record Audit(Path keyFile, Path checkpointFile, Duration checkpointInterval) {

		Audit {
			keyFile = keyFile == null ? Path.of("data", "audit.key") : keyFile;
			checkpointFile = checkpointFile == null ? Path.of("data", "audit-checkpoints.log") : checkpointFile;
			checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(5) : checkpointInterval;
		}
	}

	RecordsSettings {
		storageDirectory = storageDirectory == null ? Path.of("data", "records") : storageDirectory;
		archiveKey = archiveKey == null || archiveKey.isBlank() ? "stadtarchiv" : archiveKey;
		archiveName = archiveName == null || archiveName.isBlank() ? "Stadtarchiv" : archiveName;
		storage = storage == null || storage.isBlank() ? "filesystem" : storage;
		audit = audit == null ? new Audit(null, null, null) : audit;
	}
}
