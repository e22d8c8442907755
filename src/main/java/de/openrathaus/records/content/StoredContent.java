// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.content;

import java.util.Objects;

/**
 * A content already written to the {@link ContentStore}, by its SHA-256 and length in bytes. The
 * e-file writes the content first, outside any database transaction, and then the rows that name
 * it in one transaction: a network or disk write never holds a database transaction open. If that
 * transaction fails, the content stays as an orphan object nothing names; it costs only space, and
 * a later upload of the same bytes reuses it (contents are addressed by their hash).
 */
public record StoredContent(String sha256, long size) {

	public StoredContent {
		Objects.requireNonNull(sha256, "sha256");
	}
}
