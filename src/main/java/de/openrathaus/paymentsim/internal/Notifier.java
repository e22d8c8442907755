// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.paymentsim.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/** Sends pmPayment's server-to-server notification, signed, at once or after a delay; once, as a real provider's first try. */
@Component
@ConditionalOnBooleanProperty("openrathaus.paymentsim.enabled")
class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
	private final SimulatorSettings settings;
	private final Clock clock;

	Notifier(SimulatorSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	void notifyNow(SimulatedTransaction transaction) {
		later.execute(() -> send(transaction));
	}

	void notifyLate(SimulatedTransaction transaction) {
		later.schedule(() -> send(transaction), settings.lateNotification().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The notification's fields, signed: what a provider would post. Public to tests through the form they can build the same way. */
	Map<String, String> fields(SimulatedTransaction t) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("ags", t.originator());
		fields.put("txid", t.id());
		fields.put("amount", String.valueOf(t.amountCents()));
		fields.put("currency", t.currency());
		fields.put("status", t.pmStatus());
		fields.put("payment_method", "giropay");
		fields.put("created_at", clock.instant().toString());
		fields.put("hash", SimulatorSignature.hmac(settings.pmpaymentSecret(), List.copyOf(fields.values())));
		return fields;
	}

	private void send(SimulatedTransaction transaction) {
		URI target = transaction.notifyTo();
		if (target == null) {
			return;
		}
		String body = fields(transaction).entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(15))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.discarding());
			log.info("Simulator notified {} for {}: HTTP {}", target.getPath(), transaction.id(), response.statusCode());
		}
		catch (java.io.IOException e) {
			log.warn("Simulator could not notify for {}: {}", transaction.id(), e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@PreDestroy
	void stop() {
		later.shutdownNow();
	}
}
