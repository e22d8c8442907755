// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The electronic file, {@code openrathaus.records.*}.
 *
 * @param storageDirectory where the filesystem content store keeps contents
 * @param archiveKey authority key (Behördenschlüssel) of the archive that records are offered to
 * @param archiveName name of that archive
 * @param storage {@code filesystem} (default) or {@code s3}
 * @param s3 the object storage for {@code storage=s3}
 */
@ConfigurationProperties("openrathaus.records")
record RecordsSettings(Path storageDirectory, String archiveKey, String archiveName, String storage, S3 s3) {

	/** An S3-compatible object store: endpoint (empty for AWS itself), region, bucket and credentials. */
	record S3(String endpoint, String region, String bucket, String accessKey, String secretKey) {
	}

	RecordsSettings {
		storageDirectory = storageDirectory == null ? Path.of("data", "records") : storageDirectory;
		archiveKey = archiveKey == null || archiveKey.isBlank() ? "stadtarchiv" : archiveKey;
		archiveName = archiveName == null || archiveName.isBlank() ? "Stadtarchiv" : archiveName;
		storage = storage == null || storage.isBlank() ? "filesystem" : storage;
	}
}
