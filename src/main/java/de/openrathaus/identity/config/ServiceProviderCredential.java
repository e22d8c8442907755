// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.config;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A municipality's service provider key: it signs AuthnRequests, metadata and logout messages, and
 * decrypts the assertions encrypted for it. Never logged.
 */
public record ServiceProviderCredential(PrivateKey privateKey, X509Certificate certificate) {

	@Override
	public String toString() {
		return "ServiceProviderCredential[" + certificate.getSubjectX500Principal().getName() + "]";
	}
}
