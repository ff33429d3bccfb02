package org.tacit.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.tacit.search.SearchDocument;

/** The fields of a record in the Lucene index, and how a {@link SearchDocument} is written to them. */
public final class Fields {

	/** org/type/id: what an update replaces. */
	public static final String KEY = "key";
	public static final String ORG = "org";
	public static final String TYPE = "type";
	public static final String ID = "id";
	public static final String PARENT = "parent";
	public static final String URL = "url";
	/** Analyzed, searched and boosted. */
	public static final String TITLE = "title";
	public static final String TEXT = "text";
	public static final String TAGS = "tags";
	/** Exact values, for filters. */
	public static final String TAG = "tag";
	public static final String KIND = "kind";
	public static final String STATUS = "status";
	public static final String SPACE = "space";
	public static final String SPACE_NAME = "space_name";
	public static final String OWNER = "owner";
	public static final String OWNER_NAME = "owner_name";
	public static final String PUBLISHED = "published";
	public static final String MEMBERS_ONLY = "members_only";
	public static final String STALE = "stale";
	/** Doc values: -1 when stale, else when last verified (epoch ms, 0 for never); drives the freshness boost. */
	public static final String FRESHNESS = "freshness";
	public static final String UPDATED = "updated";
	public static final String VERIFIED = "verified";
	/**
	 * Stored: a digest of what the semantic index copies of a record (title, text and the filter fields),
	 * so that the vectors are made again only when it changed (see {@link VectorIndex}).
	 */
	public static final String SIGNATURE = "signature";
	/** The fields that filter a search, copied as they are from a record to its passages in the vector index. */
	static final List<String> FILTERS = List.of(ORG, TYPE, ID, PARENT, KIND, STATUS, SPACE, OWNER,
			PUBLISHED, MEMBERS_ONLY, STALE, TAG);
	/**
	 * The version of what a record's document holds. An index written with another is rebuilt at start
	 * (2: key, org, visibility and signature stored, for the vector index).
	 */
	static final String FORMAT = "2";

	/** Facet dimensions. */
	public static final String FACET_TYPE = "type";
	public static final String FACET_KIND = "kind";
	public static final String FACET_STATUS = "status";
	public static final String FACET_SPACE = "space";
	public static final String FACET_TAG = "tag";
	public static final String FACET_OWNER = "owner";
	public static final String FACET_FRESHNESS = "freshness";

	public static final String STALE_VALUE = "stale";
	public static final String FRESH_VALUE = "fresh";

	public static final FacetsConfig FACETS = facets();

	/** Body text: stored for snippets, with offsets so that the highlighter need not analyze it again. */
	private static final FieldType BODY = body();

	/** Longest text indexed per record; longer attachment text is cut (its beginning is what people search). */
	public static final int MAX_TEXT = 1_000_000;
	static final int MAX_TAGS = 50;

	private Fields() {
	}

	private static FacetsConfig facets() {
		FacetsConfig config = new FacetsConfig();
		config.setMultiValued(FACET_TAG, true);
		return config;
	}

	private static FieldType body() {
		FieldType type = new FieldType(TextField.TYPE_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

	public static String key(UUID org, String type, String id) {
		return org + "/" + type + "/" + id;
	}

	public static Term keyTerm(UUID org, String type, String id) {
		return new Term(KEY, key(org, type, id));
	}

	/** The Lucene document of a record, with its facet fields built. */
	public static Document toDocument(SearchDocument d) throws java.io.IOException {
		Document doc = new Document();
		doc.add(new StringField(KEY, key(d.org(), d.type(), d.id()), Field.Store.YES));
		doc.add(new StringField(ORG, d.org().toString(), Field.Store.YES));
		doc.add(new StringField(TYPE, d.type(), Field.Store.YES));
		doc.add(new SortedSetDocValuesFacetField(FACET_TYPE, d.type()));
		doc.add(new StringField(ID, d.id(), Field.Store.YES));
		if (d.parentId() != null) {
			doc.add(new StringField(PARENT, d.parentId(), Field.Store.YES));
		}
		if (d.url() != null) {
			doc.add(new StoredField(URL, d.url()));
		}
		doc.add(new TextField(TITLE, nonNull(d.title()), Field.Store.YES));
		String text = nonNull(d.text());
		doc.add(new Field(TEXT, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text, BODY));
		for (String tag : tags(d.tags())) {
			doc.add(new TextField(TAGS, tag, Field.Store.YES));
			doc.add(new StringField(TAG, tag, Field.Store.NO));
			doc.add(new SortedSetDocValuesFacetField(FACET_TAG, tag));
		}
		if (present(d.kind())) {
			String kind = d.kind().strip().toUpperCase(Locale.ROOT);
			doc.add(new StringField(KIND, kind, Field.Store.YES));
			doc.add(new SortedSetDocValuesFacetField(FACET_KIND, kind));
		}
		if (present(d.status())) {
			String status = d.status().strip().toUpperCase(Locale.ROOT);
			doc.add(new StringField(STATUS, status, Field.Store.YES));
			doc.add(new SortedSetDocValuesFacetField(FACET_STATUS, status));
		}
		if (present(d.spaceKey())) {
			doc.add(new StringField(SPACE, d.spaceKey(), Field.Store.YES));
			doc.add(new SortedSetDocValuesFacetField(FACET_SPACE, d.spaceKey()));
			if (d.spaceName() != null) {
				doc.add(new StoredField(SPACE_NAME, d.spaceName()));
			}
		}
		if (d.ownerId() != null) {
			doc.add(new StringField(OWNER, d.ownerId().toString(), Field.Store.YES));
			doc.add(new SortedSetDocValuesFacetField(FACET_OWNER, d.ownerId().toString()));
			if (d.ownerName() != null) {
				doc.add(new StoredField(OWNER_NAME, d.ownerName()));
			}
		}
		doc.add(new StringField(PUBLISHED, Boolean.toString(d.published()), Field.Store.YES));
		doc.add(new StringField(MEMBERS_ONLY, Boolean.toString(d.membersOnly()), Field.Store.YES));
		doc.add(new StringField(STALE, Boolean.toString(d.stale()), Field.Store.YES));
		doc.add(new SortedSetDocValuesFacetField(FACET_FRESHNESS, d.stale() ? STALE_VALUE : FRESH_VALUE));
		long verified = d.verifiedAt() == null ? 0 : d.verifiedAt().toEpochMilli();
		doc.add(new NumericDocValuesField(FRESHNESS, d.stale() ? -1 : verified));
		long updated = d.updatedAt() == null ? 0 : d.updatedAt().toEpochMilli();
		doc.add(new NumericDocValuesField(UPDATED, updated));
		doc.add(new StoredField(UPDATED, updated));
		doc.add(new StoredField(SIGNATURE, signature(doc)));
		return FACETS.build(doc);
	}

	/** A digest of the title, the text and the stored filter values of a record's document. */
	static String signature(Document doc) {
		java.security.MessageDigest digest;
		try {
			digest = java.security.MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		for (String field : List.of(TITLE, TEXT)) {
			digest.update(nonNull(doc.get(field)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			digest.update((byte) 0);
		}
		for (String field : FILTERS) {
			for (String value : field.equals(TAG) ? doc.getValues(TAGS) : doc.getValues(field)) {
				digest.update((field + '=' + value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
		}
		return java.util.HexFormat.of().formatHex(digest.digest(), 0, 16);
	}

	/** Tags as facet values: trimmed, without blanks and duplicates, at most {@link #MAX_TAGS}. */
	static List<String> tags(List<String> tags) {
		if (tags == null) {
			return List.of();
		}
		Set<String> clean = new LinkedHashSet<>();
		for (String tag : tags) {
			if (present(tag) && clean.size() < MAX_TAGS) {
				clean.add(tag.strip());
			}
		}
		return new ArrayList<>(clean);
	}

	static Instant instant(Document doc, String field) {
		var value = doc.getField(field);
		if (value == null || value.numericValue() == null || value.numericValue().longValue() == 0) {
			return null;
		}
		return Instant.ofEpochMilli(value.numericValue().longValue());
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}
}
