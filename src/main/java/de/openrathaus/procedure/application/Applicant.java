// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import de.openrathaus.account.AccountId;
import de.openrathaus.account.OrganisationId;
import de.openrathaus.account.SignedInUser;

import org.jspecify.annotations.Nullable;

/**
 * Who acts in the portal: a person on their own account, or a person acting for an organisation
 * (after an organisation-account sign-in). A person acting for an organisation sees and changes only
 * the organisation's applications, whoever of its members made them; on their own, only their own
 * personal ones. Nobody else sees either.
 *
 * @param person       the signed-in person's account
 * @param organisation the organisation acted for in this session, or null
 */
public record Applicant(AccountId person, @Nullable OrganisationId organisation) {

	public static Applicant of(SignedInUser user) {
		return new Applicant(user.id(), user.actingFor() == null ? null : user.actingFor().organisation());
	}

	public static Applicant personal(AccountId person) {
		return new Applicant(person, null);
	}

	/** The SQL condition on procedure.application for "visible to this applicant", with its one parameter. */
	Scope scope() {
		return scope("");
	}

	/** The same condition on the table alias {@code alias}. */
	Scope scope(String alias) {
		String p = alias.isEmpty() ? "" : alias + ".";
		return organisation != null ? new Scope(p + "organisation_id = ?", organisation.value())
				: new Scope(p + "applicant_id = ? and " + p + "organisation_id is null", person.value());
	}

	record Scope(String condition, Object parameter) {
	}
}
