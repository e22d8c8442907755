// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.content;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import de.openrathaus.files.Sha256;
import de.openrathaus.tenancy.TenantId;

/**
 * Envelope encryption of stored contents: each content gets its own random data key (AES-256-GCM); the
 * data key is wrapped with the municipality's current key-encryption key ({@link ContentKeys}), whose
 * version is kept in the header. Layout: {@code "ORC1"}, key version (4 bytes), wrap nonce (12), wrapped
 * data key (48), content nonce (12), ciphertext with tag. The content's tag covers the municipality and
 * the content's SHA-256, so a stored object cannot be passed off as another or another municipality's.
 * Contents stored before encryption (no header) are read as they are and encrypted by the rotation job.
 */
public final class ContentCipher {

	private static final byte[] MAGIC = "ORC1".getBytes(StandardCharsets.US_ASCII);
	private static final int NONCE = 12;
	private static final int WRAPPED = 32 + 16;
	private static final int HEADER = MAGIC.length + 4 + NONCE + WRAPPED + NONCE;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final ContentKeys keys;

	public ContentCipher(ContentKeys keys) {
		this.keys = keys;
	}

	/** The content encrypted under the municipality's current key. */
	byte[] seal(TenantId tenant, String sha256, byte[] content) {
		ContentKeys.KeyRing ring = keys.ring(tenant);
		byte[] dataKey = new byte[32];
		RANDOM.nextBytes(dataKey);
		try {
			byte[] nonce = nonce();
			byte[] sealed = gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), nonce, contentAad(tenant, sha256), content);
			return assemble(tenant, ring.current(), ring.key(ring.current()), dataKey, nonce, sealed);
		}
		finally {
			Arrays.fill(dataKey, (byte) 0);
		}
	}

	/**
	 * The content as it was given to {@link #seal}, or a content stored before encryption as it is.
	 *
	 * @throws IllegalStateException if the stored object was changed, damaged or is not this content's
	 */
	byte[] open(TenantId tenant, String sha256, byte[] stored) {
		if (!encrypted(stored)) {
			return stored;
		}
		ByteBuffer in = ByteBuffer.wrap(stored);
		in.position(MAGIC.length);
		int version = in.getInt();
		byte[] wrapNonce = take(in, NONCE);
		byte[] wrapped = take(in, WRAPPED);
		byte[] nonce = take(in, NONCE);
		byte[] sealed = take(in, in.remaining());
		SecretKey kek = keys.ring(tenant).key(version);
		try {
			byte[] dataKey = gcm(Cipher.DECRYPT_MODE, kek, wrapNonce, wrapAad(tenant, version), wrapped);
			try {
				return gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), nonce, contentAad(tenant, sha256), sealed);
			}
			finally {
				Arrays.fill(dataKey, (byte) 0);
			}
		}
		catch (IllegalStateException e) {
			if (e.getCause() instanceof AEADBadTagException && Sha256.hex(stored).equals(sha256)) {
				return stored; // a content from before encryption that happens to begin like a header
			}
			throw new IllegalStateException("Content " + sha256 + " does not match its hash: it was changed or damaged", e);
		}
	}

	/**
	 * The stored object re-wrapped under the municipality's current key (the content's ciphertext stays),
	 * or a content from before encryption encrypted; empty if it is current already.
	 */
	Optional<byte[]> rewrap(TenantId tenant, String sha256, byte[] stored) {
		ContentKeys.KeyRing ring = keys.ring(tenant);
		if (!encrypted(stored)) {
			if (!Sha256.hex(stored).equals(sha256)) {
				throw new IllegalStateException("Content " + sha256 + " does not match its hash: it was changed or damaged");
			}
			return Optional.of(seal(tenant, sha256, stored));
		}
		int version = ByteBuffer.wrap(stored, MAGIC.length, 4).getInt();
		if (version == ring.current()) {
			return Optional.empty();
		}
		ByteBuffer in = ByteBuffer.wrap(stored);
		in.position(MAGIC.length + 4);
		byte[] wrapNonce = take(in, NONCE);
		byte[] wrapped = take(in, WRAPPED);
		byte[] nonce = take(in, NONCE);
		byte[] sealed = take(in, in.remaining());
		byte[] dataKey = gcm(Cipher.DECRYPT_MODE, ring.key(version), wrapNonce, wrapAad(tenant, version), wrapped);
		try {
			return Optional.of(assemble(tenant, ring.current(), ring.key(ring.current()), dataKey, nonce, sealed));
		}
		finally {
			Arrays.fill(dataKey, (byte) 0);
		}
	}

	/** The key version a stored object was encrypted with; 0 for a content from before encryption. */
	static int version(byte[] stored) {
		return encrypted(stored) ? ByteBuffer.wrap(stored, MAGIC.length, 4).getInt() : 0;
	}

	private static boolean encrypted(byte[] stored) {
		return stored.length >= HEADER + 16 && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	private static byte[] assemble(TenantId tenant, int version, SecretKey kek, byte[] dataKey, byte[] nonce, byte[] sealed) {
		byte[] wrapNonce = nonce();
		byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, kek, wrapNonce, wrapAad(tenant, version), dataKey);
		return ByteBuffer.allocate(HEADER + sealed.length).put(MAGIC).putInt(version).put(wrapNonce).put(wrapped).put(nonce).put(sealed).array();
	}

	private static byte[] gcm(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(aad);
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("content encryption failed: " + e.getClass().getSimpleName(), e);
		}
	}

	private static byte[] nonce() {
		byte[] nonce = new byte[NONCE];
		RANDOM.nextBytes(nonce);
		return nonce;
	}

	private static byte[] take(ByteBuffer in, int length) {
		byte[] bytes = new byte[length];
		in.get(bytes);
		return bytes;
	}

	private static byte[] contentAad(TenantId tenant, String sha256) {
		return ("openrathaus content|" + tenant.value() + "|" + sha256).getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] wrapAad(TenantId tenant, int version) {
		return ("openrathaus data key|" + tenant.value() + "|" + version).getBytes(StandardCharsets.US_ASCII);
	}
}
