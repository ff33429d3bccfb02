package org.tacit.library.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * File names as people give them are only ever shown, never used as paths. This makes them safe to
 * show and to put in a {@code Content-Disposition} header.
 */
public final class FileNames {

	public static final int MAX_LENGTH = 255;
	/** What a file is called when its name has nothing left to show. */
	static final String FALLBACK = "attachment";

	private FileNames() {
	}

	/**
	 * The name to keep and show: the last part of any path a client sent, without control characters
	 * or the invisible formatting characters (right-to-left override, ...) that can disguise an
	 * extension, at most {@link #MAX_LENGTH} characters with the extension kept.
	 */
	public static String clean(String name) {
		if (name == null) {
			return FALLBACK;
		}
		String last = name;
		int slash = Math.max(last.lastIndexOf('/'), last.lastIndexOf('\\'));
		if (slash >= 0) {
			last = last.substring(slash + 1);
		}
		String normal = Normalizer.normalize(last, Normalizer.Form.NFC);
		StringBuilder kept = new StringBuilder(normal.length());
		normal.codePoints().filter(FileNames::shown).forEach(kept::appendCodePoint);
		String cleaned = kept.toString().strip();
		if (cleaned.chars().allMatch(c -> c == '.')) {
			return FALLBACK;
		}
		return shorten(cleaned, MAX_LENGTH);
	}

	private static boolean shown(int codePoint) {
		int type = Character.getType(codePoint);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
				&& type != Character.UNASSIGNED && type != Character.PRIVATE_USE && type != Character.LINE_SEPARATOR
				&& type != Character.PARAGRAPH_SEPARATOR;
	}

	/** Cuts the middle of a long name, keeping a short extension, without splitting a character. */
	static String shorten(String name, int max) {
		if (name.length() <= max) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
		String stem = name.substring(0, name.length() - extension.length());
		int end = max - extension.length();
		if (Character.isHighSurrogate(stem.charAt(end - 1))) {
			end--;
		}
		return stem.substring(0, end) + extension;
	}

	/**
	 * A {@code Content-Disposition} that always downloads (never shows in the browser) and survives any
	 * name (RFC 6266): {@code filename} is a plain ASCII stand-in without quotes, backslashes, path
	 * separators or control characters, and {@code filename*} the full name in UTF-8 (RFC 5987).
	 */
	public static String attachmentDisposition(String name) {
		String cleaned = clean(name).replace("\"", "").replace("\\", "").replace("/", "");
		if (cleaned.isBlank()) {
			cleaned = FALLBACK;
		}
		StringBuilder ascii = new StringBuilder(cleaned.length());
		cleaned.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '%' ? (char) c : '_'));
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(cleaned);
	}

	/** RFC 5987 value characters: letters, digits and {@code !#$&+-.^_`|~}; everything else as UTF-8 %XX. */
	static String encode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}
}
