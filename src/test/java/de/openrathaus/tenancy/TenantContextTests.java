// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class TenantContextTests {

	TenantId a = new TenantId(UUID.randomUUID());
	TenantId b = new TenantId(UUID.randomUUID());

	@Test
	void bindsForTheWorkAndRestoresTheOuterBinding() {
		TenantContext.runAs(a, () -> {
			assertThat(TenantContext.require()).isEqualTo(a);
			TenantContext.runAs(b, () -> assertThat(TenantContext.require()).isEqualTo(b));
			assertThat(TenantContext.require()).isEqualTo(a);
		});
		assertThat(TenantContext.current()).isEmpty();
	}

	@Test
	void unbindsEvenWhenTheWorkFails() {
		assertThatThrownBy(() -> TenantContext.runAs(a, () -> {
			throw new IllegalArgumentException("boom");
		})).hasMessage("boom");
		assertThat(TenantContext.current()).isEmpty();
	}

	@Test
	void requireWithoutBindingFailsClearly() {
		assertThatThrownBy(TenantContext::require).hasMessageContaining("No municipality");
	}
}
