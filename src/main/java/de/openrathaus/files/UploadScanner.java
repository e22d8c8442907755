// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

/**
 * The one malware check every upload passes before anything keeps it (citizens' attachments, e-file
 * documents and scans, catalogue imports). Call it outside a database transaction: it may wait for the
 * scanner. A file that could not be checked is never treated as clean.
 */
public interface UploadScanner {

	/**
	 * Checks the content; an infected file is quarantined and reported (without personal data) before this returns.
	 *
	 * @param channel where the upload came in (e.g. {@code procedure.attachment}), for the report; never a name or file name
	 */
	ScanVerdict scan(byte[] content, String channel);

	/** Whether uploads are checked at all, and against what, for the administrators. */
	ScannerStatus status();

	/**
	 * @param enabled  false: uploads are taken unchecked (the embedded default)
	 * @param endpoint where the scanner is reached ({@code tcp://host:port} or {@code unix:/path}), empty when off
	 */
	record ScannerStatus(boolean enabled, String endpoint) {
	}
}
