// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.openrathaus.tenancy.Tenant;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The client registration of staff single sign-on, one per municipality, served only to requests of
 * that municipality's hosts: the registration id is always {@value #REGISTRATION_ID}, and which
 * provider it names follows from the municipality the request's host belongs to. The provider's
 * endpoints come from its discovery document, read on first use (never at start-up, so a provider
 * that is down does not stop OpenRathaus), with the configured timeouts, and again after
 * {@code refresh-after}. Authorization code flow with PKCE; Spring Security adds state and nonce.
 */
@Component
class StaffSsoProviders implements ClientRegistrationRepository {

	static final String REGISTRATION_ID = "staff";
	static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";
	private static final Logger log = LoggerFactory.getLogger(StaffSsoProviders.class);
	private static final java.time.Duration RETRY_AFTER_FAILURE = java.time.Duration.ofSeconds(30);

	private final StaffSsoSettings settings;
	private final Tenants tenants;
	private final Clock clock;
	private final RestClient http;
	private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

	private record Discovered(@Nullable ClientRegistration registration, Instant until) {
	}

	StaffSsoProviders(StaffSsoSettings settings, Tenants tenants, Clock clock) {
		this.settings = settings;
		this.tenants = tenants;
		this.clock = clock;
		this.http = RestClient.builder().requestFactory(requestFactory(settings)).build();
	}

	static SimpleClientHttpRequestFactory requestFactory(StaffSsoSettings settings) {
		SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(settings.connectTimeout());
		factory.setReadTimeout(settings.readTimeout());
		return factory;
	}

	/** Whether the request's municipality has a provider configured (the sign-in page then offers the button). */
	boolean configuredHere() {
		return current().isPresent();
	}

	/** The request's municipality's provider settings, if it has one. */
	Optional<StaffSsoSettings.Provider> current() {
		if (TenantContext.current().isEmpty()) {
			return Optional.empty();
		}
		return Optional.ofNullable(settings.forMunicipality(tenants.current().slug()));
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!REGISTRATION_ID.equals(registrationId) || TenantContext.current().isEmpty()) {
			return null;
		}
		Tenant tenant = tenants.current();
		StaffSsoSettings.Provider provider = settings.forMunicipality(tenant.slug());
		if (provider == null) {
			return null;
		}
		Instant now = clock.instant();
		Discovered known = discovered.get(tenant.slug());
		if (known != null && known.until().isAfter(now)) {
			return known.registration();
		}
		ClientRegistration registration = discover(tenant, provider);
		if (registration == null && known != null && known.registration() != null) {
			registration = known.registration(); // keep the last good one while the provider is briefly unreachable
		}
		discovered.put(tenant.slug(), new Discovered(registration,
				now.plus(registration == null ? RETRY_AFTER_FAILURE : settings.refreshAfter())));
		return registration;
	}

	private @Nullable ClientRegistration discover(Tenant tenant, StaffSsoSettings.Provider provider) {
		String issuer = provider.issuerUri().replaceAll("/+$", "");
		Map<String, Object> metadata;
		try {
			metadata = http.get().uri(issuer + "/.well-known/openid-configuration").retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
		}
		catch (RestClientException e) {
			log.warn("Staff single sign-on of '{}': discovery document not readable ({})", tenant.slug(), e.getClass().getSimpleName());
			return null;
		}
		// OpenID Connect Discovery 1.0, section 4.3: the document must name exactly the issuer it was read from
		if (metadata == null || !provider.issuerUri().equals(metadata.get("issuer")) && !issuer.equals(metadata.get("issuer"))) {
			log.warn("Staff single sign-on of '{}': the discovery document names another issuer; refused", tenant.slug());
			return null;
		}
		try {
			ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(REGISTRATION_ID)
				.clientId(provider.clientId())
				.clientName(tenant.name())
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(REDIRECT_URI)
				.scope(provider.scopes())
				.authorizationUri(text(metadata, "authorization_endpoint"))
				.tokenUri(text(metadata, "token_endpoint"))
				.jwkSetUri(text(metadata, "jwks_uri"))
				.userInfoUri(metadata.get("userinfo_endpoint") instanceof String userInfo ? userInfo : null)
				.userNameAttributeName("sub")
				.issuerUri((String) metadata.get("issuer"))
				.providerConfigurationMetadata(metadata)
				.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
			if (provider.clientSecret() == null) {
				builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
			}
			else {
				builder.clientSecret(provider.clientSecret()).clientAuthenticationMethod(authentication(metadata));
			}
			return builder.build();
		}
		catch (IllegalArgumentException e) {
			log.warn("Staff single sign-on of '{}': discovery document incomplete ({})", tenant.slug(), e.getMessage());
			return null;
		}
	}

	/** client_secret_basic unless the provider says it takes only client_secret_post. */
	private static ClientAuthenticationMethod authentication(Map<String, Object> metadata) {
		if (metadata.get("token_endpoint_auth_methods_supported") instanceof java.util.List<?> methods
				&& !methods.contains("client_secret_basic") && methods.contains("client_secret_post")) {
			return ClientAuthenticationMethod.CLIENT_SECRET_POST;
		}
		return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
	}

	private static String text(Map<String, Object> metadata, String name) {
		if (metadata.get(name) instanceof String value && value.startsWith("http")) {
			return value;
		}
		throw new IllegalArgumentException("no " + name);
	}
}
