// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records;

import java.util.UUID;

import de.openrathaus.procedure.ApplicationId;

/**
 * Documents that reach a case from outside the online procedure, filed into the application's case.
 * Call it outside any database transaction: the content goes to the content store first.
 */
public interface IncomingDocuments {

	/**
	 * Files a citizen's reply by mail, once per reply id (a repeated call adds nothing).
	 *
	 * @param mail the mail as it arrived (RFC 822)
	 */
	void fileReply(ApplicationId application, String reference, UUID reply, String filename, String mediaType, byte[] mail);
}
