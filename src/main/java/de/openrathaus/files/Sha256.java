// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the one way the platform names a content (e-file versions,
 * attachments, decisions), stores a token (only its hash) or checks a download. Every JDK must
 * provide SHA-256, so its absence is an error, not a case to handle.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static String hex(byte[] content) {
		return HexFormat.of().formatHex(digest().digest(content));
	}

	/** The hash of the text's UTF-8 bytes. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Reads the stream to its end; the caller closes it. */
	public static String hex(InputStream in) throws IOException {
		MessageDigest digest = digest();
		byte[] buffer = new byte[64 * 1024];
		for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
			digest.update(buffer, 0, read);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
