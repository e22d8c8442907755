// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.FederatedIdentity;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.identity.config.IdentitySettings;
import de.openrathaus.identity.config.ServiceProviderKeys;
import de.openrathaus.tenancy.RequestOrigin;
import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * The current municipality's SAML service provider: starts a sign-in at one of its registered identity
 * providers, validates the response and names the identity, answers logout requests and writes its
 * metadata. Every URL it names (entity id, assertion consumer service, logout) derives from the
 * municipality's configured public address, else from the address the request came in on.
 */
@Component
public class ServiceProvider {

	/** The registration of BundID, the citizens' account. */
	public static final String BUNDID = "bundid";
	/** The registration of organisation accounts (Mein Unternehmenskonto style). */
	public static final String ORGANISATION = "unternehmenskonto";

	private final IdentitySettings settings;
	private final ServiceProviderKeys keys;
	private final IdentityProviders providers;
	private final SignInRequests requests;
	private final Tenants tenants;
	private final Clock clock;
	private final java.util.Map<String, SignedMetadata> metadata = new java.util.concurrent.ConcurrentHashMap<>();

	ServiceProvider(IdentitySettings settings, ServiceProviderKeys keys, IdentityProviders providers, SignInRequests requests, Tenants tenants,
			Clock clock) {
		this.settings = settings;
		this.keys = keys;
		this.providers = providers;
		this.requests = requests;
		this.tenants = tenants;
		this.clock = clock;
		SamlXml.init();
	}

	/**
	 * A validated sign-in, ready to be handed to account.
	 *
	 * @param session what a logout at the identity provider needs later, or null without a NameID
	 */
	public record SignIn(FederatedIdentity identity, @Nullable AccountId requestedBy, String target, @Nullable SamlSession session) {
	}

	/**
	 * Stores the sign-in's state and returns the identity provider's URL with the signed AuthnRequest.
	 * The metadata may be fetched here: this runs outside any transaction. A client (address) with too many
	 * sign-ins pending, or a municipality with too many, is refused before anything is stored.
	 */
	public String start(String registration, TrustLevel minimum, String target, @Nullable AccountId requestedBy, String client)
			throws SamlRefusal {
		Tenant tenant = tenants.current();
		IdentitySettings.Registration configured = settings.registration(tenant.slug(), registration)
			.orElseThrow(() -> new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, registration + " not configured"));
		IdentityProvider provider = providers.of(tenant.slug(), registration);
		Instant now = clock.instant();
		String id = SamlMessages.newId();
		requests.save(new PendingSignIn(id, registration, minimum, target, requestedBy, now.plus(settings.requestLifetime()), false), client,
				settings.maxPendingPerClient(), settings.maxPendingPerMunicipality());
		byte[] request = SamlMessages.authnRequest(id, now, provider.singleSignOnUrl(), base() + "/saml/acs", entityId(), minimum,
				IdentityAttributes.requested(configured, ORGANISATION.equals(registration)), tenant.name());
		return RedirectBinding.signedUrl(provider.singleSignOnUrl(), "SAMLRequest", request, null, keys.of(tenant.slug()).privateKey());
	}

	/** Validates a response posted to the assertion consumer service; the sign-in it answers is used up. */
	public SignIn consume(String samlResponse) throws SamlRefusal {
		Tenant tenant = tenants.current();
		Instant now = clock.instant();
		ResponseValidation.Expectations expected = new ResponseValidation.Expectations(base() + "/saml/acs", entityId(),
				keys.of(tenant.slug()).privateKey(), now, settings.clockSkew());
		ValidatedResponse response = ResponseValidation.validate(samlResponse, expected, new ResponseValidation.Lookups() {

			@Override
			public PendingSignIn pending(String requestId) throws SamlRefusal {
				return requests.find(requestId, now)
					.orElseThrow(() -> new SamlRefusal(SamlRefusal.Reason.UNKNOWN_REQUEST, "no such sign-in started here"));
			}

			@Override
			public IdentityProvider provider(String registration) throws SamlRefusal {
				return providers.of(tenant.slug(), registration);
			}

			@Override
			public IdentitySettings.Registration registration(String registration) throws SamlRefusal {
				return settings.registration(tenant.slug(), registration)
					.orElseThrow(() -> new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, registration + " not configured"));
			}
		});
		String registration = response.pending().registration();
		FederatedIdentity identity = IdentityAttributes.identity(response,
				settings.registration(tenant.slug(), registration).orElseThrow(), ORGANISATION.equals(registration));
		requests.complete(response.pending().requestId(), response.provider().entityId(), response.assertionId(), response.expiry(), now);
		SamlSession session = response.nameId() == null || response.nameId().isBlank() ? null
				: new SamlSession(registration, response.nameId(), response.nameIdFormat(), response.sessionIndex());
		return new SignIn(identity, response.pending().requestedBy(), response.pending().target(), session);
	}

	/**
	 * What to do with an identity provider's LogoutRequest: where to send the browser (with our signed
	 * LogoutResponse), and whether the session of this browser is the one it names and is to end.
	 */
	public record LogoutAnswer(String redirect, boolean endsSession) {
	}

	/**
	 * Answers a LogoutRequest an identity provider sent by redirect: checks its signature (the provider's
	 * metadata certificates only), destination and lifetime, and matches it against the federated session of
	 * this browser: only a session the same provider signed in, with the same NameID and, if the request names
	 * session indexes, one of them, ends. A request for anyone else ends nothing and is answered
	 * {@code Requester/UnknownPrincipal}.
	 */
	public LogoutAnswer logoutRequested(String rawQuery, @Nullable SamlSession current) throws SamlRefusal {
		Tenant tenant = tenants.current();
		VerifiedRedirect verified = verifiedRedirect(tenant, rawQuery, "SAMLRequest", "LogoutRequest");
		Element logout = verified.message();
		String notOnOrAfter = logout.getAttribute("NotOnOrAfter");
		try {
			if (!notOnOrAfter.isBlank()
					&& !java.time.OffsetDateTime.parse(notOnOrAfter).toInstant().isAfter(clock.instant().minus(settings.clockSkew()))) {
				throw new SamlRefusal(SamlRefusal.Reason.EXPIRED, "logout NotOnOrAfter");
			}
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, e);
		}
		boolean matches = current != null && current.registration().equals(verified.registration()) && names(logout, current);
		IdentityProvider provider = verified.provider();
		if (provider.singleLogoutUrl() == null) {
			return new LogoutAnswer(matches ? "/?abgemeldet" : "/", matches);
		}
		byte[] answer = SamlMessages.logoutResponse(logout.getAttribute("ID"), clock.instant(), provider.singleLogoutUrl(), entityId(),
				matches ? null : SamlMessages.UNKNOWN_PRINCIPAL);
		return new LogoutAnswer(RedirectBinding.signedUrl(provider.singleLogoutUrl(), "SAMLResponse", answer, relayState(rawQuery),
				keys.of(tenant.slug()).privateKey()), matches);
	}

	/** Whether the LogoutRequest names this session: the same NameID and, if it lists session indexes, this session's among them. */
	private static boolean names(Element logout, SamlSession session) throws SamlRefusal {
		List<Element> nameIds = SamlXml.children(logout, SamlXml.ASSERTION, "NameID");
		if (nameIds.size() != 1) {
			// an EncryptedID or BaseID is not what we issue logout for: nothing of ours can match it
			return false;
		}
		if (!session.nameId().equals(SamlXml.text(nameIds.getFirst()))) {
			return false;
		}
		List<Element> indexes = SamlXml.children(logout, SamlXml.PROTOCOL, "SessionIndex");
		return indexes.isEmpty() || indexes.stream().map(SamlXml::text).anyMatch(index -> index.equals(session.sessionIndex()));
	}

	/**
	 * Checks the identity provider's LogoutResponse to a logout we started: signed by the provider's metadata
	 * certificate over the redirect query, addressed to our single logout service. Anything else is refused.
	 */
	public void logoutAnswered(String rawQuery) throws SamlRefusal {
		verifiedRedirect(tenants.current(), rawQuery, "SAMLResponse", "LogoutResponse");
	}

	private record VerifiedRedirect(String registration, IdentityProvider provider, Element message) {
	}

	/**
	 * A logout message by redirect, read unverified only to learn which identity provider's certificate must
	 * verify it, then verified over the query as it arrived and checked for our single logout service as Destination.
	 */
	private VerifiedRedirect verifiedRedirect(Tenant tenant, String rawQuery, String parameter, String localName) throws SamlRefusal {
		byte[] unverified;
		try {
			unverified = RedirectBinding.inflate(java.util.Base64.getMimeDecoder().decode(java.net.URLDecoder.decode(
					parameter(rawQuery, parameter), StandardCharsets.UTF_8)));
		}
		catch (IllegalArgumentException e) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, e);
		}
		Element message = SamlXml.parse(unverified).getDocumentElement();
		if (!SamlXml.PROTOCOL.equals(message.getNamespaceURI()) || !localName.equals(message.getLocalName())) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "not a " + localName);
		}
		String issuer = SamlXml.child(message, SamlXml.ASSERTION, "Issuer").map(SamlXml::text).orElse("");
		java.util.Map.Entry<String, IdentityProvider> sender = providers.byEntityId(tenant.slug(), issuer)
			.orElseThrow(() -> new SamlRefusal(SamlRefusal.Reason.WRONG_ISSUER, "logout from an unknown identity provider"));
		Element verified = SamlXml.parse(RedirectBinding.verifiedMessage(rawQuery, parameter, sender.getValue().signingCertificates()))
			.getDocumentElement();
		if (!localName.equals(verified.getLocalName())
				|| !issuer.equals(SamlXml.child(verified, SamlXml.ASSERTION, "Issuer").map(SamlXml::text).orElse(""))) {
			throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "not a " + localName);
		}
		if (!(base() + "/saml/slo").equals(verified.getAttribute("Destination"))) {
			throw new SamlRefusal(SamlRefusal.Reason.WRONG_DESTINATION, "logout Destination");
		}
		return new VerifiedRedirect(sender.getKey(), sender.getValue(), verified);
	}

	/**
	 * Where to send the browser to end the session at the identity provider as well (a signed
	 * LogoutRequest), or empty when the provider offers no single logout or is not available.
	 */
	public java.util.Optional<String> logoutAtProvider(SamlSession session) {
		Tenant tenant = tenants.current();
		try {
			IdentityProvider provider = providers.of(tenant.slug(), session.registration());
			if (provider.singleLogoutUrl() == null) {
				return java.util.Optional.empty();
			}
			byte[] request = SamlMessages.logoutRequest(SamlMessages.newId(), clock.instant(), provider.singleLogoutUrl(), entityId(), session);
			return java.util.Optional.of(RedirectBinding.signedUrl(provider.singleLogoutUrl(), "SAMLRequest", request, null,
					keys.of(tenant.slug()).privateKey()));
		}
		catch (SamlRefusal e) {
			return java.util.Optional.empty();
		}
	}

	/**
	 * This municipality's metadata, signed with its key. Signed once an hour per address, not per request:
	 * the path is public, and an RSA signature each time would let anyone spend our CPU.
	 */
	public byte[] metadata() throws SamlRefusal {
		Tenant tenant = tenants.current();
		String entityId = entityId();
		String base = base();
		Instant now = clock.instant();
		SignedMetadata cached = metadata.get(tenant.slug() + " " + entityId + " " + base);
		if (cached != null && cached.signedAt().plus(java.time.Duration.ofHours(1)).isAfter(now)) {
			return cached.xml();
		}
		byte[] xml = SamlMessages.metadata(entityId, base + "/saml/acs", base + "/saml/slo", now, keys.of(tenant.slug()));
		metadata.put(tenant.slug() + " " + entityId + " " + base, new SignedMetadata(xml, now));
		return xml;
	}

	private record SignedMetadata(byte[] xml, Instant signedAt) {
	}

	/** Whether the current municipality offers this sign-in at all. */
	public boolean offers(String registration) {
		return providers.configured(tenants.current().slug(), registration);
	}

	private String entityId() throws SamlRefusal {
		String configured = settings.tenant(tenants.current().slug()).map(IdentitySettings.TenantSettings::entityId).orElse(null);
		return configured != null && !configured.isBlank() ? configured : base() + "/saml/metadata";
	}

	private String base() throws SamlRefusal {
		String base = tenants.current().configuredPublicUrl().or(RequestOrigin::current)
			.orElseThrow(() -> new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, "no address for this municipality"));
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * The RelayState the request carried (it was covered by the verified signature), returned with the answer as the
	 * redirect binding demands; at most 80 bytes, as the binding allows, anything longer is not echoed.
	 */
	private static @Nullable String relayState(String rawQuery) {
		for (String pair : rawQuery.split("&")) {
			if (pair.startsWith("RelayState=")) {
				try {
					String value = java.net.URLDecoder.decode(pair.substring("RelayState=".length()), StandardCharsets.UTF_8);
					return value.getBytes(StandardCharsets.UTF_8).length <= 80 ? value : null;
				}
				catch (IllegalArgumentException e) {
					return null;
				}
			}
		}
		return null;
	}

	private static String parameter(String rawQuery, String name) throws SamlRefusal {
		for (String pair : rawQuery.split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "no " + name);
	}
}
