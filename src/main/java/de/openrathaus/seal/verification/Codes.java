// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

import de.openrathaus.files.Sha256;

/**
 * Verification codes: 16 characters from an alphabet without look-alikes (80 bits), printed in
 * groups of four; stored only as their SHA-256.
 */
final class Codes {

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	private static final SecureRandom RANDOM = new SecureRandom();

	private Codes() {
	}

	static String next() {
		StringBuilder code = new StringBuilder(19);
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code as typed (any case, with spaces or hyphens) in its canonical form, or "" if it cannot be one. */
	static String normalize(String typed) {
		String plain = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
		if (plain.length() != 16 || !plain.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return "";
		}
		return plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8, 12) + "-" + plain.substring(12);
	}

	static String hash(String code) {
		return Sha256.hex(code);
	}

	/** Compares in constant time. */
	static boolean matches(String code, String sha256) {
		return MessageDigest.isEqual(hash(code).getBytes(StandardCharsets.US_ASCII), sha256.getBytes(StandardCharsets.US_ASCII));
	}
}
