// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.personaldata;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one module removes, keeps or cannot yet erase of a person's data for an erasure request
 * (Art. 17 GDPR). Lines name a kind of record (the same kinds as {@link PersonalData.Entry}), how many,
 * optionally the reference of a case or application, and for kept and blocking lines the reason as a
 * key with its arguments, which the privacy module words for the reader; no line carries the
 * personal data itself.
 *
 * @param category the module's part, as in {@link PersonalData#category()}
 * @param removed deleted or anonymised
 * @param kept kept because a retention duty, a legal hold or another legal obligation requires it
 * @param blocking what prevents the erasure now (e.g. an application still being worked); while any
 *     module reports one, nothing is erased
 */
public record Erasure(String category, List<Line> removed, List<Line> kept, List<Line> blocking) {

	public Erasure {
		removed = List.copyOf(removed);
		kept = List.copyOf(kept);
		blocking = List.copyOf(blocking);
	}

	/**
	 * One line of the answer.
	 *
	 * @param kind the kind of record, e.g. {@code mailboxMessage}
	 * @param count how many records
	 * @param reference the case's or application's reference the line is about, if it is about one
	 * @param reason for kept and blocking lines, a short key (e.g. {@code retention}); null for removed lines
	 * @param arguments the reason's arguments (dates as ISO text, numbers, references), never personal data
	 */
	public record Line(String kind, int count, @Nullable String reference, @Nullable String reason, List<String> arguments) {

		public Line {
			if (count < 1) {
				throw new IllegalArgumentException("a line is about at least one record");
			}
			arguments = List.copyOf(arguments);
		}
	}

	/** Whether the erasure may be carried out as far as this module is concerned. */
	public boolean blocked() {
		return !blocking.isEmpty();
	}

	/** Collects an answer line by line. */
	public static Builder of(String category) {
		return new Builder(category);
	}

	public static final class Builder {

		private final String category;
		private final List<Line> removed = new ArrayList<>();
		private final List<Line> kept = new ArrayList<>();
		private final List<Line> blocking = new ArrayList<>();

		private Builder(String category) {
			this.category = category;
		}

		/** Records of a kind removed; a count of zero adds nothing. */
		public Builder removed(String kind, int count) {
			if (count > 0) {
				removed.add(new Line(kind, count, null, null, List.of()));
			}
			return this;
		}

		public Builder removed(String kind, String reference) {
			removed.add(new Line(kind, 1, reference, null, List.of()));
			return this;
		}

		/** Records of a kind kept, with the reason; a count of zero adds nothing. */
		public Builder kept(String kind, int count, @Nullable String reference, String reason, String... arguments) {
			if (count > 0) {
				kept.add(new Line(kind, count, reference, reason, List.of(arguments)));
			}
			return this;
		}

		public Builder blocking(String kind, @Nullable String reference, String reason, String... arguments) {
			blocking.add(new Line(kind, 1, reference, reason, List.of(arguments)));
			return this;
		}

		public Erasure build() {
			return new Erasure(category, removed, kept, blocking);
		}
	}
}
