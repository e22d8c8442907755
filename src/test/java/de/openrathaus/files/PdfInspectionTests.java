// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

class PdfInspectionTests {

	private static Instant soon() {
		return Instant.now().plusSeconds(30);
	}

	@Test
	void aPlainPdfPasses() throws Exception {
		assertThatCode(() -> PdfInspection.check(PdfSamples.withText("Hundesteuer"), PdfInspection.Limits.DEFAULT, soon()))
			.doesNotThrowAnyException();
	}

	@Test
	void htmlBehindAPdfSignatureIsNoPdf() {
		byte[] polyglot = "%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>\n".getBytes(StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> PdfInspection.check(polyglot, PdfInspection.Limits.DEFAULT, soon()))
			.isInstanceOfSatisfying(PdfInspection.Refused.class, e -> assertThat(e.problem()).isEqualTo(PdfInspection.Problem.UNREADABLE));
	}

	@Test
	void javaScriptAndLaunchActionsAreActiveContent() throws Exception {
		for (byte[] pdf : new byte[][] {PdfSamples.withOpenActionJavaScript(), PdfSamples.withLaunchLink()}) {
			assertThatThrownBy(() -> PdfInspection.check(pdf, PdfInspection.Limits.DEFAULT, soon()))
				.isInstanceOfSatisfying(PdfInspection.Refused.class, e -> assertThat(e.problem()).isEqualTo(PdfInspection.Problem.ACTIVE_CONTENT));
			// the text extraction only cares about the size
			assertThatCode(() -> PdfInspection.checkSize(pdf, PdfInspection.Limits.DEFAULT, soon())).doesNotThrowAnyException();
		}
	}

	@Test
	void aPasswordProtectedPdfCannotBeChecked() throws Exception {
		byte[] encrypted;
		try (PDDocument document = Loader.loadPDF(PdfSamples.withText("Geheim")); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			StandardProtectionPolicy policy = new StandardProtectionPolicy("eigentuemer", "nutzer", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			document.save(out);
			encrypted = out.toByteArray();
		}
		byte[] pdf = encrypted;
		assertThatThrownBy(() -> PdfInspection.check(pdf, PdfInspection.Limits.DEFAULT, soon()))
			.isInstanceOfSatisfying(PdfInspection.Refused.class, e -> assertThat(e.problem()).isEqualTo(PdfInspection.Problem.ENCRYPTED));
	}

	@Test
	void aDecompressionBombIsRefusedQuicklyWithoutInflatingIt() throws Exception {
		byte[] bomb = PdfSamples.bomb(1024);
		assertThat(bomb.length).isLessThan(3 << 20);
		long start = System.nanoTime();
		assertThatThrownBy(() -> PdfInspection.checkSize(bomb, PdfInspection.Limits.DEFAULT, soon()))
			.isInstanceOfSatisfying(PdfInspection.Refused.class, e -> assertThat(e.problem()).isEqualTo(PdfInspection.Problem.TOO_LARGE));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		// the same content well within the limits passes
		assertThatCode(() -> PdfInspection.checkSize(PdfSamples.bomb(8), PdfInspection.Limits.DEFAULT, soon())).doesNotThrowAnyException();
	}
}
