// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.RequestOrigin;
import de.openrathaus.tenancy.TenantContext;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds every request to the municipality its host name belongs to, before security and any
 * controller run. Requests for hosts no municipality claims are refused unless a default
 * municipality is configured (single-city deployments). The actuator is bound too when its host
 * belongs to a municipality, so that an administrator's session stays valid there; probes by an
 * unclaimed host reach it without a municipality.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TenantResolutionFilter extends OncePerRequestFilter {

	static final String TENANT_ATTRIBUTE = "openrathaus.tenant";

	/** The municipality's slug in every log line of the request (structured logs: a field of its own). */
	static final String MDC_TENANT = "tenant";

	private final JdbcTenants tenants;
	private final TenancySettings settings;

	TenantResolutionFilter(JdbcTenants tenants, TenancySettings settings) {
		this.tenants = tenants;
		this.settings = settings;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean actuator = request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
		Optional<Tenant> tenant;
		try {
			tenant = resolve(request);
		}
		catch (DataAccessException e) {
			if (!actuator) {
				throw e;
			}
			// the database is down: liveness and readiness must still answer (readiness says DOWN itself)
			tenant = Optional.empty();
		}
		if (tenant.isEmpty() && actuator) {
			// probes of the platform (health, readiness) come by IP address or an internal name: no municipality, no refusal
			chain.doFilter(request, response);
			return;
		}
		if (tenant.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND, "Unknown municipality");
			return;
		}
		Tenant current = tenant.get();
		request.setAttribute(TENANT_ATTRIBUTE, current);
		try (TenantContext.Binding binding = TenantContext.open(current.id());
				TenantContext.Binding origin = RequestOrigin.open(origin(request, current));
				MDC.MDCCloseable logged = MDC.putCloseable(MDC_TENANT, current.slug())) {
			chain.doFilter(request, response);
		}
	}

	private Optional<Tenant> resolve(HttpServletRequest request) {
		Optional<Tenant> tenant = tenants.byHost(request.getServerName());
		if (tenant.isEmpty() && settings.defaultTenant() != null && !settings.defaultTenant().isBlank()) {
			tenant = tenants.bySlugCached(settings.defaultTenant());
		}
		return tenant;
	}

	/** Scheme, host and port of the request, if the municipality claims the host (a forged Host header never counts). */
	private static @Nullable String origin(HttpServletRequest request, Tenant tenant) {
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		if (!tenant.hosts().contains(host) || !host.matches("[a-z0-9.-]+")) {
			return null;
		}
		String scheme = "https".equalsIgnoreCase(request.getScheme()) ? "https" : "http";
		int port = request.getServerPort();
		boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}
}
