// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Query for the rendered decision document of an application (a PDF). */
public interface DecisionDocuments {

	Optional<Document> decisionOf(ApplicationId application);

	/**
	 * A rendered document.
	 *
	 * @param text its readable text as rendered, where known (for the e-file's search, which then need not extract it from the PDF)
	 */
	record Document(String filename, String mediaType, byte[] content, @Nullable String text) {

		public Document(String filename, String mediaType, byte[] content) {
			this(filename, mediaType, content, null);
		}
	}
}
