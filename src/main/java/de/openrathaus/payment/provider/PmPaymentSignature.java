// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * pmPayment's hash: HMAC-SHA256, keyed with the shared secret, over the field values in their
 * fixed order joined by {@code |}, written as lower-case hex. Compared in constant time.
 */
final class PmPaymentSignature {

	private PmPaymentSignature() {
	}

	static String sign(Collection<String> values, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(String.join("|", values).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
		}
	}

	static boolean matches(Collection<String> values, String secret, String hash) {
		byte[] expected = sign(values, secret).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, hash.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}
}
