package org.tacit.library.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attachment content in a folder of the local disk, one file per content named by its SHA-256 hash in
 * two levels of folders ({@code ab/cd/abcd…}), so no folder grows too large. An upload is written to a
 * temporary file in the same folder tree (same file system) and moved into place atomically: a reader
 * never sees half a file, and a crash leaves only a temporary file, removed at the next start.
 */
public class LocalAttachmentStorage implements AttachmentStorage {

	private static final Logger log = LoggerFactory.getLogger(LocalAttachmentStorage.class);
	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
	private static final String TEMP_PREFIX = "incoming-";
	private static final String TEMP_SUFFIX = ".tmp";
	/** Temporary files older than this at start were left by a crash; younger ones may be another process's. */
	private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

	private final Path root;

	public LocalAttachmentStorage(Path root) {
		this.root = root.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the attachment folder " + this.root, e);
		}
		removeLeftovers();
	}

	public Path root() {
		return root;
	}

	@Override
	public Incoming receive(InputStream content, long maxBytes) throws IOException {
		Path temp = Files.createTempFile(root, TEMP_PREFIX, TEMP_SUFFIX);
		try {
			MessageDigest sha256 = sha256();
			long size = 0;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				OutputStream out = Channels.newOutputStream(channel);
				byte[] buffer = new byte[64 * 1024];
				for (int n; (n = content.read(buffer)) != -1;) {
					size += n;
					if (size > maxBytes) {
						throw new TooLargeException(maxBytes);
					}
					sha256.update(buffer, 0, n);
					out.write(buffer, 0, n);
				}
				out.flush();
				// on disk before it gets its final name, so a crash cannot leave a short file under a hash
				channel.force(true);
			}
			return new LocalIncoming(temp, HexFormat.of().formatHex(sha256.digest()), size);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(temp);
			throw e;
		}
	}

	@Override
	public InputStream open(String hash) throws IOException {
		return Files.newInputStream(path(hash));
	}

	@Override
	public boolean contains(String hash) {
		return Files.isRegularFile(path(hash));
	}

	@Override
	public void delete(String hash) throws IOException {
		Files.deleteIfExists(path(hash));
	}

	/** Where content with this hash lives; the hash is checked, so no other path can come out. */
	Path path(String hash) {
		if (hash == null || !HASH.matcher(hash).matches()) {
			throw new IllegalArgumentException("Not a SHA-256 hash: " + hash);
		}
		return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
	}

	private final class LocalIncoming implements Incoming {

		private final Path temp;
		private final String hash;
		private final long size;
		private boolean kept;

		LocalIncoming(Path temp, String hash, long size) {
			this.temp = temp;
			this.hash = hash;
			this.size = size;
		}

		@Override
		public String hash() {
			return hash;
		}

		@Override
		public long size() {
			return size;
		}

		@Override
		public Path file() {
			return temp;
		}

		@Override
		public void keep() throws IOException {
			if (kept) {
				return;
			}
			Path target = path(hash);
			Files.createDirectories(target.getParent());
			try {
				// replacing equal content is harmless, and atomic: readers see the old file or the new one
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				throw new IOException("The attachment folder " + root + " does not support atomic moves", e);
			}
			kept = true;
		}

		@Override
		public void close() {
			if (!kept) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException e) {
					log.warn("Could not remove the temporary file {}", temp, e);
				}
			}
		}
	}

	private void removeLeftovers() {
		Instant before = Instant.now().minus(LEFTOVER_AGE);
		try (DirectoryStream<Path> temps = Files.newDirectoryStream(root, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
			for (Path temp : temps) {
				if (Files.getLastModifiedTime(temp).toInstant().isBefore(before)) {
					Files.deleteIfExists(temp);
				}
			}
		}
		catch (IOException e) {
			log.warn("Could not remove temporary files left in {}", root, e);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
