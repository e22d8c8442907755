// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import de.openrathaus.account.AccountId;
import de.openrathaus.payment.PaymentId;
import de.openrathaus.tax.Money;
import de.openrathaus.web.Refusal;

import org.junit.jupiter.api.Test;

/** A refund's own rules: four eyes, one decision, paid out only once approved; amounts as people type them. */
class RefundTests {

	AccountId karl = AccountId.random();
	AccountId klara = AccountId.random();

	Refund requested = new Refund(UUID.randomUUID(), PaymentId.random(), new Money(400), "Grund", Refund.Status.REQUESTED, karl,
			Instant.EPOCH, null, null, null, null);

	@Test
	void theRequesterCannotApproveASecondPersonCan() {
		assertThatThrownBy(() -> requested.approvedBy(karl)).isInstanceOf(Refusal.class).hasMessageContaining("fourEyes");
		assertThat(requested.approvedBy(klara)).isEqualTo(Refund.Status.APPROVED);
	}

	@Test
	void aDecidedRefundIsNotDecidedAgainAndOnlyAnApprovedOneIsPaidOut() {
		Refund approved = new Refund(requested.id(), requested.payment(), requested.amount(), "Grund", Refund.Status.APPROVED, karl,
				Instant.EPOCH, klara, Instant.EPOCH, null, null);
		assertThatThrownBy(() -> approved.approvedBy(klara)).isInstanceOf(Refusal.class);
		assertThatThrownBy(approved::rejected).isInstanceOf(Refusal.class);
		assertThatThrownBy(requested::paidOut).isInstanceOf(Refusal.class);
		assertThat(approved.paidOut()).isEqualTo(Refund.Status.PAID_OUT);
	}

	@Test
	void amountsAreEurosWithCommaOrPointAndAtMostCents() {
		assertThat(Refunds.amount("12,50").cents()).isEqualTo(1250);
		assertThat(Refunds.amount(" 12.5 € ").cents()).isEqualTo(1250);
		assertThat(Refunds.amount("7").cents()).isEqualTo(700);
		for (String bad : new String[] {"", "0", "0,00", "-1", "1,234", "abc", "1e3", "1.000,00"}) {
			assertThatThrownBy(() -> Refunds.amount(bad)).as(bad).isInstanceOf(Refusal.class);
		}
	}
}
