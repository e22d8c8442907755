// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import de.openrathaus.account.TrustLevel;

import org.junit.jupiter.api.Test;

/** The level mapping of the ADR, value by value, and that nothing unknown becomes a level. */
class AssuranceLevelsTests {

	@Test
	void storkEidasAndBundIdsWordsMapAsDocumented() {
		Map<String, TrustLevel> expected = Map.ofEntries(Map.entry("STORK-QAA-Level-1", TrustLevel.LOW),
				Map.entry("STORK-QAA-Level-2", TrustLevel.LOW), Map.entry("STORK-QAA-Level-3", TrustLevel.SUBSTANTIAL),
				Map.entry("STORK-QAA-Level-4", TrustLevel.HIGH), Map.entry("http://eidas.europa.eu/LoA/low", TrustLevel.LOW),
				Map.entry("http://eidas.europa.eu/LoA/substantial", TrustLevel.SUBSTANTIAL),
				Map.entry("http://eidas.europa.eu/LoA/high", TrustLevel.HIGH),
				Map.entry("http://eidas.europa.eu/LoA/NotNotified/substantial", TrustLevel.SUBSTANTIAL), Map.entry("NORMAL", TrustLevel.LOW),
				Map.entry("niedrig", TrustLevel.LOW), Map.entry("UNTERGEORDNET", TrustLevel.LOW), Map.entry("substantiell", TrustLevel.SUBSTANTIAL),
				Map.entry("SUBSTANZIELL", TrustLevel.SUBSTANTIAL), Map.entry("hoch", TrustLevel.HIGH), Map.entry(" HOCH ", TrustLevel.HIGH));
		expected.forEach((value, level) -> assertThat(AssuranceLevels.of(value)).as(value).contains(level));
		for (String unknown : List.of("STORK-QAA-Level-5", "urn:oasis:names:tc:SAML:2.0:ac:classes:Password", "", "mittel")) {
			assertThat(AssuranceLevels.of(unknown)).as(unknown).isEmpty();
		}
	}

	@Test
	void weAskForTheStorkLevelOfTheMinimum() {
		assertThat(AssuranceLevels.requested(TrustLevel.LOW)).isEqualTo("STORK-QAA-Level-1");
		assertThat(AssuranceLevels.requested(TrustLevel.SUBSTANTIAL)).isEqualTo("STORK-QAA-Level-3");
		assertThat(AssuranceLevels.requested(TrustLevel.HIGH)).isEqualTo("STORK-QAA-Level-4");
	}

	@Test
	void whenContextAndLevelAttributeDisagreeTheLowerCounts() throws SamlRefusal {
		String attribute = ResponseValidation.LEVEL_ATTRIBUTE;
		assertThat(ResponseValidation.level("STORK-QAA-Level-4", Map.of(attribute, List.of("STORK-QAA-Level-3")))).isEqualTo(TrustLevel.SUBSTANTIAL);
		assertThat(ResponseValidation.level("", Map.of(attribute, List.of("STORK-QAA-Level-4")))).isEqualTo(TrustLevel.HIGH);
		assertThat(ResponseValidation.level("STORK-QAA-Level-3", Map.of())).isEqualTo(TrustLevel.SUBSTANTIAL);
		assertThatThrownBy(() -> ResponseValidation.level("", Map.of())).isInstanceOf(SamlRefusal.class);
	}
}
