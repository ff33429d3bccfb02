package org.tacit.search.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An organization's synonym list, in the order it was written. */
@Repository
class SynonymStore {

	private final JdbcClient jdbc;

	SynonymStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Synonyms.Entry> list(UUID org) {
		return jdbc.sql("SELECT term, synonyms FROM search_synonym WHERE org_id = :org ORDER BY position, term")
			.param("org", org)
			.query((rs, n) -> new Synonyms.Entry(rs.getString("term"),
					Arrays.stream(rs.getString("synonyms").split(",")).filter(s -> !s.isBlank()).toList()))
			.list();
	}

	/** Replaces the whole list; the caller runs it in a transaction. */
	void replace(UUID org, List<Synonyms.Entry> entries) {
		jdbc.sql("DELETE FROM search_synonym WHERE org_id = :org").param("org", org).update();
		int position = 0;
		for (Synonyms.Entry entry : entries) {
			jdbc.sql("INSERT INTO search_synonym (org_id, term, synonyms, position) VALUES (:org, :term, :synonyms, :position)")
				.param("org", org)
				.param("term", entry.term())
				.param("synonyms", String.join(",", entry.synonyms()))
				.param("position", position++)
				.update();
		}
	}
}
