// SPDX-License-Identifier: EUPL-1.2
// Load generator for the e-file (docs/benchmarks.md), run by bench/records.sh against a running server:
//  --mode api:    --clients threads call the records API with an API key for --seconds (after --warmup):
//                 list cases of a department, get a case, list a case's documents, get a document, create a
//                 case, add a document; median and p99 per call. Ids to read come from --ids (lines "kind id").
//  --mode search: --clients signed-in clerks run the full-text search page with a mix of queries, --rounds each.
//  --mode ingest: creates --cases cases, then uploads --documents PDFs of about 50 KB (text on every page) with
//                 --clients threads; prints the upload rate (text extraction is measured by the script).
//  --mode extract: no server: parses --documents of the same PDFs with Apache Tika in this process, one thread,
//                 and prints the time per PDF (the share of text extraction in the ingest). Needs Tika on the
//                 class path (records.sh puts the jar's libraries there); Tika is reached by reflection, so
//                 the other modes need nothing.
// No dependencies otherwise: the JDK's single-file source launcher and java.net.http.

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RecordsLoad {

	static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
	static final Pattern DOCUMENT = Pattern.compile("\"document\":\"([0-9a-f-]{36})\"");
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();
	static final AtomicLong failures = new AtomicLong();
	static final Map<String, AtomicLong> failuresByCall = new ConcurrentHashMap<>();
	static volatile boolean measuring;
	static volatile boolean running = true;

	static Map<String, String> options;
	static HttpClient http;
	static String base;

	public static void main(String[] args) throws Exception {
		options = new HashMap<>(Map.of("--base", "http://localhost:8080", "--clients", "16", "--seconds", "60", "--warmup", "15",
				"--mode", "api", "--rounds", "50", "--cases", "200", "--documents", "3000", "--department", "steuern"));
		options.put("--email", "steuern@musterstadt.example");
		options.put("--password", "Demo-Passwort-2026");
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		base = options.get("--base");
		http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
		switch (options.get("--mode")) {
			case "api" -> api();
			case "search" -> search();
			case "ingest" -> ingest();
			case "extract" -> extract();
			default -> throw new IllegalArgumentException("--mode api|search|ingest|extract");
		}
	}

	// ---------------------------------------------------------------- API

	static void api() throws Exception {
		String key = options.get("--key");
		Map<String, List<String>> ids = new HashMap<>();
		for (String line : Files.readAllLines(Path.of(options.get("--ids")))) {
			String[] parts = line.strip().split("\\s+");
			if (parts.length == 2) {
				ids.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
			}
		}
		List<String> cases = ids.get("case");
		List<String> documents = ids.get("document");
		List<String> files = ids.get("file");
		List<String> departments = ids.get("department");
		int clients = Integer.parseInt(options.get("--clients"));
		AtomicInteger serial = new AtomicInteger();
		String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			threads.add(Thread.ofPlatform().start(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				List<String> ownCases = new ArrayList<>();
				while (running) {
					int pick = random.nextInt(100);
					try {
						if (pick < 20) {
							String department = departments.get(random.nextInt(departments.size()));
							call("list cases", get("/api/v1/records/cases?department=" + department + "&status=CLOSED&size=20&page="
									+ random.nextInt(5), key), 200);
						}
						else if (pick < 40) {
							call("get case", get("/api/v1/records/cases/" + cases.get(random.nextInt(cases.size())), key), 200);
						}
						else if (pick < 60) {
							call("list documents", get("/api/v1/records/cases/" + cases.get(random.nextInt(cases.size())) + "/documents", key), 200);
						}
						else if (pick < 80) {
							call("get document", get("/api/v1/records/documents/" + documents.get(random.nextInt(documents.size())), key), 200);
						}
						else if (pick < 90 || ownCases.isEmpty()) {
							String file = files.get(random.nextInt(files.size()));
							String body = call("create case", HttpRequest.newBuilder(URI.create(base + "/api/v1/records/files/" + file + "/cases?reference=L"
									+ run + "-" + client + "-" + serial.incrementAndGet() + "&title=" + enc("Lasttest Vorgang")))
								.header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.noBody()).build(), 201);
							Matcher m = ID.matcher(body);
							if (m.find()) {
								ownCases.add(m.group(1));
							}
						}
						else {
							String recordCase = ownCases.get(random.nextInt(ownCases.size()));
							byte[] content = ("Vermerk " + run + " " + serial.incrementAndGet() + " zum Lasttest").getBytes(StandardCharsets.UTF_8);
							call("create document", multipart("/api/v1/records/cases/" + recordCase + "/documents", key, "vermerk.txt",
									"text/plain", content, null), 201);
						}
					}
					catch (Exception e) {
						failures.incrementAndGet();
					}
				}
			}));
		}
		measureFor(Integer.parseInt(options.get("--warmup")), Integer.parseInt(options.get("--seconds")));
		for (Thread t : threads) {
			t.join();
		}
		report();
	}

	// ---------------------------------------------------------------- search

	static final String[] QUERIES = {
		// rare: a surname and a word, an exact chip number prefix is not a word; medium and frequent words; inflections;
		// phrases and operators as clerks type them
		"Müller Hundesteuer", "Zimmermann", "Kühn Widerspruch", "Bergmann Fällgenehmigung", "Schreiber Bescheid",
		"Hunde", "Hundes", "Bescheide", "Gebühren", "Satzungen", "Widersprüche", "Genehmigungen",
		"\"Bescheid Hund\"", "Antrag -Gebühr", "Frist OR Mahnung", "Parkausweis Anwohner", "Lindenallee Baum",
		"Sondernutzung Gehweg Baustelle", "Eheschließung Urkunde", "Rückerstattung Kassenzeichen", "Ordnungswidrigkeit Bußgeld",
		"Wohngeld Einkommen Miete", "Brandschutz Feuerwehr Einsatz", "Vorlage Ausschuss Sitzung", "Mühlenweg",
		"gefährlich Rasse Sachkunde", "Kita Betreuung Zuschuss", "Gewerbeanmeldung Gaststätte", "Grabstätte Friedhof", "Musterstadt"
	};

	static void search() throws Exception {
		int clients = Integer.parseInt(options.get("--clients"));
		int rounds = Integer.parseInt(options.get("--rounds"));
		List<Thread> threads = new ArrayList<>();
		AtomicLong hits = new AtomicLong();
		for (int c = 0; c < clients; c++) {
			int client = c;
			HttpClient session = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
			signIn(session, options.get("--email"), options.get("--password"));
			threads.add(Thread.ofPlatform().unstarted(() -> {
				for (int r = 0; r < rounds; r++) {
					String q = QUERIES[(client * 7 + r) % QUERIES.length];
					try {
						long start = System.nanoTime();
						HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(base + "/backoffice/akten/suche?q=" + enc(q))).GET().build(),
								HttpResponse.BodyHandlers.ofString());
						long took = System.nanoTime() - start;
						if (response.statusCode() != 200) {
							throw new IllegalStateException("status " + response.statusCode());
						}
						if (r >= 2) {
							nanos.computeIfAbsent("search", k -> new ConcurrentLinkedQueue<>()).add(took);
						}
						hits.addAndGet(count(response.body(), "<mark>") > 0 ? 1 : 0);
					}
					catch (Exception e) {
						failures.incrementAndGet();
					}
				}
			}));
		}
		long start = System.nanoTime();
		threads.forEach(Thread::start);
		for (Thread t : threads) {
			t.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("searches with highlighted hits: %d; wall time %.1f s%n", hits.get(), seconds);
		report();
	}

	static void signIn(HttpClient session, String email, String password) throws Exception {
		String page = session.send(HttpRequest.newBuilder(URI.create(base + "/anmelden")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no sign-in form");
		}
		HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(base + "/anmelden"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		if (location.contains("fehler") || location.contains("gesperrt")) {
			throw new IllegalStateException("sign-in failed for " + email);
		}
	}

	// ---------------------------------------------------------------- ingest

	static void ingest() throws Exception {
		String key = options.get("--key");
		String file = options.get("--file");
		int clients = Integer.parseInt(options.get("--clients"));
		int caseCount = Integer.parseInt(options.get("--cases"));
		int documentCount = Integer.parseInt(options.get("--documents"));
		String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
		List<String> cases = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < caseCount; i++) {
			String body = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/records/files/" + file + "/cases?reference=I" + run + "-" + i
					+ "&title=" + enc("Eingangspost " + i))).header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.noBody()).build(), 201);
			Matcher m = ID.matcher(body);
			m.find();
			cases.add(m.group(1));
		}
		byte[][] pdfs = new byte[documentCount][];
		long bytes = 0;
		for (int i = 0; i < documentCount; i++) {
			pdfs[i] = pdf(run + " " + i, 50_000);
			bytes += pdfs[i].length;
		}
		System.out.printf("prepared %d cases and %d PDFs, %.1f KB on average%n", caseCount, documentCount, bytes / 1024.0 / documentCount);
		AtomicInteger next = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		System.out.println("upload-start-epoch-ms " + System.currentTimeMillis());
		for (int c = 0; c < clients; c++) {
			threads.add(Thread.ofPlatform().start(() -> {
				int i;
				while ((i = next.getAndIncrement()) < documentCount) {
					try {
						call("upload 50 KB PDF", multipart("/api/v1/records/cases/" + cases.get(i % cases.size()) + "/documents", key,
								"eingang-" + i + ".pdf", "application/pdf", pdfs[i], "Eingang " + i), 201);
					}
					catch (Exception e) {
						failures.incrementAndGet();
					}
				}
			}));
		}
		measuring = true;
		for (Thread t : threads) {
			t.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.println("upload-end-epoch-ms " + System.currentTimeMillis());
		System.out.printf("uploaded %d documents in %.1f s: %.0f documents/s accepted%n", documentCount, seconds, documentCount / seconds);
		report();
	}

	static void extract() throws Exception {
		int count = Integer.parseInt(options.get("--documents"));
		List<byte[]> documents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			documents.add(pdf("X" + i, 50_000));
		}
		Object parser = Class.forName("org.apache.tika.parser.AutoDetectParser").getConstructor().newInstance();
		Class<?> handlerType = Class.forName("org.apache.tika.sax.BodyContentHandler");
		Class<?> metadataType = Class.forName("org.apache.tika.metadata.Metadata");
		Class<?> contextType = Class.forName("org.apache.tika.parser.ParseContext");
		java.lang.reflect.Method parse = parser.getClass().getMethod("parse", java.io.InputStream.class, org.xml.sax.ContentHandler.class,
				metadataType, contextType);
		for (int round = 1; round <= 3; round++) {
			long characters = 0;
			long start = System.nanoTime();
			for (byte[] document : documents) {
				Object handler = handlerType.getConstructor(int.class).newInstance(2_000_000);
				parse.invoke(parser, new java.io.ByteArrayInputStream(document), handler, metadataType.getConstructor().newInstance(),
						contextType.getConstructor().newInstance());
				characters += handler.toString().length();
			}
			System.out.printf("round %d: %d PDFs of about 50 KB parsed in %.2f ms each (one thread), %d characters of text each%n", round,
					count, (System.nanoTime() - start) / 1e6 / count, characters / count);
		}
	}

	/** A PDF of about {@code size} bytes: pages of German text in Helvetica, uncompressed, with a correct xref table. */
	static byte[] pdf(String marker, int size) {
		String[] words = {"Antrag", "Bescheid", "Hundesteuer", "Satzung", "Widerspruch", "Frist", "Gebuehr", "Anlage", "Nachweis",
			"Verwaltung", "Stadt", "Musterstadt", "Eingang", "Schreiben", "Pruefung", "Entscheidung", "Zahlung", "Grundstueck"};
		ThreadLocalRandom random = ThreadLocalRandom.current();
		List<String> pages = new ArrayList<>();
		int total = 0;
		while (total < size - 1500) {
			StringBuilder content = new StringBuilder("BT /F1 10 Tf 50 780 Td 12 TL\n");
			for (int line = 0; line < 60; line++) {
				StringBuilder text = new StringBuilder(line == 0 ? "Vorgang " + marker + " " : "");
				while (text.length() < 85) {
					text.append(words[random.nextInt(words.length)]).append(' ');
				}
				content.append('(').append(text).append(") Tj T*\n");
			}
			content.append("ET");
			pages.add(content.toString());
			total += content.length() + 200;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<Integer> offsets = new ArrayList<>();
		int objects = 3 + pages.size() * 2; // numbered 1 to objects; the xref table has one more entry, the free object 0
		write(out, "%PDF-1.4\n");
		offsets.add(out.size());
		write(out, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
		StringBuilder kids = new StringBuilder();
		for (int p = 0; p < pages.size(); p++) {
			kids.append(4 + p * 2).append(" 0 R ");
		}
		offsets.add(out.size());
		write(out, "2 0 obj << /Type /Pages /Kids [" + kids + "] /Count " + pages.size() + " >> endobj\n");
		offsets.add(out.size());
		write(out, "3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
		for (int p = 0; p < pages.size(); p++) {
			int page = 4 + p * 2;
			offsets.add(out.size());
			write(out, page + " 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents "
					+ (page + 1) + " 0 R >> endobj\n");
			byte[] stream = pages.get(p).getBytes(StandardCharsets.ISO_8859_1);
			offsets.add(out.size());
			write(out, (page + 1) + " 0 obj << /Length " + stream.length + " >> stream\n");
			out.writeBytes(stream);
			write(out, "\nendstream endobj\n");
		}
		int xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects + 1) + "\n0000000000 65535 f \n");
		for (int offset : offsets) {
			table.append(String.format("%010d 00000 n \n", offset));
		}
		write(out, table + "trailer << /Size " + (objects + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
		return out.toByteArray();
	}

	static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	// ---------------------------------------------------------------- plumbing

	static HttpRequest get(String path, String key) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key).GET().build();
	}

	static HttpRequest multipart(String path, String key, String filename, String type, byte[] content, String title) {
		String boundary = "----bench" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (title != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n");
			body.writeBytes(title.getBytes(StandardCharsets.UTF_8));
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\nContent-Type: "
				+ type + "\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
	}

	static String call(String name, HttpRequest request, int expected) throws Exception {
		long start = System.nanoTime();
		try {
			String body = send(request, expected);
			if (measuring) {
				nanos.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
			}
			return body;
		}
		catch (Exception e) {
			failuresByCall.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
			throw e;
		}
	}

	static String send(HttpRequest request, int expected) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	static void measureFor(int warmup, int seconds) throws InterruptedException {
		Thread.sleep(warmup * 1000L);
		measuring = true;
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		measuring = false;
		running = false;
		System.out.printf("measured %.1f s%n", (System.nanoTime() - start) / 1e9);
		measuredSeconds = (System.nanoTime() - start) / 1e9;
	}

	static double measuredSeconds;

	static void report() {
		System.out.printf("%-20s %8s %8s %8s %8s %8s %8s%n", "call", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms");
		long all = 0;
		for (Map.Entry<String, ConcurrentLinkedQueue<Long>> entry : new TreeMap<>(nanos).entrySet()) {
			List<Long> values = new ArrayList<>(entry.getValue());
			Collections.sort(values);
			all += values.size();
			System.out.printf("%-20s %8d %8s %8.1f %8.1f %8.1f %8.1f%n", entry.getKey(), values.size(),
					measuredSeconds > 0 ? String.format("%.0f", values.size() / measuredSeconds) : "-",
					pct(values, 0.50), pct(values, 0.95), pct(values, 0.99), values.getLast() / 1e6);
		}
		if (measuredSeconds > 0) {
			System.out.printf("all calls: %.0f per s%n", all / measuredSeconds);
		}
		System.out.println("failures: " + failures.get() + (failuresByCall.isEmpty() ? "" : " " + failuresByCall));
	}

	static double pct(List<Long> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
	}

	static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
