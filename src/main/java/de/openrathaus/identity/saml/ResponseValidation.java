// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.openrathaus.account.TrustLevel;
import de.openrathaus.identity.config.IdentitySettings;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Validates a response of the HTTP-POST binding completely before anything of it is used: structure
 * (one Response, exactly one assertion, unique IDs), the sign-in it answers (server-side state), the
 * identity provider's signature over the response or the assertion (its metadata certificate only),
 * decryption, issuer, destination and recipient, audience, time window with at most the configured
 * skew, and the asserted level against the minimum asked for. Stateless apart from the lookups it is
 * given; the replay check follows in {@link ServiceProvider}.
 */
final class ResponseValidation {

	static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
	static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
	/** BundID's attribute with the level of the identification, besides the AuthnContextClassRef. */
	static final String LEVEL_ATTRIBUTE = "urn:oid:1.2.40.0.10.2.1.1.261.94";
	static final int MAX_RESPONSE_CHARACTERS = 512 * 1024;

	/** Where a response must point and what it must be for. */
	record Expectations(String assertionConsumerUrl, String entityId, PrivateKey decryptionKey, Instant now, Duration skew) {
	}

	/** The server-side state a response is checked against. */
	interface Lookups {

		PendingSignIn pending(String requestId) throws SamlRefusal;

		IdentityProvider provider(String registration) throws SamlRefusal;

		IdentitySettings.Registration registration(String registration) throws SamlRefusal;
	}

	private ResponseValidation() {
	}

	static ValidatedResponse validate(String samlResponse, Expectations expected, Lookups lookups) throws SamlRefusal {
		Document document = SamlXml.parse(decode(samlResponse));
		Element response = document.getDocumentElement();
		if (!SamlXml.PROTOCOL.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())
				|| !"2.0".equals(response.getAttribute("Version"))) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "not a SAML 2.0 Response");
		}
		SamlXml.registerIds(document);

		String requestId = response.getAttribute("InResponseTo");
		if (requestId.isBlank()) {
			throw new SamlRefusal(SamlRefusal.Reason.UNKNOWN_REQUEST, "unsolicited response");
		}
		PendingSignIn pending = lookups.pending(requestId);
		IdentityProvider provider = lookups.provider(pending.registration());
		IdentitySettings.Registration registration = lookups.registration(pending.registration());

		if (!expected.assertionConsumerUrl().equals(response.getAttribute("Destination"))) {
			throw new SamlRefusal(SamlRefusal.Reason.WRONG_DESTINATION, "Destination");
		}
		Optional<Element> responseIssuer = SamlXml.child(response, SamlXml.ASSERTION, "Issuer");
		if (responseIssuer.isPresent() && !provider.entityId().equals(SamlXml.text(responseIssuer.get()))) {
			throw new SamlRefusal(SamlRefusal.Reason.WRONG_ISSUER, "response issuer");
		}
		checkStatus(response);

		List<Element> plain = SamlXml.children(response, SamlXml.ASSERTION, "Assertion");
		List<Element> encrypted = SamlXml.children(response, SamlXml.ASSERTION, "EncryptedAssertion");
		if (plain.size() + encrypted.size() != 1 || SamlXml.count(document, SamlXml.ASSERTION, "Assertion") != plain.size()
				|| SamlXml.count(document, SamlXml.ASSERTION, "EncryptedAssertion") != encrypted.size()) {
			throw new SamlRefusal(SamlRefusal.Reason.WRAPPED, "not exactly one assertion");
		}

		// the response's signature covers the assertion as it arrived (encrypted or not): verify before decrypting
		Optional<Element> responseSignature = EnvelopedSignatures.signatureOf(response);
		if (responseSignature.isPresent()) {
			EnvelopedSignatures.verify(response, responseSignature.get(), provider.signingCertificates());
		}
		Element assertion;
		if (!encrypted.isEmpty()) {
			assertion = AssertionDecryption.decrypt(encrypted.get(0), expected.decryptionKey());
		}
		else if (registration.encryptionRequired()) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_DECRYPTABLE, "assertion not encrypted");
		}
		else {
			assertion = plain.get(0);
		}
		Optional<Element> assertionSignature = EnvelopedSignatures.signatureOf(assertion);
		if (assertionSignature.isPresent()) {
			EnvelopedSignatures.verify(assertion, assertionSignature.get(), provider.signingCertificates());
		}
		if (responseSignature.isEmpty() && assertionSignature.isEmpty()) {
			throw new SamlRefusal(SamlRefusal.Reason.UNSIGNED, "neither response nor assertion signed");
		}
		return checkAssertion(assertion, pending, provider, expected);
	}

	private static byte[] decode(String samlResponse) throws SamlRefusal {
		if (samlResponse.length() > MAX_RESPONSE_CHARACTERS) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "response too large");
		}
		try {
			return Base64.getMimeDecoder().decode(samlResponse);
		}
		catch (IllegalArgumentException e) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, e);
		}
	}

	private static void checkStatus(Element response) throws SamlRefusal {
		Element status = SamlXml.single(response, SamlXml.PROTOCOL, "Status", SamlRefusal.Reason.MALFORMED);
		Element code = SamlXml.single(status, SamlXml.PROTOCOL, "StatusCode", SamlRefusal.Reason.MALFORMED);
		if (!SUCCESS.equals(code.getAttribute("Value"))) {
			// the status code is a protocol URI, no personal data: it goes to the log
			String second = SamlXml.child(code, SamlXml.PROTOCOL, "StatusCode").map(c -> " / " + c.getAttribute("Value")).orElse("");
			throw new SamlRefusal(SamlRefusal.Reason.NOT_SUCCESSFUL, code.getAttribute("Value") + second);
		}
	}

	private static ValidatedResponse checkAssertion(Element assertion, PendingSignIn pending, IdentityProvider provider, Expectations expected)
			throws SamlRefusal {
		if (!"2.0".equals(assertion.getAttribute("Version")) || assertion.getAttributeNS(null, "ID").isBlank()) {
			// the ID is what the replay check remembers: an assertion without one is not accepted
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "assertion version or ID");
		}
		Element issuer = SamlXml.single(assertion, SamlXml.ASSERTION, "Issuer", SamlRefusal.Reason.WRONG_ISSUER);
		if (!provider.entityId().equals(SamlXml.text(issuer))) {
			throw new SamlRefusal(SamlRefusal.Reason.WRONG_ISSUER, "assertion issuer");
		}
		Instant now = expected.now();
		Duration skew = expected.skew();

		Element subject = SamlXml.single(assertion, SamlXml.ASSERTION, "Subject", SamlRefusal.Reason.MALFORMED);
		Instant confirmationExpiry = confirmation(subject, pending.requestId(), expected);

		Element conditions = SamlXml.single(assertion, SamlXml.ASSERTION, "Conditions", SamlRefusal.Reason.MALFORMED);
		Instant notBefore = instant(conditions, "NotBefore");
		Instant notOnOrAfter = instant(conditions, "NotOnOrAfter");
		if (notBefore != null && notBefore.isAfter(now.plus(skew))) {
			throw new SamlRefusal(SamlRefusal.Reason.NOT_YET_VALID, "Conditions NotBefore");
		}
		if (notOnOrAfter == null) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "Conditions without NotOnOrAfter");
		}
		if (!notOnOrAfter.isAfter(now.minus(skew))) {
			throw new SamlRefusal(SamlRefusal.Reason.EXPIRED, "Conditions NotOnOrAfter");
		}
		List<Element> restrictions = SamlXml.children(conditions, SamlXml.ASSERTION, "AudienceRestriction");
		if (restrictions.isEmpty()) {
			throw new SamlRefusal(SamlRefusal.Reason.WRONG_AUDIENCE, "no AudienceRestriction");
		}
		for (Element restriction : restrictions) {
			boolean ours = SamlXml.children(restriction, SamlXml.ASSERTION, "Audience").stream()
				.anyMatch(audience -> expected.entityId().equals(SamlXml.text(audience)));
			if (!ours) {
				throw new SamlRefusal(SamlRefusal.Reason.WRONG_AUDIENCE, "audience");
			}
		}

		List<Element> statements = SamlXml.children(assertion, SamlXml.ASSERTION, "AuthnStatement");
		if (statements.isEmpty()) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "no AuthnStatement");
		}
		Element authn = statements.get(0);
		Instant sessionEnd = instant(authn, "SessionNotOnOrAfter");
		if (sessionEnd != null && !sessionEnd.isAfter(now.minus(skew))) {
			throw new SamlRefusal(SamlRefusal.Reason.EXPIRED, "SessionNotOnOrAfter");
		}
		String classRef = SamlXml.child(authn, SamlXml.ASSERTION, "AuthnContext")
			.flatMap(context -> SamlXml.child(context, SamlXml.ASSERTION, "AuthnContextClassRef")).map(SamlXml::text).orElse("");

		Map<String, List<String>> attributes = attributes(assertion);
		TrustLevel level = level(classRef, attributes);
		if (!level.satisfies(pending.minimum())) {
			throw new SamlRefusal(SamlRefusal.Reason.LEVEL_TOO_LOW, level + " below " + pending.minimum());
		}
		Optional<Element> nameId = SamlXml.child(subject, SamlXml.ASSERTION, "NameID");
		Instant expiry = (confirmationExpiry.isAfter(notOnOrAfter) ? confirmationExpiry : notOnOrAfter).plus(skew);
		String sessionIndex = authn.getAttribute("SessionIndex");
		return new ValidatedResponse(pending, provider, assertion.getAttributeNS(null, "ID"), expiry, level,
				nameId.map(SamlXml::text).orElse(null), nameId.map(n -> n.getAttribute("Format")).orElse(null),
				sessionIndex.isBlank() ? null : sessionIndex, attributes, attributeLevels(assertion));
	}

	/**
	 * BundID's per-attribute level, the attribute {@code akdb:TrustLevel} (namespace {@code https://www.akdb.de/request/2018/09})
	 * on each {@code saml:Attribute}, with the values UNTERGEORDNET, NORMAL, SUBSTANTIELL and HOCH, as public BundID
	 * integrations read it. A value we do not know counts as LOW: it proves nothing.
	 */
	private static Map<String, TrustLevel> attributeLevels(Element assertion) {
		Map<String, TrustLevel> levels = new LinkedHashMap<>();
		for (Element statement : SamlXml.children(assertion, SamlXml.ASSERTION, "AttributeStatement")) {
			for (Element attribute : SamlXml.children(statement, SamlXml.ASSERTION, "Attribute")) {
				if (attribute.hasAttributeNS(SamlXml.AKDB, "TrustLevel")) {
					TrustLevel level = AssuranceLevels.of(attribute.getAttributeNS(SamlXml.AKDB, "TrustLevel")).orElse(TrustLevel.LOW);
					levels.merge(attribute.getAttribute("Name"), level, (a, b) -> a.compareTo(b) <= 0 ? a : b);
				}
			}
		}
		return levels;
	}

	/**
	 * A bearer confirmation for us: Recipient our assertion consumer service, InResponseTo our request,
	 * NotOnOrAfter not passed. Returns its NotOnOrAfter; refuses with the reason of the first that failed.
	 */
	private static Instant confirmation(Element subject, String requestId, Expectations expected) throws SamlRefusal {
		SamlRefusal first = null;
		for (Element confirmation : SamlXml.children(subject, SamlXml.ASSERTION, "SubjectConfirmation")) {
			if (!BEARER.equals(confirmation.getAttribute("Method"))) {
				continue;
			}
			try {
				Element data = SamlXml.single(confirmation, SamlXml.ASSERTION, "SubjectConfirmationData", SamlRefusal.Reason.MALFORMED);
				if (!expected.assertionConsumerUrl().equals(data.getAttribute("Recipient"))) {
					throw new SamlRefusal(SamlRefusal.Reason.WRONG_DESTINATION, "Recipient");
				}
				if (data.hasAttribute("InResponseTo") && !requestId.equals(data.getAttribute("InResponseTo"))) {
					throw new SamlRefusal(SamlRefusal.Reason.UNKNOWN_REQUEST, "confirmation InResponseTo");
				}
				Instant notOnOrAfter = instant(data, "NotOnOrAfter");
				if (notOnOrAfter == null) {
					throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "confirmation without NotOnOrAfter");
				}
				if (!notOnOrAfter.isAfter(expected.now().minus(expected.skew()))) {
					throw new SamlRefusal(SamlRefusal.Reason.EXPIRED, "confirmation NotOnOrAfter");
				}
				Instant notBefore = instant(data, "NotBefore");
				if (notBefore != null && notBefore.isAfter(expected.now().plus(expected.skew()))) {
					throw new SamlRefusal(SamlRefusal.Reason.NOT_YET_VALID, "confirmation NotBefore");
				}
				return notOnOrAfter;
			}
			catch (SamlRefusal refusal) {
				first = first == null ? refusal : first;
			}
		}
		throw first != null ? first : new SamlRefusal(SamlRefusal.Reason.MALFORMED, "no bearer confirmation");
	}

	private static Map<String, List<String>> attributes(Element assertion) {
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		for (Element statement : SamlXml.children(assertion, SamlXml.ASSERTION, "AttributeStatement")) {
			for (Element attribute : SamlXml.children(statement, SamlXml.ASSERTION, "Attribute")) {
				List<String> values = attributes.computeIfAbsent(attribute.getAttribute("Name"), name -> new ArrayList<>());
				for (Element value : SamlXml.children(attribute, SamlXml.ASSERTION, "AttributeValue")) {
					values.add(SamlXml.text(value));
				}
			}
		}
		return attributes;
	}

	/**
	 * The asserted level: the AuthnContextClassRef, and BundID's level attribute if it is sent too; when
	 * both are known the lower counts. No known level at all is a refusal, never LOW by default.
	 */
	static TrustLevel level(String classRef, Map<String, List<String>> attributes) throws SamlRefusal {
		Optional<TrustLevel> fromContext = classRef.isBlank() ? Optional.empty() : AssuranceLevels.of(classRef);
		Optional<TrustLevel> fromAttribute = attributes.getOrDefault(LEVEL_ATTRIBUTE, List.of()).stream().map(AssuranceLevels::of)
			.flatMap(Optional::stream).findFirst();
		if (fromContext.isPresent() && fromAttribute.isPresent()) {
			return fromContext.get().compareTo(fromAttribute.get()) <= 0 ? fromContext.get() : fromAttribute.get();
		}
		return fromContext.or(() -> fromAttribute)
			.orElseThrow(() -> new SamlRefusal(SamlRefusal.Reason.LEVEL_TOO_LOW, "no known level asserted"));
	}

	private static @Nullable Instant instant(Element element, String attribute) throws SamlRefusal {
		String value = element.getAttribute(attribute);
		if (value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "time " + attribute);
		}
	}
}
