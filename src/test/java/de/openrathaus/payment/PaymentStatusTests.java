// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** The payment state machine: money is only ever booked from an open payment, and nothing leaves a final state. */
class PaymentStatusTests {

	@Test
	void onlyAPendingPaymentCanBeSettled() {
		for (PaymentStatus status : PaymentStatus.values()) {
			assertThat(status.canMoveTo(PaymentStatus.SETTLED)).as(status.name()).isEqualTo(status == PaymentStatus.PENDING);
		}
	}

	@Test
	void finalStatesAreNeverLeft() {
		for (PaymentStatus status : EnumSet.of(PaymentStatus.SETTLED, PaymentStatus.FAILED, PaymentStatus.CANCELLED)) {
			assertThat(status.isFinal()).isTrue();
			assertThat(status.isOpen()).isFalse();
			for (PaymentStatus target : PaymentStatus.values()) {
				assertThat(status.canMoveTo(target)).as(status + " -> " + target).isFalse();
			}
		}
	}

	@Test
	void aCreatedPaymentBecomesPendingOrFailsButIsNeverCancelledOrSettledDirectly() {
		assertThat(PaymentStatus.CREATED.next()).containsExactlyInAnyOrder(PaymentStatus.PENDING, PaymentStatus.FAILED);
		assertThat(PaymentStatus.PENDING.next()).containsExactlyInAnyOrder(PaymentStatus.SETTLED, PaymentStatus.FAILED,
				PaymentStatus.CANCELLED);
		assertThat(PaymentStatus.PENDING.canMoveTo(PaymentStatus.CREATED)).isFalse();
	}
}
