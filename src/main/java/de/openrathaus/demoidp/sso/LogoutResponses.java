// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import de.openrathaus.demoidp.keys.SigningKey;
import de.openrathaus.demoidp.keys.SigningKeys;
import de.openrathaus.demoidp.metadata.ServiceProvider;
import de.openrathaus.demoidp.persons.Provider;
import de.openrathaus.demoidp.xml.SamlNames;
import de.openrathaus.demoidp.xml.SecureXml;
import de.openrathaus.demoidp.xml.Signatures;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Single logout started by a service provider (SAML 2.0 profiles 4.4): a signed LogoutRequest by
 * the redirect binding is answered with a LogoutResponse by the redirect binding, signed over the
 * query string, sent to the service provider's single logout service. The demo identity provider
 * keeps no session of its own (every sign-in asks for a test person again), so there is nothing
 * else to end and the answer is Success.
 */
@Component
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class LogoutResponses {

	private final SignedRedirects redirects;
	private final SigningKeys keys;
	private final DemoIdpSettings settings;
	private final Clock clock;

	LogoutResponses(SignedRedirects redirects, SigningKeys keys, DemoIdpSettings settings, Clock clock) {
		this.redirects = redirects;
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
	}

	/** The URL (the service provider's single logout service with the signed LogoutResponse) to send the browser to. */
	String answer(Provider provider, @Nullable String query) {
		RedirectQuery received = RedirectQuery.parse(query, "SAMLRequest");
		Endpoints endpoints = Endpoints.of(provider, settings);
		SignedRedirects.Verified verified = redirects.verify(received, "LogoutRequest", endpoints.singleLogout(), settings.requestMaxAge());
		if (SecureXml.children(verified.root(), SamlNames.ASSERTION, "NameID").size() != 1) {
			throw RedirectQuery.refused("demoidp.refused.malformed");
		}
		ServiceProvider sender = verified.sender();
		String destination = sender.singleLogoutService().orElseThrow(() -> RedirectQuery.refused("demoidp.refused.noLogoutService"));

		Document document = SecureXml.newDocument();
		Element response = document.createElementNS(SamlNames.PROTOCOL, "samlp:LogoutResponse");
		response.setAttributeNS(SamlNames.XMLNS, "xmlns:samlp", SamlNames.PROTOCOL);
		response.setAttributeNS(SamlNames.XMLNS, "xmlns:saml", SamlNames.ASSERTION);
		document.appendChild(response);
		response.setAttribute("ID", Responses.id());
		response.setAttribute("Version", "2.0");
		response.setAttribute("IssueInstant", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
		response.setAttribute("Destination", destination);
		response.setAttribute("InResponseTo", verified.root().getAttributeNS(null, "ID"));
		Element issuer = document.createElementNS(SamlNames.ASSERTION, "saml:Issuer");
		issuer.setAttribute("Format", SamlNames.NAMEID_ENTITY);
		issuer.setTextContent(endpoints.entityId());
		response.appendChild(issuer);
		Element status = document.createElementNS(SamlNames.PROTOCOL, "samlp:Status");
		Element code = document.createElementNS(SamlNames.PROTOCOL, "samlp:StatusCode");
		code.setAttribute("Value", SamlNames.STATUS_SUCCESS);
		status.appendChild(code);
		response.appendChild(status);

		String signed = "SAMLResponse=" + encode(SecureXml.deflateBase64(SecureXml.serialize(response)))
				+ (verified.relayState() == null ? "" : "&RelayState=" + encode(verified.relayState())) + "&SigAlg="
				+ encode(SamlNames.RSA_SHA256);
		SigningKey key = keys.of(provider.path());
		return destination + (destination.contains("?") ? "&" : "?") + signed + "&Signature="
				+ encode(Signatures.signRedirect(signed, key.privateKey()));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
