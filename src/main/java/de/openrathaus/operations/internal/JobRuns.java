// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.operations.internal;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Records the last run of every scheduled job in {@code operations.job_run}: the node, start, end and
 * outcome. Runs inside the cluster lock (ShedLock's advice is outermost), so a run skipped because another
 * node holds the lock is not recorded. A failure keeps only the exception's class.
 */
@Aspect
@Component
@Order(0)
class JobRuns {

	private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

	/** host name and process id, as the JVM names itself ({@code pid@host}). */
	static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ObjectProvider<ScheduledTaskHolder> scheduled;

	JobRuns(JdbcClient jdbc, Clock clock, ObjectProvider<ScheduledTaskHolder> scheduled) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scheduled = scheduled;
	}

	@Around("@annotation(lock)")
	Object record(ProceedingJoinPoint job, SchedulerLock lock) throws Throwable {
		String name = lock.name();
		started(name);
		try {
			Object result = job.proceed();
			finished(name, "SUCCEEDED", null);
			return result;
		}
		catch (Throwable failure) {
			finished(name, "FAILED", failure.getClass().getName());
			throw failure;
		}
	}

	private void started(String name) {
		try {
			jdbc.sql("""
					insert into operations.job_run(name, node, started_at, finished_at, outcome, failure) values (?, ?, ?, null, 'RUNNING', null)
					on conflict (name) do update set node = excluded.node, started_at = excluded.started_at, finished_at = null,
					    outcome = 'RUNNING', failure = null""")
				.params(name, NODE, Timestamp.from(clock.instant())).update();
		}
		catch (RuntimeException e) {
			log.warn("Could not record the start of job {}: {}", name, e.toString()); // the job itself still runs
		}
	}

	private void finished(String name, String outcome, @Nullable String failure) {
		try {
			jdbc.sql("update operations.job_run set finished_at = ?, outcome = ?, failure = ? where name = ? and node = ?")
				.params(Timestamp.from(clock.instant()), outcome, failure, name, NODE).update();
		}
		catch (RuntimeException e) {
			log.warn("Could not record the end of job {}: {}", name, e.toString());
		}
	}

	/** Every scheduled job of this application with its last run anywhere in the cluster and its next run on this node. */
	List<Job> jobs() {
		Map<String, Run> runs = jdbc.sql("select name, node, started_at, finished_at, outcome, failure from operations.job_run")
			.query((rs, row) -> new Run(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toInstant).orElse(null), rs.getString(5), rs.getString(6)))
			.list().stream().collect(Collectors.toMap(Run::name, Function.identity()));
		List<Job> jobs = new ArrayList<>();
		scheduled.orderedStream().flatMap(holder -> holder.getScheduledTasks().stream()).forEach(task -> {
			SchedulerLock lock = lockOf(task.getTask());
			if (lock != null) {
				jobs.add(new Job(lock.name(), task.nextExecution(), runs.get(lock.name())));
			}
		});
		jobs.sort(Comparator.comparing(Job::name));
		return jobs;
	}

	/**
	 * The lock of a scheduled method. The scheduler wraps the method's runnable in its own, which names it
	 * ({@code class.method}, {@link ScheduledMethodRunnable#toString()}); the annotation is on that method.
	 */
	private static @Nullable SchedulerLock lockOf(Task task) {
		Runnable runnable = task.getRunnable();
		if (runnable instanceof ScheduledMethodRunnable method) {
			return AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), SchedulerLock.class);
		}
		String name = runnable.toString();
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return null;
		}
		try {
			Class<?> type = ClassUtils.forName(name.substring(0, dot), JobRuns.class.getClassLoader());
			for (Method method : type.getDeclaredMethods()) {
				SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
				if (method.getName().equals(name.substring(dot + 1)) && lock != null) {
					return lock;
				}
			}
		}
		catch (ClassNotFoundException | LinkageError e) {
			return null;
		}
		return null;
	}

	record Run(String name, String node, Instant startedAt, @Nullable Instant finishedAt, String outcome, @Nullable String failure) {
	}

	record Job(String name, @Nullable Instant nextRun, @Nullable Run lastRun) {
	}
}
