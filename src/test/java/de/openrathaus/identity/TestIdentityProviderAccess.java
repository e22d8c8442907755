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

	public String response(String requestId, X509Certificate sp) throws Exception {
		return idp.post(new TestIdentityProvider.Response(requestId, idp), sp);
	}
}
