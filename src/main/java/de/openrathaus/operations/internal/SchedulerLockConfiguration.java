// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run on one node at a time (docs/adr/0028-stateless-nodes.md): every {@code @Scheduled}
 * method also carries ShedLock's {@code @SchedulerLock}, whose lock is a row in
 * {@code operations.scheduler_lock}. Times are the database's, so the nodes' clocks need not agree. A
 * node that dies holding a lock frees it at its {@code lockAtMostFor}; a job without its own setting
 * is held at most 30 minutes.
 */
@Configuration(proxyBeanMethods = false)
// the lock is taken outermost, so that JobRuns (inside) records only the runs that took place
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M", order = Ordered.HIGHEST_PRECEDENCE)
class SchedulerLockConfiguration {

	static final String TABLE = "operations.scheduler_lock";

	@Bean
	LockProvider schedulerLocks(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName(TABLE)
			.usingDbTime()
			.build());
	}
}
