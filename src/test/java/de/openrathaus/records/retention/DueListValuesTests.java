// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.records.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The due list's states and the archive's codes keep the values the table's check constraints name. */
class DueListValuesTests {

	@Test
	void theArchiveAssessmentIsReadOnlyFromItsExactXdomeaCode() {
		assertThat(ArchiveAssessment.of("A")).contains(ArchiveAssessment.ARCHIVE);
		assertThat(ArchiveAssessment.of("V")).contains(ArchiveAssessment.DESTROY);
		assertThat(ArchiveAssessment.of("a")).isEmpty();
		assertThat(ArchiveAssessment.of("B")).isEmpty();
		assertThat(ArchiveAssessment.of("")).isEmpty();
		assertThat(ArchiveAssessment.ARCHIVE.code).isEqualTo("A");
		assertThat(ArchiveAssessment.DESTROY.code).isEqualTo("V");
	}

	@Test
	void theDisposalStatesAreTheTwoTheTableAllows() {
		assertThat(DisposalState.values()).extracting(Enum::name).containsExactly("LISTED", "DONE");
	}
}
