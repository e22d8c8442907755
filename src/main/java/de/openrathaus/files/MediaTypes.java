// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * The media type a content really has, taken from its bytes (the file name only breaks ties
 * between look-alike formats), so a renamed executable is not taken for a PDF. The one detector of
 * the platform: an attachment checked when a citizen uploads it and the same file uploaded into
 * the e-file get the same answer. The three formats citizens upload most are recognised by their
 * signature directly (a PDF named {@code .ai} stays a PDF); everything else goes through Tika.
 */
public final class MediaTypes {

	private static final Tika TIKA = new Tika();
	private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
	private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

	private MediaTypes() {
	}

	/**
	 * The detected type without parameters, as allowed types are listed ({@code text/plain});
	 * {@code application/octet-stream} when nothing is recognised.
	 */
	public static String detect(byte[] content, String filename) {
		if (startsWith(content, PDF)) {
			return "application/pdf";
		}
		if (startsWith(content, PNG)) {
			return "image/png";
		}
		if (startsWith(content, JPEG)) {
			return "image/jpeg";
		}
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
		try {
			return MediaType.parse(TIKA.detect(new ByteArrayInputStream(content), metadata)).getBaseType().toString();
		}
		catch (IOException e) {
			// a byte array does not fail to read; should Tika still, the content is unknown
			return MediaType.OCTET_STREAM.toString();
		}
	}

	private static boolean startsWith(byte[] content, byte[] signature) {
		return content.length >= signature.length && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
	}
}
