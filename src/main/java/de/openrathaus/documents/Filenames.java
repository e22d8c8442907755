// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.documents;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/** File names from uploads made safe to store and show. */
public final class Filenames {

	private Filenames() {
	}

	/**
	 * A safe display name: path, control and format characters removed, NFC, at most 120
	 * characters (the extension kept), never empty.
	 */
	public static String clean(@Nullable String original) {
		String name = Normalizer.normalize(original == null ? "" : original, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cc}\\p{Cf}\"<>|:*?]", "").strip();
		if (name.length() > 120) {
			int dot = name.lastIndexOf('.');
			String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
			name = name.substring(0, 120 - ext.length()) + ext;
		}
		return name.isBlank() || name.equals(".") || name.equals("..") ? "anlage" : name;
	}
}
