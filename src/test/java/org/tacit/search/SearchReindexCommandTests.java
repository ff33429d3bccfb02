package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tacit.TacitApplication;

/**
 * {@code tacit reindex} as an operator runs it: a separate JVM that starts the application without the
 * web server on its own data directory, rebuilds the index with a progress bar, and exits 0.
 */
class SearchReindexCommandTests {

	@TempDir
	Path dataDir;

	/** What a command printed, and whether it finished in time with exit code 0. */
	private String run(String... arguments) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path output = dataDir.resolve("output.txt");
		List<String> line = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
				System.getProperty("java.class.path"), TacitApplication.class.getName()));
		line.addAll(List.of(arguments));
		ProcessBuilder command = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
		command.environment().put("TACIT_DATA_DIR", dataDir.toString());
		Process process = command.start();

		boolean finished = process.waitFor(3, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(finished).as(text).isTrue();
		assertThat(process.exitValue()).as(text).isZero();
		return text;
	}

	@Test
	void reindexRebuildsTheIndexShowingProgressAndExitsZero() throws IOException, InterruptedException {
		String text = run("reindex");

		// on the embedded default the new data folder has no items; on PostgreSQL (TACIT_DB_URL) it shares the tests' database
		assertThat(text).contains("[##############################] 100%")
			.containsPattern("Rebuilt the search index: \\d+ documents")
			.doesNotContain("Tomcat started");
		assertThat(dataDir.resolve("index/main")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("segments_"));
		assertThat(dataDir.resolve("index/open.marker")).doesNotExist();
	}

	@Test
	void reindexVectorsLoadsTheModelAndEmbedsWhatTheTextIndexHolds() throws IOException, InterruptedException {
		String text = run("reindex", "--vectors");

		// a new data folder's text index is empty (the text index is not rebuilt by --vectors)
		assertThat(text).contains("[##############################] 100%")
			.contains("Rebuilt the vectors of semantic search: 0 passages");
		assertThat(dataDir.resolve("index/vectors")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("segments_"));
	}
}
