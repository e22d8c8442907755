// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.persons;

import java.util.Locale;
import java.util.Optional;

/**
 * The trust levels (Vertrauensniveaus) BundID asserts, with the names it uses for them: the STORK
 * QAA level in the AuthnContextClassRef and the level attribute, the eIDAS level, and the
 * {@code akdb:TrustLevel} it writes on each attribute. STORK levels 1 and 2 are both "low".
 */
public enum Level {

	LOW(1, "UNTERGEORDNET", "http://eidas.europa.eu/LoA/low"),
	SUBSTANTIAL(3, "SUBSTANTIELL", "http://eidas.europa.eu/LoA/substantial"),
	HIGH(4, "HOCH", "http://eidas.europa.eu/LoA/high");

	private final int stork;
	private final String akdb;
	private final String eidas;

	Level(int stork, String akdb, String eidas) {
		this.stork = stork;
		this.akdb = akdb;
		this.eidas = eidas;
	}

	/** {@code STORK-QAA-Level-N}, as BundID names the level in the AuthnContextClassRef. */
	public String storkClassRef() {
		return "STORK-QAA-Level-" + stork;
	}

	/** BundID's per-attribute trust level. */
	public String akdbTrustLevel() {
		return akdb;
	}

	public String eidasClassRef() {
		return eidas;
	}

	public boolean atLeast(Level other) {
		return compareTo(other) >= 0;
	}

	/** The level an AuthnContextClassRef names (STORK QAA 1–4 or eIDAS), or empty for a class this provider does not know. */
	public static Optional<Level> ofClassRef(String classRef) {
		String value = classRef.strip();
		return switch (value) {
			case "STORK-QAA-Level-1", "STORK-QAA-Level-2" -> Optional.of(LOW);
			case "STORK-QAA-Level-3" -> Optional.of(SUBSTANTIAL);
			case "STORK-QAA-Level-4" -> Optional.of(HIGH);
			default -> {
				for (Level level : values()) {
					if (level.eidas.equals(value) || level.akdb.equals(value.toUpperCase(Locale.ROOT))) {
						yield Optional.of(level);
					}
				}
				yield Optional.empty();
			}
		};
	}
}
