package org.tacit.search;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.springframework.context.ApplicationContext;
import org.tacit.search.internal.Fields;
import org.tacit.search.internal.LuceneIndex;

/**
 * Puts documents into the real index and waits until searches see them (a few seconds at most, for
 * a busy machine; the one-second promise has its own test in {@link SearchApiTests}).
 */
public final class SearchFixtures {

	private final SearchIndex index;
	private final LuceneIndex lucene;

	public SearchFixtures(ApplicationContext context) {
		this.index = context.getBean(SearchIndex.class);
		this.lucene = context.getBean(LuceneIndex.class);
	}

	/** Puts the documents; returns once all of them are searchable. */
	public void put(SearchDocument... documents) {
		for (SearchDocument document : documents) {
			index.put(document);
		}
		SearchDocument last = documents[documents.length - 1];
		awaitCount(last.org(), last.type(), last.id(), 1);
	}

	public void awaitCount(UUID org, String type, String id, int expected) {
		TermQuery key = new TermQuery(new Term(Fields.KEY, Fields.key(org, type, id)));
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> lucene.search(searcher -> {
				try {
					return searcher.count(key);
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}) == expected);
	}

	public static Doc doc(UUID org, String title) {
		return new Doc(org, title);
	}

	/** A document with sensible defaults: a published article in a space open to the organization. */
	public static final class Doc {

		private final UUID org;
		private String type = "item";
		private String id = UUID.randomUUID().toString();
		private String parentId;
		private String title;
		private String text = "";
		private List<String> tags = new ArrayList<>();
		private String kind = "ARTICLE";
		private String status;
		private String space = "general";
		private String spaceName = "General";
		private UUID owner = UUID.randomUUID();
		private String ownerName = "Olga Owner";
		private boolean published = true;
		private boolean membersOnly;
		private boolean stale;
		private Instant verifiedAt;
		private Instant updatedAt = Instant.parse("2026-11-01T10:00:00Z");

		private Doc(UUID org, String title) {
			this.org = org;
			this.title = title;
		}

		public Doc id(String id) { this.id = id; return this; }
		public Doc type(String type) { this.type = type; return this; }
		public Doc parent(String parentId) { this.parentId = parentId; return this; }
		public Doc text(String text) { this.text = text; return this; }
		public Doc tags(String... tags) { this.tags = List.of(tags); return this; }
		public Doc kind(String kind) { this.kind = kind; return this; }
		public Doc space(String key, String name) { this.space = key; this.spaceName = name; return this; }
		public Doc owner(UUID owner, String name) { this.owner = owner; this.ownerName = name; return this; }
		public Doc unpublished() { this.published = false; return this; }
		public Doc membersOnly() { this.membersOnly = true; return this; }
		public Doc stale() { this.stale = true; return this; }
		public Doc status(String status) { this.status = status; return this; }
		public Doc verifiedAt(Instant at) { this.verifiedAt = at; return this; }
		public Doc updatedAt(Instant at) { this.updatedAt = at; return this; }

		public SearchDocument build() {
			return new SearchDocument(org, type, id, parentId, "/o/x/items/" + id, title, text, tags, kind, status, space,
					spaceName, owner, ownerName, published, membersOnly, stale, verifiedAt, updatedAt);
		}
	}
}
