// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import de.openrathaus.demoidp.metadata.ServiceProvider;
import de.openrathaus.demoidp.metadata.ServiceProviders;
import de.openrathaus.demoidp.xml.SamlNames;
import de.openrathaus.demoidp.xml.SecureXml;
import de.openrathaus.demoidp.xml.SecureXml.Unacceptable;
import de.openrathaus.demoidp.xml.Signatures;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What every request a service provider sends by the redirect binding must pass before its content
 * counts: a signature by an accepted algorithm, a known sender (its Issuer is the entity id of one
 * configured metadata), a signature that verifies with that metadata's signing certificate (fetched
 * again once if not, the keys may have changed), the Destination this endpoint, and an
 * IssueInstant neither stale nor in the future.
 */
@Component
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
class SignedRedirects {

	/** How far a sender's clock may run ahead of ours. */
	static final Duration SKEW = Duration.ofMinutes(3);

	private final ServiceProviders serviceProviders;
	private final Clock clock;

	SignedRedirects(ServiceProviders serviceProviders, Clock clock) {
		this.serviceProviders = serviceProviders;
		this.clock = clock;
	}

	/** A checked message: its root element and the service provider that sent it. */
	record Verified(Element root, ServiceProvider sender, @Nullable String relayState) {
	}

	Verified verify(RedirectQuery query, String rootName, String destination, Duration maxAge) {
		if (!query.signed()) {
			throw RedirectQuery.refused("demoidp.refused.unsigned");
		}
		if (!Signatures.acceptedRedirectAlgorithm(query.decodedSigAlg())) {
			throw RedirectQuery.refused("demoidp.refused.algorithm");
		}
		Document document;
		try {
			document = SecureXml.parse(SecureXml.inflateBase64(query.decodedMessage()), SecureXml.MAX_MESSAGE_BYTES);
		}
		catch (Unacceptable e) {
			throw RedirectQuery.refused("demoidp.refused.malformed");
		}
		Element root = document.getDocumentElement();
		if (!SamlNames.PROTOCOL.equals(root.getNamespaceURI()) || !rootName.equals(root.getLocalName())
				|| !"2.0".equals(root.getAttributeNS(null, "Version")) || root.getAttributeNS(null, "ID").isBlank()) {
			throw RedirectQuery.refused("demoidp.refused.malformed");
		}
		String issuer = issuer(root);
		ServiceProvider sender = serviceProviders.byEntityId(issuer, false)
			.orElseThrow(() -> RedirectQuery.refused("demoidp.refused.unknownServiceProvider"));
		if (!signatureVerifies(query, sender)) {
			sender = serviceProviders.byEntityId(issuer, true).filter(fresh -> signatureVerifies(query, fresh))
				.orElseThrow(() -> RedirectQuery.refused("demoidp.refused.signature"));
		}
		if (!destination.equals(root.getAttributeNS(null, "Destination"))) {
			throw RedirectQuery.refused("demoidp.refused.destination");
		}
		Instant issued = instant(root.getAttributeNS(null, "IssueInstant"));
		Instant now = clock.instant();
		if (issued.isAfter(now.plus(SKEW)) || issued.plus(maxAge).isBefore(now)) {
			throw RedirectQuery.refused("demoidp.refused.expired");
		}
		return new Verified(root, sender, query.decodedRelayState());
	}

	private static boolean signatureVerifies(RedirectQuery query, ServiceProvider sender) {
		return Signatures.verifyRedirect(query.signedPart(), query.decodedSigAlg(), query.decodedSignature(), sender.signingCertificates());
	}

	private static String issuer(Element root) {
		try {
			Element issuer = SecureXml.child(root, SamlNames.ASSERTION, "Issuer");
			if (issuer == null || SecureXml.text(issuer).isEmpty()) {
				throw RedirectQuery.refused("demoidp.refused.malformed");
			}
			String format = SecureXml.attribute(issuer, "Format");
			if (format != null && !SamlNames.NAMEID_ENTITY.equals(format)) {
				throw RedirectQuery.refused("demoidp.refused.malformed");
			}
			return SecureXml.text(issuer);
		}
		catch (Unacceptable e) {
			throw RedirectQuery.refused("demoidp.refused.malformed");
		}
	}

	static Instant instant(String value) {
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw RedirectQuery.refused("demoidp.refused.malformed");
		}
	}
}
