// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.web;

import de.openrathaus.account.FederatedSignIn;
import de.openrathaus.identity.saml.SamlRefusal;
import de.openrathaus.identity.saml.SamlSession;
import de.openrathaus.identity.saml.ServiceProvider;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The service provider's protocol endpoints: the assertion consumer service (HTTP-POST binding), the
 * signed metadata, and single logout requested by the identity provider (HTTP-Redirect binding).
 */
@Controller
class SamlEndpointsController {

	static final MediaType METADATA = MediaType.parseMediaType("application/samlmetadata+xml");

	private final ServiceProvider serviceProvider;
	private final ObjectProvider<FederatedSignIn> federatedSignIn;
	private final RefusalPages refusals;

	/** {@code account} signs the browser in; without its federated sign-in this service provider answers "not available". */
	SamlEndpointsController(ServiceProvider serviceProvider, ObjectProvider<FederatedSignIn> federatedSignIn, RefusalPages refusals) {
		this.serviceProvider = serviceProvider;
		this.federatedSignIn = federatedSignIn;
		this.refusals = refusals;
	}

	/**
	 * The identity provider's answer. It arrives cross-site without our cookies and without a CSRF token
	 * (see {@link IdentityWebSecurity}); everything it says is validated before account hears of it.
	 */
	@PostMapping("/saml/acs")
	ModelAndView assertionConsumerService(@RequestParam(name = "SAMLResponse", required = false) @Nullable String samlResponse,
			HttpServletRequest request, HttpServletResponse response) {
		ServiceProvider.SignIn signIn;
		FederatedSignIn account = federatedSignIn.getIfAvailable();
		try {
			if (account == null) {
				throw new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "no federated sign-in in this application");
			}
			if (samlResponse == null || samlResponse.isBlank()) {
				throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "no SAMLResponse");
			}
			signIn = serviceProvider.consume(samlResponse);
		}
		catch (SamlRefusal refusal) {
			return refusals.page(refusal, "saml", response);
		}
		String next = account.signIn(signIn.identity(), signIn.requestedBy(), signIn.target(), request, response);
		HttpSession session = request.getSession(false);
		if (session != null && signIn.session() != null) {
			// the session account just established: remembered so that signing out ends it at the identity provider too
			session.setAttribute(SamlSession.ATTRIBUTE, signIn.session());
		}
		return RefusalPages.redirect(SignInStartController.localTarget(next));
	}

	/** The municipality's metadata for its identity providers, signed; 503 when this host has no address to name. */
	@GetMapping("/saml/metadata")
	ResponseEntity<byte[]> metadata(HttpServletResponse response) {
		try {
			return ResponseEntity.ok().contentType(METADATA).body(serviceProvider.metadata());
		}
		catch (SamlRefusal refusal) {
			refusals.page(refusal, "saml", response);
			return ResponseEntity.status(HttpServletResponse.SC_SERVICE_UNAVAILABLE).build();
		}
	}

	/**
	 * Single logout by redirect: an identity provider's LogoutRequest ends the session in this browser only if
	 * it names it (see {@link ServiceProvider#logoutRequested}) and is answered signed; the provider's
	 * LogoutResponse to our own logout lands on the start page once its signature verified. Anything unsigned
	 * or signed by another key is refused and changes nothing.
	 */
	@GetMapping("/saml/slo")
	ModelAndView singleLogout(@RequestParam(name = "SAMLRequest", required = false) @Nullable String logoutRequest,
			@RequestParam(name = "SAMLResponse", required = false) @Nullable String logoutResponse, HttpServletRequest request,
			HttpServletResponse response) {
		String query = request.getQueryString() == null ? "" : request.getQueryString();
		try {
			if (logoutRequest == null) {
				if (logoutResponse == null) {
					throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "neither SAMLRequest nor SAMLResponse");
				}
				serviceProvider.logoutAnswered(query);
				return RefusalPages.redirect("/?abgemeldet");
			}
			HttpSession session = request.getSession(false);
			SamlSession current = session != null && session.getAttribute(SamlSession.ATTRIBUTE) instanceof SamlSession saml ? saml : null;
			ServiceProvider.LogoutAnswer answer = serviceProvider.logoutRequested(query, current);
			if (answer.endsSession() && session != null) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
			return RefusalPages.redirect(answer.redirect());
		}
		catch (SamlRefusal refusal) {
			return refusals.page(refusal, "saml", response);
		}
	}
}
