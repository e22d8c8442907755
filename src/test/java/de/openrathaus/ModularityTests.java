// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: no cycles, no access to another module's internals. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(OpenRathausApplication.class);

	@Test
	void verifiesModuleStructure() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES, "target/modulith-docs").writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
