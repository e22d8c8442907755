// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Responses that hand a stored file to the browser as a download, never rendered inline: always
 * {@code Content-Disposition: attachment}, {@code X-Content-Type-Options: nosniff}, and a file name
 * whose extension matches the media type detected at upload (a name chosen by the uploader such as
 * {@code poly.html} must not make the saved file open as a web page).
 */
public final class Downloads {

	private Downloads() {
	}

	public static ResponseEntity<byte[]> attachment(byte[] content, String filename, String mediaType) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(Filenames.matching(filename, mediaType), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(mediaType))
			.body(content);
	}
}
