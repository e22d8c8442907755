// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import de.openrathaus.files.Filenames;
import de.openrathaus.files.MediaTypes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	static FieldDefinition text(String key, boolean required, Integer max, String pattern) {
		return new FieldDefinition(key, FieldType.TEXT, new Text("Feld", "Field"), null, required, null, max, pattern,
				pattern == null ? null : new Text("Falsches Format", null), null, false, null, null, null, null, null);
	}

	static FieldDefinition date(String key, boolean notAfterToday, String notBefore, Integer minAge) {
		return new FieldDefinition(key, FieldType.DATE, new Text("Datum", null), null, true, null, null, null, null, null,
				notAfterToday, notBefore, minAge, LocalDate.of(1900, 1, 1), null, null);
	}

	static List<String> codes(List<Violation> violations) {
		return violations.stream().map(Violation::code).toList();
	}

	@Test
	void inputIsNormalised() {
		FieldDefinition name = text("name", true, null, null);
		assertThat(FieldRules.normalise(name, "  Jose\u0301  Mu\u0308ller\u0007 ")).isEqualTo("José Müller");
		assertThat(FieldRules.normalise(date("d", false, null, null), "7.3.2020")).isEqualTo("2020-03-07");
		assertThat(FieldRules.normalise(date("d", false, null, null), "2020-03-07")).isEqualTo("2020-03-07");
		FieldDefinition yesNo = new FieldDefinition("y", FieldType.YESNO, new Text("Frage", null), null, true, null, null, null,
				null, null, false, null, null, null, null, null);
		assertThat(FieldRules.normalise(yesNo, "Ja")).isEqualTo("true");
		assertThat(FieldRules.normalise(name, null)).isEmpty();
	}

	@Test
	void requiredLengthAndPattern() {
		assertThat(codes(FieldRules.check(text("a", true, null, null), "", Map.of(), TODAY))).containsExactly("validation.required");
		assertThat(FieldRules.check(text("a", false, null, null), "", Map.of(), TODAY)).isEmpty();
		assertThat(codes(FieldRules.check(text("a", true, 5, null), "123456", Map.of(), TODAY))).containsExactly("validation.tooLong");
		assertThat(codes(FieldRules.check(text("a", true, null, null), "x".repeat(201), Map.of(), TODAY)))
			.as("a default maximum protects fields without one").containsExactly("validation.tooLong");
		List<Violation> chip = FieldRules.check(text("chip", true, null, "[0-9]{15}"), "27609876543210", Map.of(), TODAY);
		assertThat(codes(chip)).containsExactly("validation.pattern");
		assertThat(chip.getFirst().custom().de()).isEqualTo("Falsches Format");
		assertThat(FieldRules.check(text("chip", true, null, "[0-9]{15}"), "276098765432101", Map.of(), TODAY)).isEmpty();
	}

	@Test
	void dates() {
		assertThat(codes(FieldRules.check(date("d", true, null, null), "31.02.2020", Map.of(), TODAY)))
			.containsExactly("validation.date.invalid");
		assertThat(codes(FieldRules.check(date("d", true, null, null), "2026-11-25", Map.of(), TODAY)))
			.containsExactly("validation.date.future");
		assertThat(FieldRules.check(date("d", true, null, null), "2026-11-24", Map.of(), TODAY)).isEmpty();
		assertThat(codes(FieldRules.check(date("d", false, null, null), "1899-12-31", Map.of(), TODAY)))
			.containsExactly("validation.date.tooEarly");
		assertThat(codes(FieldRules.check(date("born", true, null, 16), "2010-11-25", Map.of(), TODAY)))
			.containsExactly("validation.date.minAge");
		assertThat(FieldRules.check(date("born", true, null, 16), "2010-11-24", Map.of(), TODAY)).isEmpty();
		assertThat(codes(FieldRules.check(date("since", true, "birth", null), "2022-04-30", Map.of("birth", "2022-05-01"), TODAY)))
			.containsExactly("validation.date.before");
		assertThat(FieldRules.check(date("since", true, "birth", null), "2022-05-01", Map.of("birth", "2022-05-01"), TODAY)).isEmpty();
	}

	@Test
	void choices() {
		FieldDefinition select = new FieldDefinition("zone", FieldType.SELECT, new Text("Zone", null), null, true, null, null, null,
				null, List.of(new FieldDefinition.Option("A", new Text("Zone A", null))), false, null, null, null, null, null);
		assertThat(FieldRules.check(select, "A", Map.of(), TODAY)).isEmpty();
		assertThat(codes(FieldRules.check(select, "Z", Map.of(), TODAY))).containsExactly("validation.choose");
		assertThat(codes(FieldRules.check(select, "", Map.of(), TODAY))).containsExactly("validation.choose");
	}

	@Test
	void uploadsAreCheckedByContentSizeAndCount() {
		AttachmentDefinition permit = new AttachmentDefinition("permit", new Text("Erlaubnis", null), null, true,
				List.of("application/pdf", "image/png"), 1000, 2, null);
		byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes();
		assertThat(MediaTypes.detect(pdf, "x.pdf")).isEqualTo("application/pdf");
		assertThat(MediaTypes.detect("MZ\u0090\u0000".getBytes(), "x.pdf")).isNotEqualTo("application/pdf");
		assertThat(MediaTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}, "bild.pdf")).isEqualTo("image/png");
		assertThat(MediaTypes.detect(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, "bild.jpg")).isEqualTo("image/jpeg");
		assertThat(MediaTypes.detect("<html><script>".getBytes(), "bild.png")).isEqualTo("text/html");
		assertThat(UploadRules.check(permit, "x.pdf", pdf.length, "application/pdf", 0)).isEmpty();
		assertThat(codes(UploadRules.check(permit, "x.pdf", 1001, "application/pdf", 0))).containsExactly("validation.upload.tooLarge");
		assertThat(codes(UploadRules.check(permit, "x.pdf", 10, "application/x-msdownload", 0))).containsExactly("validation.upload.type");
		assertThat(codes(UploadRules.check(permit, "x.pdf", 10, "application/pdf", 2))).containsExactly("validation.upload.tooMany");
		assertThat(codes(UploadRules.check(permit, "x.pdf", 0, "", 0))).containsExactly("validation.upload.empty");
	}

	@Test
	void fileNamesAreMadeSafe() {
		assertThat(Filenames.clean("../../etc/passwd")).isEqualTo("passwd");
		assertThat(Filenames.clean("C:\\Users\\x\\Bild.png")).isEqualTo("Bild.png");
		assertThat(Filenames.clean("a\u0000b\u202e.pdf")).isEqualTo("ab.pdf");
		assertThat(Filenames.clean("..")).isEqualTo("anlage");
		assertThat(Filenames.clean("x".repeat(300) + ".pdf")).hasSize(120).endsWith(".pdf");
	}

	@Test
	void conditionsDecideWhichStepsAreAsked() throws Exception {
		ProcedureDefinition dog = ProcedureTypes.read(new org.springframework.core.io.ClassPathResource("procedures/hund-anmelden-v1.yaml"));
		assertThat(dog.visibleSteps(Map.of("hund.gefaehrlich", "false"))).extracting(StepDefinition::key)
			.containsExactly("halter", "anschrift", "hund", "nachweise");
		assertThat(dog.visibleSteps(Map.of("hund.gefaehrlich", "true"))).extracting(StepDefinition::key)
			.containsExactly("halter", "anschrift", "hund", "gefahr", "nachweise");
		assertThat(dog.isAsked("hund.erlaubnis", Map.of("hund.gefaehrlich", "false"))).isFalse();
		assertThat(dog.after("hund", Map.of("hund.gefaehrlich", "true")).orElseThrow().key()).isEqualTo("gefahr");
	}
}
