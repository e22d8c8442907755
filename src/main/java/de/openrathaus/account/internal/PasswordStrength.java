// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * Whether a password is too easy to guess, estimated offline by zxcvbn: its shipped list of about
 * 30,000 of the most common passwords (also reversed, capitalised or with digits swapped in), common
 * words and names, keyboard walks, repetitions, sequences and dates, plus the words the citizen
 * entered themselves. A password needing fewer than 10^10 guesses is refused: that many Argon2 checks
 * are within reach of an attacker holding a stolen database.
 */
final class PasswordStrength {

	static final double MIN_GUESSES = 1e10;

	private PasswordStrength() {
	}

	/** Loading the dictionaries takes a few hundred milliseconds: once, on first use. */
	private static final class Estimator {

		static final Zxcvbn INSTANCE = new Zxcvbn();
	}

	static boolean tooEasy(String password, List<String> ownWords) {
		return Estimator.INSTANCE.measure(password, ownWords).getGuesses() < MIN_GUESSES;
	}

	/** Parts of the e-mail address's local part and of the name of at least four characters, in lower case. */
	static List<String> ownWords(String email, String displayName) {
		List<String> words = new ArrayList<>();
		String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
		words.add(local.toLowerCase(Locale.ROOT));
		for (String part : (local + " " + displayName).toLowerCase(Locale.ROOT).split("[\\s._+\\-]+")) {
			if (part.length() >= 4) {
				words.add(part);
			}
		}
		return words.stream().filter(w -> w.length() >= 4).distinct().toList();
	}
}
