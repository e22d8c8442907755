// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.sso;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo identity provider, {@code openrathaus.demoidp.*} (demo mode only).
 *
 * @param serviceProviders      addresses of the metadata of the service providers it answers
 *                              ({@code http(s)://…} or {@code file:…}); a request from any other is refused
 * @param keyDirectory          where its signing keys are kept (made on the first start, owner-only)
 * @param keySize               RSA key size of newly made keys (2048 by default: the keys vouch only for invented
 *                              persons, and a 3072-bit signature costs three times as much, twice per response)
 * @param baseUrl               scheme, host and port its entity ids and endpoints are named with; empty:
 *                              the origin the request came in on (only a host a municipality claims)
 * @param metadataCacheDuration how long fetched metadata is used before it is fetched again
 * @param connectTimeout        how long a metadata server may take to accept the connection
 * @param readTimeout           how long fetching one metadata document may take
 * @param assertionLifetime     how long an issued assertion may be presented (NotOnOrAfter)
 * @param requestMaxAge         how old an AuthnRequest may be when a test person is chosen
 */
@ConditionalOnBooleanProperty("openrathaus.demo.enabled")
@ConfigurationProperties("openrathaus.demoidp")
public record DemoIdpSettings(List<String> serviceProviders, Path keyDirectory, int keySize, @Nullable String baseUrl,
		Duration metadataCacheDuration, Duration connectTimeout, Duration readTimeout, Duration assertionLifetime,
		Duration requestMaxAge) {

	public DemoIdpSettings {
		serviceProviders = serviceProviders == null ? List.of("http://localhost:8080/saml/metadata") : List.copyOf(serviceProviders);
		keyDirectory = keyDirectory == null ? Path.of("data", "demo-idp") : keyDirectory;
		keySize = keySize < 2048 ? 2048 : keySize;
		baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
		metadataCacheDuration = positive(metadataCacheDuration, Duration.ofMinutes(5));
		connectTimeout = positive(connectTimeout, Duration.ofSeconds(5));
		readTimeout = positive(readTimeout, Duration.ofSeconds(10));
		assertionLifetime = positive(assertionLifetime, Duration.ofMinutes(5));
		requestMaxAge = positive(requestMaxAge, Duration.ofMinutes(30));
	}

	private static Duration positive(@Nullable Duration value, Duration fallback) {
		return value == null || value.isZero() || value.isNegative() ? fallback : value;
	}
}
