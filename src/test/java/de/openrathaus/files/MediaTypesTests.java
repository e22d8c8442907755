// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** One detector: the citizen's upload check and the e-file's upload agree on what a file is. */
class MediaTypesTests {

	@Test
	void aPdfIsAPdfWhateverItsName() {
		byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		// Tika alone, given the name, called this application/illustrator; the e-file's own detector
		// did, the upload check did not, so the same file was a PDF in one module and not in the other
		assertThat(MediaTypes.detect(pdf, "plan.ai")).isEqualTo("application/pdf");
	}

	@Test
	void theContentDecidesNotTheName() {
		assertThat(MediaTypes.detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), "x.pdf")).isNotEqualTo("application/pdf");
		assertThat(MediaTypes.detect("<html><script>".getBytes(StandardCharsets.US_ASCII), "bild.png")).isEqualTo("text/html");
	}

	@Test
	void theTypeComesWithoutParameters() {
		byte[] text = "Grüße aus dem Rathaus, bitte die Akte prüfen.".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(MediaTypes.detect(text, "notiz.txt")).isEqualTo("text/plain");
	}
}
