// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Single-use password reset tokens, valid for 30 minutes: a mailbox read later by someone else must not open the account. */
@Component
class PasswordResetTokens extends SingleUseTokens {

	static final Duration VALIDITY = Duration.ofMinutes(30);

	PasswordResetTokens(JdbcClient jdbc) {
		super(jdbc, "account.password_reset_token", VALIDITY);
	}
}
