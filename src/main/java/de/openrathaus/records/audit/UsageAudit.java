// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

import de.openrathaus.personaldata.PersonalDataUsed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every module's reads and changes of personal data go into the same audit trail as the e-file's
 * (published as {@link PersonalDataUsed} in the acting transaction, recorded after its commit; the
 * event publication registry delivers it again after a crash).
 */
@Component
class UsageAudit {

	private final AuditTrail audit;

	UsageAudit(AuditTrail audit) {
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(PersonalDataUsed event) {
		AuditAction action = switch (event.use()) {
			case READ -> AuditAction.READ;
			case CHANGED -> AuditAction.CHANGED;
			case EXPORTED -> AuditAction.EXPORTED;
			case ERASED -> AuditAction.ERASED;
		};
		audit.record(event.actor(), action, event.record(), event.origin());
	}
}
