// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

/** A file as received from the browser, before any check. */
public record Upload(String fieldKey, String originalFilename, byte[] content) {
}
