package org.tacit.search.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Where a snippet may start or end: after a line break, or after a full stop, question or exclamation
 * mark followed by a space. A plain scan of the characters: the JDK's rule-based sentence iterator found
 * the same places but took most of a search's time when a long text had many matches.
 */
final class SnippetBreaks extends BreakIterator {

	private CharacterIterator source = new StringCharacterIterator("");
	private String text = "";
	private int begin;
	private int current;

	@Override
	public int first() {
		current = begin;
		return current;
	}

	@Override
	public int last() {
		current = end();
		return current;
	}

	@Override
	public int next(int n) {
		int result = current;
		for (int i = 0; i < n && result != DONE; i++) {
			result = next();
		}
		for (int i = 0; i > n && result != DONE; i--) {
			result = previous();
		}
		return result;
	}

	@Override
	public int next() {
		if (current >= end()) {
			return DONE;
		}
		return current = forward(current + 1);
	}

	@Override
	public int previous() {
		if (current <= begin) {
			return DONE;
		}
		return current = backward(current - 1);
	}

	@Override
	public int following(int offset) {
		check(offset);
		if (offset == end()) {
			current = offset;
			return DONE;
		}
		return current = forward(offset + 1);
	}

	@Override
	public int preceding(int offset) {
		check(offset);
		if (offset == begin) {
			current = offset;
			return DONE;
		}
		return current = backward(offset - 1);
	}

	@Override
	public boolean isBoundary(int offset) {
		check(offset);
		current = offset;
		return boundary(offset);
	}

	@Override
	public int current() {
		return current;
	}

	@Override
	public CharacterIterator getText() {
		return source;
	}

	@Override
	public void setText(CharacterIterator newText) {
		source = newText;
		begin = newText.getBeginIndex();
		StringBuilder copy = new StringBuilder(newText.getEndIndex() - begin);
		for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
			copy.append(c);
		}
		text = copy.toString();
		current = begin;
	}

	private int end() {
		return begin + text.length();
	}

	private int forward(int from) {
		int i = from;
		while (i < end() && !boundary(i)) {
			i++;
		}
		return i;
	}

	private int backward(int from) {
		int i = from;
		while (i > begin && !boundary(i)) {
			i--;
		}
		return i;
	}

	private boolean boundary(int offset) {
		if (offset <= begin || offset >= end()) {
			return true;
		}
		char before = text.charAt(offset - 1 - begin);
		if (before == '\n') {
			return true;
		}
		if (!Character.isWhitespace(before) || offset - 2 < begin) {
			return false;
		}
		char end = text.charAt(offset - 2 - begin);
		return end == '.' || end == '?' || end == '!';
	}

	private void check(int offset) {
		if (offset < begin || offset > end()) {
			throw new IllegalArgumentException("offset " + offset + " is outside the text");
		}
	}
}
