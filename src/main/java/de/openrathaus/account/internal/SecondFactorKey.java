// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import de.openrathaus.account.AccountId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Encrypts the second factors' secrets (AES-256-GCM, the account id as associated data, so a secret
 * copied to another account's row does not decrypt) with a key kept in a file outside the database,
 * created owner-only on first use. Someone who reads the database alone learns no secret.
 */
@Component
class SecondFactorKey {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final int NONCE_BYTES = 12;

	/** @param keyFile where the key is kept (Base64, 32 bytes); back it up apart from the database */
	@ConfigurationProperties("openrathaus.account.second-factor")
	record Settings(@DefaultValue("data/second-factor.key") Path keyFile) {
	}

	private final Path file;
	private volatile SecretKeySpec key;

	SecondFactorKey(Settings settings) {
		this.file = settings.keyFile();
	}

	byte[] encrypt(AccountId account, byte[] secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		byte[] sealed = cipher(Cipher.ENCRYPT_MODE, account, nonce, secret);
		return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
	}

	byte[] decrypt(AccountId account, byte[] stored) {
		ByteBuffer buffer = ByteBuffer.wrap(stored);
		byte[] nonce = new byte[NONCE_BYTES];
		buffer.get(nonce);
		byte[] sealed = new byte[buffer.remaining()];
		buffer.get(sealed);
		return cipher(Cipher.DECRYPT_MODE, account, nonce, sealed);
	}

	private byte[] cipher(int mode, AccountId account, byte[] nonce, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key(), new GCMParameterSpec(128, nonce));
			cipher.updateAAD(account.toString().getBytes(StandardCharsets.US_ASCII));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("second factor secret cannot be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
					+ " with the key in " + file, e);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec known = key;
		if (known == null) {
			synchronized (this) {
				if (key == null) {
					key = new SecretKeySpec(readOrCreate(), "AES");
				}
				known = key;
			}
		}
		return known;
	}

	private byte[] readOrCreate() {
		try {
			if (!Files.exists(file)) {
				byte[] fresh = new byte[32];
				RANDOM.nextBytes(fresh);
				Path parent = file.toAbsolutePath().getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
				}
				catch (FileAlreadyExistsException e) {
					// another node or thread made it first: use theirs
				}
			}
			byte[] read = Base64.getDecoder().decode(Files.readString(file).strip());
			if (read.length != 32) {
				throw new IllegalStateException("the second factor key in " + file + " must be 32 bytes (Base64)");
			}
			return read;
		}
		catch (IOException e) {
			throw new UncheckedIOException("second factor key " + file + " not readable", e);
		}
	}
}
