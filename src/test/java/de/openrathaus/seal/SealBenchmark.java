// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import de.openrathaus.TestAccounts;
import de.openrathaus.files.PdfRenderer;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Decisions rendered, sealed and filed per second (docs/benchmarks.md). Not part of the test suite
 * (the name ends in neither Test nor Tests): run it with {@code ./mvnw -B -o test -Dtest=SealBenchmark}.
 * In one run, on {@code THREADS} threads (default 2, one per core): (a) rendering a decision alone,
 * the baseline; (a2) sealing a rendered decision alone; (b) rendering and sealing (PAdES B-LT, in-process TSA and CRL); (c) the clerk's
 * approval over HTTP, i.e. transition, render, seal, store, register, workflow step and event, and
 * (d) until the e-file holds every decision (filing runs asynchronously on the event). Before (c), as many
 * approvals as {@code bench.warmup-cases} run unmeasured, so the JIT compiler is done with that path.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SealBenchmark {

	static final int THREADS = Integer.getInteger("bench.threads", 2);
	static final int DOCUMENTS = Integer.getInteger("bench.documents", 200);
	static final int CASES = Integer.getInteger("bench.cases", 100);
	/** Cases approved before the measurement, so that it sees compiled code, not the JIT compiler at work. */
	static final int WARMUP_CASES = Integer.getInteger("bench.warmup-cases", 150);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PdfRenderer renderer;

	@Autowired
	DecisionSeal seal;

	@Test
	void decisionsRenderedSealedAndFiledPerSecond() throws Exception {
		TenantId tenant = accounts.tenant();
		Map<String, Object> model = new HashMap<>();
		model.put("municipality", "Stadt Musterstadt");
		model.put("title", "Hund anmelden");
		model.put("reference", "HUND-2026-999999");
		model.put("issuedOn", "04.12.2026");
		model.put("submittedOn", "01.12.2026");
		model.put("clerk", "Tom Steuer");
		model.put("reason", "Die Voraussetzungen liegen nicht vor.");
		DecisionSeal.VerificationMark mark = TenantContext.callAs(tenant, () -> seal.mark("HUND-2026-999999"));
		model.put("verificationCode", mark.code());
		model.put("verificationQr", mark.qrCode());
		model.put("verificationPage", "http://localhost:8080/pruefen");
		// warm-up
		for (int i = 0; i < 20; i++) {
			byte[] pdf = renderer.render("procedure/decisions/ablehnung", model, Locale.GERMAN);
			TenantContext.runAs(tenant, () -> seal.seal(pdf, "HUND-2026-999999"));
		}
		double render = rate(DOCUMENTS, () -> renderer.render("procedure/decisions/ablehnung", model, Locale.GERMAN));
		byte[] rendered = renderer.render("procedure/decisions/ablehnung", model, Locale.GERMAN);
		int size = TenantContext.callAs(tenant, () -> seal.seal(rendered, "HUND-2026-999999")).length;
		double sealOnly = rate(DOCUMENTS, () -> TenantContext.callAs(tenant, () -> seal.seal(rendered, "HUND-2026-999999")));
		double renderAndSeal = rate(DOCUMENTS, () -> TenantContext.callAs(tenant,
				() -> seal.seal(renderer.render("procedure/decisions/ablehnung", model, Locale.GERMAN), "HUND-2026-999999")));

		// (c) and (d): prepared cases (not measured), then approved by one clerk session per thread
		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Bench"));
		MockHttpSession clerk = TestAccounts.signIn(mvc, accounts.clerk("Tom", "steuern"));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < WARMUP_CASES + CASES; i++) {
			ids.add(submitted(citizen, clerk));
		}
		AtomicInteger next = new AtomicInteger();
		long beforeWarmUp = filed(tenant);
		rate(WARMUP_CASES, () -> {
			mvc.perform(post("/backoffice/faelle/" + ids.get(next.getAndIncrement()) + "/genehmigen").param("bestaetigt", "ja").session(clerk)
				.with(csrf()));
			return null;
		});
		Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> filed(tenant) - beforeWarmUp >= WARMUP_CASES);
		long filedBefore = filed(tenant);
		long start = System.nanoTime();
		double approve = rate(CASES, () -> {
			String id = ids.get(next.getAndIncrement());
			mvc.perform(post("/backoffice/faelle/" + id + "/genehmigen").param("bestaetigt", "ja").session(clerk).with(csrf()));
			return null;
		});
		Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
			.until(() -> filed(tenant) - filedBefore >= CASES);
		double filedRate = CASES / ((System.nanoTime() - start) / 1e9);
		long decided = TenantContext.callAs(tenant, () -> jdbc.sql("select count(*) from seal.sealed_decision").query(Long.class).single());
		assertThat(decided).isGreaterThanOrEqualTo(CASES);
		System.out.printf(Locale.ROOT, "BENCH threads=%d cores=%d documents=%d cases=%d warm-up cases=%d%n", THREADS,
				Runtime.getRuntime().availableProcessors(), DOCUMENTS, CASES, WARMUP_CASES);
		System.out.printf(Locale.ROOT, "BENCH sealed rejection decision: %d bytes%n", size);
		System.out.printf(Locale.ROOT, "BENCH (a) rendered only: %.1f/s%n", render);
		System.out.printf(Locale.ROOT, "BENCH (a2) sealed only (a rendered document): %.1f/s%n", sealOnly);
		System.out.printf(Locale.ROOT, "BENCH (b) rendered and sealed: %.1f/s%n", renderAndSeal);
		System.out.printf(Locale.ROOT, "BENCH (c) approved over HTTP (render, seal, store, register): %.1f/s%n", approve);
		System.out.printf(Locale.ROOT, "BENCH (d) approved and filed in the e-file: %.1f/s%n", filedRate);
	}

	private long filed(TenantId tenant) {
		return TenantContext.callAs(tenant,
				() -> jdbc.sql("select count(*) from procedure.decision where document is null").query(Long.class).single());
	}

	private interface Work {
		Object run() throws Exception;
	}

	/** Runs the work n times on THREADS threads; per second. */
	private static double rate(int n, Work work) throws Exception {
		AtomicInteger left = new AtomicInteger(n);
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			List<Future<?>> running = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				running.add(pool.submit(() -> {
					while (left.getAndDecrement() > 0) {
						work.run();
					}
					return null;
				}));
			}
			for (Future<?> f : running) {
				f.get();
			}
		}
		return n / ((System.nanoTime() - start) / 1e9);
	}

	private String submitted(MockHttpSession citizen, MockHttpSession clerk) throws Exception {
		String url = mvc.perform(post("/portal/antraege").param("leistung", "hund-anmelden").session(citizen).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String id = url.split("/")[3];
		step(citizen, id, "halter", "halter.vorname", "Erika", "halter.nachname", "Mustermann", "halter.geburtsdatum", "12.08.1964");
		step(citizen, id, "anschrift", "anschrift.strasse", "Heidestraße", "anschrift.hausnummer", "17a", "anschrift.plz", "51147",
				"anschrift.ort", "Musterstadt");
		step(citizen, id, "hund", "hund.name", "Bello", "hund.rasse", "Labrador-Mischling", "hund.geburtsdatum", "2022-05-01",
				"hund.chipnummer", "276098765432101", "hund.gehalten_seit", "01.03.2026", "hund.gefaehrlich", "false");
		mvc.perform(multipart("/portal/antraege/" + id + "/schritt/nachweise").param("aktion", "weiter").session(citizen).with(csrf()));
		mvc.perform(post("/portal/antraege/" + id + "/absenden").session(citizen).with(csrf()));
		mvc.perform(post("/backoffice/faelle/" + id + "/uebernehmen").session(clerk).with(csrf()));
		return id;
	}

	private void step(MockHttpSession citizen, String id, String step, String... fields) throws Exception {
		var request = post("/portal/antraege/" + id + "/schritt/" + step).param("aktion", "weiter").session(citizen).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		mvc.perform(request);
	}
}
