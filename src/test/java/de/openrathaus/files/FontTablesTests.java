// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** Dropping a table from a font's directory leaves a font PDFBox reads, with every other table and glyph. */
class FontTablesTests {

	@Test
	void theFontWithoutGsubHasNoSubstitutionButTheSameGlyphs() throws Exception {
		byte[] original;
		try (InputStream in = FontTablesTests.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
			original = in.readAllBytes();
		}
		byte[] edited = FontTables.without(original, "GSUB");
		try (TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(original));
				TrueTypeFont after = new TTFParser().parse(new RandomAccessReadBuffer(edited))) {
			assertThat(before.getTableMap()).containsKey("GSUB");
			assertThat(after.getTableMap()).doesNotContainKey("GSUB");
			assertThat(after.getTableMap().keySet()).hasSize(before.getTableMap().size() - 1);
			assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
			assertThat(after.getUnicodeCmapLookup().getGlyphId('ß')).isEqualTo(before.getUnicodeCmapLookup().getGlyphId('ß'));
			assertThat(after.getAdvanceWidth(after.getUnicodeCmapLookup().getGlyphId('W')))
				.isEqualTo(before.getAdvanceWidth(before.getUnicodeCmapLookup().getGlyphId('W')));
		}
		assertThat(FontTables.without(edited, "GSUB")).as("a font without the table stays as it is").isSameAs(edited);
		assertThatThrownBy(() -> FontTables.without(new byte[] {0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0}, "GSUB"))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
