// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.openrathaus.files.PdfRenderer;
import de.openrathaus.tenancy.MunicipalClock;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders letters and print batches as PDF/A-2b for the print service. A letter is a cover page
 * laid out after DIN 5008 form B (return line and address in the window of a DL/C6 envelope,
 * fold and punch marks) followed by the pages of the document it carries. The document's
 * electronic seal cannot survive being printed: its form fields are left out, and the printed
 * verification code and QR code on it let anyone check it at the public verification page.
 */
@Component
class LetterRendering {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(MunicipalClock.ZONE);

	private final PdfRenderer renderer;

	LetterRendering(PdfRenderer renderer) {
		this.renderer = renderer;
	}

	/** A rendered letter and its page count. */
	record Rendered(byte[] pdf, int pages) {
	}

	Rendered letter(String municipality, PostalAddress address, @Nullable String reference, String subject, String body, Instant date,
			byte @Nullable [] document) {
		Map<String, Object> model = new HashMap<>();
		model.put("municipality", municipality);
		model.put("address", address.lines());
		model.put("reference", reference);
		model.put("date", DATE.format(date));
		model.put("subject", subject);
		model.put("paragraphs", List.of(body.split("\\n\\s*\\n")));
		model.put("enclosure", document != null);
		byte[] cover = renderer.render("correspondence/letter-pdf", model, Locale.GERMAN);
		return document == null ? new Rendered(cover, pages(cover)) : append(cover, List.of(document));
	}

	/** The batch for the print service: its cover sheet, then every letter in order. */
	Rendered batch(String municipality, String number, Instant at, List<BatchEntry> letters, int letterPages) {
		Map<String, Object> model = new HashMap<>();
		model.put("municipality", municipality);
		model.put("number", number);
		model.put("date", DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(MunicipalClock.ZONE).format(at));
		model.put("letters", letters);
		model.put("letterPages", letterPages);
		byte[] cover = renderer.render("correspondence/print-batch-pdf", model, Locale.GERMAN);
		return append(cover, letters.stream().map(BatchEntry::pdf).toList());
	}

	/** One letter of a batch as its cover sheet lists it. */
	record BatchEntry(String recipient, @Nullable String reference, int pages, byte[] pdf) {
	}

	private static Rendered append(byte[] first, List<byte[]> others) {
		try (PDDocument target = Loader.loadPDF(first)) {
			List<PDDocument> sources = new java.util.ArrayList<>();
			try {
				for (byte[] other : others) {
					PDDocument source = Loader.loadPDF(other);
					sources.add(source);
					for (PDPage page : source.getPages()) {
						PDPage imported = target.importPage(page);
						// signature and form widgets belong to the source's form, which is not carried over
						List<PDAnnotation> kept = imported.getAnnotations().stream().filter(a -> !(a instanceof PDAnnotationWidget)).toList();
						imported.setAnnotations(kept);
					}
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				target.save(out);
				return new Rendered(out.toByteArray(), target.getNumberOfPages());
			}
			finally {
				for (PDDocument source : sources) {
					source.close();
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not assemble the letter", e);
		}
	}

	private static int pages(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
