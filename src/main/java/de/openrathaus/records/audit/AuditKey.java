// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain and signs its checkpoints: 32 random bytes, Base64 in a file
 * outside the database, so that someone who can write the database but not read that file can
 * neither recompute the chain after a change nor forge a checkpoint. Two keys are derived from it,
 * one per purpose. The secret itself never leaves this class (no accessor, no {@code toString}).
 */
final class AuditKey {

	/** Smallest accepted secret; {@link #create} writes exactly this many random bytes. */
	static final int BYTES = 32;

	private final SecretKeySpec chain;
	private final SecretKeySpec checkpoint;
	private final String id;

	private AuditKey(byte[] secret) {
		this.chain = new SecretKeySpec(mac(new SecretKeySpec(secret, "HmacSHA256"), "openrathaus audit chain"), "HmacSHA256");
		this.checkpoint = new SecretKeySpec(mac(new SecretKeySpec(secret, "HmacSHA256"), "openrathaus audit checkpoint"), "HmacSHA256");
		this.id = HexFormat.of().formatHex(mac(new SecretKeySpec(secret, "HmacSHA256"), "openrathaus audit key id"), 0, 8);
	}

	/** Why the key cannot be used; the message names the file and what to do, never the key. */
	static final class Unusable extends RuntimeException {

		Unusable(String message) {
			super(message);
		}
	}

	/** Reads an existing key file. */
	static AuditKey read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new Unusable("The audit key file " + file.toAbsolutePath() + " does not exist.");
		}
		byte[] secret;
		try {
			secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
		}
		catch (IOException e) {
			throw new Unusable("The audit key file " + file.toAbsolutePath() + " cannot be read: " + e.getClass().getSimpleName());
		}
		catch (IllegalArgumentException e) {
			throw new Unusable("The audit key file " + file.toAbsolutePath() + " is not Base64 text (create one with: openssl rand -base64 32).");
		}
		if (secret.length < BYTES) {
			throw new Unusable("The audit key file " + file.toAbsolutePath() + " holds " + secret.length + " bytes; at least " + BYTES
					+ " are needed (create one with: openssl rand -base64 32).");
		}
		return new AuditKey(secret);
	}

	/** Writes a new random key, readable and writable by the owner only, and returns it; never replaces a file. */
	static AuditKey create(Path file) {
		byte[] secret = new byte[BYTES];
		new SecureRandom().nextBytes(secret);
		byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
		try {
			Path absolute = file.toAbsolutePath();
			Files.createDirectories(absolute.getParent());
			if (absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
				Files.createFile(absolute, PosixFilePermissions.asFileAttribute(ownerOnly));
			}
			else {
				Files.createFile(absolute);
			}
			Files.write(absolute, text);
		}
		catch (FileAlreadyExistsException e) {
			return read(file);
		}
		catch (IOException e) {
			throw new Unusable("The audit key file " + file.toAbsolutePath() + " cannot be created: " + e.getClass().getSimpleName());
		}
		return new AuditKey(secret);
	}

	/** A short, public fingerprint of the key, stored with each checkpoint to tell a wrong key file from tampering. */
	String id() {
		return id;
	}

	/** The keyed chain value of an entry: HMAC over the previous value and the entry's fields, each length-prefixed. */
	String link(String previous, String tenant, Instant at, String actor, String action, String object, String origin) {
		return HexFormat.of().formatHex(mac(chain, previous, tenant, at.toString(), actor, action, object, origin));
	}

	/** The signature of a checkpoint's fields. */
	String sign(String tenant, long entryCount, long lastSeq, String chainValue, Instant at) {
		return HexFormat.of().formatHex(mac(checkpoint, tenant, Long.toString(entryCount), Long.toString(lastSeq), chainValue, at.toString()));
	}

	/** Compares in constant time. */
	boolean signs(String signature, String tenant, long entryCount, long lastSeq, String chainValue, Instant at) {
		return MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
				sign(tenant, entryCount, lastSeq, chainValue, at).getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public String toString() {
		return "AuditKey[id=" + id + "]";
	}

	// Each field is preceded by its length, so no choice of field contents can shift a boundary
	// between fields (the old scheme joined them with a separator character).
	private static byte[] mac(SecretKeySpec key, String... fields) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			for (String field : fields) {
				byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
				mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
				mac.update(bytes);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
