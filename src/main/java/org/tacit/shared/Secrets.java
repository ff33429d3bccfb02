package org.tacit.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Secrets Tacit must keep to use them later (an organization's SMTP password), sealed at rest with
 * AES-256-GCM. The key comes from {@code tacit.secret-key} ({@code TACIT_SECRET_KEY}, at least 16
 * characters, hashed with SHA-256 into the key), or else from the file {@code secret.key} in the data
 * directory, made once with 32 random bytes and readable by its owner only. A sealed value is bound to
 * what it is for ({@code purpose}, such as the organization's id), so it cannot be moved to another row.
 */
@Component
public class Secrets {

	private static final Logger log = LoggerFactory.getLogger(Secrets.class);
	/** What every sealed value starts with (the format's version). */
	public static final String PREFIX = "v1:";
	/** The name of the key file in the data directory. */
	public static final String KEY_FILE = "secret.key";
	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final SecureRandom RANDOM = new SecureRandom();

	/** A sealed value could not be opened: made with another key, or changed. */
	public static class UnreadableException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnreadableException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private final SecretKey key;

	@Autowired
	Secrets(@Value("${tacit.secret-key:}") String configured, DataDirectory data) {
		this.key = configured.isBlank() ? fromFile(data.root().resolve(KEY_FILE)) : fromText(configured);
	}

	/** With a given key (tests, tools). */
	public static Secrets of(String keyText) {
		return new Secrets(fromText(keyText));
	}

	private Secrets(SecretKey key) {
		this.key = key;
	}

	private static SecretKey fromText(String text) {
		if (text.strip().length() < 16) {
			throw new IllegalStateException("TACIT_SECRET_KEY (tacit.secret-key) must be at least 16 characters long");
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
			return new SecretKeySpec(hash, "AES");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static SecretKey fromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
			if (bytes.length != 32) {
				throw new IllegalStateException("The key file " + file + " does not hold a key (32 bytes in Base64); "
						+ "restore it from a backup or set TACIT_SECRET_KEY");
			}
			return new SecretKeySpec(bytes, "AES");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the key file " + file
					+ " (set TACIT_SECRET_KEY, or make the data directory writable)", e);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("The key file " + file + " is not Base64; restore it or set TACIT_SECRET_KEY", e);
		}
	}

	/** Writes a new key to a file of the owner only, then moves it into place (never a half-written key). */
	private static void create(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
		Path temporary = posix
				? Files.createTempFile(file.getParent(), ".secret", ".tmp", PosixFilePermissions.asFileAttribute(ownerOnly))
				: Files.createTempFile(file.getParent(), ".secret", ".tmp");
		try {
			Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
			if (posix) {
				Files.setPosixFilePermissions(temporary, ownerOnly);
			}
			// a rename in the same folder, refused if the file exists meanwhile: never a half-written key
			Files.move(temporary, file);
			log.info("Made the key for stored secrets: {} (back it up with the database)", file);
		}
		catch (FileAlreadyExistsException e) {
			// another process made it first: use theirs
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** The value sealed for its purpose: {@code v1:} and the Base64 of a random IV, the cipher text and the tag. */
	public String seal(String plain, String purpose) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The plain value of a sealed one; {@link UnreadableException} if another key sealed it or it was changed. */
	public String open(String sealed, String purpose) {
		if (sealed == null || !sealed.startsWith(PREFIX)) {
			throw new UnreadableException("not a sealed value", null);
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			if (in.length < IV_BYTES + TAG_BITS / 8) {
				throw new UnreadableException("too short to be a sealed value", null);
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			throw new UnreadableException("sealed with another key, or changed", e);
		}
	}
}
