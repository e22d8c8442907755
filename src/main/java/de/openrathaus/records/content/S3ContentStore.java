// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.content;

import de.openrathaus.files.Sha256;
import de.openrathaus.tenancy.TenantContext;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Contents in S3-compatible object storage (AWS SDK v2), one object per municipality and hash
 * ({@code <tenant>/<sha256>}), encrypted. Like the filesystem store it writes each content once and checks
 * the hash of everything it reads.
 */
public class S3ContentStore implements ContentStore {

	private final S3Client s3;
	private final String bucket;

	private final ContentCipher cipher;

	public S3ContentStore(S3Client s3, String bucket, ContentCipher cipher) {
		this.s3 = s3;
		this.bucket = bucket;
		this.cipher = cipher;
	}

	@Override
	public String put(byte[] content) {
		String sha = Sha256.hex(content);
		String key = key(sha);
		try {
			s3.headObject(head -> head.bucket(bucket).key(key));
			return sha;
		}
		catch (NoSuchKeyException missing) {
			// store it below
		}
		catch (S3Exception e) {
			if (e.statusCode() != 404) {
				throw e;
			}
		}
		byte[] sealed = cipher.seal(TenantContext.require(), sha, content);
		s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(sealed));
		return sha;
	}

	@Override
	public boolean rewrap(String sha256) {
		byte[] stored;
		try {
			stored = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key(sha256))).asByteArray();
		}
		catch (NoSuchKeyException missing) {
			return false;
		}
		java.util.Optional<byte[]> next = cipher.rewrap(TenantContext.require(), sha256, stored);
		next.ifPresent(bytes -> s3.putObject(put -> put.bucket(bucket).key(key(sha256)), RequestBody.fromBytes(bytes)));
		return next.isPresent();
	}

	@Override
	public byte[] get(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		byte[] content = cipher.open(TenantContext.require(), sha256,
				s3.getObjectAsBytes(get -> get.bucket(bucket).key(key(sha256))).asByteArray());
		if (!Sha256.hex(content).equals(sha256)) {
			throw new IllegalStateException("Content " + sha256 + " does not match its hash: it was changed or damaged");
		}
		return content;
	}

	@Override
	public void delete(String sha256) {
		s3.deleteObject(delete -> delete.bucket(bucket).key(key(sha256)));
	}

	private static String key(String sha) {
		return TenantContext.require() + "/" + sha;
	}
}
