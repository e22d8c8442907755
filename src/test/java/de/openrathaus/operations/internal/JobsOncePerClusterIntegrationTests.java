// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import de.openrathaus.TestAccounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.ActiveProfiles;

/**
 * Scheduled jobs run once per cluster: every {@code @Scheduled} method carries a ShedLock lock, and while
 * another node (a second lock provider on the same database) holds a job's lock, this node's run of it is
 * skipped; once the other node is done, it runs here.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JobsOncePerClusterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	CountingJob job;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyScheduledJobRunsUnderAClusterWideLock() {
		methods().that().areAnnotatedWith(Scheduled.class).should().beAnnotatedWith(SchedulerLock.class)
			.because("a job on several nodes must run once per cluster (docs/adr/0028-stateless-nodes.md)")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("de.openrathaus"));
	}

	@Test
	void aJobHeldByAnotherNodeDoesNotRunHere() {
		LockProvider otherNode = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName(SchedulerLockConfiguration.TABLE).usingDbTime().build());
		SimpleLock held = otherNode.lock(new LockConfiguration(Instant.now(), CountingJob.NAME, Duration.ofMinutes(5), Duration.ZERO))
			.orElseThrow();
		// a second node cannot take the lock while it is held
		assertThat(otherNode.lock(new LockConfiguration(Instant.now(), CountingJob.NAME, Duration.ofMinutes(5), Duration.ZERO))).isEmpty();

		int before = job.runs();
		job.run();
		assertThat(job.runs()).as("skipped while the other node runs it").isEqualTo(before);

		assertThat(jdbc.sql("select count(*) from operations.job_run where name = ?").param(CountingJob.NAME).query(Integer.class).single())
			.as("a skipped run is not recorded").isZero();

		held.unlock();
		job.run();
		assertThat(job.runs()).as("runs once the other node is done").isEqualTo(before + 1);
		assertThat(jdbc.sql("select node || ' ' || outcome || ' ' || (finished_at is not null) from operations.job_run where name = ?")
			.param(CountingJob.NAME).query(String.class).single()).isEqualTo(JobRuns.NODE + " SUCCEEDED true");
		assertThat(jdbc.sql("select locked_by from operations.scheduler_lock where name = ?").param(CountingJob.NAME).query(String.class)
			.single()).isNotBlank();
	}

	@Test
	void administratorsSeeEveryJobWithItsLastAndNextRun() throws Exception {
		job.run();
		MockHttpSession admin = TestAccounts.signIn(mvc, "verwaltung@musterstadt.example", "Demo-Passwort-2026");
		String page = mvc.perform(get("/admin/betrieb/jobs").session(admin)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Geplante Aufgaben", "correspondence.outbox", "payment.polling", "records.retention.daily",
				"records.audit.checkpoints", JobRuns.NODE);

		MockHttpSession citizen = TestAccounts.signIn(mvc, accounts.citizen("Neugierig"));
		mvc.perform(get("/admin/betrieb/jobs").session(citizen)).andExpect(status().isForbidden());
	}

	static class CountingJob {

		static final String NAME = "test.counting";

		private final AtomicInteger runs = new AtomicInteger();

		public int runs() {
			return runs.get();
		}

		@SchedulerLock(name = NAME, lockAtMostFor = "PT1M")
		public void run() {
			runs.incrementAndGet();
		}
	}

	@TestConfiguration
	static class Jobs {

		@Bean
		CountingJob countingJob() {
			return new CountingJob();
		}
	}
}
