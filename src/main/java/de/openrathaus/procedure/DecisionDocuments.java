// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.util.Optional;

/** Query for the rendered decision document of an application (a PDF). */
public interface DecisionDocuments {

	Optional<Document> decisionOf(ApplicationId application);

	/** A rendered document. */
	record Document(String filename, String mediaType, byte[] content) {
	}
}
