// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.demail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The parts of the attestation check that are pure text handling (RFC 6376 "simple", TR-01201 3.1.21). */
class DeMailAttestationTests {

	@Test
	void theSimpleBodyDropsTrailingEmptyLinesAndEndsInOneCrlf() {
		assertThat(body("Hallo\r\n\r\n\r\n")).isEqualTo("Hallo\r\n");
		assertThat(body("Hallo")).isEqualTo("Hallo\r\n");
		assertThat(body("")).isEqualTo("\r\n");
		assertThat(body("\r\n\r\n")).isEqualTo("\r\n");
		assertThat(body("a\r\n\r\nb\r\n")).as("empty lines inside stay").isEqualTo("a\r\n\r\nb\r\n");
	}

	@Test
	void theSignatureValueIsEmptiedButTheBodyHashStays() {
		String field = "X-de-mail-integrity: v=1; a=sha256/rsa; bh=QUJD; b=ZGVm\r\n\tZ2hp";
		assertThat(DeMailAttestation.withoutSignatureValue(field)).isEqualTo("X-de-mail-integrity: v=1; a=sha256/rsa; bh=QUJD; b=");
		assertThat(DeMailAttestation.withoutSignatureValue("X-de-mail-integrity:b=abc; bh=QUJD")).isEqualTo("X-de-mail-integrity:b=; bh=QUJD");
	}

	@Test
	void foldedFieldsStayWholeAndTagsAreUnfolded() {
		List<String> fields = DeMailAttestation.fields("Subject: eins\r\n zwei\r\nFrom: a@b.de-mail.de");
		assertThat(fields).containsExactly("Subject: eins\r\n zwei", "From: a@b.de-mail.de");
		assertThat(DeMailAttestation.tags(" v=1; h=From:\r\n\tSubject ; bh= QU\r\n JD")).containsEntry("h", "From: Subject")
			.containsEntry("bh", "QU JD");
	}

	@Test
	void mailWithoutDeMailHeadersIsAnOrdinaryMailAndWithoutTheIntegrityFieldItIsRejected() {
		byte[] plain = "From: a@example.org\r\nSubject: x\r\n\r\nHallo\r\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(DeMailAttestation.check(plain, List.of(), Instant.now())).isInstanceOf(DeMailAttestation.Absent.class);
		byte[] claimed = "From: a@example.org\r\nX-de-mail-authoritative: yes\r\n\r\nHallo\r\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(DeMailAttestation.check(claimed, List.of(), Instant.now())).isEqualTo(new DeMailAttestation.Rejected("demail.check.noIntegrity"));
	}

	@Test
	void anAttestationThatLeavesOutTheSenderOrUsesAnotherCanonicalisationIsRejected() {
		String narrow = "From: a@x.de-mail.de\r\nSubject: x\r\nX-de-mail-integrity: v=1; a=sha256; c=simple/simple; h=From:Subject; bh=; b=\r\n\r\nx\r\n";
		assertThat(DeMailAttestation.check(narrow.getBytes(StandardCharsets.US_ASCII), List.of(), Instant.now()))
			.isInstanceOfSatisfying(DeMailAttestation.Rejected.class, r -> assertThat(r.detail()).contains("x-de-mail-sender"));
		String relaxed = narrow.replace("simple/simple", "relaxed/relaxed");
		assertThat(DeMailAttestation.check(relaxed.getBytes(StandardCharsets.US_ASCII), List.of(), Instant.now()))
			.isInstanceOfSatisfying(DeMailAttestation.Rejected.class, r -> assertThat(r.detail()).contains("relaxed"));
	}

	@Test
	void onlyDeMailDomainsAreAcceptedAsAddresses() {
		List<String> domains = List.of("de-mail.de", ".example-provider.de");
		assertThat(DeMailAddresses.check("Erika@Mail.De-Mail.de", domains).address()).isEqualTo("erika@mail.de-mail.de");
		assertThat(DeMailAddresses.check("erika@x.example-provider.de", domains).address()).isEqualTo("erika@x.example-provider.de");
		assertThat(DeMailAddresses.check("erika@fake-de-mail.de", domains).error()).isEqualTo("demail.address.notDeMail");
		assertThat(DeMailAddresses.check("Erika <erika@mail.de-mail.de>", domains).error()).isEqualTo("demail.address.invalid");
		assertThat(DeMailAddresses.check("  ", domains).error()).isEqualTo("demail.address.missing");
	}

	private static String body(String text) {
		return new String(DeMailAttestation.simpleBody(text.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
	}
}
