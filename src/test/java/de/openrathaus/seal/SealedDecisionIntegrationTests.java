// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.openrathaus.TestAccounts;
import de.openrathaus.files.PdfRendererTests;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An approved decision is a PDF/A-2b with the municipality's PAdES seal that DSS validates on its own
 * (TOTAL_PASSED, B-LT, trusting only the demo CA the check page publishes), and the public check
 * tells genuine, tampered, foreign and revoked documents apart, by upload and by code.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SealedDecisionIntegrationTests {

	private static final Pattern CODE = Pattern.compile("Prüfcode\\s+([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenants tenants;

	@Autowired
	DecisionSeal seal;

	@Autowired
	TransactionTemplate transactions;

	MockHttpSession citizen;
	MockHttpSession clerk;
	String id;
	String reference;
	byte[] decision;

	@BeforeEach
	void issueADecision() throws Exception {
		citizen = TestAccounts.signIn(mvc, accounts.citizen("Erika"));
		String url = mvc.perform(post("/portal/antraege").param("leistung", "hund-anmelden").session(citizen).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		id = url.split("/")[3];
		step("halter", "anschrift", "halter.vorname", "Erika", "halter.nachname", "Mustermann", "halter.geburtsdatum", "12.08.1964");
		step("anschrift", "hund", "anschrift.strasse", "Heidestraße", "anschrift.hausnummer", "17a", "anschrift.plz", "51147",
				"anschrift.ort", "Musterstadt");
		step("hund", "nachweise", "hund.name", "Bello", "hund.rasse", "Labrador-Mischling", "hund.geburtsdatum", "2022-05-01",
				"hund.chipnummer", "276098765432101", "hund.gehalten_seit", "01.03.2026", "hund.gefaehrlich", "false");
		mvc.perform(multipart("/portal/antraege/" + id + "/schritt/nachweise").param("aktion", "weiter").session(citizen).with(csrf()));
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		reference = TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select reference from procedure.application where id = ?::uuid").param(id).query(String.class).single());
		clerk = TestAccounts.signIn(mvc, accounts.clerk("Tom", "steuern"));
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
		decision = mvc.perform(get("/backoffice/faelle/" + id + "/bescheid").session(clerk)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
	}

	@Test
	void theDecisionIsPdfA2bAndItsSealValidatesWithDssAgainstThePublishedDemoCa() throws Exception {
		PdfRendererTests.assertPdfA2b(decision);
		String slug = tenants.byId(accounts.tenant()).orElseThrow().slug();
		byte[] ca = mvc.perform(get("/pruefen/zertifikate/" + slug + ".crt")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
		trusted.addCertificate(new CertificateToken((X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(ca))));
		verifier.setTrustedCertSources(trusted);
		SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(decision));
		validator.setCertificateVerifier(verifier);
		Reports reports = validator.validateDocument();
		assertThat(reports.getSimpleReport().getSignatureIdList()).hasSize(1);
		String signature = reports.getSimpleReport().getFirstSignatureId();
		assertThat(reports.getSimpleReport().getIndication(signature)).isEqualTo(Indication.TOTAL_PASSED);
		assertThat(reports.getSimpleReport().getSignatureFormat(signature)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
		assertThat(reports.getSimpleReport().getSignedBy(signature)).contains("Siegel");

		// an unknown certificate file is not served
		mvc.perform(get("/pruefen/zertifikate/anderswo.crt")).andExpect(status().isNotFound());
	}

	/** An independent validator: poppler's pdfsig (Debian poppler-utils) finds the signature valid over the whole signed revision. */
	@Test
	void popplersPdfsigFindsTheSealValid(@TempDir Path directory) throws Exception {
		Path pdfsig = Path.of("/usr/bin/pdfsig");
		Assumptions.assumeTrue(Files.isExecutable(pdfsig), "pdfsig (Debian poppler-utils) is not installed: independent check skipped");
		Path file = directory.resolve("bescheid.pdf");
		Files.write(file, decision);
		Process process = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(output).contains("Signature #1").contains("Signature Validation: Signature is Valid.")
			.contains("ETSI.CAdES.detached");
	}

	@Test
	void theCheckPageFindsTheGenuineDecisionByUploadAndByTheCodeOnIt() throws Exception {
		String code = codeOn(decision);
		mvc.perform(multipart("/pruefen/dokument").file(new MockMultipartFile("dokument", "b.pdf", "application/pdf", decision)).with(csrf())
				.with(from("198.51.100.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Echt: ein unveränderter Bescheid")))
			.andExpect(content().string(containsString(reference)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Mustermann"))));
		// the QR code's address: reference and code filled in, checked at once
		mvc.perform(get("/pruefen").param("az", reference).param("code", code.toLowerCase()).with(from("198.51.100.1")))
			.andExpect(content().string(containsString("Echt: ein unveränderter Bescheid")));
		mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reference\":\"" + reference + "\",\"code\":\"" + code + "\"}").with(from("198.51.100.1")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("GENUINE"))
			.andExpect(jsonPath("$.reference").value(reference)).andExpect(jsonPath("$.department").value("steuern"));
		mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reference\":\"" + reference + "\",\"code\":\"2222-2222-2222-2222\"}").with(from("198.51.100.1")))
			.andExpect(jsonPath("$.outcome").value("UNKNOWN")).andExpect(jsonPath("$.reference").doesNotExist());
		mvc.perform(multipart("/api/v1/verification").file(new MockMultipartFile("document", "b.pdf", "application/pdf", decision))
				.with(from("198.51.100.1")))
			.andExpect(jsonPath("$.outcome").value("GENUINE"));
		// the form without its CSRF token changes nothing and tells nothing
		mvc.perform(post("/pruefen/code").param("az", reference).param("code", code).with(from("198.51.100.1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theQrCodePrintedOnTheDecisionOpensTheCheckWithItsReferenceAndCode() throws Exception {
		String scanned = null;
		try (PDDocument document = Loader.loadPDF(decision)) {
			for (org.apache.pdfbox.cos.COSName name : document.getPage(0).getResources().getXObjectNames()) {
				if (document.getPage(0).getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
					java.awt.image.BufferedImage pixels = image.getImage();
					int[] rgb = pixels.getRGB(0, 0, pixels.getWidth(), pixels.getHeight(), null, 0, pixels.getWidth());
					scanned = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
							new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(pixels.getWidth(), pixels.getHeight(), rgb))))
						.getText();
				}
			}
		}
		assertThat(scanned).as("a QR code a phone can read is on the first page").isNotNull()
			.contains("/pruefen?").contains("az=" + reference).contains("code=" + codeOn(decision));
		java.net.URI address = java.net.URI.create(scanned);
		mvc.perform(get(address.getPath() + "?" + address.getRawQuery()).with(from("198.51.100.7")))
			.andExpect(content().string(containsString("Echt: ein unveränderter Bescheid")));
	}

	@Test
	void aTamperedDecisionIsAlteredAndAForeignPdfIsNotOurs() throws Exception {
		// a change appended after sealing (an incremental update, as PDF editors make it)
		byte[] appended;
		try (PDDocument document = Loader.loadPDF(decision); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.getDocumentInformation().setTitle("Bescheid (geändert)");
			document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
			document.saveIncremental(out);
			appended = out.toByteArray();
		}
		assertThat(check(appended, "198.51.100.2")).isEqualTo("ALTERED");
		// a byte changed inside the sealed range
		byte[] flipped = decision.clone();
		int at = indexOf(decision, "stream\n".getBytes()) + 40;
		flipped[at] = (byte) (flipped[at] == 'X' ? 'Y' : 'X');
		assertThat(check(flipped, "198.51.100.2")).isEqualTo("ALTERED");

		assertThat(check(plainPdf(), "198.51.100.2")).isEqualTo("NOT_OURS");
		mvc.perform(multipart("/api/v1/verification").file(new MockMultipartFile("document", "x.pdf", "application/pdf", "kein PDF".getBytes()))
				.with(from("198.51.100.2")))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void aRevokedDecisionIsShownAsRevokedWithItsReason() throws Exception {
		mvc.perform(post("/backoffice/faelle/" + id + "/widerrufen").param("grund", "").session(clerk).with(csrf()))
			.andExpect(redirectedUrl("/backoffice/faelle/" + id));
		assertThat(check(decision, "198.51.100.3")).isEqualTo("GENUINE");
		mvc.perform(post("/backoffice/faelle/" + id + "/widerrufen").param("grund", "Irrtümlich erlassen.").session(clerk).with(csrf()))
			.andExpect(redirectedUrl("/backoffice/faelle/" + id));
		mvc.perform(multipart("/api/v1/verification").file(new MockMultipartFile("document", "b.pdf", "application/pdf", decision))
				.with(from("198.51.100.3")))
			.andExpect(jsonPath("$.outcome").value("REVOKED")).andExpect(jsonPath("$.revocationReason").value("Irrtümlich erlassen."));
		mvc.perform(get("/backoffice/faelle/" + id).session(clerk)).andExpect(content().string(containsString("Irrtümlich erlassen.")));
		// a citizen cannot revoke
		mvc.perform(post("/backoffice/faelle/" + id + "/widerrufen").param("grund", "x").session(citizen).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void eachClientHasTwentyChecksAMinute() throws Exception {
		for (int i = 0; i < 20; i++) {
			mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_JSON).content("{\"reference\":\"X\",\"code\":\"Y\"}")
					.with(from("198.51.100.4")))
				.andExpect(status().isOk());
		}
		mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_JSON).content("{\"reference\":\"X\",\"code\":\"Y\"}")
				.with(from("198.51.100.4")))
			.andExpect(status().isTooManyRequests());
		mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_JSON).content("{\"reference\":\"X\",\"code\":\"Y\"}")
				.with(from("198.51.100.5")))
			.andExpect(status().isOk());
	}

	@Test
	void sealingInsideADatabaseTransactionIsRefused() {
		assertThatThrownBy(() -> TenantContext.runAs(accounts.tenant(),
				() -> transactions.executeWithoutResult(status -> seal.seal(decision, "X"))))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("outside any database transaction");
	}

	private String check(byte[] pdf, String client) throws Exception {
		String body = mvc.perform(multipart("/api/v1/verification").file(new MockMultipartFile("document", "b.pdf", "application/pdf", pdf))
				.with(from(client)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher outcome = Pattern.compile("\"outcome\":\"([A-Z_]+)\"").matcher(body);
		assertThat(outcome.find()).as(body).isTrue();
		return outcome.group(1);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String codeOn(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Matcher code = CODE.matcher(new PDFTextStripper().getText(document));
			assertThat(code.find()).isTrue();
			return code.group(1);
		}
	}

	private static byte[] plainPdf() throws Exception {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("not found");
	}

	private void step(String step, String next, String... fields) throws Exception {
		var request = post("/portal/antraege/" + id + "/schritt/" + step).param("aktion", "weiter").session(citizen).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		mvc.perform(request).andExpect(redirectedUrl("/portal/antraege/" + id + "/schritt/" + next));
	}
}
