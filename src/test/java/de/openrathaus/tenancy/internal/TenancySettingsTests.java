// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TenancySettingsTests {

	@Test
	void aPublicAddressIsSchemeHostAndPortOnly() {
		assertThat(new TenancySettings.TenantSeed("b", "B", List.of(), " https://portal.b.example/ ").publicUrl())
			.isEqualTo("https://portal.b.example");
		assertThat(new TenancySettings.TenantSeed("b", "B", List.of(), "").publicUrl()).isNull();
		assertThatThrownBy(() -> new TenancySettings.TenantSeed("b", "B", List.of(), "javascript:alert(1)"))
			.hasMessageContaining("public-url");
		assertThatThrownBy(() -> new TenancySettings.TenantSeed("b", "B", List.of(), "https://portal.b.example/pfad"))
			.hasMessageContaining("public-url");
	}
}
