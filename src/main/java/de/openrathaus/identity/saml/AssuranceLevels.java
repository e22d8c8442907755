// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.util.Locale;
import java.util.Optional;

import de.openrathaus.account.TrustLevel;

/**
 * How the levels identity providers speak map to our {@link TrustLevel} (ADR "SAML service
 * provider"): BundID's STORK-QAA-Level-1 and -2 are LOW (basic registration), -3 SUBSTANTIAL (e.g.
 * ELSTER certificate), -4 HIGH (eID of the ID card); the eIDAS level URIs low / substantial / high map
 * by name; the level words BundID puts on each attribute ({@code akdb:TrustLevel}) as well:
 * UNTERGEORDNET, NORMAL and NIEDRIG are LOW, SUBSTANTIELL (or substanziell) SUBSTANTIAL, HOCH HIGH.
 * Anything else is no level at all, never a guess.
 */
final class AssuranceLevels {

	static final String EIDAS = "http://eidas.europa.eu/LoA/";

	private AssuranceLevels() {
	}

	/** The STORK class reference we ask for as the minimum of a level. */
	static String requested(TrustLevel level) {
		return switch (level) {
			case LOW -> "STORK-QAA-Level-1";
			case SUBSTANTIAL -> "STORK-QAA-Level-3";
			case HIGH -> "STORK-QAA-Level-4";
		};
	}

	/** The level a class reference, eIDAS URI or level word stands for. */
	static Optional<TrustLevel> of(String value) {
		String level = value.trim();
		String lower = level.toLowerCase(Locale.ROOT);
		if (lower.startsWith("stork-qaa-level-")) {
			return switch (lower.substring("stork-qaa-level-".length())) {
				case "1", "2" -> Optional.of(TrustLevel.LOW);
				case "3" -> Optional.of(TrustLevel.SUBSTANTIAL);
				case "4" -> Optional.of(TrustLevel.HIGH);
				default -> Optional.empty();
			};
		}
		if (lower.startsWith(EIDAS.toLowerCase(Locale.ROOT))) {
			// also http://eidas.europa.eu/LoA/NotNotified/<level> of non-notified schemes
			lower = lower.substring(lower.lastIndexOf('/') + 1);
		}
		return switch (lower) {
			case "low", "niedrig", "normal", "untergeordnet", "basisregistrierung" -> Optional.of(TrustLevel.LOW);
			case "substantial", "substantiell", "substanziell" -> Optional.of(TrustLevel.SUBSTANTIAL);
			case "high", "hoch" -> Optional.of(TrustLevel.HIGH);
			default -> Optional.empty();
		};
	}
}
