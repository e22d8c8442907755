// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.springframework.stereotype.Component;

/** The base of links in mails (confirmation, password reset), on a host of the request's municipality. */
@Component
class MailLinks {

	private final Tenants tenants;

	MailLinks(Tenants tenants) {
		this.tenants = tenants;
	}

	/**
	 * Scheme, host and port for links in mails: the municipality's configured public address, else the
	 * request's. The host is taken from the request only if the
	 * municipality claims it; otherwise from the municipality's first host, so a forged Host header
	 * cannot put a foreign address into a mail.
	 */
	String base(HttpServletRequest request) {
		Tenant tenant = tenants.current();
		if (tenant.publicUrl() != null) {
			// the municipality's configured public address wins, as for every other mail (ADR 15)
			return tenant.publicUrl().replaceAll("/+$", "");
		}
		List<String> hosts = tenant.hosts();
		String host = hosts.contains(request.getServerName()) || hosts.isEmpty() ? request.getServerName() : hosts.getFirst();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(request.getScheme()) && port == 80) || ("https".equals(request.getScheme()) && port == 443);
		return request.getScheme() + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
	}
}
