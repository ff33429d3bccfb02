package org.tacit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * messages.properties, where every visible text lives: no key defined twice (the later silently
 * wins), and every key a template names literally exists.
 */
class MessagesTests {

	private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");
	private static final Path TEMPLATES = Path.of("src/main/resources/templates");
	/** #{some.key} or #{some.key(...)}: a literal key; keys built from expressions are not checked. */
	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");

	@Test
	void noKeyIsDefinedTwice() throws IOException {
		Map<String, List<Integer>> lines = new HashMap<>();
		List<String> all = Files.readAllLines(MESSAGES, StandardCharsets.ISO_8859_1);
		for (int i = 0; i < all.size(); i++) {
			String line = all.get(i).strip();
			if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
				continue;
			}
			lines.computeIfAbsent(line.substring(0, line.indexOf('=')).strip(), k -> new ArrayList<>()).add(i + 1);
		}
		assertThat(lines.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString))
			.as("keys defined more than once (line numbers)")
			.isEmpty();
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties messages = new Properties();
		try (var in = Files.newBufferedReader(MESSAGES, StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		TreeSet<String> missing = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher keys = LITERAL_KEY.matcher(Files.readString(file));
				while (keys.find()) {
					if (!messages.containsKey(keys.group(1))) {
						missing.add(TEMPLATES.relativize(file) + ": " + keys.group(1));
					}
				}
			}
		}
		assertThat(missing).as("message keys used in templates but not defined").isEmpty();
	}
}
