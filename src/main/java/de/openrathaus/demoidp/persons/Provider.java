// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.persons;

import java.util.Arrays;
import java.util.Optional;

/** The two demo identity providers: citizens (BundID) and organisations (in the style of "Mein Unternehmenskonto"). */
public enum Provider {

	BUNDID("bundid"), UNTERNEHMENSKONTO("unternehmenskonto");

	private final String path;

	Provider(String path) {
		this.path = path;
	}

	/** The path segment under {@code /demo-idp/}, also the name of its key. */
	public String path() {
		return path;
	}

	public static Optional<Provider> ofPath(String path) {
		return Arrays.stream(values()).filter(provider -> provider.path.equals(path)).findFirst();
	}
}
