// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.openrathaus.TestAccounts;
import de.openrathaus.account.AccountId;
import de.openrathaus.correspondence.delivery.DeliveryOutbox;
import de.openrathaus.files.PdfRenderer;
import de.openrathaus.files.PdfRendererTests;
import de.openrathaus.seal.DecisionSeal;
import de.openrathaus.tenancy.TenantContext;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters as the post room and the citizen meet them: the address field sits in the envelope's
 * window, letters and batches are PDF/A-2b, a sealed decision goes along as printed pages, the
 * daily batch is downloaded once and marks its letters sent, and only the post room gets it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LetterIntegrationTests {

	/** One millimetre in PDF points. */
	private static final float MM = 72f / 25.4f;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	LetterRendering rendering;

	@Autowired
	PdfRenderer renderer;

	@Autowired
	DecisionSeal seal;

	@Autowired
	DeliveryOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theAddressSitsInTheWindowAndTheLetterWithItsSealedDecisionIsPdfA() throws Exception {
		byte[] decision = TenantContext.callAs(accounts.tenant(), () -> seal.seal(renderer.render("test/pdf-sample",
				Map.of("title", "Bescheid", "municipality", "Stadt Musterstadt"), Locale.GERMAN), "TEST-2026-" + UUID.randomUUID()));
		PostalAddress address = new PostalAddress("Erika Mustermann", "c/o Familie Groß", "Heidestraße 17", "54321", "Musterstadt", null);

		LetterRendering.Rendered letter = rendering.letter("Stadt Musterstadt", address, "HUND-2026-000042", "Bescheid über Ihre Hundeanmeldung",
				"Guten Tag,\n\nanbei erhalten Sie Ihren Bescheid.", Instant.parse("2026-12-05T09:00:00Z"), decision);

		PdfRendererTests.assertPdfA2b(letter.pdf());
		try (PDDocument document = Loader.loadPDF(letter.pdf()); PDDocument original = Loader.loadPDF(decision)) {
			assertThat(letter.pages()).isEqualTo(1 + original.getNumberOfPages()).isEqualTo(document.getNumberOfPages());
			List<TextPosition> lines = lineStarts(document, List.of("Erika Mustermann", "c/o Familie Groß", "Heidestraße 17", "54321 Musterstadt"));
			assertThat(lines).hasSize(4).allSatisfy(start -> {
				// DIN 5008 form B: address zone from 62.7 mm to 90 mm from the top, 20 mm to 105 mm from the left edge
				assertThat(start.getYDirAdj()).isBetween(62.7f * MM, 90f * MM);
				assertThat(start.getXDirAdj()).isBetween(20f * MM, 105f * MM);
			});
			String firstPage = text(document, 1, 1);
			assertThat(firstPage).contains("Seite 1 von").contains("Aktenzeichen: HUND-2026-000042").contains("Datum: 05.12.2026");
			assertThat(text(document, 2, document.getNumberOfPages())).contains("Bescheid");
		}
	}

	@Test
	void aLetterGoesIntoTheDailyBatchWhoseFirstDownloadMarksItSentAndOnlyThePostRoomGetsIt() throws Exception {
		String citizenEmail = accounts.citizen("Brief");
		AccountId citizen = new AccountId(accounts.idOf(citizenEmail));
		MockHttpSession session = TestAccounts.signIn(mvc, citizenEmail);

		// a wrong postal code is refused with a reason and nothing is stored
		mvc.perform(post("/portal/konto/anschrift").param("name", "Bernd Brief").param("strasse", "Lindenallee 12").param("plz", "5432")
				.param("ort", "Musterstadt").session(session).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("fünf Ziffern")));
		assertThat(TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from correspondence.postal_address where account_id = ?")
			.param(citizen.value()).query(Integer.class).single())).isZero();
		mvc.perform(post("/portal/konto/zustellung").param("kanal", "LETTER").session(session).with(csrf()))
			.andExpect(redirectedUrl("/portal/konto/zustellung"));
		mvc.perform(post("/portal/konto/anschrift").param("name", "Bernd Brief").param("strasse", "Lindenallee 12").param("plz", "54321")
				.param("ort", "Musterstadt").session(session).with(csrf()))
			.andExpect(redirectedUrl("/portal/konto/anschrift"));
		mvc.perform(post("/portal/konto/zustellung").param("kanal", "LETTER").session(session).with(csrf()))
			.andExpect(redirectedUrl("/portal/konto/zustellung"));

		UUID message = answer(citizen, "Rückfrage zu Ihrem Antrag");
		await().atMost(Duration.ofSeconds(30)).until(() -> letterWaits(message));

		String postRoomEmail = accounts.staff("Paula", "zentrale-dienste", "POST_ROOM");
		MockHttpSession postRoom = TestAccounts.signIn(mvc, postRoomEmail);
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Klaus", "steuern"));
		mvc.perform(get("/backoffice/poststelle").session(clerk)).andExpect(status().isForbidden());
		mvc.perform(get("/backoffice/poststelle").session(session)).andExpect(status().isForbidden());
		mvc.perform(post("/backoffice/poststelle/stapel").session(clerk).with(csrf())).andExpect(status().isForbidden());

		mvc.perform(post("/backoffice/poststelle/stapel").session(postRoom).with(csrf())).andExpect(redirectedUrl("/backoffice/poststelle"));
		UUID batch = batchOf(message);
		assertThat(batch).as("the letter is in the batch").isNotNull();
		assertThat(deliveryStatus(message)).isEqualTo("QUEUED");
		mvc.perform(get("/backoffice/poststelle/stapel/" + batch).session(clerk)).andExpect(status().isForbidden());

		byte[] first = mvc.perform(get("/backoffice/poststelle/stapel/" + batch).session(postRoom)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(deliveryStatus(message)).isEqualTo("SENT");
		byte[] second = mvc.perform(get("/backoffice/poststelle/stapel/" + batch).session(postRoom)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(second).isEqualTo(first);
		PdfRendererTests.assertPdfA2b(first);
		try (PDDocument document = Loader.loadPDF(first)) {
			assertThat(text(document, 1, 1)).contains("Druckstapel").contains("Bernd Brief");
			assertThat(new PDFTextStripper().getText(document)).contains("Lindenallee 12").contains("Rückfrage zu Ihrem Antrag");
		}
		mvc.perform(get("/backoffice/poststelle").session(postRoom)).andExpect(status().isOk())
			.andExpect(content().string(containsString("heruntergeladen am")));
		mvc.perform(get("/backoffice/poststelle/stapel/" + UUID.randomUUID()).session(postRoom)).andExpect(status().isNotFound());
	}

	/** An answer to the citizen as the correspondence listeners queue it: the mailbox copy and the chosen channel's message. */
	private UUID answer(AccountId citizen, String subject) {
		UUID application = UUID.randomUUID();
		TenantContext.runAs(accounts.tenant(), () -> transactions.executeWithoutResult(s -> {
			UUID mailboxMessage = UUID.randomUUID();
			jdbc.sql("insert into correspondence.mailbox_message(id, account_id, application_id, subject, body) values (?, ?, ?, ?, ?)")
				.params(mailboxMessage, citizen.value(), application, subject, "Bitte reichen Sie den Nachweis nach.").update();
			outbox.answer(citizen, application, "HUND-2026-" + application.toString().substring(0, 6), subject, "Bitte reichen Sie den Nachweis nach.",
					mailboxMessage, Instant.now(), false, null);
		}));
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select id from correspondence.delivery where application_id = ? and channel = 'LETTER'").param(application).query(UUID.class).single());
	}

	private boolean letterWaits(UUID message) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) from correspondence.letter l join correspondence.delivery d on d.id = l.id where l.id = ? and d.handed_over")
			.param(message).query(Integer.class).single()) == 1;
	}

	private UUID batchOf(UUID message) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select batch_id from correspondence.letter where id = ?").param(message)
			.query(UUID.class).single());
	}

	private String deliveryStatus(UUID message) {
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select status from correspondence.delivery where id = ?").param(message)
			.query(String.class).single());
	}

	private static String text(PDDocument document, int from, int to) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(from);
		stripper.setEndPage(to);
		return stripper.getText(document);
	}

	/** The first glyph of each wanted line on page 1. */
	private static List<TextPosition> lineStarts(PDDocument document, List<String> wanted) throws IOException {
		List<TextPosition> starts = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> positions) throws IOException {
				if (wanted.contains(text.strip()) && !positions.isEmpty()) {
					starts.add(positions.getFirst());
				}
			}
		};
		stripper.setStartPage(1);
		stripper.setEndPage(1);
		stripper.getText(document);
		return starts;
	}
}
