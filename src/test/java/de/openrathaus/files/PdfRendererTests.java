// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** Rendered documents are archivable: veraPDF finds them PDF/A-2b compliant, umlauts and € included. */
public class PdfRendererTests {

	static byte[] renderSample() {
		return renderer().render("test/pdf-sample", Map.of("title", "Eingangsbestätigung", "municipality", "Stadt Musterstadt"), Locale.GERMAN);
	}

	private static PdfRenderer renderer() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return new PdfRenderer(engine);
	}

	@Test
	void rendersPdfA2bThatVeraPdfAccepts() throws Exception {
		assertPdfA2b(renderSample());
	}

	/** Fails unless veraPDF finds the document PDF/A-2b compliant. */
	public static void assertPdfA2b(byte[] pdf) throws Exception {
		VeraGreenfieldFoundryProvider.initialise();
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
			ValidationResult result = validator.validate(parser);
			assertThat(result.getTestAssertions().stream().filter(a -> a.getStatus().name().equals("FAILED")))
				.as("failed PDF/A-2b checks").isEmpty();
			assertThat(result.isCompliant()).isTrue();
		}
	}

	@Test
	void keepsGermanTextExtractable() throws Exception {
		try (PDDocument document = Loader.loadPDF(renderSample())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Eingangsbestätigung").contains("Größe, Übermaß, Straße").contains("156,00 €");
		}
	}

	@Test
	void theTextGivenWithTheDocumentIsTheTextItsReadersFindInThePdf() throws Exception {
		PdfRenderer.Rendered rendered = renderer().renderWithText("test/pdf-sample",
				Map.of("title", "Eingangsbestätigung", "municipality", "Stadt Musterstadt"), Locale.GERMAN);
		String inPdf;
		try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
			inPdf = new PDFTextStripper().getText(document);
		}
		assertThat(rendered.text()).contains("Eingangsbestätigung").contains("Größe, Übermaß, Straße").contains("156,00 €")
			.doesNotContain("<").doesNotContain("font-family");
		assertThat(words(rendered.text())).as("every word of the text is in the PDF").isSubsetOf(words(inPdf))
			.as("and every word of the PDF but the page numbers of the footer (\"1 / 1\") is in the text")
			.containsAll(words(inPdf).stream().filter(w -> !w.matches("\\d+|/")).toList());
	}

	private static java.util.Set<String> words(String text) {
		return java.util.Arrays.stream(text.split("[\\s\\u00a0]+")).filter(w -> !w.isBlank()).collect(java.util.stream.Collectors.toSet());
	}
}
