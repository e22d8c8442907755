// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence;

import java.util.Optional;
import java.util.UUID;

/** Query for replies by mail, for filing them in the e-file. */
public interface Replies {

	/** The reply as the mail it arrived as (RFC 822, {@code message/rfc822}). */
	Optional<Reply> reply(UUID id);

	record Reply(String filename, String mediaType, byte[] content, String subject) {
	}
}
