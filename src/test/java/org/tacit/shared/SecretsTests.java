package org.tacit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealed secrets: AES-GCM round trips, bound to their purpose and key; the key file is made once, owner-only. */
class SecretsTests {

	@TempDir
	Path folder;

	@Test
	void aSealedValueOpensOnlyWithItsKeyAndPurpose() {
		Secrets secrets = Secrets.of("a key of the installation, long enough");
		String sealed = secrets.seal("Sm7p-pass!word", "mail:org-1");
		assertThat(sealed).startsWith(Secrets.PREFIX).doesNotContain("Sm7p");
		assertThat(secrets.seal("Sm7p-pass!word", "mail:org-1")).as("a new IV each time").isNotEqualTo(sealed);
		assertThat(secrets.open(sealed, "mail:org-1")).isEqualTo("Sm7p-pass!word");

		assertThatThrownBy(() -> secrets.open(sealed, "mail:org-2")).as("moved to another row")
			.isInstanceOf(Secrets.UnreadableException.class);
		assertThatThrownBy(() -> Secrets.of("another key of the installation").open(sealed, "mail:org-1"))
			.isInstanceOf(Secrets.UnreadableException.class);
		String changed = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("A==") ? "B==" : "A==");
		assertThatThrownBy(() -> secrets.open(changed, "mail:org-1")).isInstanceOf(Secrets.UnreadableException.class);
		assertThatThrownBy(() -> secrets.open("Sm7p-pass!word", "mail:org-1")).isInstanceOf(Secrets.UnreadableException.class);
		assertThatThrownBy(() -> Secrets.of("short")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("TACIT_SECRET_KEY");
	}

	@Test
	void withoutAConfiguredKeyAKeyFileIsMadeOnceForItsOwnerOnly() throws Exception {
		Secrets first = new Secrets("", new DataDirectory(folder));
		Path file = folder.resolve(Secrets.KEY_FILE);
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String key = Files.readString(file);
		String sealed = first.seal("s3cret", "p");

		Secrets again = new Secrets("", new DataDirectory(folder));
		assertThat(Files.readString(file)).as("the same key after a restart").isEqualTo(key);
		assertThat(again.open(sealed, "p")).isEqualTo("s3cret");
		try (var files = Files.list(folder)) {
			assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
				.containsExactlyInAnyOrder(Secrets.KEY_FILE, "index");
		}

		Secrets configured = new Secrets("a configured key, sixteen or more", new DataDirectory(folder));
		assertThatThrownBy(() -> configured.open(sealed, "p")).as("the configured key wins over the file")
			.isInstanceOf(Secrets.UnreadableException.class);
	}
}
