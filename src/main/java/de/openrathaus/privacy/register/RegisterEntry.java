// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.register;

import java.time.Instant;
import java.util.stream.Stream;

import de.openrathaus.catalogue.PersonalDataProcess;

import org.jspecify.annotations.Nullable;

/**
 * One processing activity: the catalogue's process with what the data protection officer added.
 *
 * @param completedAt when the officer last completed it; null while only the catalogue's data is there
 */
public record RegisterEntry(PersonalDataProcess process, String purpose, String dataSubjects, String recipients, String retention,
		String measures, @Nullable Instant completedAt, @Nullable String completedBy) {

	/** Whether every part Art. 30 (1) asks for is filled in. */
	public boolean complete() {
		return Stream.of(purpose, dataSubjects, recipients, retention, measures, process.categories(), process.legalBases())
			.noneMatch(String::isBlank);
	}
}
