// SPDX-License-Identifier: EUPL-1.2
// Load generator for the dog registration: each virtual citizen signs in once, then
//  --mode flow (default): repeats the whole web flow (start draft, four steps, one small PDF attachment, submit)
//                         for --seconds after --warmup seconds;
//  --mode submit:         fills --drafts drafts per citizen first (not measured), then submits them all as fast as
//                         it can: the rate of the submission itself (reference number, case, workflow, event).
// Run against a running server:  java bench/SubmissionLoad.java --base http://localhost:8080 --users 16 --seconds 60
// No dependencies: the JDK's single-file source launcher and java.net.http.

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SubmissionLoad {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final String[] STEPS = {"start", "halter", "anschrift", "hund", "nachweise", "absenden"};

	static final ConcurrentHashMap<String, ConcurrentLinkedQueue<Long>> stepNanos = new ConcurrentHashMap<>();
	static final ConcurrentLinkedQueue<Long> flowNanos = new ConcurrentLinkedQueue<>();
	static final AtomicLong failures = new AtomicLong();
	static volatile boolean measuring;
	static volatile boolean running = true;

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("--base", "http://localhost:8080", "--users", "16",
				"--seconds", "60", "--warmup", "15", "--mode", "flow", "--drafts", "150", "--email", "buerger@example.org", "--password", "Demo-Passwort-2026"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		String base = options.get("--base");
		int users = Integer.parseInt(options.get("--users"));
		int seconds = Integer.parseInt(options.get("--seconds"));
		int warmup = Integer.parseInt(options.get("--warmup"));
		byte[] pdf = smallPdf();
		for (String step : STEPS) {
			stepNanos.put(step, new ConcurrentLinkedQueue<>());
		}
		if ("submit".equals(options.get("--mode"))) {
			submitOnly(options, base, users, Integer.parseInt(options.get("--drafts")), pdf);
			return;
		}
		List<Thread> threads = new ArrayList<>();
		for (int u = 0; u < users; u++) {
			threads.add(Thread.ofPlatform().start(() -> {
				try {
					Citizen citizen = new Citizen(base, options.get("--email"), options.get("--password"));
					while (running) {
						try {
							citizen.submitOnce(pdf);
						}
						catch (Exception e) {
							failures.incrementAndGet();
							if (failures.get() < 5) {
								System.err.println("failed: " + e.getMessage());
							}
						}
					}
				}
				catch (Exception e) {
					System.err.println("could not sign in: " + e);
				}
			}));
		}
		System.out.printf("warming up for %d s with %d users against %s%n", warmup, users, base);
		Thread.sleep(warmup * 1000L);
		measuring = true;
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		measuring = false;
		double elapsed = (System.nanoTime() - start) / 1e9;
		running = false;
		for (Thread t : threads) {
			t.join(30_000);
		}
		report(elapsed, users);
	}

	static void submitOnly(Map<String, String> options, String base, int users, int drafts, byte[] pdf) throws Exception {
		java.util.concurrent.CyclicBarrier prepared = new java.util.concurrent.CyclicBarrier(users + 1);
		java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(users);
		for (int u = 0; u < users; u++) {
			Thread.ofPlatform().start(() -> {
				try {
					Citizen citizen = new Citizen(base, options.get("--email"), options.get("--password"));
					List<String> ids = new ArrayList<>();
					for (int i = 0; i < drafts; i++) {
						ids.add(citizen.prepare(pdf));
					}
					prepared.await();
					for (String id : ids) {
						try {
							citizen.submit(id);
						}
						catch (Exception e) {
							failures.incrementAndGet();
						}
					}
				}
				catch (Exception e) {
					System.err.println("citizen failed: " + e);
				}
				finally {
					done.countDown();
				}
			});
		}
		System.out.printf("preparing %d drafts for each of %d users against %s%n", drafts, users, base);
		prepared.await();
		measuring = true;
		long start = System.nanoTime();
		done.await();
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] submits = stepNanos.get("absenden").stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("users: %d, submissions: %d in %.1f s, failures: %d%n", users, submits.length, elapsed, failures.get());
		System.out.printf("submissions/s: %.1f, submit request p50 %.1f ms, p99 %.1f ms%n", submits.length / elapsed,
				pct(submits, 50), pct(submits, 99));
	}

	static void report(double elapsed, int users) {
		long[] flows = flowNanos.stream().mapToLong(Long::longValue).sorted().toArray();
		long requests = stepNanos.values().stream().mapToLong(q -> q.size()).sum();
		System.out.printf("users: %d, measured: %.1f s, completed submissions: %d, failures: %d%n", users, elapsed,
				flows.length, failures.get());
		System.out.printf("submissions/s: %.1f, HTTP requests/s: %.1f%n", flows.length / elapsed, requests / elapsed);
		System.out.printf("whole flow (6 requests): p50 %.1f ms, p99 %.1f ms%n", pct(flows, 50), pct(flows, 99));
		for (String step : STEPS) {
			long[] s = stepNanos.get(step).stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("  %-10s p50 %6.1f ms  p99 %6.1f ms%n", step, pct(s, 50), pct(s, 99));
		}
	}

	static double pct(long[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

	static byte[] smallPdf() {
		String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
				+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
		return (body + "%" + "x".repeat(2000) + "\n").getBytes(StandardCharsets.ISO_8859_1);
	}

	/** One signed-in citizen with its own cookies. */
	static class Citizen {

		final String base;
		final HttpClient http;
		String csrf;

		Citizen(String base, String email, String password) throws Exception {
			this.base = base;
			this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
				.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
			csrf = token(get("/anmelden"));
			HttpResponse<String> login = post("/anmelden", form(Map.of("email", email, "password", password, "_csrf", csrf)));
			if (!String.valueOf(login.headers().firstValue("Location").orElse("")).contains("/portal")) {
				throw new IllegalStateException("sign-in refused: " + login.headers().firstValue("Location").orElse("?"));
			}
			csrf = token(get("/portal/antraege"));
		}

		void submitOnce(byte[] pdf) throws Exception {
			long flowStart = System.nanoTime();
			String id = prepare(pdf);
			submit(id);
			if (measuring) {
				flowNanos.add(System.nanoTime() - flowStart);
			}
		}

		void submit(String id) throws Exception {
			String receipt = timed("absenden", () -> post("/portal/antraege/" + id + "/absenden", form(Map.of("_csrf", csrf))));
			if (!receipt.endsWith("/eingangsbestaetigung")) {
				throw new IllegalStateException("not submitted: " + receipt);
			}
		}

		/** Starts a draft and fills all its steps; returns its id. */
		String prepare(byte[] pdf) throws Exception {
			String location = timed("start", () -> post("/portal/antraege", form(Map.of("leistung", "hund-anmelden", "_csrf", csrf))));
			String id = location.split("/")[location.split("/").length - 3];
			String step = "/portal/antraege/" + id + "/schritt/";
			timed("halter", () -> post(step + "halter", form(ordered("halter.vorname", "Erika", "halter.nachname", "Mustermann",
					"halter.geburtsdatum", "12.08.1964", "aktion", "weiter", "_csrf", csrf))));
			timed("anschrift", () -> post(step + "anschrift", form(ordered("anschrift.strasse", "Heidestraße",
					"anschrift.hausnummer", "17", "anschrift.plz", "51147", "anschrift.ort", "Musterstadt", "aktion", "weiter",
					"_csrf", csrf))));
			timed("hund", () -> post(step + "hund", form(ordered("hund.name", "Bello", "hund.rasse", "Labrador",
					"hund.geburtsdatum", "01.05.2022", "hund.chipnummer", "276098765432101", "hund.gehalten_seit", "01.03.2026",
					"hund.gefaehrlich", "false", "aktion", "weiter", "_csrf", csrf))));
			String done = timed("nachweise", () -> multipart(step + "nachweise?_csrf=" + enc(csrf), pdf));
			if (!done.endsWith("/pruefen")) {
				throw new IllegalStateException("steps incomplete: " + done);
			}
			return id;
		}

		interface Call {
			HttpResponse<String> run() throws Exception;
		}

		String timed(String name, Call call) throws Exception {
			long start = System.nanoTime();
			HttpResponse<String> response = call.run();
			long took = System.nanoTime() - start;
			if (response.statusCode() != 302) {
				throw new IllegalStateException(name + " answered " + response.statusCode());
			}
			if (measuring) {
				stepNanos.get(name).add(took);
			}
			return response.headers().firstValue("Location").orElse("");
		}

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String body) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> multipart(String path, byte[] pdf) throws Exception {
			String boundary = "----openrathaus" + System.nanoTime();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"aktion\"\r\n\r\nweiter\r\n").getBytes(StandardCharsets.UTF_8));
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"anlagen.sonstige\"; filename=\"heimtierausweis.pdf\"\r\n"
					+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.write(pdf);
			out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
		}

		static String token(HttpResponse<String> page) {
			Matcher m = CSRF.matcher(page.body());
			if (!m.find()) {
				throw new IllegalStateException("no CSRF token on page (status " + page.statusCode() + ")");
			}
			return m.group(1);
		}
	}

	static Map<String, String> ordered(String... keyValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put(keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

	static String form(Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
		return body.toString();
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
