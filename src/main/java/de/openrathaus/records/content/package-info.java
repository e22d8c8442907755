// SPDX-License-Identifier: EUPL-1.2
/**
 * Content storage addressed by SHA-256, on the filesystem or in S3-compatible object storage.
 * It knows nothing of cases or documents; every read is checked against the content's hash.
 */
@NullMarked
package de.openrathaus.records.content;

import org.jspecify.annotations.NullMarked;
