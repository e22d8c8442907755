// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A path without CSRF check is a deliberate, open one. */
class WebAccessTests {

	@Test
	void onlyAnOpenPathMayTakeCrossSitePostsWithoutCsrfToken() {
		WebAccess rules = WebAccess.open("/saml/acs", "/saml/metadata").csrfExemptForCrossSitePosts("/saml/acs")
			.restrict(Authorities.PORTAL, "/portal");
		assertThat(rules.csrfExemptForCrossSitePosts()).containsExactly("/saml/acs");
		assertThat(WebAccess.open("/x").csrfExemptForCrossSitePosts()).isEmpty();
		assertThatThrownBy(() -> WebAccess.open("/saml/metadata").csrfExemptForCrossSitePosts("/portal/antraege/**"))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be declared open");
	}
}
