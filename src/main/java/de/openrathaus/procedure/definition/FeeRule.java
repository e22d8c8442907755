// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

/** A fixed administrative fee in euro cents, with the legal basis the citizen is shown. */
public record FeeRule(long amountCents, Text basis) {

	public FeeRule {
		if (amountCents < 0) {
			throw new IllegalArgumentException("a fee cannot be negative");
		}
	}

	/** The amount in German notation, e.g. {@code 30,60 €}. */
	public String amount() {
		return java.text.NumberFormat.getCurrencyInstance(java.util.Locale.GERMANY)
			.format(java.math.BigDecimal.valueOf(amountCents, 2)).replace('\u00a0', ' ');
	}
}
