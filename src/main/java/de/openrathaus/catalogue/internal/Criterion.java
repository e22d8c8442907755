// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

/** The prioritisation criteria the board weighs: benefits count for a process, effort against it. */
enum Criterion {
	CITIZENS(Side.BENEFIT, "Nutzen für Bürgerinnen und Bürger", "Benefit for citizens"),
	BUSINESSES(Side.BENEFIT, "Nutzen für die Wirtschaft", "Benefit for businesses"),
	CASE_VOLUME(Side.BENEFIT, "Fallzahl", "Case volume"),
	TIME_SAVED(Side.BENEFIT, "Zeitersparnis der Verwaltung", "Time saved by the administration"),
	LEGAL_PRESSURE(Side.BENEFIT, "Rechtlicher Druck", "Legal pressure"),
	BUDGET(Side.EFFORT, "Budget", "Budget"),
	STAFF(Side.EFFORT, "Personalaufwand", "Staff capacity"),
	FEASIBILITY(Side.FEASIBILITY, "Umsetzbarkeit", "Feasibility");

	enum Side {
		BENEFIT, EFFORT, FEASIBILITY
	}

	final Side side;
	final String labelDe;
	final String labelEn;

	Criterion(Side side, String labelDe, String labelEn) {
		this.side = side;
		this.labelDe = labelDe;
		this.labelEn = labelEn;
	}

	public String label(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? labelEn : labelDe;
	}

	public String formName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
