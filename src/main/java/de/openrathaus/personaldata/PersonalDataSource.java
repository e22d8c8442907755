// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.personaldata;

import java.util.UUID;

/**
 * One module's part of a data subject's request: access (Art. 15 GDPR) and erasure (Art. 17).
 * Implementations read and change only their own module's data, in the current municipality, and only
 * about the given account.
 */
public interface PersonalDataSource {

	/** Whether {@link #erase} only says what it would do, or does it. */
	enum Mode {
		PREVIEW, CARRY_OUT
	}

	/**
	 * What this module keeps about the account (the account's id, as the account module issues it):
	 * everything, including files, and nothing about anyone else.
	 */
	PersonalData about(UUID account);

	/**
	 * Erases what this module keeps about the account and no retention duty, legal hold or other legal
	 * obligation requires, and says what it removed, what it kept and why, and what stands in the way.
	 * With {@link Mode#PREVIEW} nothing changes. With {@link Mode#CARRY_OUT} the method runs in the
	 * caller's transaction, together with every other module's part: if any part reports a blocking
	 * line, the caller rolls all parts back, so an erasure happens entirely or not at all. An account
	 * erased before answers with nothing left to remove.
	 */
	Erasure erase(UUID account, Mode mode);
}
