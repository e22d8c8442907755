// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.web;

import de.openrathaus.identity.saml.SamlRefusal;
import de.openrathaus.tenancy.TenantContext;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The answer to every refused sign-in: a page that tells the citizen what happened and what to do
 * ({@code identity.refused.<reason>} in the identity bundle), and one log line with the reason code,
 * the registration and the municipality, never a value from the response. The log line is the audit
 * entry of a refusal (ADR "SAML service provider"); the counter {@code openrathaus.identity.refused}
 * per reason lets operations see an attack or a broken identity provider.
 */
@Component
class RefusalPages {

	private static final Logger log = LoggerFactory.getLogger(RefusalPages.class);

	private final MeterRegistry meters;

	RefusalPages(MeterRegistry meters) {
		this.meters = meters;
	}

	ModelAndView page(SamlRefusal refusal, String registration, HttpServletResponse response) {
		SamlRefusal.Reason reason = refusal.reason();
		log.warn("Sign-in refused: reason={} registration={} tenant={} ({})", reason.code(), registration,
				TenantContext.current().map(Object::toString).orElse("-"), refusal.getMessage());
		meters.counter("openrathaus.identity.refused", "reason", reason.code()).increment();
		response.setStatus(switch (reason) {
			case NOT_CONFIGURED -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
			case LEVEL_TOO_LOW -> HttpServletResponse.SC_FORBIDDEN;
			case NOT_SUCCESSFUL -> HttpServletResponse.SC_OK;
			case TOO_MANY_STARTED -> 429;
			default -> HttpServletResponse.SC_BAD_REQUEST;
		});
		if (reason == SamlRefusal.Reason.TOO_MANY_STARTED) {
			// started sign-ins expire after the request lifetime; a minute is a fair first wait
			response.setHeader("Retry-After", "60");
		}
		ModelAndView page = new ModelAndView("identity/refused");
		page.addObject("reason", reason.code());
		page.addObject("messageKey", "identity.refused." + reason.code());
		page.addObject("registration", registration);
		return page;
	}

	/** A redirect to a URL as it is (the SAML query must not be touched by template expansion). */
	static ModelAndView redirect(String url) {
		RedirectView view = new RedirectView(url);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		view.setContextRelative(url.startsWith("/"));
		return new ModelAndView(view);
	}
}
