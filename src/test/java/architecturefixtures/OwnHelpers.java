// SPDX-License-Identifier: EUPL-1.2
package architecturefixtures;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;

/** Writes again what is written once, on purpose (see {@code PublicTypeInInternal}). */
class OwnHelpers {

	byte[] hash(byte[] content) throws NoSuchAlgorithmException {
		return MessageDigest.getInstance("SHA-256").digest(content);
	}

	String clean(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	String type(byte[] content) {
		return new org.apache.tika.Tika().detect(content);
	}

	Clock clock() {
		return Clock.systemUTC();
	}
}
