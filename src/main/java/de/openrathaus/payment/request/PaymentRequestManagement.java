// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import de.openrathaus.payment.PaymentReminded;
import de.openrathaus.payment.PaymentRequested;
import de.openrathaus.payment.PaymentRequests;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.tenancy.TenantContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment requests: made once per subject (the insert that wins publishes {@link PaymentRequested}),
 * reminded once per stage (the guarded update that wins publishes {@link PaymentReminded}). The due
 * date and the reminders are counted in the municipality's days (Europe/Berlin) from the clock.
 */
@Service
@EnableConfigurationProperties(PaymentRequestSettings.class)
class PaymentRequestManagement implements PaymentRequests {

	private static final Logger log = LoggerFactory.getLogger(PaymentRequestManagement.class);

	private final PaymentRequestStore store;
	private final PaymentRequestSettings settings;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;
	private final Clock clock;

	PaymentRequestManagement(PaymentRequestStore store, PaymentRequestSettings settings, ApplicationEventPublisher events,
			TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	@Transactional
	public PaymentRequestView demand(Demand demand) {
		Instant now = clock.instant();
		StoredRequest request = new StoredRequest(UUID.randomUUID(), demand.subject(), demand.payer(), demand.regarding(),
				demand.reference(), demand.amount(), demand.purpose(), demand.description(), demand.items(),
				today().plusDays(settings.dueDays()), 0, false);
		if (store.create(request, now)) {
			store.history("REQUESTED", "request " + request.id() + ": " + request.amount().cents() + " cents due " + request.dueOn(), now);
			events.publishEvent(new PaymentRequested(TenantContext.require(), request.id(), request.payer(), request.regarding(),
					request.reference(), request.amount(), request.purpose(), request.dueOn(), request.payPath()));
			log.info("Payment request {} made ({} cents)", request.id(), request.amount().cents());
		}
		return store.ofSubject(demand.subject()).orElseThrow().view();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PaymentRequestView> of(String subject) {
		return store.ofSubject(subject).map(StoredRequest::view);
	}

	Optional<StoredRequest> find(UUID id) {
		return tx.execute(status -> store.find(id));
	}

	/** Sends every reminder now due in the current municipality, each stage once; answers how many were sent. */
	int remindDue() {
		LocalDate today = today();
		int sent = 0;
		for (StoredRequest request : tx.execute(status -> store.overdue(today, 500))) {
			OptionalInt stage = request.reminderDue(settings, today);
			if (stage.isEmpty()) {
				continue;
			}
			Boolean reminded = tx.execute(status -> {
				Instant now = clock.instant();
				if (!store.reminded(request.id(), request.reminderStage(), stage.getAsInt(), now)) {
					return false;
				}
				store.history("REMINDED", "request " + request.id() + ": stage " + stage.getAsInt(), now);
				events.publishEvent(new PaymentReminded(TenantContext.require(), request.id(), request.payer(), request.regarding(),
						request.reference(), request.amount(), request.dueOn(), stage.getAsInt(), request.payPath()));
				return true;
			});
			if (Boolean.TRUE.equals(reminded)) {
				sent++;
			}
		}
		return sent;
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), MunicipalClock.ZONE);
	}
}
