// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.workflow;

import java.util.Map;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.DecisionOutcome;

import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

/**
 * Drives an application's BPMN process. The process of a procedure type has a user task
 * {@code pruefen} (the clerk's review), a gateway on the variable {@code entscheidung}
 * ({@code rueckfrage}, {@code genehmigt}, {@code abgelehnt}) and a receive task
 * {@code antwortAbwarten} that waits for the applicant's answer. The process instance's business
 * key is the application id. Calls join the caller's transaction.
 */
@Component
public class Workflow {

	static final String REVIEW = "pruefen";
	static final String AWAIT_ANSWER = "antwortAbwarten";

	private final RuntimeService runtime;
	private final TaskService tasks;
	private final HistoryService history;

	Workflow(RuntimeService runtime, TaskService tasks, HistoryService history) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
	}

	/** Starts the process named by the procedure type; returns the process instance id. */
	public String start(String processKey, ApplicationId application, DepartmentCode department) {
		ProcessInstance instance = runtime.startProcessInstanceByKey(processKey, application.toString(),
				Map.of("department", department.value(), "application", application.toString()));
		return instance.getId();
	}

	public void claim(ApplicationId application, AccountId clerk) {
		tasks.claim(reviewTask(application).getId(), clerk.toString());
	}

	public void requestInformation(ApplicationId application) {
		complete(application, "rueckfrage");
	}

	/** The applicant answered: the review task opens again, for the clerk who asked. */
	public void informationProvided(ApplicationId application, AccountId clerk) {
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(application.toString())
			.singleResult();
		Execution waiting = instance == null ? null
				: runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(AWAIT_ANSWER).singleResult();
		if (waiting == null) {
			throw new IllegalStateException("Application " + application + " is not waiting for an answer");
		}
		runtime.trigger(waiting.getId());
		tasks.claim(reviewTask(application).getId(), clerk.toString());
	}

	public void decide(ApplicationId application, DecisionOutcome outcome) {
		complete(application, outcome == DecisionOutcome.APPROVED ? "genehmigt" : "abgelehnt");
	}

	/** The applicant withdrew the application: its process ends without a decision (its history stays until disposal). */
	public void withdraw(ApplicationId application) {
		runtime.createProcessInstanceQuery().processInstanceBusinessKey(application.toString()).list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "withdrawn"));
	}

	/** Removes the application's process instance, running or ended, with its history (the application was disposed of). */
	public void forget(ApplicationId application) {
		runtime.createProcessInstanceQuery().processInstanceBusinessKey(application.toString()).list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "disposed"));
		history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(application.toString()).list()
			.forEach(instance -> history.deleteHistoricProcessInstance(instance.getId()));
	}

	private void complete(ApplicationId application, String decision) {
		tasks.complete(reviewTask(application).getId(), Map.of("entscheidung", decision));
	}

	private Task reviewTask(ApplicationId application) {
		Task task = tasks.createTaskQuery().processInstanceBusinessKey(application.toString()).taskDefinitionKey(REVIEW)
			.singleResult();
		if (task == null) {
			throw new IllegalStateException("Application " + application + " has no open review task");
		}
		return task;
	}
}
