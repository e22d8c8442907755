// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** While the database is unreachable the probes still answer; everything else fails loudly. */
class TenantResolutionFilterTests {

	final TenantResolutionFilter filter = new TenantResolutionFilter(new JdbcTenants(JdbcClient.create(new SimpleDriverDataSource(
			new org.postgresql.Driver(), "jdbc:postgresql://127.0.0.1:9/openrathaus?connectTimeout=2"))),
			new TenancySettings("", List.of()));

	@Test
	void probesPassWithoutAMunicipalityWhenTheDatabaseIsDown() throws Exception {
		MockHttpServletRequest probe = new MockHttpServletRequest("GET", "/actuator/health/liveness");
		probe.setServerName("10.0.0.7");
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(probe, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).as("the probe reached the endpoint").isNotNull();
	}

	@Test
	void pagesDoNotPassWithoutAMunicipality() {
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/leistungen");
		page.setServerName("10.0.0.7");
		MockFilterChain chain = new MockFilterChain();
		assertThatThrownBy(() -> filter.doFilter(page, new MockHttpServletResponse(), chain)).isInstanceOf(DataAccessException.class);
		assertThat(chain.getRequest()).isNull();
	}
}
