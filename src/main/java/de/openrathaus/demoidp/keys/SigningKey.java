// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * One identity provider's key pair: the private key signs its messages, the certificate is published
 * in its metadata.
 */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate) {

	@Override
	public String toString() {
		return "SigningKey[" + certificate.getSubjectX500Principal().getName() + "]";
	}
}
