// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.metadata;

import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import de.openrathaus.demoidp.xml.SamlNames;

import org.jspecify.annotations.Nullable;

/**
 * What a service provider's metadata says: its entity id, the certificates that verify its
 * requests, the certificate to encrypt assertions for, where its assertion consumer service and
 * single logout service are.
 */
public record ServiceProvider(String entityId, List<X509Certificate> signingCertificates,
		List<X509Certificate> encryptionCertificates, List<Endpoint> assertionConsumerServices, List<Endpoint> singleLogoutServices) {

	/** An endpoint of the metadata: binding, location, and for indexed endpoints index and default flag. */
	public record Endpoint(String binding, String location, @Nullable Integer index, boolean isDefault) {
	}

	public ServiceProvider {
		signingCertificates = List.copyOf(signingCertificates);
		encryptionCertificates = List.copyOf(encryptionCertificates);
		assertionConsumerServices = List.copyOf(assertionConsumerServices);
		singleLogoutServices = List.copyOf(singleLogoutServices);
	}

	/**
	 * The HTTP-POST assertion consumer service a request asks for: by URL (it must be one of the
	 * metadata's, else empty), by index, or the default one (SAML 2.0 metadata, 2.2.3).
	 */
	public Optional<String> assertionConsumerService(@Nullable String url, @Nullable Integer index) {
		List<Endpoint> post = assertionConsumerServices.stream().filter(e -> SamlNames.POST_BINDING.equals(e.binding())).toList();
		if (url != null) {
			return post.stream().map(Endpoint::location).filter(url::equals).findFirst();
		}
		if (index != null) {
			return post.stream().filter(e -> index.equals(e.index())).map(Endpoint::location).findFirst();
		}
		return post.stream().filter(Endpoint::isDefault).findFirst()
			.or(() -> post.stream().filter(e -> e.index() != null).min(Comparator.comparing(Endpoint::index)))
			.or(() -> post.stream().findFirst())
			.map(Endpoint::location);
	}

	/** Where a LogoutResponse goes by the redirect binding (its ResponseLocation, else its Location). */
	public Optional<String> singleLogoutService() {
		return singleLogoutServices.stream().filter(e -> SamlNames.REDIRECT_BINDING.equals(e.binding())).map(Endpoint::location).findFirst();
	}

	/** The certificate assertions are encrypted for: the first marked for encryption (or for both uses). */
	public Optional<X509Certificate> encryptionCertificate() {
		return encryptionCertificates.stream().findFirst();
	}
}
