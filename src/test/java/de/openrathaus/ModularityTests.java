// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds (no cycles, no access to another module's internals), and the module
 * diagrams in {@code docs/modules/} are the ones Spring Modulith draws from the code today.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(OpenRathausApplication.class);

	/** Where {@code docs/architecture.md} links the diagrams. */
	static final Path COMMITTED = Path.of("docs/modules");

	static final String REGENERATE = "./mvnw -B -o test -Dtest=ModularityTests -Dopenrathaus.docs.write=true";

	@Test
	void verifiesModuleStructure() {
		MODULES.verify();
	}

	@Test
	void theCommittedModuleDiagramsMatchTheCode(@TempDir Path generated) throws IOException {
		write(generated);
		if (Boolean.getBoolean("openrathaus.docs.write")) {
			write(COMMITTED);
		}
		assertThat(diagrams(COMMITTED))
			.as("docs/modules/ no longer shows the modules as the code has them; regenerate with: " + REGENERATE)
			.isEqualTo(diagrams(generated));
	}

	private static void write(Path folder) {
		// the overview and one diagram per module, C4 style; nothing that depends on the machine
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

	private static Map<String, String> diagrams(Path folder) {
		Map<String, String> diagrams = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return diagrams;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				// Documenter lists the same relations in varying order from run to run: compare the lines as a set
				diagrams.put(file.getFileName().toString(), Files.readString(file).lines().sorted().toList().toString());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return diagrams;
	}
}
