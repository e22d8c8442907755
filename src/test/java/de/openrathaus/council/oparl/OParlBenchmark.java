// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.council.oparl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import de.openrathaus.TestAccounts;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OParl requests per second and p95 against the running server on loopback (docs/benchmarks.md),
 * with {@code bench.papers} papers (default 100,000, each with one consultation), {@code bench.meetings}
 * meetings (10,000) and {@code bench.persons} persons (1,000) loaded, on {@code bench.threads} client
 * threads (default 4): (1) the first page of the paper list (100 per page), (2) single papers at
 * random, (3) paging on through the meeting list by {@code links.next}; and (4) a full crawl of every
 * list from {@code System} with 1,000 objects per page, timed. Not part of the test suite: run it with
 * {@code ./mvnw -B -o test -Dtest=OParlBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OParlBenchmark {

	static final int PAPERS = Integer.getInteger("bench.papers", 100_000);
	static final int MEETINGS = Integer.getInteger("bench.meetings", 10_000);
	static final int PERSONS = Integer.getInteger("bench.persons", 1_000);
	static final int THREADS = Integer.getInteger("bench.threads", 4);
	static final int REQUESTS = Integer.getInteger("bench.requests", 2_000);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void listAndObjectRequestsPerSecondAndAFullCrawl() throws Exception {
		long loading = System.nanoTime();
		List<UUID> papers = load();
		double loadSeconds = (System.nanoTime() - loading) / 1e9;
		String slug = tenants.all().stream().filter(t -> t.id().equals(accounts.tenant())).findFirst().orElseThrow().slug();
		String root = "http://localhost:" + port + "/oparl/v1";
		String paperList = root + "/body/" + slug + "/paper?limit=100";
		String meetingList = root + "/body/" + slug + "/meeting?limit=100";

		// warm-up
		measure(300, i -> i % 2 == 0 ? paperList : root + "/paper/" + papers.get(ThreadLocalRandom.current().nextInt(papers.size())));
		Result lists = measure(REQUESTS, i -> paperList);
		Result objects = measure(REQUESTS, i -> root + "/paper/" + papers.get(ThreadLocalRandom.current().nextInt(papers.size())));
		List<String> meetingPages = pages(meetingList, 100);
		Result paging = measure(Math.min(REQUESTS, meetingPages.size() * 10), i -> meetingPages.get(i % meetingPages.size()));

		long crawlStart = System.nanoTime();
		Crawl crawl = crawl(root);
		double crawlSeconds = (System.nanoTime() - crawlStart) / 1e9;
		assertThat(crawl.objects()).isGreaterThanOrEqualTo(PAPERS + MEETINGS + PERSONS);

		System.out.printf(Locale.ROOT, "BENCH papers=%d meetings=%d persons=%d threads=%d cores=%d requests=%d loaded in %.1f s%n", PAPERS,
				MEETINGS, PERSONS, THREADS, Runtime.getRuntime().availableProcessors(), REQUESTS, loadSeconds);
		System.out.printf(Locale.ROOT, "BENCH (1) paper list, first page of 100: %.0f/s, p50 %.1f ms, p95 %.1f ms%n", lists.rate(), lists.p50(), lists.p95());
		System.out.printf(Locale.ROOT, "BENCH (2) single paper: %.0f/s, p50 %.1f ms, p95 %.1f ms%n", objects.rate(), objects.p50(), objects.p95());
		System.out.printf(Locale.ROOT, "BENCH (3) meeting list pages by links.next: %.0f/s, p50 %.1f ms, p95 %.1f ms%n", paging.rate(), paging.p50(),
				paging.p95());
		System.out.printf(Locale.ROOT, "BENCH (4) full crawl of every list (1000 per page): %d pages, %d objects in %.1f s%n", crawl.pages(),
				crawl.objects(), crawlSeconds);
	}

	/** Papers, their consultations, meetings and persons, in the municipality the tests use; returns the papers' ids. */
	private List<UUID> load() {
		return TenantContext.callAs(accounts.tenant(), () -> {
			UUID council = jdbc.sql("select id from council.organization where not deleted order by created limit 1").query(UUID.class).single();
			jdbc.sql("""
					insert into council.person(id, given_name, family_name, created, modified)
					select gen_random_uuid(), 'Vorname' || n, 'Bench' || n, now() - n * interval '1 second', now() - n * interval '1 second'
					  from generate_series(1, ?) n""").param(PERSONS).update();
			jdbc.sql("""
					insert into council.meeting(id, organization_id, name, starts_at, ends_at, location, created, modified)
					select gen_random_uuid(), ?, 'Sitzung ' || n, now() - n * interval '1 day', now() - n * interval '1 day' + interval '3 hours',
					       'Rathaus, Raum ' || (n % 20), now() - n * interval '1 second', now() - n * interval '1 second'
					  from generate_series(1, ?) n""").params(council, MEETINGS).update();
			jdbc.sql("""
					insert into council.paper(id, reference, name, paper_type, paper_date, body_text, status, created, modified)
					select gen_random_uuid(), 'BENCH/' || n, 'Antrag zur Verkehrsberuhigung Nummer ' || n, 'MOTION', current_date - (n % 3000),
					       'Die Verwaltung wird beauftragt, zu prüfen und zu berichten.', 'IN_CONSULTATION',
					       now() - n * interval '1 second', now() - n * interval '1 second'
					  from generate_series(1, ?) n""").param(PAPERS).update();
			jdbc.sql("""
					insert into council.consultation(id, paper_id, position, organization_id, role, authoritative, created, modified)
					select gen_random_uuid(), p.id, 1, ?, 'DECISION', true, p.created, p.modified from council.paper p where p.reference like 'BENCH/%'""")
				.param(council).update();
			jdbc.sql("analyze council.paper, council.consultation, council.meeting, council.person").update();
			return jdbc.sql("select id from council.paper where reference like 'BENCH/%'").query(UUID.class).list();
		});
	}

	private record Result(double rate, double p50, double p95) {
	}

	private interface Target {
		String url(int i);
	}

	private Result measure(int n, Target target) throws Exception {
		long[] latencies = new long[n];
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					for (int i = thread; i < n; i += THREADS) {
						long begin = System.nanoTime();
						HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(target.url(i))).timeout(Duration.ofSeconds(30))
							.build(), HttpResponse.BodyHandlers.ofByteArray());
						latencies[i] = System.nanoTime() - begin;
						assertThat(response.statusCode()).isEqualTo(200);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		return new Result(n / seconds, latencies[n / 2] / 1e6, latencies[(int) (n * 0.95)] / 1e6);
	}

	/** The URLs of a list's pages, following links.next up to max pages. */
	private List<String> pages(String first, int max) throws Exception {
		List<String> urls = new ArrayList<>();
		String next = first;
		while (next != null && urls.size() < max) {
			urls.add(next);
			JsonNode page = get(next);
			next = page.path("links").has("next") ? page.path("links").path("next").asString() : null;
		}
		return urls;
	}

	private record Crawl(int pages, int objects) {
	}

	/** Follows System → Body → every list of the body, page by page, as a mirroring client does. */
	private Crawl crawl(String root) throws Exception {
		JsonNode system = get(root);
		JsonNode bodies = get(system.path("body").asString());
		int pages = 2;
		int objects = 0;
		Deque<String> lists = new ArrayDeque<>();
		Set<String> seen = new HashSet<>();
		for (JsonNode body : bodies.path("data")) {
			for (String list : List.of("organization", "person", "membership", "meeting", "agendaItem", "paper", "consultation", "file",
					"legislativeTermList", "locationList")) {
				if (body.has(list)) {
					lists.add(body.path(list).asString() + "?limit=1000");
				}
			}
		}
		while (!lists.isEmpty()) {
			String url = lists.poll();
			if (!seen.add(url)) {
				continue;
			}
			JsonNode page = get(url);
			pages++;
			objects += page.path("data").size();
			if (page.path("links").has("next")) {
				lists.addFirst(page.path("links").path("next").asString());
			}
		}
		return new Crawl(pages, objects);
	}

	private JsonNode get(String url) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return JSON.readTree(response.body());
	}
}
