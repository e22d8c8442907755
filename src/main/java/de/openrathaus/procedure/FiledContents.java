// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure;

import java.util.Optional;

/**
 * Where the contents of a submitted application live once they are filed: the e-file. The module
 * that keeps the e-file implements it; the procedure module reads attachments and decisions through
 * it after {@link Applications#filed} released its own copies.
 */
public interface FiledContents {

	/**
	 * The content with this SHA-256 among what was filed for the application, checked against its
	 * hash; empty if the application's case holds no such content (any more).
	 */
	Optional<byte[]> content(ApplicationId application, String sha256);
}
