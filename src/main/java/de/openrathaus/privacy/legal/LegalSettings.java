// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The contacts the legal pages name until a municipality's administrator sets its own, per municipality
 * slug: {@code openrathaus.privacy.legal.municipalities.musterstadt.feedback-address=...}.
 */
@ConfigurationProperties("openrathaus.privacy.legal")
record LegalSettings(Map<String, Contacts> municipalities) {

	LegalSettings {
		municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
	}

	@Nullable
	Contacts of(String slug) {
		return municipalities.get(slug);
	}

	/**
	 * @param feedbackAddress the office that receives reports of barriers
	 * @param dpoContact      how to reach the data protection officer (Datenschutzbeauftragte)
	 */
	record Contacts(@Nullable String feedbackAddress, @Nullable String dpoContact) {
	}
}
