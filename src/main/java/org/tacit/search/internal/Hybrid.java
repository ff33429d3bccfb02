package org.tacit.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.Query;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The semantic half of a search and how it is fused with the keyword half: reciprocal rank fusion. A
 * record's fused score is {@code keywordWeight / (k + keyword rank) + semanticWeight / (k + semantic rank)}
 * over the lists it is in (ranks from 1), so a record high in both lists beats one high in a single list,
 * and neither half's raw scores (BM25 is unbounded, cosine is not) need to be comparable. Defaults:
 * k = 60, both weights 1 ({@code tacit.search.hybrid.*}); see docs/search.md.
 */
@Component
public class Hybrid {

	/** Nearest passages looked at per search; several may belong to one record. */
	static final int PASSAGES = 100;
	/** Records the semantic half contributes at most. */
	static final int RESULTS = 50;

	private final VectorIndex vectors;
	private final Embeddings embeddings;
	private final double keywordWeight;
	private final double semanticWeight;
	private final int k;
	private final float minSimilarity;

	Hybrid(VectorIndex vectors, Embeddings embeddings,
			@Value("${tacit.search.hybrid.keyword-weight:1.0}") double keywordWeight,
			@Value("${tacit.search.hybrid.semantic-weight:1.0}") double semanticWeight,
			@Value("${tacit.search.hybrid.rank-constant:60}") int k,
			@Value("${tacit.search.vectors.min-similarity:0.3}") float minSimilarity) {
		this.vectors = vectors;
		this.embeddings = embeddings;
		this.keywordWeight = keywordWeight;
		this.semanticWeight = semanticWeight;
		this.k = k;
		this.minSimilarity = minSimilarity;
	}

	/** Whether semantic search can run: switched on, and the model works. */
	public boolean available() {
		return vectors.available();
	}

	/** Whether semantic search is switched on by configuration (it may still have failed). */
	public boolean enabled() {
		return embeddings.enabled();
	}

	/** The query's vector, or null when the model is not available. */
	Embeddings.QueryVector vector(String query) {
		return available() ? embeddings.query(query) : null;
	}

	/** The records nearest in meaning, best first, within the filter; at most {@link #RESULTS}. */
	List<VectorIndex.Nearest> nearest(Embeddings.QueryVector vector, Query filter) {
		List<VectorIndex.Nearest> nearest = vectors.nearest(vector.vector(), filter, PASSAGES, minSimilarity);
		return nearest.size() > RESULTS ? nearest.subList(0, RESULTS) : nearest;
	}

	/**
	 * Reciprocal rank fusion of two ranked lists of distinct records, best first; ties keep the keyword
	 * order, then the semantic order.
	 */
	<T> List<Fused<T>> fuse(List<T> keyword, List<T> semantic) {
		Map<T, double[]> scores = new LinkedHashMap<>();
		for (int i = 0; i < keyword.size(); i++) {
			scores.computeIfAbsent(keyword.get(i), x -> new double[] { 0, 0, 0 })[0] += keywordWeight / (k + i + 1);
			scores.get(keyword.get(i))[1] = i + 1;
		}
		for (int i = 0; i < semantic.size(); i++) {
			double[] score = scores.computeIfAbsent(semantic.get(i), x -> new double[] { 0, 0, 0 });
			score[0] += semanticWeight / (k + i + 1);
			score[2] = i + 1;
		}
		List<Fused<T>> fused = new ArrayList<>();
		scores.forEach((record, s) -> fused.add(new Fused<>(record, s[0], (int) s[1], (int) s[2])));
		fused.sort(Comparator.comparingDouble((Fused<T> f) -> -f.score()));
		return fused;
	}

	/**
	 * A record's place in the fused list.
	 *
	 * @param keywordRank its rank by words from 1, 0 when the words did not find it
	 * @param semanticRank its rank by meaning from 1, 0 when not among the nearest
	 */
	record Fused<T>(T record, double score, int keywordRank, int semanticRank) {
	}
}
