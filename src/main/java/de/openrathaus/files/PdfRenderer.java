// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template to an archivable PDF/A-2b document (receipts, decisions). Templates
 * must be well-formed XHTML and must not use link expressions ({@code @{...}}), as there is no
 * web request when a document is rendered. Fonts and the colour profile come from the class path,
 * so rendering needs nothing installed on the machine.
 */
@Component
public class PdfRenderer {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
	/** Read once; without its glyph substitution table (see {@link FontTables}). */
	private static final byte[] FONT_BYTES = FontTables.without(font(), "GSUB");

	private final ITemplateEngine templates;

	PdfRenderer(ITemplateEngine templates) {
		this.templates = templates;
		XmlFactories.pin();
	}

	/** A rendered document with its readable text (what a reader sees, one line per block). */
	public record Rendered(byte[] pdf, String text) {
	}

	public byte[] render(String template, Map<String, Object> model, Locale locale) {
		return pdf(template, templates.process(template, new Context(locale, model)));
	}

	/**
	 * Renders the document and also returns its text, taken from the same XHTML the PDF is made of, so
	 * that whoever indexes the document need not extract the text from the PDF again.
	 */
	public Rendered renderWithText(String template, Map<String, Object> model, Locale locale) {
		String xhtml = templates.process(template, new Context(locale, model));
		return new Rendered(pdf(template, xhtml), XhtmlText.of(xhtml));
	}

	private static byte[] pdf(String template, String xhtml) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfAConformance(PdfAConformance.PDFA_2_B);
			builder.useColorProfile(SRGB);
			builder.useFont(() -> new java.io.ByteArrayInputStream(FONT_BYTES), "Liberation Sans");
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not render document " + template, e);
		}
	}

	private static byte[] font() {
		try (InputStream stream = PdfRenderer.class.getResourceAsStream(FONT)) {
			if (stream == null) {
				throw new IllegalStateException("Font missing from class path: " + FONT);
			}
			return stream.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Font not readable: " + FONT, e);
		}
	}
}
