// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** OpenRathaus: the e-government platform of a German municipality. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class OpenRathausApplication {

	public static void main(String[] args) {
		SpringApplication.run(OpenRathausApplication.class, args);
	}
}
