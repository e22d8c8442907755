// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilenamesTests {

	@Test
	void aDownloadNameEndsAsTheFileReallyIs() {
		assertThat(Filenames.matching("poly.html", "application/pdf")).isEqualTo("poly.pdf");
		assertThat(Filenames.matching("Bescheid.PDF", "application/pdf")).isEqualTo("Bescheid.PDF");
		assertThat(Filenames.matching("foto.jpeg", "image/jpeg")).isEqualTo("foto.jpeg");
		assertThat(Filenames.matching("foto.jpg", "image/png")).isEqualTo("foto.png");
		assertThat(Filenames.matching("notiz", "text/plain; charset=UTF-8")).isEqualTo("notiz.txt");
		assertThat(Filenames.matching("seite.svg", "text/html")).isEqualTo("seite.html");
		assertThat(Filenames.matching("programm.exe", "application/x-unbekannt")).isEqualTo("programm.bin");
	}

	@Test
	void everyDownloadIsAnAttachmentThatIsNotSniffed() {
		var response = Downloads.attachment(new byte[] {1}, "poly.html", "application/pdf");
		assertThat(response.getHeaders().getFirst("Content-Disposition")).startsWith("attachment; filename=\"poly.pdf\";");
		assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
	}
}
