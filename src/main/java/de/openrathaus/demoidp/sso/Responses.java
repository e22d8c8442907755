// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import static de.openrathaus.demoidp.xml.SecureXml.add;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

import de.openrathaus.demoidp.keys.SigningKey;
import de.openrathaus.demoidp.keys.SigningKeys;
import de.openrathaus.demoidp.persons.Provider;
import de.openrathaus.demoidp.persons.TestPerson;
import de.openrathaus.demoidp.xml.Encryption;
import de.openrathaus.demoidp.xml.SamlNames;
import de.openrathaus.demoidp.xml.SecureXml;
import de.openrathaus.demoidp.xml.Signatures;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the Response to an AuthnRequest (SAML 2.0 core 3.3.3, Web Browser SSO profile 4.1.4.2):
 * on success one Assertion about the chosen test person, signed, then encrypted for the service
 * provider's encryption certificate, inside a signed Response; otherwise a signed Response with the
 * status that says why. Times come from the injected clock.
 */
@Component
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class Responses {

	private static final SecureRandom random = new SecureRandom();

	private final SigningKeys keys;
	private final DemoIdpSettings settings;
	private final Clock clock;

	Responses(SigningKeys keys, DemoIdpSettings settings, Clock clock) {
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
	}

	/** The Base64 of a signed Response carrying the encrypted, signed assertion about {@code person}. */
	String success(ReceivedAuthnRequest request, TestPerson person, Attributes attributes, String nameIdFormat) {
		Endpoints endpoints = Endpoints.of(request.provider(), settings);
		SigningKey key = keys.of(request.provider().path());
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant until = now.plus(settings.assertionLifetime());
		Document document = SecureXml.newDocument();
		Element response = response(document, request, endpoints, now, SamlNames.STATUS_SUCCESS, null);

		Element encrypted = add(response, SamlNames.ASSERTION, "saml:EncryptedAssertion");
		Element assertion = add(encrypted, SamlNames.ASSERTION, "saml:Assertion");
		// declared on the assertion itself: it is encrypted alone and must stand alone when decrypted
		assertion.setAttributeNS(SamlNames.XMLNS, "xmlns:saml", SamlNames.ASSERTION);
		assertion.setAttributeNS(SamlNames.XMLNS, "xmlns:akdb", SamlNames.AKDB);
		assertion.setAttribute("ID", id());
		assertion.setAttribute("Version", "2.0");
		assertion.setAttribute("IssueInstant", now.toString());
		Element issuer = add(assertion, SamlNames.ASSERTION, "saml:Issuer");
		issuer.setAttribute("Format", SamlNames.NAMEID_ENTITY);
		issuer.setTextContent(endpoints.entityId());

		Element subject = add(assertion, SamlNames.ASSERTION, "saml:Subject");
		Element nameId = add(subject, SamlNames.ASSERTION, "saml:NameID");
		nameId.setAttribute("Format", nameIdFormat);
		nameId.setAttribute("NameQualifier", endpoints.entityId());
		nameId.setAttribute("SPNameQualifier", request.serviceProvider().entityId());
		nameId.setTextContent(SamlNames.NAMEID_PERSISTENT.equals(nameIdFormat) ? person.identifier() : id());
		Element confirmation = add(subject, SamlNames.ASSERTION, "saml:SubjectConfirmation");
		confirmation.setAttribute("Method", SamlNames.BEARER);
		Element data = add(confirmation, SamlNames.ASSERTION, "saml:SubjectConfirmationData");
		data.setAttribute("NotOnOrAfter", until.toString());
		data.setAttribute("Recipient", request.assertionConsumer());
		data.setAttribute("InResponseTo", request.id());

		Element conditions = add(assertion, SamlNames.ASSERTION, "saml:Conditions");
		conditions.setAttribute("NotBefore", now.toString());
		conditions.setAttribute("NotOnOrAfter", until.toString());
		add(add(conditions, SamlNames.ASSERTION, "saml:AudienceRestriction"), SamlNames.ASSERTION, "saml:Audience")
			.setTextContent(request.serviceProvider().entityId());

		Element authn = add(assertion, SamlNames.ASSERTION, "saml:AuthnStatement");
		authn.setAttribute("AuthnInstant", now.toString());
		authn.setAttribute("SessionIndex", id());
		add(add(authn, SamlNames.ASSERTION, "saml:AuthnContext"), SamlNames.ASSERTION, "saml:AuthnContextClassRef")
			.setTextContent(person.level().storkClassRef());

		Element statement = add(assertion, SamlNames.ASSERTION, "saml:AttributeStatement");
		for (Attributes.Attribute value : attributes.values()) {
			Element attribute = add(statement, SamlNames.ASSERTION, "saml:Attribute");
			attribute.setAttribute("Name", value.name());
			attribute.setAttribute("NameFormat", SamlNames.ATTRNAME_URI);
			attribute.setAttribute("FriendlyName", value.friendlyName());
			attribute.setAttributeNS(SamlNames.AKDB, "akdb:TrustLevel", value.level().akdbTrustLevel());
			add(attribute, SamlNames.ASSERTION, "saml:AttributeValue").setTextContent(value.value());
		}

		Signatures.signEnveloped(assertion, issuer, key.privateKey(), key.certificate());
		Encryption.encryptInPlace(assertion, request.serviceProvider().encryptionCertificate().orElseThrow());
		return sign(response, key);
	}

	/** The Base64 of a signed Response that says why no one was authenticated (no assertion). */
	String failure(ReceivedAuthnRequest request, String secondLevelStatus) {
		Endpoints endpoints = Endpoints.of(request.provider(), settings);
		Document document = SecureXml.newDocument();
		Element response = response(document, request, endpoints, clock.instant().truncatedTo(ChronoUnit.SECONDS),
				SamlNames.STATUS_RESPONDER, secondLevelStatus);
		return sign(response, keys.of(request.provider().path()));
	}

	private static Element response(Document document, ReceivedAuthnRequest request, Endpoints endpoints, Instant now, String status,
			@Nullable String secondLevelStatus) {
		Element response = document.createElementNS(SamlNames.PROTOCOL, "samlp:Response");
		response.setAttributeNS(SamlNames.XMLNS, "xmlns:samlp", SamlNames.PROTOCOL);
		response.setAttributeNS(SamlNames.XMLNS, "xmlns:saml", SamlNames.ASSERTION);
		document.appendChild(response);
		response.setAttribute("ID", id());
		response.setAttribute("Version", "2.0");
		response.setAttribute("IssueInstant", now.toString());
		response.setAttribute("Destination", request.assertionConsumer());
		response.setAttribute("InResponseTo", request.id());
		Element issuer = add(response, SamlNames.ASSERTION, "saml:Issuer");
		issuer.setAttribute("Format", SamlNames.NAMEID_ENTITY);
		issuer.setTextContent(endpoints.entityId());
		Element code = add(add(response, SamlNames.PROTOCOL, "samlp:Status"), SamlNames.PROTOCOL, "samlp:StatusCode");
		code.setAttribute("Value", status);
		if (secondLevelStatus != null) {
			add(code, SamlNames.PROTOCOL, "samlp:StatusCode").setAttribute("Value", secondLevelStatus);
		}
		return response;
	}

	private static String sign(Element response, SigningKey key) {
		Element issuer = SecureXml.children(response, SamlNames.ASSERTION, "Issuer").getFirst();
		Signatures.signEnveloped(response, issuer, key.privateKey(), key.certificate());
		return Base64.getEncoder().encodeToString(SecureXml.serialize(response.getOwnerDocument()));
	}

	/** The NameID format for a request: the one asked for if this provider issues it, else its usual one; null if it cannot. */
	static @Nullable String nameIdFormat(Provider provider, @Nullable String requested) {
		if (requested == null || SamlNames.NAMEID_UNSPECIFIED.equals(requested)) {
			return provider == Provider.BUNDID ? SamlNames.NAMEID_TRANSIENT : SamlNames.NAMEID_PERSISTENT;
		}
		if (SamlNames.NAMEID_TRANSIENT.equals(requested) || SamlNames.NAMEID_PERSISTENT.equals(requested)) {
			return requested;
		}
		return null;
	}

	/** A fresh message or assertion ID: an NCName (never starts with a digit) with 128 random bits. */
	static String id() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return "_" + HexFormat.of().formatHex(bytes);
	}
}
