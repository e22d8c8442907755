// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The electronic file, {@code openrathaus.records.*}.
 *
 * @param storageDirectory where the filesystem content store keeps contents
 * @param archiveKey authority key (Behördenschlüssel) of the archive that records are offered to
 * @param archiveName name of that archive
 * @param storage {@code filesystem} (default) or {@code s3}
 * @param s3 the object storage for {@code storage=s3}
 * @param audit the key and the checkpoints of the audit trail
 * @param extraction limits of the full-text extraction
 */
@ConfigurationProperties("openrathaus.records")
public record RecordsSettings(Path storageDirectory, String archiveKey, String archiveName, String storage, S3 s3, Audit audit,
		Extraction extraction) {

	/**
	 * The full-text extraction runs on its own threads with limits per document.
	 *
	 * @param threads how many documents are extracted at the same time (default 1: the other core serves requests)
	 * @param queue how many documents may wait; more wait in the database for the next catch-up
	 * @param timeLimit how long one document may take
	 * @param maxCharacters how much text of one document is kept (the rest is not searchable)
	 * @param maxStreamSize how large one stream of a PDF may inflate
	 * @param maxInflatedSize how large all streams of a PDF together may inflate
	 */
	public record Extraction(int threads, int queue, Duration timeLimit, int maxCharacters, DataSize maxStreamSize, DataSize maxInflatedSize) {

		public Extraction {
			threads = threads <= 0 ? 1 : threads;
			queue = queue <= 0 ? 1000 : queue;
			timeLimit = timeLimit == null || timeLimit.isNegative() || timeLimit.isZero() ? Duration.ofSeconds(60) : timeLimit;
			maxCharacters = maxCharacters <= 0 ? 2_000_000 : maxCharacters;
			maxStreamSize = maxStreamSize == null ? DataSize.ofMegabytes(64) : maxStreamSize;
			maxInflatedSize = maxInflatedSize == null ? DataSize.ofMegabytes(256) : maxInflatedSize;
		}

		public de.openrathaus.files.PdfInspection.Limits limits() {
			return new de.openrathaus.files.PdfInspection.Limits(maxStreamSize.toBytes(), maxInflatedSize.toBytes());
		}
	}

	/** An S3-compatible object store: endpoint (empty for AWS itself), region, bucket and credentials. */
	public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey) {
	}

	/**
	 * The audit trail's anchors outside the database, {@code openrathaus.records.audit.*}.
	 *
	 * @param keyFile the secret keying the chain and signing checkpoints (created owner-only if absent)
	 * @param checkpointFile where each signed checkpoint is also appended, one line each
	 * @param checkpointInterval how often a checkpoint is written (also at shutdown); new entries of
	 *        a shorter span can be deleted without a checkpoint noticing
	 */
	public record Audit(Path keyFile, Path checkpointFile, Duration checkpointInterval) {

		public Audit {
			keyFile = keyFile == null ? Path.of("data", "audit.key") : keyFile;
			checkpointFile = checkpointFile == null ? Path.of("data", "audit-checkpoints.log") : checkpointFile;
			checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(5) : checkpointInterval;
		}
	}

	public RecordsSettings {
		storageDirectory = storageDirectory == null ? Path.of("data", "records") : storageDirectory;
		archiveKey = archiveKey == null || archiveKey.isBlank() ? "stadtarchiv" : archiveKey;
		archiveName = archiveName == null || archiveName.isBlank() ? "Stadtarchiv" : archiveName;
		storage = storage == null || storage.isBlank() ? "filesystem" : storage;
		audit = audit == null ? new Audit(null, null, null) : audit;
		extraction = extraction == null ? new Extraction(0, 0, null, 0, null, null) : extraction;
	}
}
