// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.payment.ledger;

import de.openrathaus.payment.PaymentReadiness;
import de.openrathaus.payment.provider.Providers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Measures, for the current municipality, whether it takes payments: from its configuration and its ledger. */
@Component
class PaymentReadinessQuery implements PaymentReadiness {

	private final Providers providers;
	private final JdbcClient jdbc;

	PaymentReadinessQuery(Providers providers, JdbcClient jdbc) {
		this.providers = providers;
		this.jdbc = jdbc;
	}

	@Override
	public boolean providerConfigured() {
		return providers.configured();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean anySettled() {
		return jdbc.sql("select exists (select 1 from payment.payment where status = 'SETTLED')").query(Boolean.class).single();
	}
}
