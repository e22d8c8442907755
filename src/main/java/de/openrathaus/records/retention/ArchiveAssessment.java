// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import java.util.Arrays;
import java.util.Optional;

/**
 * The archive's assessment of an offered case in an xdomea 0502 answer (Bewertung, code list
 * Aussonderungsart): it takes the case ({@code A}, archivwürdig) or releases it for destruction
 * ({@code V}, vernichten). Stored as the xdomea code in {@code records.disposal.assessment}, whose
 * check constraint names the same two.
 */
enum ArchiveAssessment {

	ARCHIVE("A"), DESTROY("V");

	/** The xdomea code, as written in the message and in the table. */
	final String code;

	ArchiveAssessment(String code) {
		this.code = code;
	}

	/** The assessment with this exact code; empty for anything else (the whole answer is then refused). */
	static Optional<ArchiveAssessment> of(String code) {
		return Arrays.stream(values()).filter(assessment -> assessment.code.equals(code)).findFirst();
	}
}
