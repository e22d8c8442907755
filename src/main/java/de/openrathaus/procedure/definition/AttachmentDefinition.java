// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A document the citizen uploads.
 *
 * @param mediaTypes allowed media types, checked against the file's content, not its name
 * @param maxBytes largest accepted file
 * @param maxFiles how many files this attachment may have
 */
public record AttachmentDefinition(String key, Text label, @Nullable Text hint, boolean required,
		List<String> mediaTypes, long maxBytes, int maxFiles, @Nullable Condition when) {

	public AttachmentDefinition {
		mediaTypes = List.copyOf(mediaTypes);
		if (mediaTypes.isEmpty() || maxBytes <= 0 || maxFiles <= 0) {
			throw new IllegalArgumentException("attachment " + key + " needs media types, a size and a count");
		}
	}

	public String domId() {
		return "a-" + key.replace('.', '-');
	}
}
