// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Every log line of a request carries its municipality and a request id (for structured logs), and nothing is left behind. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LogContextIntegrationTests {

	static final AtomicReference<Map<String, String>> SEEN = new AtomicReference<>();

	@Autowired
	MockMvc mvc;

	@Test
	void theRequestIdAndTheMunicipalityAreInTheLogContext() throws Exception {
		mvc.perform(get("/anmelden").header("X-Request-Id", "lb-4711")).andExpect(status().isOk())
			.andExpect(header().string("X-Request-Id", "lb-4711"));
		assertThat(SEEN.get()).containsEntry("request_id", "lb-4711").containsEntry("tenant", "musterstadt");
		assertThat(MDC.getCopyOfContextMap() == null || !MDC.getCopyOfContextMap().containsKey("request_id")).isTrue();

		// an id that is not plain is replaced, never logged
		mvc.perform(get("/anmelden").header("X-Request-Id", "a b\nforged=1")).andExpect(status().isOk());
		assertThat(SEEN.get().get("request_id")).matches("[0-9a-f-]{36}");
	}

	@TestConfiguration
	static class Recorder {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		Filter logContextRecorder() {
			return (request, response, chain) -> {
				SEEN.set(MDC.getCopyOfContextMap());
				chain.doFilter(request, response);
			};
		}
	}
}
