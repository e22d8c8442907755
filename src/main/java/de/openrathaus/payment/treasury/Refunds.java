// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import de.openrathaus.account.SignedInUser;
import de.openrathaus.files.InputText;
import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.PaymentStatus;
import de.openrathaus.tax.Money;
import de.openrathaus.web.Refusal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds, full or partial, with a reason: one treasury member requests, another approves (the
 * requester never can), the treasury pays out and records it. The payment's row is locked while a
 * refund is requested, so two at once cannot together exceed what was paid. Every step is in the
 * payment's audit trail. Bad input is refused and changes nothing.
 */
@Service
@PreAuthorize("hasAuthority('payment:treasury')")
class Refunds {

	private static final Logger log = LoggerFactory.getLogger(Refunds.class);
	static final int REASON_MAX = 500;

	private final TreasuryStore store;
	private final Clock clock;

	Refunds(TreasuryStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Transactional
	UUID request(SignedInUser staff, PaymentId paymentId, String amountText, String reasonText) {
		Money amount = amount(amountText);
		String reason = InputText.nfc(reasonText).replaceAll("[\\p{Cc}&&[^\\n]]", "").strip();
		if (reason.isEmpty()) {
			throw Refusal.of("treasury.refund.reasonMissing");
		}
		if (reason.length() > REASON_MAX) {
			throw Refusal.of("treasury.refund.reasonTooLong", REASON_MAX);
		}
		Booked payment = store.lockPayment(paymentId).orElseThrow(() -> Refusal.of("treasury.payment.unknown"));
		if (payment.status() != PaymentStatus.SETTLED) {
			throw Refusal.of("treasury.refund.notSettled");
		}
		Money committed = store.committedRefunds(paymentId);
		long left = payment.amount().cents() - committed.cents();
		if (amount.cents() > left) {
			throw Refusal.of("treasury.refund.tooMuch", new Money(Math.max(0, left)).format());
		}
		Instant now = clock.instant();
		Refund refund = new Refund(UUID.randomUUID(), paymentId, amount, reason, Refund.Status.REQUESTED, staff.id(), now, null, null,
				null, null);
		store.insert(refund);
		store.audit(paymentId, "REFUND_REQUESTED", "refund " + refund.id() + ": " + amount.cents() + " cents by " + staff.id(), now);
		log.info("Refund {} of payment {} requested ({} cents)", refund.id(), paymentId, amount.cents());
		return refund.id();
	}

	@Transactional
	void approve(SignedInUser staff, UUID id) {
		Refund refund = store.lockRefund(id).orElseThrow(() -> Refusal.of("treasury.refund.unknown"));
		Refund.Status to = refund.approvedBy(staff.id());
		Instant now = clock.instant();
		if (!store.decide(id, to, staff.id(), now)) {
			throw Refusal.conflict("treasury.refund.notOpen");
		}
		store.audit(refund.payment(), "REFUND_APPROVED", "refund " + id + ": " + refund.amount().cents() + " cents by " + staff.id()
				+ ", to be paid out by the treasury (no provider refund)", now);
		log.info("Refund {} approved", id);
	}

	@Transactional
	void reject(SignedInUser staff, UUID id) {
		Refund refund = store.lockRefund(id).orElseThrow(() -> Refusal.of("treasury.refund.unknown"));
		Refund.Status to = refund.rejected();
		Instant now = clock.instant();
		if (!store.decide(id, to, staff.id(), now)) {
			throw Refusal.conflict("treasury.refund.notOpen");
		}
		store.audit(refund.payment(), "REFUND_REJECTED", "refund " + id + " by " + staff.id(), now);
	}

	@Transactional
	void paidOut(SignedInUser staff, UUID id) {
		Refund refund = store.lockRefund(id).orElseThrow(() -> Refusal.of("treasury.refund.unknown"));
		refund.paidOut();
		Instant now = clock.instant();
		if (!store.paidOut(id, staff.id(), now)) {
			throw Refusal.conflict("treasury.refund.notApproved");
		}
		store.audit(refund.payment(), "REFUND_PAID_OUT", "refund " + id + ": " + refund.amount().cents() + " cents by " + staff.id(), now);
	}

	/** Euros as people write them ({@code 12,50}, {@code 12.50}, {@code 12}): more than zero, at most cents. */
	static Money amount(String text) {
		String cleaned = text.strip().replace("€", "").strip().replace(',', '.');
		if (!cleaned.matches("[0-9]{1,9}(\\.[0-9]{1,2})?")) {
			throw Refusal.of("treasury.refund.amountInvalid");
		}
		Money amount = new Money(new BigDecimal(cleaned).movePointRight(2).longValueExact());
		if (amount.cents() <= 0) {
			throw Refusal.of("treasury.refund.amountInvalid");
		}
		return amount;
	}
}
