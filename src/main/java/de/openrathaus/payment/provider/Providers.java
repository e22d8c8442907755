// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import de.openrathaus.tenancy.Tenants;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The provider of the current municipality, as configured; built once per municipality. Without a
 * {@code base-url} it is the simulator on this server (only present in demo mode and tests).
 */
@Component
@EnableConfigurationProperties(PaymentSettings.class)
public class Providers {

	/** Where our own hand-over page for pmPayment's signed form lives. */
	public static final String HAND_OVER_PATH = "/zahlung/pmpayment/";

	private final PaymentSettings settings;
	private final Tenants tenants;
	private final Clock clock;
	private final Map<String, PaymentProvider> built = new ConcurrentHashMap<>();
	private volatile int localPort = -1;

	private final String simulatorSecret;
	private final boolean simulatorOn;

	Providers(PaymentSettings settings, Tenants tenants, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${openrathaus.paymentsim.pmpayment-secret:}") String simulatorSecret,
			@org.springframework.beans.factory.annotation.Value("${openrathaus.paymentsim.enabled:false}") boolean simulatorOn) {
		this.simulatorSecret = simulatorSecret;
		this.simulatorOn = simulatorOn;
		this.settings = settings;
		this.tenants = tenants;
		this.clock = clock;
	}

	/** Without the simulator, a municipality left on the simulator's empty base-url cannot take payments: say so at start. */
	@EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void checkConfiguration(org.springframework.boot.context.event.ApplicationReadyEvent ready) {
		if (ready.getApplicationContext().getEnvironment().getProperty("openrathaus.paymentsim.enabled", Boolean.class, false)) {
			return;
		}
		tenants.all().stream().filter(t -> {
			PaymentSettings.Provider config = settings.forMunicipality(t.slug());
			return !"none".equals(config.provider()) && config.usesSimulator();
		}).forEach(t -> org.slf4j.LoggerFactory.getLogger(Providers.class).warn(
				"Municipality '{}' has no payment provider configured (openrathaus.payment.municipalities.{}.base-url): "
						+ "fees paid before submission cannot be paid", t.slug(), t.slug()));
	}

	@EventListener
	void serverStarted(WebServerInitializedEvent event) {
		if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
			localPort = event.getWebServer().getPort();
		}
	}

	/** The current municipality's provider, or empty when it takes no payments ({@code provider: none}). */
	public Optional<PaymentProvider> current() {
		String slug = tenants.current().slug();
		PaymentSettings.Provider config = settings.forMunicipality(slug);
		if ("none".equals(config.provider())) {
			return Optional.empty();
		}
		return Optional.of(built.computeIfAbsent(slug, s -> build(config)));
	}

	/**
	 * Whether the current municipality has a provider it can pay through: one named and given an
	 * address, or the simulator where it runs (demo mode and tests).
	 */
	public boolean configured() {
		PaymentSettings.Provider config = settings.forMunicipality(tenants.current().slug());
		return !"none".equals(config.provider()) && (!config.usesSimulator() || simulatorOn);
	}

	/** The current municipality's provider if it is pmPayment (notifications are only accepted then). */
	public Optional<PmPaymentClient> currentPmPayment() {
		return current().filter(PmPaymentClient.class::isInstance).map(PmPaymentClient.class::cast);
	}

	public PaymentSettings settings() {
		return settings;
	}

	private PaymentProvider build(PaymentSettings.Provider config) {
		HttpJson http = new HttpJson(config.connectTimeout(), config.readTimeout(), tls(config.xbezahldienste()));
		return switch (config.provider()) {
			case XBezahldienstesClient.NAME -> new XBezahldienstesClient(base(config, "xbezahldienste"), config.xbezahldienste(), http,
					new AccessTokens(config.xbezahldienste(), http, clock), clock);
			case PmPaymentClient.NAME -> new PmPaymentClient(base(config, "pmpayment"),
					// the simulator's demo key only ever for the simulator: a real provider needs its own secret
					config.usesSimulator() && config.pmpayment().secret().isBlank()
							? new PaymentSettings.PmPayment(config.pmpayment().ags(), config.pmpayment().procedure(), simulatorSecret)
							: config.pmpayment(),
					http, URI.create(HAND_OVER_PATH), config.usesSimulator() ? URI.create("/api/paymentsim/pmpayment") : base(config, "pmpayment"));
			default -> throw new IllegalStateException("unknown payment provider " + config.provider());
		};
	}

	private URI base(PaymentSettings.Provider config, String protocol) {
		if (!config.usesSimulator()) {
			return URI.create(config.baseUrl());
		}
		if (localPort < 0) {
			throw new PaymentProvider.ProviderException("the simulator's server has not started");
		}
		return URI.create("http://127.0.0.1:" + localPort + "/api/paymentsim/" + protocol);
	}

	/**
	 * Mutual TLS with the client certificate of the key store (PKCS#12), as ePayBL asks for; the
	 * provider's server certificate is checked against the configured trust store, or the JDK's.
	 */
	static @Nullable SSLContext tls(PaymentSettings.XBezahldienste config) {
		if (!"mtls".equals(config.auth())) {
			return null;
		}
		if (config.keyStore() == null) {
			throw new IllegalStateException("mtls needs openrathaus.payment...xbezahldienste.key-store");
		}
		try {
			char[] password = password(config.keyStorePassword());
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(pkcs12(config.keyStore(), password), password);
			TrustManagerFactory trust = null;
			if (config.trustStore() != null) {
				trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				trust.init(pkcs12(config.trustStore(), password(config.trustStorePassword())));
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("cannot read the payment client certificate or trust store", e);
		}
	}

	private static char[] password(@Nullable String password) {
		return password == null ? new char[0] : password.toCharArray();
	}

	private static KeyStore pkcs12(String file, char[] password) throws IOException, GeneralSecurityException {
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			return store;
		}
	}
}
