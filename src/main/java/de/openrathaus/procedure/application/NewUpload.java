// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

/** A checked upload about to be stored. */
public record NewUpload(String fieldKey, String filename, String mediaType, byte[] content) {
}
