// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.openrathaus.identity.config.IdentitySettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The identity providers each municipality trusts, read from their metadata: a file, or a URL fetched
 * on first use (the demo identity provider runs in the same server, which is not up yet at start-up),
 * with connect and read timeouts, never inside a database transaction, and cached for the configured
 * refresh interval. When a refresh fails the last good metadata is kept; without any, the registration
 * answers "not available" and nothing else breaks.
 */
@Component
class IdentityProviders {

	private static final Logger log = LoggerFactory.getLogger(IdentityProviders.class);
	private static final int MAX_METADATA_BYTES = 1 << 20;

	private final IdentitySettings settings;
	private final Clock clock;
	private final HttpClient http;
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	record Cached(IdentityProvider provider, Instant loadedAt) {
	}

	IdentityProviders(IdentitySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** Whether the municipality has this registration configured at all (metadata may still be unavailable). */
	boolean configured(String slug, String registration) {
		return settings.registration(slug, registration).isPresent();
	}

	/** The identity provider of this registration, or a refusal that says it is not available. */
	IdentityProvider of(String slug, String registration) throws SamlRefusal {
		IdentitySettings.Registration configured = settings.registration(slug, registration)
			.orElseThrow(() -> new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, registration + " not configured"));
		String key = slug + "/" + registration;
		Cached cached = cache.get(key);
		Instant now = clock.instant();
		if (cached != null && cached.loadedAt().plus(settings.metadataRefresh()).isAfter(now)) {
			return cached.provider();
		}
		try {
			org.w3c.dom.Document document = SamlXml.parse(read(configured));
			MetadataTrust.verify(document, configured, now);
			IdentityProvider provider = IdentityProvider.fromMetadata(document);
			cache.put(key, new Cached(provider, now));
			return provider;
		}
		catch (IOException | SamlRefusal | RuntimeException e) {
			if (cached != null) {
				log.warn("Metadata of identity provider {} of {} could not be refreshed ({}); the last one stays in use", registration, slug,
						e.getClass().getSimpleName());
				return cached.provider();
			}
			if (configured.metadataSignatureRequired()) {
				// an operator must act: no one can sign in with this provider until its metadata verifies
				log.error("Metadata of identity provider {} of {} is refused, sign-in with it is not possible: {}", registration, slug,
						e.getMessage());
			}
			else {
				log.warn("Metadata of identity provider {} of {} is not available: {}", registration, slug, e.getMessage());
			}
			// whatever is wrong with the metadata (unreadable, a DOCTYPE, duplicate IDs, a bad signature), the citizen's answer is "not available"
			throw e instanceof SamlRefusal refusal && refusal.reason() == SamlRefusal.Reason.NOT_CONFIGURED ? refusal
					: new SamlRefusal(SamlRefusal.Reason.NOT_CONFIGURED, e);
		}
	}

	/** Any registration of the municipality whose identity provider has this entity id (for logout messages). */
	Optional<Map.Entry<String, IdentityProvider>> byEntityId(String slug, String entityId) {
		for (String registration : settings.tenant(slug).map(t -> t.identityProviders().keySet()).orElse(java.util.Set.of())) {
			try {
				IdentityProvider provider = of(slug, registration);
				if (provider.entityId().equals(entityId)) {
					return Optional.of(Map.entry(registration, provider));
				}
			}
			catch (SamlRefusal e) {
				// not available: cannot be the sender
			}
		}
		return Optional.empty();
	}

	private byte[] read(IdentitySettings.Registration registration) throws IOException {
		if (registration.metadataFile() != null && !registration.metadataFile().isBlank()) {
			return Files.readAllBytes(Path.of(registration.metadataFile()));
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(registration.metadataUrl())).timeout(settings.readTimeout()).GET().build();
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new IOException("metadata answered HTTP " + response.statusCode());
				}
				byte[] bytes = body.readNBytes(MAX_METADATA_BYTES + 1);
				if (bytes.length > MAX_METADATA_BYTES) {
					throw new IOException("metadata larger than " + MAX_METADATA_BYTES + " bytes");
				}
				return bytes;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}
}
