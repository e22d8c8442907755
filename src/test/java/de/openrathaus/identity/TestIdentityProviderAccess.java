// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** The test identity provider, for tests of the protocol package (which lives in another package). */
public final class TestIdentityProviderAccess {

	private final TestIdentityProvider idp = new TestIdentityProvider("https://bundid.test/idp");

	public byte[] metadata() throws Exception {
		return Files.readAllBytes(idp.metadataFile(Path.of("target", "identity-test")));
	}

	/** The metadata signed by the provider's own key, or by {@code signer} (a forgery). */
	public byte[] signedMetadata(java.security.@org.jspecify.annotations.Nullable PrivateKey signer) throws Exception {
		return signedMetadata(signer, null);
	}

	/** The metadata signed by the provider's own key (or {@code signer}), valid until the given instant. */
	public byte[] signedMetadata(java.security.@org.jspecify.annotations.Nullable PrivateKey signer,
			java.time.@org.jspecify.annotations.Nullable Instant validUntil) throws Exception {
		return Files.readAllBytes(
				idp.signedMetadataFile(Path.of("target", "identity-test"), signer == null ? idp.keys.getPrivate() : signer, validUntil));
	}

	/** A PEM file with the provider's certificate, the trust anchor of its metadata. */
	public Path certificateFile() throws Exception {
		return idp.certificateFile(Path.of("target", "identity-test"));
	}

	public X509Certificate certificate() {
		return idp.certificate;
	}

	public String response(String requestId, X509Certificate sp) throws Exception {
		return idp.post(new TestIdentityProvider.Response(requestId, idp), sp);
	}
}
