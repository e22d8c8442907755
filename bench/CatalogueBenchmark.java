// SPDX-License-Identifier: EUPL-1.2
// Catalogue benchmark (docs/benchmarks.md): generates workbooks of 5,000 processes with a fixed seed, uploads them to a
// running OpenRathaus as the demo reviewer and measures the import from upload to "taken over"; then, with 10,000
// processes in the catalogue, the ranking page. Needs Apache POI on the class path: run it with bench/catalogue.sh.

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
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

public class CatalogueBenchmark {

	static final String[] HEADINGS = {"Prozess-ID", "Fachbereich (Kürzel)", "Prozess", "Beschreibung", "Zielgruppen", "Art des Prozesses",
			"Personenbezogene Daten", "Besondere Kategorien (Art. 9 DSGVO)", "Fälle pro Jahr", "Gesetz fordert digitales Angebot",
			"Welches Gesetz", "Frist", "Automatisierungspotenzial", "Rechtsgrundlagen (Gesetz, Paragraph)", "IT-Verfahren",
			"Nutzen Bürgerinnen und Bürger (0–5)", "Nutzen Wirtschaft (0–5)", "Zeitersparnis je Fall (Minuten)", "Budget (Euro)",
			"Personalaufwand (Personentage)", "Umsetzbarkeit (0–5)"};
	static final String[] DEPARTMENTS = {"steuern", "buergerbuero", "ordnung", "organisation", "strassenverkehr", "bauaufsicht",
			"standesamt", "jugend", "soziales", "umwelt", "schule", "wirtschaft", "feuerwehr", "kultur", "personal"};
	static final String[] VERBS = {"beantragen", "anmelden", "abmelden", "ändern", "verlängern", "prüfen", "genehmigen", "bescheinigen"};
	static final String[] NOUNS = {"Erlaubnis", "Bescheinigung", "Zuschuss", "Ausweis", "Genehmigung", "Auskunft", "Anzeige", "Förderung"};

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://localhost:8080";
		Path folder = Path.of("target", "bench");
		Files.createDirectories(folder);
		byte[] first = generate("GA", 5000, 1);
		byte[] second = generate("GB", 5000, 2);
		Files.write(folder.resolve("catalogue-5000.xlsx"), first);
		System.out.printf("workbook: 5,000 processes, %,d bytes (target/bench/catalogue-5000.xlsx)%n", first.length);

		Session session = new Session(base, "organisation@musterstadt.example", "Demo-Passwort-2026");
		double importA = session.importWorkbook(first);
		System.out.printf("import of 5,000 new processes: %.2f s%n", importA);
		double importB = session.importWorkbook(second);
		System.out.printf("import of 5,000 more (10,000 in the catalogue): %.2f s%n", importB);
		double reimport = session.importWorkbook(first);
		System.out.printf("re-import of the first 5,000 (all unchanged): %.2f s%n", reimport);

		List<Double> times = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			long start = System.nanoTime();
			HttpResponse<String> page = session.get("/backoffice/priorisierung");
			times.add((System.nanoTime() - start) / 1e9);
			if (page.statusCode() != 200 || !page.body().contains("Die ersten 200 von")) {
				throw new IllegalStateException("ranking page: " + page.statusCode());
			}
		}
		double[] sorted = times.stream().skip(2).mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("ranking page with 10,000+ processes (rank, explain top 200, SVG of all): median %.2f s, max %.2f s (5 runs after 2 warm-up)%n",
				sorted[sorted.length / 2], sorted[sorted.length - 1]);
	}

	static byte[] generate(String prefix, int count, long seed) throws Exception {
		Random random = new Random(seed);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Prozesse");
			Row head = sheet.createRow(0);
			for (int c = 0; c < HEADINGS.length; c++) {
				head.createCell(c).setCellValue(HEADINGS[c]);
			}
			for (int i = 1; i <= count; i++) {
				Row row = sheet.createRow(i);
				boolean law = random.nextInt(3) == 0;
				String noun = NOUNS[random.nextInt(NOUNS.length)];
				Object[] values = {String.format("%s-%05d", prefix, i), DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
					noun + " " + VERBS[random.nextInt(VERBS.length)] + " (Nr. " + i + ")", "Generierter Prozess für den Lasttest",
					random.nextBoolean() ? "Bürger" : "Bürger, Wirtschaft", random.nextBoolean() ? "Output" : "Service",
					random.nextBoolean() ? "ja" : "nein", "nein", (double) random.nextInt(50_000), law ? "ja" : "nein", law ? "OZG" : "",
					law ? "31.12.2022" : "", new String[] {"kein", "teilweise", "vollständig"}[random.nextInt(3)], "§ 1 Beispielgesetz",
					"Fachverfahren " + (char) ('A' + random.nextInt(20)), (double) random.nextInt(6), (double) random.nextInt(6),
					(double) random.nextInt(60), (double) random.nextInt(300_000), (double) random.nextInt(300), (double) random.nextInt(6)};
				for (int c = 0; c < values.length; c++) {
					if (values[c] instanceof Double d) {
						row.createCell(c).setCellValue(d);
					}
					else {
						row.createCell(c).setCellValue((String) values[c]);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static class Session {

		static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
		final String base;
		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();

		Session(String base, String email, String password) throws Exception {
			this.base = base;
			String token = token(get("/anmelden").body());
			String form = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token);
			HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/anmelden"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (!login.headers().firstValue("Location").orElse("").contains("/backoffice")) {
				throw new IllegalStateException("sign-in refused");
			}
		}

		double importWorkbook(byte[] workbook) throws Exception {
			String token = token(get("/backoffice/katalog/import").body());
			String boundary = "----bench" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"tabelle\"; filename=\"katalog.xlsx\"\r\n"
					+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.write(workbook);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			long start = System.nanoTime();
			HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/backoffice/katalog/import"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
			String job = upload.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("upload: " + upload.statusCode()));
			while (true) {
				String page = get(job.replace(base, "")).body();
				if (page.contains("Die Tabelle ist übernommen")) {
					return (System.nanoTime() - start) / 1e9;
				}
				if (page.contains("Es wurde nichts übernommen")) {
					throw new IllegalStateException("import rejected: " + page.substring(Math.max(0, page.indexOf("<table")), Math.min(page.length(), page.indexOf("<table") + 2000)));
				}
				Thread.sleep(50);
			}
		}

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		static String token(String page) {
			Matcher m = CSRF.matcher(page);
			if (!m.find()) {
				throw new IllegalStateException("no CSRF token");
			}
			return m.group(1);
		}

		static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}
	}
}
