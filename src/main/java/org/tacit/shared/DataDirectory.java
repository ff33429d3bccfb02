package org.tacit.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The folder that holds what Tacit keeps on disk besides the database: the search index and logs
 * (and the H2 database in the embedded default). The search module reports the index's health.
 */
@Component
public class DataDirectory {

	private final Path root;

	DataDirectory(@Value("${tacit.data-dir}") Path root) {
		this.root = root.toAbsolutePath().normalize();
		try {
			Files.createDirectories(indexDirectory());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the data directory " + this.root
					+ " (set TACIT_DATA_DIR to a writable folder)", e);
		}
	}

	public Path root() {
		return root;
	}

	/** Where the search index lives; it can always be rebuilt from the database. */
	public Path indexDirectory() {
		return root.resolve("index");
	}
}
