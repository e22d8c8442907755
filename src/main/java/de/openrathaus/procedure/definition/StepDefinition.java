// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of a procedure's form: one topic, its fields and attachments. */
public record StepDefinition(String key, Text title, @Nullable Text intro, List<FieldDefinition> fields,
		List<AttachmentDefinition> attachments, @Nullable Condition when) {

	public StepDefinition {
		fields = fields == null ? List.of() : List.copyOf(fields);
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	public boolean hasUploads() {
		return !attachments.isEmpty();
	}
}
