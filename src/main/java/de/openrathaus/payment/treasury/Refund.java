// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import java.time.Instant;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.payment.PaymentId;
import de.openrathaus.tax.Money;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;

/**
 * A refund of (part of) a settled payment. Requested by one treasury member, approved or rejected by
 * another, then paid out by the treasury: neither provider protocol has a refund call, so the money
 * goes back by the treasury's own transfer, recorded here.
 */
record Refund(UUID id, PaymentId payment, Money amount, String reason, Status status, AccountId requestedBy, Instant requestedAt,
		@Nullable AccountId decidedBy, @Nullable Instant decidedAt, @Nullable AccountId paidOutBy, @Nullable Instant paidOutAt) {

	enum Status {
		REQUESTED, APPROVED, PAID_OUT, REJECTED;

		boolean counts() {
			return this != REJECTED;
		}
	}

	/** Approval by a second person only: the four-eyes principle, refused for the requester. */
	Status approvedBy(AccountId approver) {
		if (status != Status.REQUESTED) {
			throw Refusal.conflict("treasury.refund.notOpen");
		}
		if (approver.equals(requestedBy)) {
			throw Refusal.of("treasury.refund.fourEyes");
		}
		return Status.APPROVED;
	}

	Status rejected() {
		if (status != Status.REQUESTED) {
			throw Refusal.conflict("treasury.refund.notOpen");
		}
		return Status.REJECTED;
	}

	Status paidOut() {
		if (status != Status.APPROVED) {
			throw Refusal.conflict("treasury.refund.notApproved");
		}
		return Status.PAID_OUT;
	}
}
