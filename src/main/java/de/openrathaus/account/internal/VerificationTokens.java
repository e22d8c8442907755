// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Single-use e-mail verification tokens, valid for 48 hours. */
@Component
class VerificationTokens extends SingleUseTokens {

	static final Duration VALIDITY = Duration.ofHours(48);

	VerificationTokens(JdbcClient jdbc) {
		super(jdbc, "account.verification_token", VALIDITY);
	}
}
