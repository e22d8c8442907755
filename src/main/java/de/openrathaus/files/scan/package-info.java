// SPDX-License-Identifier: EUPL-1.2
/**
 * The malware check of uploads with ClamAV's daemon (clamd) over its INSTREAM protocol, the quarantine of
 * infected files and their report. Internal: other modules ask {@link de.openrathaus.files.UploadScanner}.
 */
@NullMarked
package de.openrathaus.files.scan;

import org.jspecify.annotations.NullMarked;
