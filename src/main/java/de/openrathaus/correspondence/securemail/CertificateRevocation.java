// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.securemail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Whether the issuer of a citizen's S/MIME certificate has revoked it, from the certificate
 * revocation lists its certificate names (HTTP only). Called outside any database transaction:
 * when a key is stored, and before each mail that would be encrypted to it. Each fetch has a
 * connect and a total timeout, follows no redirect and reads at most {@code max-bytes}; a list is
 * kept for {@code cache-for}. The addresses come from an uploaded file, so by default none that
 * resolves to a loopback, private or link-local address is fetched (no requests into the city's
 * own network on a stranger's behalf). A list counts only when its issuer is the certificate's
 * issuer. Unreachable or unusable lists give {@link Status#UNKNOWN}, which does not refuse a key.
 */
@Component
public class CertificateRevocation {

	private static final Logger log = LoggerFactory.getLogger(CertificateRevocation.class);

	/** {@code openrathaus.secure-mail.revocation.*}. */
	@ConfigurationProperties("openrathaus.secure-mail.revocation")
	public record Settings(@Nullable Boolean enabled, @Nullable Duration timeout, @Nullable Duration cacheFor, int maxBytes,
			boolean allowPrivateAddresses) {

		public Settings {
			enabled = enabled == null ? Boolean.TRUE : enabled;
			timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
			cacheFor = cacheFor == null ? Duration.ofMinutes(10) : cacheFor;
			maxBytes = maxBytes <= 0 ? 10 * 1024 * 1024 : maxBytes;
		}
	}

	public enum Status {
		GOOD, REVOKED, UNKNOWN
	}

	private record Cached(X509CRL list, Instant fetchedAt) {
	}

	private final Settings settings;
	private final Clock clock;
	private final HttpClient http;
	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	CertificateRevocation(Settings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The revocation status of a DER certificate. */
	public Status check(byte[] certificateDer) {
		if (!Boolean.TRUE.equals(settings.enabled())) {
			return Status.UNKNOWN;
		}
		try {
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(certificateDer));
			Status status = Status.UNKNOWN;
			for (String url : distributionPoints(certificate)) {
				Optional<X509CRL> list = list(url).filter(l -> l.getIssuerX500Principal().equals(certificate.getIssuerX500Principal()));
				if (list.isPresent()) {
					if (list.get().isRevoked(certificate)) {
						return Status.REVOKED;
					}
					status = Status.GOOD;
				}
			}
			return status;
		}
		catch (Exception e) {
			return Status.UNKNOWN;
		}
	}

	static List<String> distributionPoints(X509Certificate certificate) throws Exception {
		byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
		List<String> urls = new ArrayList<>();
		if (extension == null) {
			return urls;
		}
		CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
		for (DistributionPoint point : points.getDistributionPoints()) {
			DistributionPointName name = point.getDistributionPoint();
			if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
				for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
					if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
						String url = ASN1IA5String.getInstance(general.getName()).getString();
						String scheme = url.toLowerCase(Locale.ROOT);
						if (scheme.startsWith("http://") || scheme.startsWith("https://")) {
							urls.add(url);
						}
					}
				}
			}
		}
		return urls.size() > 3 ? urls.subList(0, 3) : urls;
	}

	private Optional<X509CRL> list(String url) {
		Instant now = clock.instant();
		Cached cached = cache.get(url);
		if (cached != null && cached.fetchedAt().plus(settings.cacheFor()).isAfter(now)) {
			return Optional.of(cached.list());
		}
		try {
			URI uri = URI.create(url);
			if (uri.getHost() == null || (!settings.allowPrivateAddresses() && internal(uri.getHost()))) {
				return Optional.empty();
			}
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					return Optional.empty();
				}
				byte[] bytes = body.readNBytes(settings.maxBytes() + 1);
				if (bytes.length > settings.maxBytes()) {
					return Optional.empty();
				}
				X509CRL list = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
				if (cache.size() > 1000) {
					cache.clear();
				}
				cache.put(url, new Cached(list, now));
				return Optional.of(list);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (Exception e) {
			log.info("Revocation list not read: {}", e.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/** Whether the host resolves to an address inside this machine or a private network. */
	static boolean internal(String host) throws Exception {
		for (InetAddress address : InetAddress.getAllByName(host)) {
			if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
					|| address.isMulticastAddress() || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
				return true;
			}
		}
		return false;
	}
}
