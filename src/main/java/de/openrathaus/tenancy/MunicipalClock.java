// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time of the municipalities this instance serves, all in Germany: the one {@link Clock}
 * every module injects (for "now", for legal dates such as a retention period's end, for the year
 * in a reference number) and the one place that names the zone Europe/Berlin. A test replaces
 * the bean to set the time; the architecture tests refuse {@code ZoneId.of} anywhere else.
 */
@Configuration(proxyBeanMethods = false)
public class MunicipalClock {

	/** Europe/Berlin; for formatters built once, where no clock is at hand. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}
}
