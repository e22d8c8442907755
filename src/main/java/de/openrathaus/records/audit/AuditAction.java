// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.audit;

/**
 * What an entry of the audit trail records. The name is what is stored and hashed into the chain,
 * so a name must never change: renaming one would make every earlier entry look forged.
 */
public enum AuditAction {

	/** A clerk or the online procedure read a file, case or document. */
	READ,
	SEARCH,
	/** A submission of an online procedure became a case. */
	FILED,
	ANSWER_FILED,
	/** The system decided an application by its procedure type's rule, without a clerk (e.g. a resident parking permit). */
	DECIDED_AUTOMATICALLY,
	CLOSED,
	/** A case of the demo data was created. */
	CREATE,
	FILE_CREATED,
	CASE_CREATED,
	DOCUMENT_ADDED,
	VERSION_ADDED,
	PLAN_ENTRY_ADDED,
	PLAN_ENTRY_CHANGED,
	LEGAL_HOLD_SET,
	LEGAL_HOLD_LIFTED,
	/** An offer list (xdomea 0501) went to the archive. */
	OFFERED,
	/** The archive's assessment (0502) was read. */
	ASSESSED,
	/** The hand-over package (0503) was made. */
	HANDED_OVER_SENT,
	/** The archive acknowledged (0504): the case left the e-file. */
	HANDED_OVER,
	DESTROYED,
	/** Personal data was changed outside the e-file (an account's roles, a catalogue process, …). */
	CHANGED,
	/** Personal data left the platform: an access request's answer, an export of the audit trail. */
	EXPORTED,
	/** A person's data was erased on request (Art. 17 GDPR). */
	ERASED
}
