// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.Locale;

/**
 * The prioritisation criteria the board weighs: benefits count for a process, effort against it.
 * Their names are in the catalogue bundle under {@link #messageKey()}.
 */
enum Criterion {
	CITIZENS(Side.BENEFIT),
	BUSINESSES(Side.BENEFIT),
	CASE_VOLUME(Side.BENEFIT),
	TIME_SAVED(Side.BENEFIT),
	LEGAL_PRESSURE(Side.BENEFIT),
	BUDGET(Side.EFFORT),
	STAFF(Side.EFFORT),
	FEASIBILITY(Side.FEASIBILITY);

	enum Side {
		BENEFIT, EFFORT, FEASIBILITY
	}

	final Side side;

	Criterion(Side side) {
		this.side = side;
	}

	/** The key of the criterion's name in {@code i18n/catalogue.properties}. */
	public String messageKey() {
		return "ranking.criterion." + formName();
	}

	public String formName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
