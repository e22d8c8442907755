// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** An amount in euro cents. */
public record Money(long cents) {

	public static final Money ZERO = new Money(0);

	public static Money euros(String amount) {
		return new Money(new BigDecimal(amount).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
	}

	public Money plus(Money other) {
		return new Money(Math.addExact(cents, other.cents));
	}

	/** This amount times {@code numerator / denominator}, rounded half up to the cent. */
	public Money times(long numerator, long denominator) {
		return new Money(BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(numerator))
			.divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).longValueExact());
	}

	/** German notation, e.g. {@code 156,00 €}. */
	public String format() {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.GERMANY);
		return format.format(BigDecimal.valueOf(cents, 2)).replace('\u00a0', ' ');
	}

	@Override
	public String toString() {
		return format();
	}
}
