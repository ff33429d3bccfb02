package org.tacit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tacit.TacitApplication;

/** The jar's command line answers help and version without starting the server. */
class CliTests {

	private String run(int expectedCode, String... args) {
		PrintStream original = System.out;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			assertThat(Cli.run(TacitApplication.class, args)).isEqualTo(expectedCode);
		}
		finally {
			System.setOut(original);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void helpListsTheCommands() {
		assertThat(run(0, "help")).contains("serve").contains("version").contains("help");
	}

	@Test
	void versionPrintsTheBuildVersion() {
		assertThat(run(0, "version")).startsWith("Tacit ").doesNotContain("development");
	}

	@Test
	void anUnknownCommandFailsWithUsage() {
		PrintStream originalErr = System.err;
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			assertThat(Cli.run(TacitApplication.class, "frobnicate")).isEqualTo(2);
		}
		finally {
			System.setErr(originalErr);
		}
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("frobnicate");
	}
}
