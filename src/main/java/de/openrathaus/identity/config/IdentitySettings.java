// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SAML service provider's settings, per municipality under
 * {@code openrathaus.identity.tenants.<slug>} (the municipality's slug, as the dog tax rates are configured).
 * A municipality without an entry, or a registration without metadata, simply offers no such sign-in.
 *
 * @param keyDirectory      where keys are generated for municipalities that configure none (owner-only files)
 * @param requestLifetime   how long a started sign-in may take until the response arrives
 * @param clockSkew         tolerance for the identity provider's clock in NotBefore / NotOnOrAfter (at most 2 minutes)
 * @param metadataRefresh   how long fetched identity provider metadata is used before it is fetched again
 * @param connectTimeout    connect timeout of a metadata fetch
 * @param readTimeout       time the whole metadata fetch may take
 * @param tenants           the municipalities' service provider settings by slug
 * @param maxPendingPerClient     how many started, unanswered and unexpired sign-ins one client address may have
 *                                (default 30; a town hall's NAT shares one address)
 * @param maxPendingPerMunicipality how many a municipality may have from all clients together (default 20000)
 */
@ConfigurationProperties("openrathaus.identity")
public record IdentitySettings(@Nullable String keyDirectory, @Nullable Duration requestLifetime, @Nullable Duration clockSkew,
		@Nullable Duration metadataRefresh, @Nullable Duration connectTimeout, @Nullable Duration readTimeout,
		@Nullable Map<String, TenantSettings> tenants, @Nullable Integer maxPendingPerClient, @Nullable Integer maxPendingPerMunicipality) {

	/** The largest tolerance accepted, whatever is configured. */
	public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);

	public IdentitySettings {
		keyDirectory = keyDirectory == null || keyDirectory.isBlank() ? "data/identity" : keyDirectory;
		requestLifetime = requestLifetime == null ? Duration.ofMinutes(15) : requestLifetime;
		clockSkew = clockSkew == null || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0 ? MAX_CLOCK_SKEW : clockSkew;
		metadataRefresh = metadataRefresh == null ? Duration.ofHours(1) : metadataRefresh;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
		tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
		maxPendingPerClient = maxPendingPerClient == null || maxPendingPerClient < 1 ? 30 : maxPendingPerClient;
		maxPendingPerMunicipality = maxPendingPerMunicipality == null || maxPendingPerMunicipality < 1 ? 20000 : maxPendingPerMunicipality;
	}

	public Optional<TenantSettings> tenant(String slug) {
		return Optional.ofNullable(tenants().get(slug));
	}

	/** The settings of a registration of a municipality, if it has one with metadata. */
	public Optional<Registration> registration(String slug, String registration) {
		return tenant(slug).map(TenantSettings::identityProviders).map(registrations -> registrations.get(registration))
			.filter(Registration::configured);
	}

	/**
	 * A municipality's service provider.
	 *
	 * @param entityId          the SP entity id; default: the portal's address + {@code /saml/metadata}
	 * @param keyStore          a PKCS#12 file with the SP key and certificate (signing and decryption)
	 * @param keyStorePassword  its password
	 * @param keyAlias          the entry to use; default: the first key entry
	 * @param privateKey        alternatively a PEM file with the PKCS#8 private key ...
	 * @param certificate       ... and a PEM file with its certificate
	 * @param identityProviders registrations by name: {@code bundid}, {@code unternehmenskonto}
	 */
	public record TenantSettings(@Nullable String entityId, @Nullable String keyStore, @Nullable String keyStorePassword,
			@Nullable String keyAlias, @Nullable String privateKey, @Nullable String certificate,
			@Nullable Map<String, Registration> identityProviders) {

		public TenantSettings {
			identityProviders = identityProviders == null ? Map.of() : Map.copyOf(identityProviders);
		}
	}

	/**
	 * One identity provider a municipality trusts.
	 *
	 * @param metadataUrl               where its metadata is fetched (lazily, with timeouts, cached)
	 * @param metadataFile              or a file holding it
	 * @param wantAssertionsEncrypted   refuse assertions that are not encrypted (default true, as BundID sends them)
	 * @param subjectAttribute          the attribute naming the person (default bPK2); an organisation account without
	 *                                  it is identified by a persistent NameID
	 * @param organisationNameAttribute for organisation accounts: the attribute with the organisation's name
	 * @param organisationIdAttribute   for organisation accounts: the attribute with the organisation's identifier
	 * @param metadataSigningCertificate the trust anchor of the metadata: a PEM or DER file with the certificate whose key
	 *                                   must have signed it (the operator's published metadata signing certificate)
	 * @param metadataSigningFingerprint or the SHA-256 fingerprint (hex, colons allowed) of the certificate that signed it;
	 *                                   with either set, unsigned metadata or metadata with an invalid signature is refused
	 */
	public record Registration(@Nullable String metadataUrl, @Nullable String metadataFile, @Nullable Boolean wantAssertionsEncrypted,
			@Nullable String subjectAttribute, @Nullable String organisationNameAttribute, @Nullable String organisationIdAttribute,
			@Nullable String metadataSigningCertificate, @Nullable String metadataSigningFingerprint) {

		public Registration {
			wantAssertionsEncrypted = wantAssertionsEncrypted == null || wantAssertionsEncrypted;
			subjectAttribute = subjectAttribute == null || subjectAttribute.isBlank() ? "urn:oid:1.3.6.1.4.1.25484.494450.3" : subjectAttribute;
			organisationNameAttribute = organisationNameAttribute == null || organisationNameAttribute.isBlank() ? "urn:oid:2.5.4.10"
					: organisationNameAttribute;
			organisationIdAttribute = organisationIdAttribute == null || organisationIdAttribute.isBlank() ? "urn:oid:2.5.4.97"
					: organisationIdAttribute;
			metadataSigningCertificate = metadataSigningCertificate == null || metadataSigningCertificate.isBlank() ? null
					: metadataSigningCertificate.trim();
			metadataSigningFingerprint = metadataSigningFingerprint == null || metadataSigningFingerprint.isBlank() ? null
					: normalisedFingerprint(metadataSigningFingerprint);
		}

		/** Whether the metadata must carry a signature of the configured certificate (or of one with the configured fingerprint). */
		public boolean metadataSignatureRequired() {
			return metadataSigningCertificate != null || metadataSigningFingerprint != null;
		}

		/**
		 * Lower-case hex without separators; a value that is not a SHA-256 fingerprint stops the start, since a typo
		 * here would otherwise silently make every metadata untrusted (or, worse, be mistaken for no anchor at all).
		 */
		static String normalisedFingerprint(String value) {
			String hex = value.replace(":", "").replace(" ", "").trim().toLowerCase(java.util.Locale.ROOT);
			if (!hex.matches("[0-9a-f]{64}")) {
				throw new IllegalArgumentException(
						"metadata-signing-fingerprint must be the certificate's SHA-256 fingerprint (64 hex digits, colons allowed)");
			}
			return hex;
		}

		public boolean configured() {
			return (metadataUrl != null && !metadataUrl.isBlank()) || (metadataFile != null && !metadataFile.isBlank());
		}

		public boolean encryptionRequired() {
			return Boolean.TRUE.equals(wantAssertionsEncrypted);
		}
	}
}
