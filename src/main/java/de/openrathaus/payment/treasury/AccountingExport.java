// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.treasury;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.openrathaus.payment.Payments.Item;
import de.openrathaus.tax.Money;
import de.openrathaus.tenancy.MunicipalClock;
import de.openrathaus.web.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The booking export for the city's accounting software (format in docs/operations/accounting-export.md):
 * one row per booked item of every payment settled in the period and one per refund paid out,
 * amounts always positive with the kind of booking saying the direction, in cents and in euros.
 */
@Service
@PreAuthorize("hasAuthority('payment:treasury')")
class AccountingExport {

	/** The longest period one export covers: a year of a large town stays a file a spreadsheet still opens. */
	static final int MAX_DAYS = 366;

	static final String[] HEADER = {"Buchungsdatum", "Belegart", "Zahlungsreferenz", "Erstattungsreferenz", "Anbieter",
			"Anbieterreferenz", "Verwendungszweck", "Position", "Kostenstelle", "Haushaltsstelle", "Betrag_Cent", "Betrag_EUR"};

	static final String PAYMENT = "ZAHLUNG";
	static final String REFUND = "ERSTATTUNG";

	private final TreasuryStore store;

	AccountingExport(TreasuryStore store) {
		this.store = store;
	}

	/** The bookings of the days {@code from} to {@code to}, both included, in the municipality's time zone. */
	@Transactional(readOnly = true)
	byte[] csv(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw Refusal.of("treasury.export.period", MAX_DAYS);
		}
		Instant start = from.atStartOfDay(MunicipalClock.ZONE).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(MunicipalClock.ZONE).toInstant();
		Csv csv = new Csv().row((Object[]) HEADER);
		for (Booked payment : store.settled(start, end)) {
			LocalDate day = LocalDate.ofInstant(payment.settledAt(), MunicipalClock.ZONE);
			for (Item item : payment.items()) {
				csv.row(day, PAYMENT, payment.id(), "", payment.provider(), payment.providerRef() == null ? "" : payment.providerRef(),
						payment.purpose(), item.reference(), item.costCentre(), item.account(), item.total().cents(), euros(item.total()));
			}
		}
		for (Refund refund : store.paidOut(start, end)) {
			Booked payment = store.payment(refund.payment()).orElseThrow();
			LocalDate day = LocalDate.ofInstant(refund.paidOutAt(), MunicipalClock.ZONE);
			csv.row(day, REFUND, payment.id(), refund.id(), payment.provider(), payment.providerRef() == null ? "" : payment.providerRef(),
					payment.purpose(), payment.items().isEmpty() ? "" : payment.items().getFirst().reference(), payment.costCentre(),
					payment.account(), refund.amount().cents(), euros(refund.amount()));
		}
		return csv.bytes();
	}

	/** Euros with a decimal comma and two places, no thousands separator: {@code 1234,50}. */
	static String euros(Money money) {
		return BigDecimal.valueOf(money.cents(), 2).toPlainString().replace('.', ',');
	}

	static List<String> header() {
		return List.of(HEADER);
	}
}
