// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.openrathaus.demoidp.xml.SecureXml;
import de.openrathaus.demoidp.xml.SecureXml.Unacceptable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service providers the demo identity provider answers: those described by the metadata at the
 * configured addresses ({@code http(s)://…} or {@code file:…}), and no others. A request names its
 * service provider by entity id (its Issuer); the metadata is fetched with timeouts, never following
 * redirects, and kept for the configured time. A service provider started after the first fetch, or
 * one that changed its keys, is found by fetching again, at most every few seconds per address.
 */
public final class ServiceProviders {

	private static final Logger log = LoggerFactory.getLogger(ServiceProviders.class);

	/** How soon a source is asked again when a request names an entity it did not describe. */
	private static final Duration RETRY = Duration.ofSeconds(5);

	/** What a source said last, when, and when it may be asked again at the earliest. */
	private record Fetched(List<ServiceProvider> providers, Instant at, Instant notBefore) {
	}

	private final List<String> sources;
	private final Duration cacheDuration;
	private final Duration readTimeout;
	private final Clock clock;
	private final HttpClient http;
	private final Map<String, Fetched> cache = new ConcurrentHashMap<>();

	public ServiceProviders(List<String> sources, Duration cacheDuration, Duration connectTimeout, Duration readTimeout, Clock clock) {
		this.sources = List.copyOf(sources);
		this.cacheDuration = cacheDuration;
		this.readTimeout = readTimeout;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * The service provider with this entity id. {@code fresh} asks every source again unless it was
	 * asked within the last seconds (after a signature did not verify: the keys may have changed).
	 */
	public Optional<ServiceProvider> byEntityId(String entityId, boolean fresh) {
		if (!fresh) {
			Optional<ServiceProvider> found = find(entityId, cacheDuration);
			if (found.isPresent()) {
				return found;
			}
		}
		return find(entityId, RETRY);
	}

	private Optional<ServiceProvider> find(String entityId, Duration maxAge) {
		for (String source : sources) {
			Optional<ServiceProvider> match = providers(source, maxAge).stream().filter(sp -> sp.entityId().equals(entityId)).findFirst();
			if (match.isPresent()) {
				return match;
			}
		}
		return Optional.empty();
	}

	private List<ServiceProvider> providers(String source, Duration maxAge) {
		Instant now = clock.instant();
		Fetched cached = cache.get(source);
		if (cached != null && (cached.at().plus(maxAge).isAfter(now) || now.isBefore(cached.notBefore()))) {
			return cached.providers();
		}
		try {
			List<ServiceProvider> providers = ServiceProviderMetadataReader.read(load(source));
			cache.put(source, new Fetched(providers, now, now.plus(RETRY)));
			return providers;
		}
		catch (IOException | Unacceptable e) {
			log.warn("Service provider metadata from {} could not be read ({}); {}", source, e.getMessage(),
					cached == null ? "no earlier copy" : "using the copy of " + cached.at());
			// an unreachable source is not asked again before the retry time, however many requests name it
			List<ServiceProvider> earlier = cached == null ? List.of() : cached.providers();
			cache.put(source, new Fetched(earlier, cached == null ? Instant.EPOCH : cached.at(), now.plus(RETRY)));
			return earlier;
		}
	}

	private byte[] load(String source) throws IOException {
		if (source.startsWith("file:")) {
			Path file = Path.of(URI.create(source));
			if (Files.size(file) > SecureXml.MAX_METADATA_BYTES) {
				throw new IOException("larger than " + SecureXml.MAX_METADATA_BYTES + " bytes");
			}
			return Files.readAllBytes(file);
		}
		if (!source.startsWith("http://") && !source.startsWith("https://")) {
			throw new IOException("neither http(s) nor file address");
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(source)).timeout(readTimeout)
			.header("Accept", "application/samlmetadata+xml, application/xml;q=0.9").GET().build();
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new IOException("answered " + response.statusCode());
				}
				byte[] bytes = body.readNBytes(SecureXml.MAX_METADATA_BYTES + 1);
				if (bytes.length > SecureXml.MAX_METADATA_BYTES) {
					throw new IOException("larger than " + SecureXml.MAX_METADATA_BYTES + " bytes");
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
