package org.tacit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of architecture.md hold, and their documentation is generated from the code. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(TacitApplication.class);

	@Test
	void modulesOnlyUseEachOthersApis() {
		modules.verify();
	}

	@Test
	void everyCapabilityOfTheFoundationIsAModule() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("organizations", "shared", "cli");
	}

	@Test
	void writesModuleDocumentation() throws Exception {
		new Documenter(modules).writeDocumentation();
		assertThat(Files.list(Path.of("target/spring-modulith-docs"))).isNotEmpty();
	}
}
