package org.tacit.library.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where attachment content is kept, by the SHA-256 hash of its bytes: the same content is kept once,
 * however many items it is attached to. Names given by users never reach this interface. The content
 * of an upload is first received (read to its end, so its hash and size are known), then kept, or
 * dropped when it is refused. Deciding that content is no longer referenced is the caller's business.
 */
public interface AttachmentStorage {

	/**
	 * Reads {@code content} to its end into a staging area. Nothing is kept until {@link Incoming#keep()}.
	 *
	 * @throws TooLargeException when the content has more than {@code maxBytes} bytes; nothing stays behind
	 */
	Incoming receive(InputStream content, long maxBytes) throws IOException;

	/** Receives and keeps {@code content} at once; returns its hash. */
	default String put(InputStream content, long maxBytes) throws IOException {
		try (Incoming incoming = receive(content, maxBytes)) {
			incoming.keep();
			return incoming.hash();
		}
	}

	/** The kept content with this hash; {@link java.nio.file.NoSuchFileException} if there is none. */
	InputStream open(String hash) throws IOException;

	boolean contains(String hash);

	/** Removes the content with this hash, if any: only once nothing refers to it any more. */
	void delete(String hash) throws IOException;

	/** Content that was read, with its hash and size, not yet kept. Closing drops it unless it was kept. */
	interface Incoming extends AutoCloseable {

		/** Lower-case hexadecimal SHA-256 of the content. */
		String hash();

		long size();

		/** A local file with the content, for reading it (detecting its type, extracting its text) before keeping it. */
		Path file();

		/** Makes the content available under its hash; keeping content that is already there changes nothing. */
		void keep() throws IOException;

		@Override
		void close();
	}

	/** The content was larger than allowed. */
	final class TooLargeException extends IOException {

		private final long maxBytes;

		public TooLargeException(long maxBytes) {
			super("The content is larger than " + maxBytes + " bytes");
			this.maxBytes = maxBytes;
		}

		public long maxBytes() {
			return maxBytes;
		}
	}
}
