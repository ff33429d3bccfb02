package org.tacit.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The sentence-embedding model of semantic search: all-MiniLM-L6-v2 (quantized), run in-process from
 * the jar it ships in (nothing is downloaded). It maps a text to a unit vector of {@link #DIMENSIONS}
 * numbers; texts that mean the same have vectors close together.
 *
 * <p>The model loads on first use. Switched off ({@code tacit.search.vectors.enabled=false}), or when it
 * cannot load or fails, {@link #available()} is false: search works on words alone and the health
 * endpoint says why.
 */
@Component
public class Embeddings {

	private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

	public static final int DIMENSIONS = 384;
	/** The model was trained on texts of up to this many word pieces; a longer query is cut there. */
	public static final int MAX_QUERY_TOKENS = 256;
	/** Vectors of recently embedded passages, so a record re-indexed without a change of text costs nothing. */
	private static final int CACHE = 4_000;

	private final boolean enabled;
	private final String modelName;
	private volatile EmbeddingModel model;
	private volatile HuggingFaceTokenCountEstimator tokens;
	private volatile String failure;
	private final Map<String, float[]> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
			return size() > CACHE;
		}
	};

	Embeddings(@Value("${tacit.search.vectors.enabled:true}") boolean enabled,
			@Value("${tacit.search.vectors.model:all-minilm-l6-v2-q}") String modelName) {
		this.enabled = enabled;
		this.modelName = modelName;
	}

	/** Whether vectors are made and searched: switched on, and the model loads and works. */
	public boolean available() {
		return enabled && failure == null && model() != null;
	}

	public boolean enabled() {
		return enabled;
	}

	/** Why the model is not available though switched on, or null. */
	public String failure() {
		return failure;
	}

	public String modelName() {
		return modelName;
	}

	/**
	 * The vectors of the texts, in order; empty if the model is not available. Runs the model on the
	 * calling thread (and the model's own threads): callers are the embedding queue and searches.
	 */
	public List<float[]> embedAll(List<String> texts) {
		EmbeddingModel current = model();
		if (current == null || failure != null) {
			return List.of();
		}
		List<float[]> vectors = new ArrayList<>(texts.size());
		List<String> missing = new ArrayList<>();
		synchronized (cache) {
			for (String text : texts) {
				float[] known = cache.get(text);
				vectors.add(known);
				if (known == null) {
					missing.add(text);
				}
			}
		}
		if (!missing.isEmpty()) {
			List<float[]> made;
			try {
				made = current.embedAll(missing.stream().map(TextSegment::from).toList())
					.content()
					.stream()
					.map(e -> unit(e.vector()))
					.toList();
			}
			catch (RuntimeException e) {
				failed("The embedding model failed: " + e.getMessage(), e);
				return List.of();
			}
			int next = 0;
			synchronized (cache) {
				for (int i = 0; i < vectors.size(); i++) {
					if (vectors.get(i) == null) {
						float[] vector = made.get(next++);
						vectors.set(i, vector);
						cache.put(texts.get(i), vector);
					}
				}
			}
		}
		return vectors;
	}

	/** The vector of a query, cut to the model's limit first; null if the model is not available. */
	public QueryVector query(String text) {
		if (!available()) {
			return null;
		}
		String cut = cutToLimit(text);
		List<float[]> vectors = embedAll(List.of(cut));
		return vectors.isEmpty() ? null : new QueryVector(vectors.get(0), cut.length() < text.strip().length());
	}

	/** A query's vector, and whether the query was cut to the model's limit to make it. */
	public record QueryVector(float[] vector, boolean truncated) {
	}

	private String cutToLimit(String text) {
		String cut = text.strip();
		HuggingFaceTokenCountEstimator counter = tokens;
		if (counter == null) {
			return cut;
		}
		// word pieces, plus the two markers the model adds around every text
		while (counter.estimateTokenCountInText(cut) + 2 > MAX_QUERY_TOKENS) {
			int space = cut.lastIndexOf(' ');
			cut = space > 0 ? cut.substring(0, space).strip() : cut.substring(0, cut.length() * 3 / 4);
		}
		return cut;
	}

	/**
	 * Marks the model failed: vectors stop until {@link #retry()}. Called when the model throws; the
	 * health endpoint shows the reason.
	 */
	public void failed(String reason, Throwable cause) {
		if (failure == null) {
			log.warn("Semantic search is off until the model works again: {}", reason, cause);
		}
		failure = reason;
	}

	/** Tries the model again after a failure. */
	public void retry() {
		failure = null;
	}

	private EmbeddingModel model() {
		if (!enabled) {
			return null;
		}
		EmbeddingModel current = model;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (model == null && failure == null) {
				try {
					if (!"all-minilm-l6-v2-q".equals(modelName)) {
						throw new IllegalArgumentException("Unknown embedding model " + modelName
								+ " (tacit.search.vectors.model); the one that ships with Tacit is all-minilm-l6-v2-q");
					}
					long start = System.nanoTime();
					model = new AllMiniLmL6V2QuantizedEmbeddingModel();
					tokens = new HuggingFaceTokenCountEstimator();
					log.info("Loaded the embedding model {} in {} ms", modelName, (System.nanoTime() - start) / 1_000_000);
				}
				catch (RuntimeException | LinkageError e) {
					failed("The embedding model could not be loaded: " + e.getMessage(), e);
				}
			}
			return model;
		}
	}

	/** Scaled to length one, so that the dot product of two vectors is their cosine similarity. */
	static float[] unit(float[] vector) {
		double sum = 0;
		for (float v : vector) {
			sum += v * v;
		}
		double norm = Math.sqrt(sum);
		if (norm == 0) {
			return vector;
		}
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / norm);
		}
		return unit;
	}
}
