// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;

import de.openrathaus.TestAccounts;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** An operator can probe health without signing in; metrics are for administrators only. */
@SpringBootTest
@AutoConfigureMockMvc
class OperationsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	HealthEndpointGroups groups;

	@Autowired
	DataSource dataSource;

	@Test
	void healthIsUpWithoutSigningIn() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
	}

	@Test
	void metricsAreNotPublic() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer not-the-token")).andExpect(status().isUnauthorized());
	}

	@Test
	void anAdministratorsSessionDoesNotReadPrometheusAndSurvivesTheAttempt() throws Exception {
		MockHttpSession admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
		mvc.perform(get("/actuator/prometheus").session(admin)).andExpect(status().isUnauthorized());
		assertThat(admin.isInvalid()).isFalse();
		mvc.perform(get("/admin").session(admin)).andExpect(status().isOk());
	}

	@Test
	void aProbeByAnUnclaimedHostStillReachesHealth() throws Exception {
		mvc.perform(get("/actuator/health/liveness").with(request -> {
			request.setServerName("10.0.0.7");
			return request;
		})).andExpect(status().isOk());
	}

	@Test
	void readinessDependsOnTheDatabase() throws Exception {
		HealthEndpointGroup readiness = groups.get("readiness");
		assertThat(readiness).isNotNull();
		assertThat(readiness.isMember("db")).as("database in the readiness group").isTrue();
		assertThat(readiness.isMember("readinessState")).isTrue();
	}

	@Test
	void theDatabaseIndicatorOfTheReadinessGroupIsDownWhenNoConnectionCanBeMade() {
		// the same indicator type the readiness group includes, over a data source whose server is gone
		SimpleDriverDataSource gone = new SimpleDriverDataSource(new org.postgresql.Driver(), "jdbc:postgresql://127.0.0.1:9/openrathaus?connectTimeout=2");
		assertThat(new DataSourceHealthIndicator(gone, "select 1").health(true).getStatus()).isEqualTo(Status.DOWN);
		assertThat(new DataSourceHealthIndicator(dataSource, "select 1").health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void theMonitoringSystemReadsPrometheusMetricsWithItsToken() throws Exception {
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer test-metrics-token-not-a-secret"))
			.andExpect(status().isOk()).andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(Matchers.containsString("hikaricp_connections")));
	}
}
