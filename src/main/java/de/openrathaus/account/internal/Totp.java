// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over HOTP, RFC 4226):
 * HMAC-SHA-1, 6 digits, 30-second steps counted from the Unix epoch. A code is accepted for the
 * current step and one step either side (clocks of phones drift), and only for a step later than the
 * last one used, so the same code cannot be used twice.
 */
final class Totp {

	static final int DIGITS = 6;
	static final long STEP_SECONDS = 30;
	static final int SECRET_BYTES = 20;
	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of one time step (RFC 4226 section 5.3: dynamic truncation of the HMAC). */
	static String code(byte[] secret, long step, int digits) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
		long modulus = (long) Math.pow(10, digits);
		String code = Long.toString(binary % modulus);
		return "0".repeat(digits - code.length()) + code;
	}

	/**
	 * The step whose code this is, if it is one of the current step ±1 and later than {@code lastUsedStep};
	 * empty otherwise. Every candidate is compared in constant time.
	 */
	static OptionalLong verify(byte[] secret, String entered, Instant now, long lastUsedStep) {
		String code = entered.replaceAll("\\s", "");
		if (!code.matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		OptionalLong match = OptionalLong.empty();
		for (long step = current - 1; step <= current + 1; step++) {
			boolean equal = MessageDigest.isEqual(code(secret, step, DIGITS).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII));
			if (equal && step > lastUsedStep && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	/** RFC 4648 Base32 without padding, as authenticator apps expect the secret. */
	static String base32(byte[] data) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32[(buffer >> (bits - 5)) & 0x1f]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32[(buffer << (5 - bits)) & 0x1f]);
		}
		return out.toString();
	}

	/** The key URI authenticator apps read from the QR code (otpauth://totp/…). */
	static String keyUri(byte[] secret, String issuer, String account) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
