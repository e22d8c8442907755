// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import org.jspecify.annotations.Nullable;

/**
 * What the malware check said about one upload.
 *
 * @param signature the name of the malware found, present exactly when {@link Outcome#INFECTED}
 */
public record ScanVerdict(Outcome outcome, @Nullable String signature) {

	public enum Outcome {
		/** The scanner checked the file and found nothing. */
		CLEAN,
		/** The scanner found malware: the file is refused and quarantined. */
		INFECTED,
		/** The scanner could not be reached, failed or took too long: refused, try later. */
		FAILED,
		/** No scanner is configured (the embedded default): taken unchecked, and the administrators see so. */
		NOT_SCANNED
	}

	public ScanVerdict {
		if ((outcome == Outcome.INFECTED) != (signature != null)) {
			throw new IllegalArgumentException("a signature exactly when infected");
		}
	}

	public static ScanVerdict clean() {
		return new ScanVerdict(Outcome.CLEAN, null);
	}

	public static ScanVerdict infected(String signature) {
		return new ScanVerdict(Outcome.INFECTED, signature);
	}

	public static ScanVerdict failed() {
		return new ScanVerdict(Outcome.FAILED, null);
	}

	public static ScanVerdict notScanned() {
		return new ScanVerdict(Outcome.NOT_SCANNED, null);
	}

	/** Whether the upload may be kept: checked clean, or no scanner configured. Never after a failed check. */
	public boolean accepted() {
		return outcome == Outcome.CLEAN || outcome == Outcome.NOT_SCANNED;
	}
}
