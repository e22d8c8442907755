// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.filing;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a document's first version came from, kept in its metadata as {@code source}: a clerk's
 * upload or scan, the demo data, filing of an online application (its form data, decision or one
 * attachment) or of a reply by mail, which makes filing the same one twice add nothing). Stored as {@code upload},
 * {@code scan}, {@code demo}, {@code form}, {@code decision}, {@code attachment:<uuid>} or {@code reply:<uuid>}.
 */
public record DocumentSource(Kind kind, @Nullable UUID attachment) {

	public enum Kind {

		UPLOAD("upload"), SCAN("scan"), DEMO("demo"), FORM("form"), DECISION("decision"), ATTACHMENT("attachment"), REPLY("reply");

		private final String stored;

		Kind(String stored) {
			this.stored = stored;
		}
	}

	public static final DocumentSource UPLOAD = new DocumentSource(Kind.UPLOAD, null);
	public static final DocumentSource SCAN = new DocumentSource(Kind.SCAN, null);
	public static final DocumentSource DEMO = new DocumentSource(Kind.DEMO, null);
	public static final DocumentSource FORM = new DocumentSource(Kind.FORM, null);
	public static final DocumentSource DECISION = new DocumentSource(Kind.DECISION, null);

	public DocumentSource {
		Objects.requireNonNull(kind, "kind");
		if ((kind == Kind.ATTACHMENT || kind == Kind.REPLY) != (attachment != null)) {
			throw new IllegalArgumentException("an attachment or a reply, and only these, name their id");
		}
	}

	/** An application's attachment of this id. */
	public static DocumentSource attachment(UUID id) {
		return new DocumentSource(Kind.ATTACHMENT, id);
	}

	/** A citizen's reply by mail of this id (see correspondence's inbound mail). */
	public static DocumentSource reply(UUID id) {
		return new DocumentSource(Kind.REPLY, id);
	}

	/** As stored in the version's metadata. */
	public String stored() {
		return attachment == null ? kind.stored : kind.stored + ":" + attachment;
	}

	@Override
	public String toString() {
		return stored();
	}
}
