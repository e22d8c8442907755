// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Prometheus metrics ({@code /actuator/prometheus}) are read by the monitoring system with the bearer
 * token {@code openrathaus.operations.metrics-token}, never with a person's session: this chain looks at no
 * session and creates none. Without a configured token nobody reads them (401).
 */
@Configuration(proxyBeanMethods = false)
class MetricsScrapeSecurity {

	static final String PROMETHEUS = "/actuator/prometheus";

	private static final String SCRAPE = "operations:scrape";

	@Bean
	@Order(0)
	SecurityFilterChain metricsScrape(HttpSecurity http, @Value("${openrathaus.operations.metrics-token:}") String token) throws Exception {
		http.securityMatcher(PROMETHEUS)
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(SCRAPE))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.addFilterBefore(new TokenFilter(token), AuthorizationFilter.class);
		return http.build();
	}

	private static final class TokenFilter extends OncePerRequestFilter {

		private final byte[] expected;

		TokenFilter(String token) {
			this.expected = ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
			if (token.isBlank()) {
				LoggerHolder.log.info("No openrathaus.operations.metrics-token configured: the Prometheus metrics are not readable");
			}
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			boolean configured = expected.length > "Bearer ".length();
			if (configured && header != null && MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8))) {
				SecurityContextHolder.getContext().setAuthentication(
						new PreAuthenticatedAuthenticationToken("monitoring", "n/a", List.of(new SimpleGrantedAuthority(SCRAPE))));
			}
			chain.doFilter(request, response);
		}
	}

	private static final class LoggerHolder {
		static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MetricsScrapeSecurity.class);
	}
}
