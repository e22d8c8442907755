// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.demail;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The certificates the provider's attestation signatures must chain to, read once at start from
 * {@code openrathaus.de-mail.trust-anchors} (PEM). A configured file that cannot be read stops the
 * start with a message naming it, rather than letting every De-Mail fall into triage unnoticed.
 */
@Component
public class DeMailTrust {

	private final List<X509Certificate> anchors;

	DeMailTrust(DeMailSettings settings) {
		if (settings.trustAnchors() == null) {
			this.anchors = List.of();
			return;
		}
		try (InputStream in = Files.newInputStream(settings.trustAnchors())) {
			this.anchors = CertificateFactory.getInstance("X.509").generateCertificates(in).stream().map(X509Certificate.class::cast).toList();
		}
		catch (Exception e) {
			throw new IllegalStateException("openrathaus.de-mail.trust-anchors: cannot read certificates from " + settings.trustAnchors()
					+ " (" + e.getClass().getSimpleName() + "); give a PEM file with your De-Mail provider's CA certificate(s)", e);
		}
		if (anchors.isEmpty()) {
			throw new IllegalStateException("openrathaus.de-mail.trust-anchors: no certificate in " + settings.trustAnchors());
		}
	}

	public List<X509Certificate> anchors() {
		return anchors;
	}
}
