// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.openrathaus.payment.provider.PaymentProvider;
import de.openrathaus.payment.provider.Providers;
import de.openrathaus.tax.Money;
import de.openrathaus.tenancy.TenantContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkout initiations and confirmed payments per second through the XBezahldienste client against
 * the simulator on loopback HTTP (docs/benchmarks.md), with the share of the time spent in the
 * provider round trips. Each phase runs {@code THREADS} threads over {@code PAYMENTS} payment requests:
 * <ol>
 * <li>checkout: the payer's "pay now" ({@code POST /zahlung/forderung/<id>/bezahlen}): read the request,
 * store the payment CREATED, create the transaction at the provider over HTTP, store PENDING, redirect;</li>
 * <li>(not measured) the payer pays on the simulator's page;</li>
 * <li>confirmation: the payer's return ({@code GET /zahlung/<id>/rueckkehr}): status query at the
 * provider over HTTP, guarded SETTLED update, history and {@code PaymentSettled} in one transaction;</li>
 * <li>the provider alone: the same number of create and status calls straight through the client, at
 * the same concurrency, to measure the round trips' share.</li>
 * </ol>
 * Our own requests go through MockMvc (no Tomcat in front of them); the provider calls go over real
 * HTTP to the simulator on this server's port. Only runs with {@code -Dopenrathaus.bench=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {"openrathaus.payment.poll-interval=1h", "logging.level.de.openrathaus=warn"})
@AutoConfigureMockMvc
@EnabledIfSystemProperty(named = "openrathaus.bench", matches = "true")
class PaymentCheckoutBenchmark extends PaymentFlows {

	static final int PAYMENTS = Integer.getInteger("openrathaus.bench.payments", 1000);
	static final int THREADS = Integer.getInteger("openrathaus.bench.threads", 4);

	@Autowired
	PaymentRequests requests;

	@Autowired
	Providers providers;

	@Autowired
	TransactionTemplate tx;

	@Test
	void checkoutsAndConfirmationsPerSecond() throws Exception {
		String payer = accounts.idOf(citizenEmail).toString();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < PAYMENTS + 200; i++) {
			String subject = "bench:" + UUID.randomUUID();
			ids.add(TenantContext.callAs(accounts.tenant(), () -> tx.execute(s -> requests.demand(new PaymentRequests.Demand(subject, payer,
					null, "BENCH-" + subject.substring(6, 14), new Money(1530), "Benchmark " + subject.substring(6, 14), "Benchmark",
					List.of(new Payments.Item("bench", "Benchmark", 1, new Money(1530), new Money(1530), "1.00", "4311000")))).id())));
		}
		// the requests' mailbox messages and notification mails are made and sent before anything is measured
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(5)).until(() -> TenantContext.callAs(accounts.tenant(),
				() -> jdbc.sql("select count(*) from correspondence.mailbox_message where subject like 'Zahlungsaufforderung: BENCH-%'")
					.query(Long.class).single()) == ids.size()
				&& TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select count(*) from correspondence.outgoing_mail where status = 'PENDING'")
					.query(Long.class).single()) == 0);
		List<UUID> warmup = ids.subList(PAYMENTS, ids.size());
		List<UUID> measured = ids.subList(0, PAYMENTS);
		run(warmup, this::checkout);
		Phase checkout = run(measured, this::checkout);
		List<String> pages = checkout.results();
		run(pages, page -> payAtSimulator(page, "bezahlt-ohne-nachricht"));
		List<String> returns = pages.stream().map(p -> "/zahlung/" + paymentOf(p) + "/rueckkehr").toList();
		Phase confirm = run(returns, this::comeBack);
		long settled = TenantContext.callAs(accounts.tenant(), () -> jdbc.sql(
				"select count(*) from payment.payment where subject like 'bench:%' and status = 'SETTLED'").query(Long.class).single());
		assertThat(settled).isEqualTo(PAYMENTS);

		PaymentProvider provider = TenantContext.callAs(accounts.tenant(), () -> providers.current().orElseThrow());
		List<PaymentId> direct = new ArrayList<>();
		for (int i = 0; i < PAYMENTS; i++) {
			direct.add(PaymentId.random());
		}
		Phase create = run(direct, id -> provider.create(new PaymentProvider.Request(id, new Money(1530), "Benchmark", "Benchmark",
				List.of(new Payments.Item("bench", "Benchmark", 1, new Money(1530), new Money(1530), "1.00", "4311000")), payer,
				URI.create("http://localhost:" + port + "/zahlung/" + id + "/rueckkehr"), URI.create("http://localhost:" + port + "/n")))
			.providerRef());
		List<String> refs = create.results();
		List<Integer> positions = java.util.stream.IntStream.range(0, refs.size()).boxed().toList();
		Phase status = run(positions, i -> provider.status(refs.get(i), direct.get(i)).state().name());

		System.out.printf("%nPAYMENT BENCHMARK (%d payments, %d threads, %d cores)%n", PAYMENTS, THREADS,
				Runtime.getRuntime().availableProcessors());
		System.out.println(checkout.line("checkout initiations (POST /zahlung/forderung/<id>/bezahlen)"));
		System.out.println(confirm.line("confirmations (GET /zahlung/<id>/rueckkehr -> SETTLED)"));
		System.out.println(create.line("provider alone: create transaction (HTTP)"));
		System.out.println(status.line("provider alone: status query (HTTP)"));
		System.out.printf("share of provider round trips: checkout %.0f %%, confirmation %.0f %%%n",
				100.0 * create.meanMillis() / checkout.meanMillis(), 100.0 * status.meanMillis() / confirm.meanMillis());
	}

	String checkout(UUID request) throws Exception {
		return mvc.perform(post("/zahlung/forderung/" + request + "/bezahlen").session(citizen).with(csrf()).with(browser()))
			.andReturn().getResponse().getRedirectedUrl();
	}

	String paymentOf(String page) {
		String transaction = page.substring(page.lastIndexOf('/') + 1);
		return TenantContext.callAs(accounts.tenant(), () -> jdbc.sql("select id::text from payment.payment where provider_ref = ?")
			.param(transaction).query(String.class).single());
	}

	@Override
	String comeBack(String returnUrl) throws Exception {
		return mvc.perform(get(returnUrl).session(citizen).with(browser())).andReturn().getResponse().getRedirectedUrl();
	}

	interface Step<T, R> {
		R apply(T input) throws Exception;
	}

	record Phase(long[] nanos, long wallNanos, List<String> results) {

		double perSecond() {
			return nanos.length / (wallNanos / 1e9);
		}

		double meanMillis() {
			return Arrays.stream(nanos).average().orElse(0) / 1e6;
		}

		double percentileMillis(double p) {
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
		}

		String line(String what) {
			return String.format("%-62s %8.1f /s   mean %6.1f ms   p50 %6.1f ms   p99 %6.1f ms", what, perSecond(), meanMillis(),
					percentileMillis(0.5), percentileMillis(0.99));
		}
	}

	<T> Phase run(List<T> inputs, Step<T, ?> step) throws Exception {
		long[] nanos = new long[inputs.size()];
		String[] results = new String[inputs.size()];
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Callable<Void>> calls = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				calls.add(() -> {
					for (int i = thread; i < inputs.size(); i += THREADS) {
						int index = i;
						long start = System.nanoTime();
						Object result = TenantContext.callAs(accounts.tenant(), () -> step.apply(inputs.get(index)));
						nanos[index] = System.nanoTime() - start;
						results[index] = String.valueOf(result);
					}
					return null;
				});
			}
			long start = System.nanoTime();
			for (Future<Void> done : pool.invokeAll(calls)) {
				done.get();
			}
			return new Phase(nanos, System.nanoTime() - start, List.of(results));
		}
		finally {
			pool.shutdownNow();
		}
	}
}
