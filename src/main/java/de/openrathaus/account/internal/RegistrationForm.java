// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import de.openrathaus.files.InputText;

import org.jspecify.annotations.Nullable;

/**
 * What a citizen enters to register, normalised (Unicode NFC, trimmed, e-mail in lower case), and
 * the rules it must meet. Each broken rule is a field and a message code.
 */
record RegistrationForm(String displayName, String email, String password, String passwordRepeat, boolean consent) {

	static final int MIN_PASSWORD = 12;
	static final int MAX_PASSWORD = 128;
	private static final Pattern EMAIL = Pattern.compile("[^\\s@\"<>(),;:\\\\\\[\\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	static RegistrationForm of(@Nullable String displayName, @Nullable String email, @Nullable String password,
			@Nullable String passwordRepeat, @Nullable String consent) {
		return new RegistrationForm(clean(displayName).replaceAll("\\s+", " "), clean(email).toLowerCase(Locale.ROOT),
				password == null ? "" : InputText.nfc(password),
				passwordRepeat == null ? "" : InputText.nfc(passwordRepeat), consent != null);
	}

	private static String clean(@Nullable String value) {
		return value == null ? "" : InputText.nfc(value).replaceAll("\\p{Cc}", "").strip();
	}

	/** A broken rule: the input's id and the message code. */
	record Problem(String field, String code) {
	}

	List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		if (displayName.isEmpty()) {
			problems.add(new Problem("name", "register.name.required"));
		}
		else if (displayName.length() > 100) {
			problems.add(new Problem("name", "register.name.tooLong"));
		}
		if (email.isEmpty()) {
			problems.add(new Problem("email", "register.email.required"));
		}
		else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			problems.add(new Problem("email", "register.email.invalid"));
		}
		if (password.length() < MIN_PASSWORD) {
			problems.add(new Problem("password", "register.password.tooShort"));
		}
		else if (password.length() > MAX_PASSWORD) {
			problems.add(new Problem("password", "register.password.tooLong"));
		}
		else if (password.equalsIgnoreCase(email) || containsEmailName()) {
			problems.add(new Problem("password", "register.password.likeEmail"));
		}
		else if (PasswordStrength.tooEasy(password, PasswordStrength.ownWords(email, displayName))) {
			problems.add(new Problem("password", "register.password.common"));
		}
		else if (!password.equals(passwordRepeat)) {
			problems.add(new Problem("passwordRepeat", "register.password.mismatch"));
		}
		if (!consent) {
			problems.add(new Problem("consent", "register.consent.required"));
		}
		return problems;
	}

	/** The local part of the address, or a part of it of four or more characters (max.mustermann: "mustermann"). */
	private boolean containsEmailName() {
		if (email.isEmpty()) {
			return false;
		}
		String lowerPassword = password.toLowerCase(Locale.ROOT);
		return PasswordStrength.ownWords(email, "").stream().anyMatch(lowerPassword::contains);
	}

	@Override
	public String toString() {
		return "RegistrationForm[hidden]";
	}
}
