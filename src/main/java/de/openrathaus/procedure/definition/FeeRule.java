// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.openrathaus.tax.Money;

import org.jspecify.annotations.Nullable;

/**
 * The administrative fee of a procedure type, in euro cents, with the legal basis the citizen is shown.
 * Fixed ({@code amountCents}), or per unit when {@code perUnit} names a form field holding a whole
 * number (e.g. years of validity), with reductions that apply when their condition holds (e.g. a
 * social pass, whose proof the form asks for with the same condition). {@code rates} set the unit price
 * by a rule over form values: the first rate whose condition holds replaces {@code amountCents} (e.g. a
 * no-parking zone on both sides of the street). {@code payment} says when it
 * is paid online: {@code before-submission} (the application is submitted only once the payment is
 * confirmed), {@code on-decision} (an approving decision sends a payment request with a due date to
 * the applicant's mailbox) or none (shown only, as before this rule could be paid).
 *
 * @param purpose the start of the purpose on the payer's statement, at most 14 characters (the reference follows)
 * @param costCentre the municipality's booking data for the treasury (cost centre, account)
 */
public record FeeRule(long amountCents, Text basis, @Nullable String perUnit, @Nullable List<Reduction> reductions,
		@Nullable String payment, @Nullable String purpose, @Nullable String costCentre, @Nullable String account,
		@Nullable List<Rate> rates) {

	public static final String BEFORE_SUBMISSION = "before-submission";
	public static final String ON_DECISION = "on-decision";

	public FeeRule {
		if (amountCents < 0) {
			throw new IllegalArgumentException("a fee cannot be negative");
		}
		reductions = reductions == null ? List.of() : List.copyOf(reductions);
		rates = rates == null ? List.of() : List.copyOf(rates);
		if (payment != null && !BEFORE_SUBMISSION.equals(payment) && !ON_DECISION.equals(payment)) {
			throw new IllegalArgumentException("fee payment must be " + BEFORE_SUBMISSION + " or " + ON_DECISION);
		}
		if (purpose != null && (purpose.isBlank() || purpose.length() > 14)) {
			throw new IllegalArgumentException("fee purpose must have 1-14 characters");
		}
		if (payment != null && (costCentre == null || account == null)) {
			throw new IllegalArgumentException("a fee paid online needs costCentre and account for the treasury");
		}
	}

	/** The fixed fee as it was: {@code new FeeRule(3060, basis)}. */
	public FeeRule(long amountCents, Text basis) {
		this(amountCents, basis, null, null, null, null, null, null, null);
	}

	/** Without rates: one unit price. */
	public FeeRule(long amountCents, Text basis, @Nullable String perUnit, @Nullable List<Reduction> reductions,
			@Nullable String payment, @Nullable String purpose, @Nullable String costCentre, @Nullable String account) {
		this(amountCents, basis, perUnit, reductions, payment, purpose, costCentre, account, null);
	}

	/** A unit price of {@code amountCents} while {@code when} holds, named for the citizen by {@code label}. */
	public record Rate(Condition when, long amountCents, Text label) {

		public Rate {
			if (amountCents < 0) {
				throw new IllegalArgumentException("a rate cannot be negative");
			}
		}
	}

	/** A reduction by {@code percent} while {@code when} holds, e.g. 50 % with a social pass. */
	public record Reduction(Condition when, int percent, Text label) {

		public Reduction {
			if (percent <= 0 || percent > 100) {
				throw new IllegalArgumentException("a reduction is 1-100 percent");
			}
		}
	}

	/** Whether the citizen pays online before the application is submitted. */
	public boolean paidBeforeSubmission() {
		return BEFORE_SUBMISSION.equals(payment);
	}

	/** Whether an approving decision asks the applicant to pay (a payment request with a due date). */
	public boolean paidOnDecision() {
		return ON_DECISION.equals(payment);
	}

	/** The amount in German notation, e.g. {@code 30,60 €} (the unit price where it is per unit). */
	public String amount() {
		return new Money(amountCents).format();
	}

	/**
	 * The fee for these answers: units times the unit price, then each reduction that applies, rounded
	 * half up to the cent. A unit field that holds no whole number from 1 to 99 counts as one unit
	 * (the form's own rules keep it in range).
	 */
	public Calculation calculate(Map<String, String> data) {
		int units = 1;
		if (perUnit != null) {
			try {
				units = Integer.parseInt(data.getOrDefault(perUnit, "1"));
			}
			catch (NumberFormatException e) {
				units = 1;
			}
			units = Math.max(1, Math.min(99, units));
		}
		Rate rate = rates.stream().filter(r -> r.when().holds(data)).findFirst().orElse(null);
		long unitCents = rate == null ? amountCents : rate.amountCents();
		Money gross = new Money(Math.multiplyExact(unitCents, (long) units));
		Money total = gross;
		List<Reduction> applied = new ArrayList<>();
		for (Reduction reduction : reductions) {
			if (reduction.when().holds(data)) {
				total = total.times(100 - reduction.percent(), 100);
				applied.add(reduction);
			}
		}
		return new Calculation(units, new Money(unitCents), gross, applied, total, rate);
	}

	/** What the fee comes to for one application; {@code rate} is the rate that set the unit price, if any. */
	public record Calculation(int units, Money unitPrice, Money gross, List<Reduction> reductions, Money total,
			@Nullable Rate rate) {
	}
}
