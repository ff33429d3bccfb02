package org.tacit.search.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A record's text cut into passages for the embedding model: pieces of about {@link #TARGET} characters
 * (the model reads up to 256 word pieces, roughly a thousand characters, and means a short passage
 * best), cut at paragraph, then sentence, then word boundaries, each led by the record's title so that
 * a passage is understood in its context. At most {@link #MAX} per record: a long attachment is found
 * by meaning through its beginning, and by words through all of it.
 */
final class Passages {

	static final int TARGET = 600;
	static final int MAX = 16;

	private Passages() {
	}

	static List<String> of(String title, String text) {
		String head = title == null ? "" : title.strip();
		List<String> passages = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String piece : pieces(text == null ? "" : text)) {
			if (current.length() > 0 && current.length() + piece.length() + 1 > TARGET) {
				passages.add(current.toString());
				current.setLength(0);
				if (passages.size() == MAX) {
					break;
				}
			}
			if (current.length() > 0) {
				current.append(' ');
			}
			current.append(piece);
		}
		if (current.length() > 0 && passages.size() < MAX) {
			passages.add(current.toString());
		}
		if (passages.isEmpty()) {
			return head.isEmpty() ? List.of() : List.of(head);
		}
		return passages.stream().map(p -> head.isEmpty() ? p : head + "\n" + p).toList();
	}

	/** Paragraphs, and sentences or words of the paragraphs longer than a passage. */
	private static List<String> pieces(String text) {
		List<String> pieces = new ArrayList<>();
		for (String paragraph : text.split("\\n\\s*\\n")) {
			String clean = paragraph.replaceAll("\\s+", " ").strip();
			if (clean.isEmpty()) {
				continue;
			}
			if (clean.length() <= TARGET) {
				pieces.add(clean);
				continue;
			}
			for (String sentence : clean.split("(?<=[.!?])\\s+")) {
				if (sentence.length() <= TARGET) {
					pieces.add(sentence);
					continue;
				}
				int start = 0;
				while (start < sentence.length()) {
					int end = Math.min(sentence.length(), start + TARGET);
					int space = sentence.lastIndexOf(' ', end);
					if (end < sentence.length() && space > start) {
						end = space;
					}
					pieces.add(sentence.substring(start, end).strip());
					start = end;
				}
			}
		}
		return pieces;
	}
}
