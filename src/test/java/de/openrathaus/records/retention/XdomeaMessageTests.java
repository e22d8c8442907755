// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import de.openrathaus.records.filing.CaseId;

import org.junit.jupiter.api.Test;

/** xdomea messages made at awkward moments still validate against the schema. */
class XdomeaMessageTests {

	@Test
	void anOfferListMadeOnTheFullMinuteCarriesItsSeconds() throws Exception {
		LocalDateTime fullMinute = LocalDateTime.of(2026, 11, 25, 19, 16, 0, 0);
		assertThat(XdomeaOfferList.timestamp(fullMinute)).isEqualTo("2026-11-25T19:16:00");
		assertThat(XdomeaOfferList.timestamp(fullMinute.withNano(987_654_321))).isEqualTo("2026-11-25T19:16:00");
		byte[] xml = XdomeaOfferList.xml(UUID.randomUUID(),
				new XdomeaOfferList.Parties("musterstadt", "Stadt Musterstadt", "stadtarchiv", "Stadtarchiv"),
				List.of(new XdomeaOfferList.Offered(CaseId.random(), "32.40/HUND-1", "Hundesteuer Bello", LocalDate.of(2010, 1, 4),
						LocalDate.of(2012, 3, 1))),
				fullMinute);
		assertThat(XdomeaIntegrationTests.validate(xml)).isEmpty();
	}
}
