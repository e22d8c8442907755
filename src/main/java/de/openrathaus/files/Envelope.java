// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import de.openrathaus.tenancy.TenantId;

/**
 * Envelope encryption of stored data: each item gets its own random data key (AES-256-GCM); the data key
 * is wrapped with the municipality's current key-encryption key ({@link Keyrings}), whose version is kept
 * in the header. Layout: {@code "ORC1"}, key version (4 bytes), wrap nonce (12), wrapped data key (48),
 * data nonce (12), ciphertext with tag. The data's tag covers the municipality and a context the caller
 * names (what the item is, e.g. its hash or id), so an item cannot be passed off as another or another
 * municipality's. Items stored before encryption (no header) are returned as they are by {@link #open}
 * and encrypted by {@link #rewrap}.
 */
public final class Envelope {

	/** An item that was changed, damaged, or is not the one named. */
	public static final class Damaged extends IllegalStateException {

		Damaged(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private static final byte[] MAGIC = "ORC1".getBytes(StandardCharsets.US_ASCII);
	private static final int NONCE = 12;
	private static final int WRAPPED = 32 + 16;
	private static final int HEADER = MAGIC.length + 4 + NONCE + WRAPPED + NONCE;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Keyrings keys;

	public Envelope(Keyrings keys) {
		this.keys = keys;
	}

	/** The data encrypted under the municipality's current key. */
	public byte[] seal(TenantId tenant, String context, byte[] data) {
		Keyrings.KeyRing ring = keys.ring(tenant);
		byte[] dataKey = new byte[32];
		RANDOM.nextBytes(dataKey);
		try {
			byte[] nonce = nonce();
			byte[] sealed = gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), nonce, dataAad(tenant, context), data);
			return assemble(tenant, ring.current(), ring.key(ring.current()), dataKey, nonce, sealed);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encrypting failed: " + e.getClass().getSimpleName(), e);
		}
		finally {
			Arrays.fill(dataKey, (byte) 0);
		}
	}

	/**
	 * The data as it was given to {@link #seal}, or an item stored before encryption as it is.
	 *
	 * @throws Damaged if the item was changed, damaged or sealed for another context or municipality
	 * @throws Keyrings.Unusable if the keyring lacks the item's key version
	 */
	public byte[] open(TenantId tenant, String context, byte[] stored) {
		if (!sealed(stored)) {
			return stored;
		}
		Parts parts = Parts.of(stored);
		SecretKey kek = keys.ring(tenant).key(parts.version());
		byte[] dataKey;
		try {
			dataKey = gcm(Cipher.DECRYPT_MODE, kek, parts.wrapNonce(), wrapAad(tenant, parts.version()), parts.wrapped());
		}
		catch (GeneralSecurityException e) {
			throw new Damaged("the stored item's key does not unwrap: it was changed, damaged or is another municipality's", e);
		}
		try {
			return gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), parts.nonce(), dataAad(tenant, context), parts.sealed());
		}
		catch (GeneralSecurityException e) {
			throw new Damaged("the stored item does not decrypt: it was changed, damaged or is not " + context, e);
		}
		finally {
			Arrays.fill(dataKey, (byte) 0);
		}
	}

	/**
	 * The item re-wrapped under the municipality's current key (the data's ciphertext stays), or an item
	 * stored before encryption sealed; empty if it is current already.
	 */
	public Optional<byte[]> rewrap(TenantId tenant, String context, byte[] stored) {
		Keyrings.KeyRing ring = keys.ring(tenant);
		if (!sealed(stored)) {
			return Optional.of(seal(tenant, context, stored));
		}
		Parts parts = Parts.of(stored);
		if (parts.version() == ring.current()) {
			return Optional.empty();
		}
		byte[] dataKey;
		try {
			dataKey = gcm(Cipher.DECRYPT_MODE, ring.key(parts.version()), parts.wrapNonce(), wrapAad(tenant, parts.version()), parts.wrapped());
		}
		catch (GeneralSecurityException e) {
			throw new Damaged("the stored item's key does not unwrap: it was changed, damaged or is another municipality's", e);
		}
		try {
			return Optional.of(assemble(tenant, ring.current(), ring.key(ring.current()), dataKey, parts.nonce(), parts.sealed()));
		}
		finally {
			Arrays.fill(dataKey, (byte) 0);
		}
	}

	/** Whether the item carries this class's header (else it was stored before encryption). */
	public static boolean sealed(byte[] stored) {
		return stored.length >= HEADER + 16 && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	/** The key version an item was sealed with; 0 for an item stored before encryption. */
	public static int version(byte[] stored) {
		return sealed(stored) ? ByteBuffer.wrap(stored, MAGIC.length, 4).getInt() : 0;
	}

	private record Parts(int version, byte[] wrapNonce, byte[] wrapped, byte[] nonce, byte[] sealed) {

		static Parts of(byte[] stored) {
			ByteBuffer in = ByteBuffer.wrap(stored);
			in.position(MAGIC.length);
			int version = in.getInt();
			return new Parts(version, take(in, NONCE), take(in, WRAPPED), take(in, NONCE), take(in, in.remaining()));
		}
	}

	private static byte[] assemble(TenantId tenant, int version, SecretKey kek, byte[] dataKey, byte[] nonce, byte[] sealed) {
		byte[] wrapNonce = nonce();
		byte[] wrapped;
		try {
			wrapped = gcm(Cipher.ENCRYPT_MODE, kek, wrapNonce, wrapAad(tenant, version), dataKey);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("wrapping a data key failed: " + e.getClass().getSimpleName(), e);
		}
		return ByteBuffer.allocate(HEADER + sealed.length).put(MAGIC).putInt(version).put(wrapNonce).put(wrapped).put(nonce).put(sealed).array();
	}

	private static byte[] gcm(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(128, nonce));
		cipher.updateAAD(aad);
		return cipher.doFinal(input);
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

	private static byte[] dataAad(TenantId tenant, String context) {
		return ("openrathaus data|" + tenant.value() + "|" + context).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] wrapAad(TenantId tenant, int version) {
		return ("openrathaus data key|" + tenant.value() + "|" + version).getBytes(StandardCharsets.US_ASCII);
	}
}
