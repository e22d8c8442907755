// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text split into lines and parts, links marked, so that a template can render the links as
 * anchors and print everything else escaped ({@code th:text}); no markup from the text ever reaches
 * the page. Links are web addresses ({@code http}, {@code https}) and paths into the portal
 * ({@code /portal/...}, {@code /zahlung/...}), which stay on the origin the citizen is signed in on.
 */
final class LinkedText {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+|(?<![^\\s(„\"])/(?:portal|zahlung)/[^\\s<>\"]*");
	private static final String TRAILING = ".,;:!?)“\"'";

	/** A piece of a line: a link or text. */
	record Part(String text, boolean link) {
	}

	private LinkedText() {
	}

	static List<List<Part>> lines(String text) {
		List<List<Part>> lines = new ArrayList<>();
		for (String line : text.split("\\r?\\n", -1)) {
			List<Part> parts = new ArrayList<>();
			Matcher m = LINK.matcher(line);
			int last = 0;
			while (m.find()) {
				int end = m.end();
				// a full stop or bracket after a link belongs to the sentence, not to the address
				while (end > m.start() + 1 && TRAILING.indexOf(line.charAt(end - 1)) >= 0) {
					end--;
				}
				parts.add(new Part(line.substring(last, m.start()), false));
				parts.add(new Part(line.substring(m.start(), end), true));
				last = end;
			}
			parts.add(new Part(line.substring(last), false));
			lines.add(parts);
		}
		return lines;
	}
}
