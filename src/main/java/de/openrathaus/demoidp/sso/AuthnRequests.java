// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import de.openrathaus.demoidp.metadata.ServiceProvider;
import de.openrathaus.demoidp.persons.Level;
import de.openrathaus.demoidp.persons.Provider;
import de.openrathaus.demoidp.xml.SamlNames;
import de.openrathaus.demoidp.xml.SecureXml;
import de.openrathaus.demoidp.xml.SecureXml.Unacceptable;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * Reads an AuthnRequest received by the redirect binding, after {@link SignedRedirects} checked it:
 * where the response must go (an assertion consumer service of the sender's metadata, HTTP-POST
 * only), the requested authentication context, the NameIDPolicy, IsPassive, and BundID's
 * {@code akdb:AuthenticationRequest} extension (requested attributes, the service's display name).
 */
@Component
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class AuthnRequests {

	private final SignedRedirects redirects;
	private final DemoIdpSettings settings;

	AuthnRequests(SignedRedirects redirects, DemoIdpSettings settings) {
		this.redirects = redirects;
		this.settings = settings;
	}

	ReceivedAuthnRequest read(Provider provider, @Nullable String query) {
		RedirectQuery received = RedirectQuery.parse(query, "SAMLRequest");
		Endpoints endpoints = Endpoints.of(provider, settings);
		SignedRedirects.Verified verified = redirects.verify(received, "AuthnRequest", endpoints.singleSignOn(), settings.requestMaxAge());
		Element request = verified.root();
		ServiceProvider sender = verified.sender();
		try {
			String binding = SecureXml.attribute(request, "ProtocolBinding");
			if (binding != null && !SamlNames.POST_BINDING.equals(binding)) {
				throw RedirectQuery.refused("demoidp.refused.binding");
			}
			String acs = sender.assertionConsumerService(SecureXml.attribute(request, "AssertionConsumerServiceURL"), index(request))
				.orElseThrow(() -> RedirectQuery.refused("demoidp.refused.assertionConsumer"));
			if (sender.encryptionCertificate().isEmpty()) {
				throw RedirectQuery.refused("demoidp.refused.encryption");
			}
			Element policy = SecureXml.child(request, SamlNames.PROTOCOL, "NameIDPolicy");
			String format = policy == null ? null : SecureXml.attribute(policy, "Format");
			Extension extension = extension(request);
			return new ReceivedAuthnRequest(provider, request.getAttributeNS(null, "ID"), sender, acs, verified.relayState(),
					levels(request), extension.attributes(), format, "true".equals(SecureXml.attribute(request, "IsPassive")),
					extension.displayName(), received.raw());
		}
		catch (Unacceptable e) {
			throw RedirectQuery.refused("demoidp.refused.malformed");
		}
	}

	private static @Nullable Integer index(Element request) {
		String index = SecureXml.attribute(request, "AssertionConsumerServiceIndex");
		if (index == null) {
			return null;
		}
		try {
			return Integer.valueOf(index.strip());
		}
		catch (NumberFormatException e) {
			throw RedirectQuery.refused("demoidp.refused.malformed");
		}
	}

	private static LevelRequirement levels(Element request) throws Unacceptable {
		Element context = SecureXml.child(request, SamlNames.PROTOCOL, "RequestedAuthnContext");
		if (context == null) {
			return LevelRequirement.ANY;
		}
		String comparison = SecureXml.attribute(context, "Comparison");
		comparison = comparison == null ? "exact" : comparison.strip();
		if (!Set.of("exact", "minimum", "maximum", "better").contains(comparison)) {
			throw RedirectQuery.refused("demoidp.refused.malformed");
		}
		EnumSet<Level> levels = EnumSet.noneOf(Level.class);
		for (Element reference : SecureXml.children(context, SamlNames.ASSERTION, "AuthnContextClassRef")) {
			Level.ofClassRef(SecureXml.text(reference)).ifPresent(levels::add);
		}
		return new LevelRequirement(true, comparison, levels);
	}

	private record Extension(List<ReceivedAuthnRequest.RequestedAttribute> attributes, @Nullable String displayName) {
	}

	/** BundID's {@code akdb:AuthenticationRequest} inside {@code samlp:Extensions}; other extensions are ignored. */
	private static Extension extension(Element request) throws Unacceptable {
		Element extensions = SecureXml.child(request, SamlNames.PROTOCOL, "Extensions");
		Element akdb = extensions == null ? null : SecureXml.child(extensions, SamlNames.AKDB, "AuthenticationRequest");
		if (akdb == null) {
			return new Extension(List.of(), null);
		}
		List<ReceivedAuthnRequest.RequestedAttribute> attributes = new ArrayList<>();
		Element requested = SecureXml.child(akdb, SamlNames.AKDB, "RequestedAttributes");
		if (requested != null) {
			for (Element attribute : SecureXml.children(requested, SamlNames.AKDB, "RequestedAttribute")) {
				String name = SecureXml.attribute(attribute, "Name");
				if (name == null || name.isBlank()) {
					throw RedirectQuery.refused("demoidp.refused.malformed");
				}
				attributes.add(new ReceivedAuthnRequest.RequestedAttribute(name.strip(),
						"true".equals(SecureXml.attribute(attribute, "RequiredAttribute"))));
			}
		}
		String displayName = null;
		Element display = SecureXml.child(akdb, SamlNames.AKDB, "DisplayInformation");
		if (display != null) {
			var names = display.getElementsByTagNameNS("*", "OrganizationDisplayName");
			if (names.getLength() > 0) {
				displayName = names.item(0).getTextContent().strip();
			}
		}
		return new Extension(attributes, displayName == null || displayName.isEmpty() ? null : displayName);
	}
}
