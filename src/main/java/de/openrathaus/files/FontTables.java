// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Edits the table directory of a TrueType font in memory. PDF rendering drops the glyph
 * substitution table (GSUB) before the font is parsed: PDFBox then writes text glyph by glyph
 * instead of running the substitution rules (ligatures) on every string, which the decision
 * benchmark profile showed as a third of all rendering time. The font embedded in a document is a
 * subset that never carried GSUB, and German text needs no ligatures; text copied or extracted from
 * the document reads the same letters the template holds (an "fi" ligature would not).
 */
final class FontTables {

	private static final int DIRECTORY = 12;
	private static final int ENTRY = 16;

	private FontTables() {
	}

	/** The font with the named table left out of its directory; the font as it was when it has no such table. */
	static byte[] without(byte[] font, String tag) {
		ByteBuffer in = ByteBuffer.wrap(font);
		int tables = Short.toUnsignedInt(in.getShort(4));
		if (font.length < DIRECTORY + tables * ENTRY) {
			throw new IllegalArgumentException("Not a TrueType font: table directory cut short");
		}
		byte[] wanted = tag.getBytes(StandardCharsets.US_ASCII);
		int found = -1;
		for (int i = 0; i < tables; i++) {
			if (java.util.Arrays.equals(font, DIRECTORY + i * ENTRY, DIRECTORY + i * ENTRY + 4, wanted, 0, 4)) {
				found = i;
			}
		}
		if (found < 0) {
			return font;
		}
		byte[] edited = font.clone();
		int from = DIRECTORY + (found + 1) * ENTRY;
		int end = DIRECTORY + tables * ENTRY;
		System.arraycopy(font, from, edited, from - ENTRY, end - from);
		java.util.Arrays.fill(edited, end - ENTRY, end, (byte) 0); // tables are found by offset: the freed entry is padding
		int remaining = tables - 1;
		int power = Integer.highestOneBit(Math.max(1, remaining));
		ByteBuffer out = ByteBuffer.wrap(edited);
		out.putShort(4, (short) remaining);
		out.putShort(6, (short) (power * 16));
		out.putShort(8, (short) Integer.numberOfTrailingZeros(power));
		out.putShort(10, (short) (remaining * 16 - power * 16));
		return edited;
	}
}
