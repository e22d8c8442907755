// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.time.Instant;
import java.util.Map;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.procedure.ApplicationId;

import org.jspecify.annotations.Nullable;

/** An application as stored: its procedure type version, answers and state. */
public record Application(ApplicationId id, AccountId applicant, String typeKey, int typeVersion,
		DepartmentCode department, ApplicationStatus status, Map<String, String> data, @Nullable String reference,
		Instant createdAt, Instant updatedAt, @Nullable Instant submittedAt, @Nullable AccountId assignee,
		@Nullable String workflowInstance) {

	public Application {
		data = Map.copyOf(data);
	}

	public boolean belongsTo(AccountId account) {
		return applicant.equals(account);
	}

	public boolean isAssignedTo(AccountId account) {
		return account.equals(assignee);
	}
}
