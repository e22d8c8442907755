// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.config;

import de.openrathaus.files.Envelope;
import de.openrathaus.records.content.ContentCipher;
import de.openrathaus.records.content.ContentStore;
import de.openrathaus.records.content.FileSystemContentStore;
import de.openrathaus.records.content.S3ContentStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The content store of the electronic file. */
@Configuration(proxyBeanMethods = false)
class RecordsConfiguration {

	@Bean
	ContentStore contentStore(RecordsSettings settings, Envelope envelope) {
		ContentCipher cipher = new ContentCipher(envelope);
		if ("s3".equals(settings.storage())) {
			return new S3ContentStore(s3(settings.s3()), settings.s3().bucket(), cipher);
		}
		if (!"filesystem".equals(settings.storage())) {
			throw new IllegalStateException("openrathaus.records.storage must be filesystem or s3, not " + settings.storage());
		}
		return new FileSystemContentStore(settings.storageDirectory(), cipher);
	}

	static software.amazon.awssdk.services.s3.S3Client s3(RecordsSettings.S3 s3) {
		if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
			throw new IllegalStateException("openrathaus.records.storage=s3 needs openrathaus.records.s3.bucket (and endpoint, region, access-key, secret-key)");
		}
		var builder = software.amazon.awssdk.services.s3.S3Client.builder()
			.region(software.amazon.awssdk.regions.Region.of(s3.region() == null ? "eu-central-1" : s3.region()))
			.forcePathStyle(true)
			// integrity checksums only where S3 requires them: many S3-compatible stores reject the newer
			// optional checksum headers, and every read is checked against the content's SHA-256 anyway
			.requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
			// a store that stops answering must not hold a request (and its database transaction) forever
			.overrideConfiguration(config -> config.apiCallAttemptTimeout(java.time.Duration.ofSeconds(20))
				.apiCallTimeout(java.time.Duration.ofSeconds(60)));
		if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
			builder.endpointOverride(java.net.URI.create(s3.endpoint()));
		}
		if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
			builder.credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
					software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
		}
		return builder.build();
	}
}
