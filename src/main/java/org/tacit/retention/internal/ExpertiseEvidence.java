package org.tacit.retention.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.retention.ExpertiseChanged;
import org.tacit.shared.Sql;

/**
 * Derived expertise: a projection of what people did in other modules, one row per tag of each record.
 * A module's listener calls {@link #record} when something shows expertise (an item published, an
 * answer accepted) and {@link #forget} or {@link #retag} when the record changes; {@link #rebuild}
 * derives everything again from the {@link EvidenceSource}s.
 */
@Service
public class ExpertiseEvidence {

	/** Tags kept per record: as many as a library item may have. */
	static final int TAGS_PER_RECORD = 20;

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<EvidenceSource> sources;

	ExpertiseEvidence(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<EvidenceSource> sources) {
		this.jdbc = jdbc;
		this.events = events;
		this.sources = sources;
	}

	/** Replaces what one record says about one person, for this kind of evidence; no tags removes it. */
	@Transactional
	public void record(OrgId org, Evidence evidence) {
		write(org, evidence);
		events.publishEvent(new ExpertiseChanged(org, evidence.person()));
	}

	/** {@link #record} for many records at once (an import's batch): each person is announced once. */
	@Transactional
	public void recordAll(OrgId org, List<Evidence> all) {
		Set<PersonId> people = new LinkedHashSet<>();
		for (Evidence evidence : all) {
			write(org, evidence);
			people.add(evidence.person());
		}
		people.forEach(person -> events.publishEvent(new ExpertiseChanged(org, person)));
	}

	private void write(OrgId org, Evidence evidence) {
		jdbc.sql("""
				DELETE FROM retention_evidence
				WHERE org_id = ? AND person_id = ? AND kind = ? AND record_type = ? AND record_id = ?""")
			.params(org.value(), evidence.person().value(), evidence.kind().name(), evidence.recordType(),
					evidence.recordId())
			.update();
		for (String tag : clean(evidence.tags())) {
			jdbc.sql("""
					INSERT INTO retention_evidence (org_id, person_id, tag, kind, record_type, record_id, at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(org.value(), evidence.person().value(), tag, evidence.kind().name(), evidence.recordType(),
						evidence.recordId(), Sql.utc(evidence.at()))
				.update();
		}
	}

	private static Set<String> clean(List<String> tags) {
		Set<String> clean = new LinkedHashSet<>();
		for (String raw : tags == null ? List.<String>of() : tags) {
			String tag = Input.tag(raw);
			if (!tag.isEmpty() && tag.length() <= Input.TAG_MAX && clean.size() < TAGS_PER_RECORD) {
				clean.add(tag);
			}
		}
		return clean;
	}

	/** The record shows nothing any more (unpublished, archived, deleted): its evidence goes. */
	@Transactional
	public void forget(OrgId org, String recordType, String recordId) {
		List<PersonId> people = peopleOf(org, recordType, recordId);
		if (people.isEmpty()) {
			return;
		}
		jdbc.sql("DELETE FROM retention_evidence WHERE org_id = ? AND record_type = ? AND record_id = ?")
			.params(org.value(), recordType, recordId)
			.update();
		people.forEach(person -> events.publishEvent(new ExpertiseChanged(org, person)));
	}

	/** The record's tags changed: every person's evidence from it gets the new tags, keeping its date. */
	@Transactional
	public void retag(OrgId org, String recordType, String recordId, List<String> tags) {
		record Key(PersonId person, EvidenceKind kind) {
		}
		Map<Key, Set<String>> current = new HashMap<>();
		Map<Key, Instant> at = new HashMap<>();
		jdbc.sql("SELECT person_id, kind, tag, at FROM retention_evidence WHERE org_id = ? AND record_type = ? AND record_id = ?")
			.params(org.value(), recordType, recordId)
			.query((rs, n) -> {
				Key key = new Key(new PersonId(Sql.uuid(rs, "person_id")), EvidenceKind.valueOf(rs.getString("kind")));
				current.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(rs.getString("tag"));
				at.put(key, Sql.instant(rs, "at"));
				return key;
			})
			.list();
		Set<String> wanted = clean(tags);
		Set<PersonId> changed = new LinkedHashSet<>();
		current.forEach((key, had) -> {
			if (!had.equals(wanted)) {
				write(org, new Evidence(key.person(), key.kind(), recordType, recordId, List.copyOf(wanted), at.get(key)));
				changed.add(key.person());
			}
		});
		changed.forEach(person -> events.publishEvent(new ExpertiseChanged(org, person)));
	}

	/**
	 * Derives the organization's expertise again from every source: each source's rows are replaced by
	 * what it gives now. Returns how many pieces of evidence there are afterwards.
	 */
	@Transactional
	public int rebuild(OrgId org) {
		Set<PersonId> people = new LinkedHashSet<>(peopleOf(org));
		int count = 0;
		for (EvidenceSource source : sources) {
			for (EvidenceKind kind : source.kinds()) {
				jdbc.sql("DELETE FROM retention_evidence WHERE org_id = ? AND record_type = ? AND kind = ?")
					.params(org.value(), source.recordType(), kind.name())
					.update();
			}
			List<Evidence> given = new ArrayList<>();
			source.forEach(org, given::add);
			for (Evidence evidence : given) {
				write(org, evidence);
				people.add(evidence.person());
			}
			count += given.size();
		}
		people.forEach(person -> events.publishEvent(new ExpertiseChanged(org, person)));
		return count;
	}

	private List<PersonId> peopleOf(OrgId org, String recordType, String recordId) {
		return jdbc.sql("""
				SELECT DISTINCT person_id FROM retention_evidence WHERE org_id = ? AND record_type = ? AND record_id = ?""")
			.params(org.value(), recordType, recordId)
			.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
			.list();
	}

	private List<PersonId> peopleOf(OrgId org) {
		return jdbc.sql("SELECT DISTINCT person_id FROM retention_evidence WHERE org_id = ?")
			.param(org.value())
			.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
			.list();
	}

	/** One row of evidence as the finder and the profile read it. */
	public record Row(PersonId person, String tag, EvidenceKind kind, String recordType, String recordId, Instant at) {
	}

	/** A person's evidence, newest first. */
	@Transactional(readOnly = true)
	public List<Row> of(OrgId org, PersonId person) {
		return jdbc.sql("SELECT * FROM retention_evidence WHERE org_id = ? AND person_id = ? ORDER BY at DESC, tag")
			.params(org.value(), person.value())
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Evidence whose tag matches the topic's terms. */
	@Transactional(readOnly = true)
	List<Row> matching(OrgId org, Topic topic) {
		return jdbc.sql("SELECT * FROM retention_evidence WHERE org_id = ? AND (" + topic.sql("tag") + ")")
			.param(org.value())
			.params(topic.params())
			.query((rs, n) -> row(rs))
			.list();
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(new PersonId(Sql.uuid(rs, "person_id")), rs.getString("tag"),
				EvidenceKind.valueOf(rs.getString("kind")), rs.getString("record_type"), rs.getString("record_id"),
				Sql.instant(rs, "at"));
	}
}
