// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationFormTests {

	static java.util.List<String> codes(RegistrationForm form) {
		return form.problems().stream().map(RegistrationForm.Problem::code).toList();
	}

	@Test
	void aGoodFormHasNoProblemsAndIsNormalised() {
		RegistrationForm form = RegistrationForm.of("  Erika   Mustermann ", " Erika@Example.ORG ", "lange-sichere-Wortfolge",
				"lange-sichere-Wortfolge", "ja");
		assertThat(form.problems()).isEmpty();
		assertThat(form.email()).isEqualTo("erika@example.org");
		assertThat(form.displayName()).isEqualTo("Erika Mustermann");
		assertThat(form.toString()).doesNotContain("Wortfolge");
	}

	@Test
	void eachRule() {
		assertThat(codes(RegistrationForm.of("", "", "", "", null))).containsExactly("register.name.required",
				"register.email.required", "register.password.tooShort", "register.consent.required");
		assertThat(codes(RegistrationForm.of("A", "a@b", STRONG, STRONG, "ja"))).containsExactly("register.email.invalid");
		assertThat(codes(RegistrationForm.of("A", "a@b.de", "x".repeat(129), "x".repeat(129), "ja"))).containsExactly("register.password.tooLong");
		assertThat(codes(RegistrationForm.of("A", "erika@b.de", "meine-erika-123", "meine-erika-123", "ja")))
			.containsExactly("register.password.likeEmail");
		assertThat(codes(RegistrationForm.of("A", "a@b.de", STRONG, STRONG + "!", "ja"))).containsExactly("register.password.mismatch");
		assertThat(codes(RegistrationForm.of("x".repeat(101), "a@b.de", STRONG, STRONG, "ja"))).containsExactly("register.name.tooLong");
	}

	static final String STRONG = "Kiesel-Ampel-Wolke-7";

	@Test
	void commonPasswordsAndPatternsAreRefusedEvenWhenLongEnough() {
		for (String weak : new String[] {"passwordpassword", "123456789012", "qwertzuiopasdf", "Passwort1234!", "iloveyou2026",
				"sommer2026sommer", "Password1234", "aaaaaaaaaaaaaa", "baseball1234"}) {
			assertThat(codes(RegistrationForm.of("Erika Muster", "e.muster@example.org", weak, weak, "ja"))).as(weak)
				.containsExactly("register.password.common");
		}
		assertThat(codes(RegistrationForm.of("Erika Muster", "e.muster@example.org", "Demo-Passwort-2026", "Demo-Passwort-2026", "ja")))
			.isEmpty();
	}

	@Test
	void aPasswordContainingThePartsOfTheAddressIsRefused() {
		assertThat(codes(RegistrationForm.of("Max", "max.mustermann@example.org", "Wolke-Mustermann-Ampel", "Wolke-Mustermann-Ampel", "ja")))
			.containsExactly("register.password.likeEmail");
		// the name the citizen entered counts towards how guessable the password is
		assertThat(PasswordStrength.ownWords("max.mustermann@example.org", "Erika Beispielfrau"))
			.contains("max.mustermann", "mustermann", "erika", "beispielfrau");
	}
}
