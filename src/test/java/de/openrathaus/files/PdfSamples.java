// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/** Real PDFs for tests, made with PDFBox: plain, with active content, and a decompression bomb. */
public final class PdfSamples {

	private PdfSamples() {
	}

	public static byte[] withText(String text) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 720);
				content.showText(text);
				content.endText();
			}
			return save(document);
		}
	}

	/** Opening it runs JavaScript (the catalog's OpenAction). */
	public static byte[] withOpenActionJavaScript() throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hallo');"));
			return save(document);
		}
	}

	/** A link on the page starts a program. */
	public static byte[] withLaunchLink() throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDAnnotationLink link = new PDAnnotationLink();
			PDActionLaunch launch = new PDActionLaunch();
			launch.getCOSObject().setString(COSName.F, "cmd.exe");
			link.setAction(launch);
			page.getAnnotations().add(link);
			return save(document);
		}
	}

	/**
	 * A small PDF whose page content inflates to {@code megabytes} of spaces: compressed with
	 * FlateDecode here, as an attacker would, so the file itself stays well under a megabyte.
	 */
	public static byte[] bomb(int megabytes) throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			COSStream stream = document.getDocument().createCOSStream();
			try (OutputStream raw = stream.createRawOutputStream();
					DeflaterOutputStream deflated = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
				byte[] spaces = new byte[1 << 20];
				Arrays.fill(spaces, (byte) ' ');
				for (int i = 0; i < megabytes; i++) {
					deflated.write(spaces);
				}
			}
			stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
			page.setContents(new PDStream(stream));
			return save(document);
		}
	}

	private static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}
}
