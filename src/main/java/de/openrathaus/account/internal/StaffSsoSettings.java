// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.openrathaus.account.StaffRole;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff single sign-on through each municipality's OpenID Connect provider (Keycloak, ADFS, Entra ID),
 * keyed by the municipality's slug. A municipality without an entry signs its staff in with passwords only.
 *
 * @param municipalities the provider of each municipality, by slug
 * @param connectTimeout how long the provider may take to accept a connection (discovery, token, keys, user info)
 * @param readTimeout    how long the provider may take to answer
 * @param refreshAfter   how long a provider's discovered configuration is used before it is read again
 */
@ConfigurationProperties("openrathaus.account.staff-sso")
record StaffSsoSettings(@DefaultValue Map<String, Provider> municipalities, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("1h") Duration refreshAfter) {

	/** The provider of a municipality, or null when it has none. */
	@Nullable
	Provider forMunicipality(String slug) {
		return municipalities.get(slug);
	}

	/**
	 * One municipality's provider.
	 *
	 * @param issuerUri    the issuer (its discovery document is read from {@code <issuer>/.well-known/openid-configuration})
	 * @param clientId     the client id registered at the provider
	 * @param clientSecret the client secret (from the environment, never in the repository); empty for a public client
	 * @param scopes       the scopes asked for ({@code openid} is always among them)
	 * @param groupsClaim  the claim listing the person's groups or roles; a dotted path reaches into objects
	 *                     ({@code realm_access.roles} for Keycloak realm roles)
	 * @param groups       which group gives which role in which department; groups not listed are ignored
	 */
	record Provider(String issuerUri, String clientId, @Nullable String clientSecret,
			@DefaultValue({ "openid", "profile", "email" }) List<String> scopes, @DefaultValue("groups") String groupsClaim,
			@DefaultValue List<GroupMapping> groups) {

		Provider {
			Objects.requireNonNull(issuerUri, "openrathaus.account.staff-sso.municipalities.<slug>.issuer-uri");
			Objects.requireNonNull(clientId, "openrathaus.account.staff-sso.municipalities.<slug>.client-id");
			issuerUri = issuerUri.strip();
			if (!issuerUri.matches("https?://\\S+")) {
				throw new IllegalArgumentException("staff-sso issuer-uri must be an http(s) URL: " + issuerUri);
			}
			if (clientSecret != null && clientSecret.isBlank()) {
				clientSecret = null;
			}
			if (!scopes.contains("openid")) {
				scopes = java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), scopes.stream()).toList();
			}
		}
	}

	/**
	 * A group (value of the groups claim) and the role it gives in a department.
	 *
	 * @param group      the claim's value, e.g. {@code /Rathaus/Steuern} (Keycloak group path) or an Entra group object id
	 * @param department the department's code in OpenRathaus, e.g. {@code steuern}
	 * @param role       the staff role
	 */
	record GroupMapping(String group, String department, StaffRole role) {
	}
}
