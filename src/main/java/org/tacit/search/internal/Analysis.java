package org.tacit.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * How text becomes terms, the same for indexing and searching: Unicode word boundaries, lower case,
 * accents folded, and only plurals stemmed ("templates" finds "template"). A light stemmer keeps
 * prefix and fuzzy queries, which are not stemmed, close to the indexed terms. No stop words are
 * removed, so that phrases such as "how to" still match exactly; BM25 gives common words little weight.
 */
public final class Analysis {

	public static final Analyzer ANALYZER = new Analyzer() {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer tokenizer = new StandardTokenizer();
			TokenStream stream = new EnglishPossessiveFilter(tokenizer);
			stream = new LowerCaseFilter(stream);
			stream = new ASCIIFoldingFilter(stream);
			stream = new EnglishMinimalStemFilter(stream);
			return new TokenStreamComponents(tokenizer, stream);
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new ASCIIFoldingFilter(new LowerCaseFilter(in));
		}
	};

	private Analysis() {
	}

	/** The terms of a piece of text, in order. */
	public static List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = ANALYZER.tokenStream(Fields.TEXT, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return terms;
	}

	/** Lower-cased and folded, not stemmed: what prefix and fuzzy queries compare with the indexed terms. */
	public static String normalized(String word) {
		BytesRef bytes = ANALYZER.normalize(Fields.TEXT, word);
		return bytes.utf8ToString();
	}
}
