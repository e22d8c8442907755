// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.legal;

import java.util.Arrays;
import java.util.Optional;

/** The three pages every public authority's website must have, with the address each answers on. */
enum LegalPageKind {
	IMPRINT("impressum"),
	PRIVACY_NOTICE("datenschutz"),
	ACCESSIBILITY("barrierefreiheit");

	private final String slug;

	LegalPageKind(String slug) {
		this.slug = slug;
	}

	public String slug() {
		return slug;
	}

	/** The key of the page's title and of its default text in the privacy bundle. */
	public String key() {
		return "privacy.legal." + slug;
	}

	static Optional<LegalPageKind> bySlug(String slug) {
		return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
	}
}
