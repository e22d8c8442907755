// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.identity.saml;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.openrathaus.account.TrustLevel;
import de.openrathaus.identity.config.IdentitySettings;
import de.openrathaus.identity.config.ServiceProviderCredential;
import de.openrathaus.identity.config.ServiceProviderKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Where the time of one validation goes, without web layer and database (docs/benchmarks.md):
 * the response validation alone, on one thread. Only with {@code -Dopenrathaus.bench=true}.
 */
@EnabledIfSystemProperty(named = "openrathaus.bench", matches = "true")
class ResponseValidationProfile {

	@Test
	void validationsPerSecondOnOneThread() throws Exception {
		var generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(3072);
		var spPair = generator.generateKeyPair();
		var sp = new ServiceProviderCredential(spPair.getPrivate(), ServiceProviderKeys.selfSigned(spPair, "CN=sp", Instant.now()));
		var idp = new de.openrathaus.identity.TestIdentityProviderAccess();
		IdentityProvider provider = IdentityProvider.fromMetadata(idp.metadata());
		var registration = new IdentitySettings.Registration(null, "x", null, null, null, null, null, null);
		int n = 600;
		List<String> responses = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			responses.add(idp.response("_req" + i, sp.certificate()));
		}
		ResponseValidation.Expectations expected = new ResponseValidation.Expectations("http://localhost/saml/acs",
				"http://localhost/saml/metadata", sp.privateKey(), Instant.now(), Duration.ofMinutes(2));
		ResponseValidation.Lookups lookups = new ResponseValidation.Lookups() {
			@Override
			public PendingSignIn pending(String requestId) {
				return new PendingSignIn(requestId, "bundid", TrustLevel.LOW, "/portal", null, Instant.now().plusSeconds(600), false);
			}

			@Override
			public IdentityProvider provider(String name) {
				return provider;
			}

			@Override
			public IdentitySettings.Registration registration(String name) {
				return registration;
			}
		};
		for (String response : responses.subList(0, 100)) {
			ResponseValidation.validate(response, expected, lookups);
		}
		long started = System.nanoTime();
		for (String response : responses.subList(100, n)) {
			ResponseValidation.validate(response, expected, lookups);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long decryptStart = System.nanoTime();
		var cipher = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
		byte[] wrapped;
		cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, sp.certificate().getPublicKey());
		wrapped = cipher.doFinal(new byte[32]);
		for (int i = 0; i < 500; i++) {
			cipher.init(javax.crypto.Cipher.DECRYPT_MODE, sp.privateKey());
			cipher.doFinal(wrapped);
		}
		double rsa = (System.nanoTime() - decryptStart) / 1e9 / 500;
		System.out.printf("%n== validation alone: %.1f responses/s on one thread; RSA-3072 OAEP decryption alone %.2f ms%n%n", (n - 100) / seconds,
				rsa * 1000);
	}
}
