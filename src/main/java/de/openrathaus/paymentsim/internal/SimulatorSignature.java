// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * pmPayment's HMAC-SHA256 over the {@code |}-joined field values, written independently of the
 * adapter's, so the simulator checks the adapter instead of agreeing with it by construction.
 */
final class SimulatorSignature {

	private SimulatorSignature() {
	}

	static String hmac(String secret, List<String> values) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(String.join("|", values).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static boolean valid(String secret, List<String> values, String hash) {
		return MessageDigest.isEqual(hmac(secret, values).getBytes(StandardCharsets.US_ASCII),
				hash.getBytes(StandardCharsets.US_ASCII));
	}
}
