// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import de.openrathaus.demoidp.persons.Provider;
import de.openrathaus.tenancy.RequestOrigin;
import de.openrathaus.web.Refusal;

import org.springframework.http.HttpStatus;

/**
 * The names of one demo identity provider: its entity id is {@code <base>/demo-idp/<name>}, its
 * endpoints lie beneath. The base is the configured one, else the origin of the request, which the
 * tenant resolution binds only for a host a municipality claims (a forged Host header names no
 * identity provider).
 */
record Endpoints(String entityId) {

	static Endpoints of(Provider provider, DemoIdpSettings settings) {
		String base = settings.baseUrl() != null ? settings.baseUrl()
				: RequestOrigin.current().orElseThrow(() -> Refusal.of("demoidp.refused.host").withStatus(HttpStatus.NOT_FOUND));
		return new Endpoints(base + "/demo-idp/" + provider.path());
	}

	String singleSignOn() {
		return entityId + "/sso";
	}

	String singleLogout() {
		return entityId + "/slo";
	}

	String metadata() {
		return entityId + "/metadata";
	}
}
