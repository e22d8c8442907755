// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account.internal;

import java.util.Map;

import de.openrathaus.account.AccountId;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The sessions of an account on every node: sessions live in the database (Spring Session JDBC), indexed
 * by the account's id (not its e-mail address, which two municipalities may share), so that a password
 * reset signs the account out everywhere. Without a session store that can search (tests that keep the
 * container's sessions), ending sessions elsewhere does nothing.
 */
@Component
class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of this account, on whichever node it was started; returns how many. */
	int endAll(AccountId account) {
		FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
		if (repository == null) {
			return 0;
		}
		Map<String, ? extends Session> found = repository
			.findByIndexNameAndIndexValue(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, indexValue(account));
		found.keySet().forEach(repository::deleteById);
		if (!found.isEmpty()) {
			log.info("Ended {} session(s) of account {}", found.size(), account.value());
		}
		return found.size();
	}

	static String indexValue(AccountId account) {
		return account.value().toString();
	}

	/** The account a session belongs to, from its security context; none for anonymous sessions. */
	static @Nullable String accountOf(Session session) {
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (context instanceof SecurityContext security) {
			Authentication authentication = security.getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails details) {
				return indexValue(details.user().id());
			}
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	static class Index {

		/** The session table's principal column holds the account id. */
		@Bean
		SessionRepositoryCustomizer<JdbcIndexedSessionRepository> accountSessionIndex() {
			IndexResolver<Session> resolver = session -> {
				String account = accountOf(session);
				return account == null ? Map.of() : Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, account);
			};
			return repository -> repository.setIndexResolver(resolver);
		}
	}
}
