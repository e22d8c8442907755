// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id for the logs ({@code request_id} in the MDC, a field of its own in structured
 * logs) and answers it as {@code X-Request-Id}: the load balancer's id when it sent a plain one, else a
 * new one. Nothing else about the request goes into the MDC (no address, no user).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";
	static final String MDC_KEY = "request_id";

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
		response.setHeader(HEADER, id);
		try (MDC.MDCCloseable logged = MDC.putCloseable(MDC_KEY, id)) {
			chain.doFilter(request, response);
		}
	}
}
