// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import java.util.ArrayList;
import java.util.List;

/**
 * A legal page's text as the administrator typed it, read as blocks: paragraphs separated by an empty
 * line, a line starting with "## " a heading, lines starting with "- " a list. Only the structure is read;
 * the text itself is shown escaped, so nothing typed becomes markup or a script.
 */
record LegalText(List<Block> blocks) {

	enum Kind {
		HEADING, PARAGRAPH, LIST
	}

	/** A heading or paragraph has one line; a list one line per item. */
	record Block(Kind kind, List<String> lines) {

		public String text() {
			return String.join(" ", lines);
		}
	}

	static LegalText parse(String body) {
		List<Block> blocks = new ArrayList<>();
		for (String chunk : body.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
			List<String> lines = chunk.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
			if (lines.isEmpty()) {
				continue;
			}
			List<String> paragraph = new ArrayList<>();
			List<String> items = new ArrayList<>();
			for (String line : lines) {
				if (line.startsWith("## ")) {
					flush(blocks, paragraph, items);
					blocks.add(new Block(Kind.HEADING, List.of(line.substring(3).strip())));
				}
				else if (line.startsWith("- ")) {
					flushParagraph(blocks, paragraph);
					items.add(line.substring(2).strip());
				}
				else {
					flushList(blocks, items);
					paragraph.add(line);
				}
			}
			flush(blocks, paragraph, items);
		}
		return new LegalText(List.copyOf(blocks));
	}

	private static void flush(List<Block> blocks, List<String> paragraph, List<String> items) {
		flushParagraph(blocks, paragraph);
		flushList(blocks, items);
	}

	private static void flushParagraph(List<Block> blocks, List<String> paragraph) {
		if (!paragraph.isEmpty()) {
			blocks.add(new Block(Kind.PARAGRAPH, List.copyOf(paragraph)));
			paragraph.clear();
		}
	}

	private static void flushList(List<Block> blocks, List<String> items) {
		if (!items.isEmpty()) {
			blocks.add(new Block(Kind.LIST, List.copyOf(items)));
			items.clear();
		}
	}
}
