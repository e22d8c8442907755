// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.personaldata;

import java.util.UUID;

/**
 * One module's part of an access request (Art. 15 GDPR). Implementations read only their own module's
 * data, in the current municipality, and only about the given account; they return everything the
 * module keeps about the person, including files, and nothing about anyone else.
 */
public interface PersonalDataSource {

	/** What this module keeps about the account (the account's id, as the account module issues it). */
	PersonalData about(UUID account);
}
