// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.nio.file.Path;
import java.util.Map;

import de.openrathaus.identity.config.IdentitySettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, says loudly what will keep a sign-in from working: a registration whose metadata must be
 * signed but whose trust anchor cannot be read, or whose metadata file does not verify. Metadata fetched
 * from a URL is not fetched here (a provider that is down must not delay the start; the demo identity
 * provider is this very server); it is checked on first use, with the same error in the log.
 */
@Component
class MetadataTrustCheck {

	private static final Logger log = LoggerFactory.getLogger(MetadataTrustCheck.class);

	private final IdentitySettings settings;
	private final IdentityProviders providers;

	MetadataTrustCheck(IdentitySettings settings, IdentityProviders providers) {
		this.settings = settings;
		this.providers = providers;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		settings.tenants().forEach((slug, tenant) -> {
			for (Map.Entry<String, IdentitySettings.Registration> entry : tenant.identityProviders().entrySet()) {
				IdentitySettings.Registration registration = entry.getValue();
				if (!registration.configured() || !registration.metadataSignatureRequired()) {
					continue;
				}
				try {
					if (registration.metadataSigningCertificate() != null) {
						MetadataTrust.anchorCertificates(Path.of(registration.metadataSigningCertificate()));
					}
					if (registration.metadataFile() != null && !registration.metadataFile().isBlank()) {
						providers.of(slug, entry.getKey());
					}
				}
				catch (SamlRefusal e) {
					log.error("Sign-in with identity provider {} of {} will not be possible: {}", entry.getKey(), slug, e.getMessage());
				}
			}
		});
	}
}
