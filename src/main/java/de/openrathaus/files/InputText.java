// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.text.Normalizer;

/**
 * The one form in which text a person typed is compared and stored: Unicode NFC, so "Müller"
 * typed with a combining diaeresis matches "Müller" typed with the precomposed letter. Every
 * request parameter passes through it at the edge (before anything reads the request); a module
 * calls it only for text that does not come as a parameter (a spreadsheet cell, a file name) or
 * in a pure rule that must not rely on its caller.
 */
public final class InputText {

	private InputText() {
	}

	public static String nfc(String text) {
		return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
	}
}
