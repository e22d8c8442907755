// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #FREE_ATTEMPTS} wrong passwords an account is
 * locked for a period that doubles with every further failure (1, 2, 4 … minutes, at most a day).
 * State lives in the database so that all nodes of a cluster share it.
 */
@Component
class LoginThrottle {

	static final int FREE_ATTEMPTS = 5;
	private static final Duration MAX_LOCK = Duration.ofDays(1);

	private final JdbcClient jdbc;

	LoginThrottle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Duration lockFor(int failures) {
		if (failures < FREE_ATTEMPTS) {
			return Duration.ZERO;
		}
		int exponent = Math.min(failures - FREE_ATTEMPTS, 20);
		Duration lock = Duration.ofMinutes(1L << exponent);
		return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String email = AccountUserDetailsService.normaliseEmail(event.getAuthentication().getName());
		Integer failures = jdbc.sql("update account.account set failed_logins = failed_logins + 1 where email = ? returning failed_logins")
				.param(email).query(Integer.class).optional().orElse(null);
		if (failures != null && failures >= FREE_ATTEMPTS) {
			jdbc.sql("update account.account set locked_until = ? where email = ?")
					.params(java.sql.Timestamp.from(Instant.now().plus(lockFor(failures))), email).update();
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountUserDetails details) {
			jdbc.sql("update account.account set failed_logins = 0, locked_until = null, last_login_at = now() where id = ?")
					.param(details.user().id().value()).update();
		}
	}
}
