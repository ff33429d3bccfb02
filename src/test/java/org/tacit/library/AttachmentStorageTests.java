package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tacit.library.internal.AttachmentStorage;
import org.tacit.library.internal.LocalAttachmentStorage;

/** Attachment content on the local disk: by hash, once, within the limit, nothing left behind on refusal. */
class AttachmentStorageTests {

	@TempDir
	Path root;

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}

	@Test
	void contentIsKeptByItsHashInTwoLevelsOfFolders() throws Exception {
		LocalAttachmentStorage storage = new LocalAttachmentStorage(root);

		String hash = storage.put(bytes("abc"), 100);

		// SHA-256 of "abc"
		assertThat(hash).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(files()).containsExactly(root.resolve("ba/78/" + hash));
		assertThat(storage.contains(hash)).isTrue();
		try (InputStream in = storage.open(hash)) {
			assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("abc");
		}
	}

	@Test
	void theSameContentIsKeptOnce() throws Exception {
		LocalAttachmentStorage storage = new LocalAttachmentStorage(root);

		String first = storage.put(bytes("same"), 100);
		String second = storage.put(bytes("same"), 100);

		assertThat(second).isEqualTo(first);
		assertThat(files()).hasSize(1);
	}

	@Test
	void contentOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
		LocalAttachmentStorage storage = new LocalAttachmentStorage(root);

		assertThatThrownBy(() -> storage.receive(bytes("12345678901"), 10))
			.isInstanceOf(AttachmentStorage.TooLargeException.class);
		assertThat(files()).isEmpty();

		try (AttachmentStorage.Incoming exactly = storage.receive(bytes("1234567890"), 10)) {
			assertThat(exactly.size()).isEqualTo(10);
		}
	}

	@Test
	void receivedContentThatIsNotKeptIsDropped() throws Exception {
		LocalAttachmentStorage storage = new LocalAttachmentStorage(root);
		Path staged;

		try (AttachmentStorage.Incoming incoming = storage.receive(bytes("draft"), 100)) {
			staged = incoming.file();
			assertThat(staged).hasContent("draft");
			assertThat(staged.getParent()).as("staged on the same file system, for an atomic move").isEqualTo(root);
		}

		assertThat(staged).doesNotExist();
		assertThat(files()).isEmpty();
	}

	@Test
	void deletedContentIsGone() throws Exception {
		LocalAttachmentStorage storage = new LocalAttachmentStorage(root);
		String hash = storage.put(bytes("short-lived"), 100);

		storage.delete(hash);

		assertThat(storage.contains(hash)).isFalse();
		assertThatThrownBy(() -> storage.open(hash)).isInstanceOf(NoSuchFileException.class);
		storage.delete(hash);
	}

	@Test
	void onlyHashesNamePaths() {
		LocalAttachmentStorage storage = new LocalAttachmentStorage(root);

		for (String bad : new String[] { "../../etc/passwd", "ABCDEF", "", "ba/78/x", "a".repeat(63) + "/" }) {
			assertThatThrownBy(() -> storage.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> storage.delete(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void temporaryFilesLeftByACrashAreRemovedAtStart() throws Exception {
		Path old = Files.createFile(root.resolve("incoming-123.tmp"));
		Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(0));
		Path recent = Files.createFile(root.resolve("incoming-456.tmp"));

		new LocalAttachmentStorage(root);

		assertThat(old).doesNotExist();
		assertThat(recent).as("may belong to an upload in progress").exists();
	}
}
