package org.tacit.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where snippets may be cut: after line breaks and sentence ends, walked both ways. */
class SnippetBreaksTests {

	private static final String TEXT = "First one. Second? Third!\nFourth line e.g.here";

	@Test
	void boundariesAreAfterSentenceEndsAndLineBreaks() {
		BreakIterator breaks = new SnippetBreaks();
		breaks.setText(TEXT);
		List<Integer> forward = new ArrayList<>();
		for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
			forward.add(b);
		}
		assertThat(forward).containsExactly(0, 11, 19, 26, TEXT.length());
		List<Integer> backward = new ArrayList<>();
		for (int b = breaks.last(); b != BreakIterator.DONE; b = breaks.previous()) {
			backward.add(b);
		}
		assertThat(backward).containsExactly(TEXT.length(), 26, 19, 11, 0);
	}

	@Test
	void followingAndPrecedingFindTheNearestBoundaryStrictlyBeyondTheOffset() {
		BreakIterator breaks = new SnippetBreaks();
		breaks.setText(TEXT);
		assertThat(breaks.following(11)).isEqualTo(19);
		assertThat(breaks.following(5)).isEqualTo(11);
		assertThat(breaks.preceding(11)).isZero();
		assertThat(breaks.preceding(15)).isEqualTo(11);
		assertThat(breaks.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
		assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
		assertThat(breaks.isBoundary(26)).isTrue();
		assertThat(breaks.isBoundary(27)).isFalse();
	}
}
