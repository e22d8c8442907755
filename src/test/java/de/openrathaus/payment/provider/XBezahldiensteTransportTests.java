// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import de.openrathaus.payment.PaymentId;
import de.openrathaus.payment.Payments.Item;
import de.openrathaus.tax.Money;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways a real XBezahldienste provider lets us in, each against a real peer on loopback: the
 * OAuth2 client credentials grant against an in-process OpenID provider (the provider side checks
 * the bearer token's signature with the OpenID provider's keys), and mutual TLS against an HTTPS
 * server that demands a client certificate from its own CA.
 */
class XBezahldiensteTransportTests {

	private static final String OK_CREATE = "{\"paymentInformation\":{\"transactionId\":\"T-1\",\"transactionUrl\":\"https://pay.example/T-1\",\"status\":\"INITIAL\"}}";

	@TempDir
	Path dir;

	private MockOAuth2Server tokens;
	private HttpServer server;
	private final List<String> bearerTokens = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		if (server != null) {
			server.stop(0);
		}
		if (tokens != null) {
			tokens.shutdown();
		}
	}

	@Test
	void oauth2BearerTokenFromTheTokenEndpointIsCheckedByTheProviderAndReusedUntilItExpires() throws Exception {
		tokens = new MockOAuth2Server();
		tokens.start();
		JWKSet keys = JWKSet.load(new URL(tokens.jwksUrl("govconnect").toString()));
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/paymenttransaction", exchange -> {
			String header = exchange.getRequestHeaders().getFirst("Authorization");
			if (!validBearer(header, keys)) {
				answer(exchange, 401, "{}");
				return;
			}
			bearerTokens.add(header);
			answer(exchange, 201, OK_CREATE);
		});
		server.start();

		PaymentSettings.XBezahldienste settings = new PaymentSettings.XBezahldienste("musterstadt", "gebuehren", "oauth2",
				tokens.tokenEndpointUrl("govconnect").toString(), "openrathaus", "secret", null, null, null, null);
		XBezahldienstesClient client = client(settings, "http://127.0.0.1:" + server.getAddress().getPort(), null);

		assertThat(client.create(request()).providerRef()).isEqualTo("T-1");
		assertThat(client.create(request()).providerRef()).isEqualTo("T-1");
		assertThat(bearerTokens).hasSize(2);
		assertThat(bearerTokens.get(1)).as("the token is kept until shortly before it expires").isEqualTo(bearerTokens.get(0));

		PaymentSettings.XBezahldienste withoutAuth = new PaymentSettings.XBezahldienste("musterstadt", "gebuehren", "none",
				null, null, null, null, null, null, null);
		XBezahldienstesClient anonymous = client(withoutAuth, "http://127.0.0.1:" + server.getAddress().getPort(), null);
		assertThatThrownBy(() -> anonymous.create(request())).isInstanceOf(PaymentProvider.ProviderException.class)
			.hasMessageContaining("HTTP 401");
	}

	@Test
	void mutualTlsGetsThroughWithTheClientCertificateOfTheProvidersCaAndNotWithAnother() throws Exception {
		KeyPair caKeys = rsa();
		X509Certificate ca = certificate("CN=Provider CA", caKeys, "CN=Provider CA", caKeys.getPrivate(), true, null);
		KeyPair serverKeys = rsa();
		X509Certificate serverCert = certificate("CN=127.0.0.1", serverKeys, "CN=Provider CA", caKeys.getPrivate(), false, "127.0.0.1");
		KeyPair clientKeys = rsa();
		X509Certificate clientCert = certificate("CN=Musterstadt Kasse", clientKeys, "CN=Provider CA", caKeys.getPrivate(), false, null);
		KeyPair strangerKeys = rsa();
		X509Certificate stranger = certificate("CN=Stranger", strangerKeys, "CN=Stranger", strangerKeys.getPrivate(), false, null);

		SSLContext serverTls = SSLContext.getInstance("TLS");
		KeyManagerFactory serverKeyManager = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		serverKeyManager.init(keyStore(serverKeys.getPrivate(), serverCert, ca), "changeit".toCharArray());
		TrustManagerFactory serverTrust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		serverTrust.init(trustStore(ca));
		serverTls.init(serverKeyManager.getKeyManagers(), serverTrust.getTrustManagers(), null);
		HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		https.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
			@Override
			public void configure(HttpsParameters params) {
				SSLParameters parameters = serverTls.getDefaultSSLParameters();
				parameters.setNeedClientAuth(true);
				params.setSSLParameters(parameters);
			}
		});
		https.createContext("/paymenttransaction", exchange -> answer(exchange, 201, OK_CREATE));
		https.start();
		server = https;
		String base = "https://127.0.0.1:" + https.getAddress().getPort();

		Path trust = write("provider-ca.p12", trustStore(ca));
		Path ours = write("payment-client.p12", keyStore(clientKeys.getPrivate(), clientCert, ca));
		PaymentSettings.XBezahldienste settings = new PaymentSettings.XBezahldienste("musterstadt", "gebuehren", "mtls",
				null, null, null, ours.toString(), "changeit", trust.toString(), "changeit");
		assertThat(client(settings, base, Providers.tls(settings)).create(request()).providerRef()).isEqualTo("T-1");

		Path theirs = write("stranger.p12", keyStore(strangerKeys.getPrivate(), stranger, null));
		PaymentSettings.XBezahldienste wrongCertificate = new PaymentSettings.XBezahldienste("musterstadt", "gebuehren", "mtls",
				null, null, null, theirs.toString(), "changeit", trust.toString(), "changeit");
		assertThatThrownBy(() -> client(wrongCertificate, base, Providers.tls(wrongCertificate)).create(request()))
			.isInstanceOf(PaymentProvider.ProviderException.class).hasMessageContaining("not reachable");

		PaymentSettings.XBezahldienste jdkTrustOnly = new PaymentSettings.XBezahldienste("musterstadt", "gebuehren", "mtls",
				null, null, null, ours.toString(), "changeit", null, null);
		assertThatThrownBy(() -> client(jdkTrustOnly, base, Providers.tls(jdkTrustOnly)).create(request()))
			.as("a server certificate from a private CA is not trusted without the trust store")
			.isInstanceOf(PaymentProvider.ProviderException.class).hasMessageContaining("not reachable");
	}

	private static XBezahldienstesClient client(PaymentSettings.XBezahldienste settings, String base, SSLContext tls) {
		HttpJson http = new HttpJson(Duration.ofSeconds(5), Duration.ofSeconds(10), tls);
		Clock clock = Clock.systemUTC();
		return new XBezahldienstesClient(URI.create(base), settings, http, new AccessTokens(settings, http, clock), clock);
	}

	private static PaymentProvider.Request request() {
		Money fee = new Money(1500);
		return new PaymentProvider.Request(PaymentId.random(), fee, "Gebuehr", "Test", List.of(new Item("R-1", "Gebuehr", 1, fee, fee,
				"10000", "43110")), "payer-1", URI.create("https://portal.example/zurueck"), URI.create("https://portal.example/benachrichtigung"));
	}

	private static boolean validBearer(String header, JWKSet keys) {
		if (header == null || !header.startsWith("Bearer ")) {
			return false;
		}
		try {
			SignedJWT jwt = SignedJWT.parse(header.substring("Bearer ".length()));
			RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
			return key != null && jwt.verify(new RSASSAVerifier(key)) && jwt.getJWTClaimsSet().getExpirationTime().after(new Date());
		}
		catch (Exception e) {
			return false;
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private Path write(String name, KeyStore store) throws Exception {
		Path file = dir.resolve(name);
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, "changeit".toCharArray());
		}
		return file;
	}

	private static KeyPair rsa() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey, boolean ca,
			String ipAddress) throws Exception {
		Instant now = Instant.now();
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.toEpochMilli()),
				Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name(subject), keys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
		if (ipAddress != null) {
			builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)));
		}
		return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
	}

	private static KeyStore keyStore(PrivateKey key, X509Certificate certificate, X509Certificate issuer) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		java.security.cert.Certificate[] chain = issuer == null ? new java.security.cert.Certificate[] { certificate }
				: new java.security.cert.Certificate[] { certificate, issuer };
		store.setKeyEntry("key", key, "changeit".toCharArray(), chain);
		return store;
	}

	private static KeyStore trustStore(X509Certificate ca) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setCertificateEntry("ca", ca);
		return store;
	}
}
