// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.provider;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which provider each municipality pays through ({@code openrathaus.payment.municipalities.<slug>.*}),
 * with {@code defaults} for every municipality without its own. An empty {@code base-url} means the
 * provider simulator on this server (demo mode and tests only).
 *
 * @param pollInterval how often open payments are asked about in the background
 * @param pollGiveUpAfter after how long an open payment is no longer asked about (the payer never paid)
 */
@ConfigurationProperties("openrathaus.payment")
public record PaymentSettings(@DefaultValue Provider defaults, Map<String, Provider> municipalities,
		@DefaultValue("30s") Duration pollInterval, @DefaultValue("2d") Duration pollGiveUpAfter) {

	public PaymentSettings {
		municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
	}

	public Provider forMunicipality(String slug) {
		return municipalities.getOrDefault(slug, defaults);
	}

	/**
	 * @param provider {@code xbezahldienste} or {@code pmpayment}; {@code none} switches payment off
	 */
	public record Provider(@DefaultValue("xbezahldienste") String provider, @DefaultValue("") String baseUrl,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout,
			@DefaultValue XBezahldienste xbezahldienste, @DefaultValue PmPayment pmpayment) {

		public boolean usesSimulator() {
			return baseUrl.isBlank();
		}
	}

	/**
	 * @param auth {@code oauth2} (client credentials, e.g. GovConnect), {@code mtls} (client certificate, e.g.
	 *        ePayBL) or {@code none} (the simulator)
	 * @param keyStore with {@code mtls}: the PKCS#12 file with the client certificate and its key
	 * @param trustStore optional PKCS#12 file with the certificates the provider's server certificate must chain
	 *        to, for a provider whose server certificate is not from a public CA; without it the JDK's own
	 */
	public record XBezahldienste(@DefaultValue("musterstadt") String originatorId, @DefaultValue("gebuehren") String endPointId,
			@DefaultValue("none") String auth, @Nullable String tokenUrl, @Nullable String clientId, @Nullable String clientSecret,
			@Nullable String keyStore, @Nullable String keyStorePassword, @Nullable String trustStore,
			@Nullable String trustStorePassword) {
	}

	/**
	 * @param ags the municipality's official key (Amtlicher Gemeindeschlüssel) pmPayment knows it by
	 * @param procedure the pmPayment procedure (Verfahren) the fees are booked under
	 * @param secret the shared key of the HMAC-SHA256 over the fields (never logged)
	 */
	public record PmPayment(@DefaultValue("05999000") String ags, @DefaultValue("gebuehren") String procedure,
			@DefaultValue("") String secret) {
	}
}
