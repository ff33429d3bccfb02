package org.tacit.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.tacit.measurement.internal.Metric;

/** Every figure is defined: a row of docs/measurement.md's table, and a name and definition on its page. */
class MetricDefinitionsTests {

	@Test
	void everyFigureHasItsDefinitionInTheDocsAndOnItsPage() throws Exception {
		String docs = Files.readString(Path.of("docs/measurement.md"), StandardCharsets.UTF_8);
		Properties messages = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"), StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		for (Metric metric : Metric.values()) {
			assertThat(docs).as(metric.key()).containsPattern("\\| `" + metric.key() + "` \\| [a-z ,]+ \\| .{20,} \\| (higher|lower) \\|");
			assertThat(messages.getProperty("measurement.metric." + metric.key())).as(metric.key()).isNotBlank();
			assertThat(messages.getProperty("measurement.metric." + metric.key() + ".definition")).as(metric.key()).isNotBlank();
			for (String by : metric.breakdowns()) {
				assertThat(messages.getProperty("measurement.by." + by)).as(by).isNotBlank();
			}
		}
	}
}
