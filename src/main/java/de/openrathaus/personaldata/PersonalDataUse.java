// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.personaldata;

import java.util.UUID;

import de.openrathaus.tenancy.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a module reports a use of personal data to the audit trail. The report joins the caller's
 * transaction, so a change and its entry are kept or rolled back together; called outside one, it runs
 * in its own. It must not be called inside a read-only transaction (the event is stored with it).
 */
@Component
public class PersonalDataUse {

	private final ApplicationEventPublisher events;

	PersonalDataUse(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** How a citizen appears as actor: by account number, not by name. */
	public static String citizen(UUID account) {
		return "account " + account;
	}

	@Transactional
	public void read(String actor, String record, String origin) {
		report(actor, PersonalDataUsed.Use.READ, record, origin);
	}

	@Transactional
	public void changed(String actor, String record, String origin) {
		report(actor, PersonalDataUsed.Use.CHANGED, record, origin);
	}

	@Transactional
	public void exported(String actor, String record, String origin) {
		report(actor, PersonalDataUsed.Use.EXPORTED, record, origin);
	}

	@Transactional
	public void erased(String actor, String record, String origin) {
		report(actor, PersonalDataUsed.Use.ERASED, record, origin);
	}

	private void report(String actor, PersonalDataUsed.Use use, String record, String origin) {
		events.publishEvent(new PersonalDataUsed(TenantContext.require(), actor, use, record, origin));
	}
}
