// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/**
 * Checks an uploaded file against its attachment definition: size, count and a media type taken
 * from the file's content (magic bytes), so a renamed executable is not accepted as a PDF.
 */
public final class UploadRules {

	private UploadRules() {
	}

	/**
	 * Checks one upload.
	 *
	 * @param alreadyStored how many files this attachment already has
	 * @param detectedType the media type {@link de.openrathaus.files.MediaTypes#detect} found
	 */
	public static List<Violation> check(AttachmentDefinition attachment, String filename, long size, String detectedType,
			int alreadyStored) {
		List<Violation> violations = new ArrayList<>();
		if (size == 0) {
			violations.add(Violation.of(attachment.key(), "validation.upload.empty", attachment.label(), filename));
		}
		else if (size > attachment.maxBytes()) {
			violations.add(Violation.of(attachment.key(), "validation.upload.tooLarge", attachment.label(), filename,
					megabytes(attachment.maxBytes())));
		}
		else if (!attachment.mediaTypes().contains(detectedType)) {
			violations.add(Violation.of(attachment.key(), "validation.upload.type", attachment.label(), filename,
					describe(attachment.mediaTypes())));
		}
		else if (alreadyStored >= attachment.maxFiles()) {
			violations.add(Violation.of(attachment.key(), "validation.upload.tooMany", attachment.label(), attachment.maxFiles()));
		}
		return violations;
	}

	/**
	 * Checks one upload with its content: as {@link #check(AttachmentDefinition, String, long, String, int)}, and a
	 * PDF must also load in PDFBox (a file that only starts like one, e.g. {@code %PDF-} followed by HTML, is
	 * none), stay within the inflation limits and carry no JavaScript or launch actions.
	 */
	public static List<Violation> check(AttachmentDefinition attachment, String filename, byte[] content, String detectedType,
			int alreadyStored) {
		List<Violation> violations = check(attachment, filename, content.length, detectedType, alreadyStored);
		if (violations.isEmpty() && "application/pdf".equals(detectedType)) {
			try {
				de.openrathaus.files.PdfInspection.check(content, de.openrathaus.files.PdfInspection.Limits.DEFAULT,
						java.time.Instant.now().plusSeconds(30));
			}
			catch (de.openrathaus.files.PdfInspection.Refused refused) {
				violations.add(Violation.of(attachment.key(), "validation.upload.pdf." + refused.problem(), attachment.label(), filename));
			}
		}
		return violations;
	}

	public static String megabytes(long bytes) {
		return String.format(Locale.GERMANY, "%.0f MB", bytes / (1024.0 * 1024.0));
	}

	/** Human names of the allowed formats, e.g. "PDF, JPEG, PNG". */
	public static String describe(List<String> mediaTypes) {
		return String.join(", ", mediaTypes.stream().map(UploadRules::shortName).toList());
	}

	private static String shortName(String mediaType) {
		return switch (mediaType) {
			case "application/pdf" -> "PDF";
			case "image/jpeg" -> "JPEG";
			case "image/png" -> "PNG";
			case "image/tiff" -> "TIFF";
			default -> mediaType;
		};
	}
}
