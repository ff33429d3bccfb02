package org.tacit.retention.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Sql;

/**
 * "Who knows about X": active members ranked by what they declare and what their work shows on a topic.
 *
 * <p>Score of a person: their best matching declared area counts twice its level; each record that
 * shows expertise counts its kind's weight ({@link EvidenceKind}); "ask me about" mentioning the topic
 * counts {@value #ASK_ME_ABOUT}. Tags that are the whole topic count fully, tags that share a word
 * with it count half ({@link Topic}). Ties go by name.
 */
@Service
public class ExpertFinder {

	static final int DECLARED_FACTOR = 2;
	static final int ASK_ME_ABOUT = 2;
	/** Records shown as evidence per person in the results. */
	static final int PROOFS_SHOWN = 5;
	/** At most this many candidates are ranked; a topic so wide is better narrowed. */
	static final int CANDIDATES_MAX = 2_000;

	private final JdbcClient jdbc;
	private final ExpertiseEvidence evidence;
	private final ExpertiseService expertise;
	private final Organizations organizations;

	ExpertFinder(JdbcClient jdbc, ExpertiseEvidence evidence, ExpertiseService expertise, Organizations organizations) {
		this.jdbc = jdbc;
		this.evidence = evidence;
		this.expertise = expertise;
		this.organizations = organizations;
	}

	/**
	 * Someone who knows about the topic, and why.
	 *
	 * @param declared their best matching declared area, or null
	 * @param derivedScore the part of the score their work gives
	 * @param evidence records that show it, those the viewer may see, most telling first
	 * @param otherEvidence how many more records count that are not listed
	 */
	public record Expert(PersonId person, String name, double score, Profile.Area declared, boolean asksAbout,
			String askMeAbout, double derivedScore, List<Profile.Proof> evidence, int otherEvidence) {
	}

	private static final class Candidate {

		final PersonId person;
		Profile.Area declared;
		double declaredScore;
		boolean asksAbout;
		final Map<String, ExpertiseEvidence.Row> records = new LinkedHashMap<>();
		final Map<String, Double> recordScores = new HashMap<>();

		Candidate(PersonId person) {
			this.person = person;
		}

		double derived() {
			return recordScores.values().stream().mapToDouble(Double::doubleValue).sum();
		}

		double score() {
			return declaredScore + derived() + (asksAbout ? ASK_ME_ABOUT : 0);
		}
	}

	@Transactional(readOnly = true)
	public Page<Expert> find(OrgAccess caller, Topic topic, Paging paging) {
		Map<PersonId, Candidate> candidates = new LinkedHashMap<>();
		jdbc.sql("SELECT person_id, tag, rating FROM retention_profile_area WHERE org_id = ? AND (" + topic.sql("tag") + ")")
			.param(caller.orgId().value())
			.params(topic.params())
			.query((rs, n) -> {
				Candidate c = candidates.computeIfAbsent(new PersonId(Sql.uuid(rs, "person_id")), Candidate::new);
				String tag = rs.getString("tag");
				double score = rs.getInt("rating") * DECLARED_FACTOR * topic.match(tag);
				if (score > c.declaredScore) {
					c.declaredScore = score;
					c.declared = new Profile.Area(tag, rs.getInt("rating"));
				}
				return c;
			})
			.list();
		for (ExpertiseEvidence.Row row : evidence.matching(caller.orgId(), topic)) {
			Candidate c = candidates.computeIfAbsent(row.person(), Candidate::new);
			String key = row.recordType() + "/" + row.recordId() + "/" + row.kind();
			double score = row.kind().weight() * topic.match(row.tag());
			if (score > c.recordScores.getOrDefault(key, 0.0)) {
				c.recordScores.put(key, score);
				c.records.put(key, row);
			}
		}
		askMeAbout(caller, topic).forEach(person -> candidates.computeIfAbsent(person, Candidate::new).asksAbout = true);

		Map<PersonId, String> names = new HashMap<>();
		List<Candidate> ranked = new ArrayList<>();
		for (Candidate c : candidates.values()) {
			if (ranked.size() >= CANDIDATES_MAX) {
				break;
			}
			Optional<Organizations.Member> member = organizations.findMember(caller.orgId(), c.person.toString());
			if (member.isPresent() && member.get().active() && c.score() > 0) {
				names.put(c.person, member.get().name());
				ranked.add(c);
			}
		}
		ranked.sort(Comparator.comparingDouble(Candidate::score).reversed()
			.thenComparing(c -> names.get(c.person).toLowerCase(java.util.Locale.ROOT))
			.thenComparing(c -> c.person.value()));
		Map<String, Optional<RecordRef>> seen = new HashMap<>();
		List<Expert> page = ranked.stream()
			.skip(paging.offset())
			.limit(paging.size())
			.map(c -> expert(caller, c, names.get(c.person), seen))
			.toList();
		return paging.of(page, ranked.size());
	}

	private Expert expert(OrgAccess caller, Candidate c, String name, Map<String, Optional<RecordRef>> seen) {
		List<ExpertiseEvidence.Row> rows = c.records.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble((Map.Entry<String, ExpertiseEvidence.Row> e) -> -c.recordScores.get(e.getKey()))
				.thenComparing(e -> e.getValue().at(), Comparator.reverseOrder()))
			.map(Map.Entry::getValue)
			.toList();
		List<Profile.Proof> proofs = expertise.proofs(caller, rows, seen, PROOFS_SHOWN);
		return new Expert(c.person, name, round(c.score()), c.declared, c.asksAbout,
				c.asksAbout ? expertise.askMeAbout(caller.orgId(), c.person) : "", round(c.derived()), proofs,
				rows.size() - proofs.size());
	}

	private List<PersonId> askMeAbout(OrgAccess caller, Topic topic) {
		List<PersonId> people = new ArrayList<>();
		for (String word : topic.stems()) {
			jdbc.sql("SELECT person_id FROM retention_profile WHERE org_id = ? AND LOWER(ask_me_about) LIKE ? ESCAPE '\\'")
				.params(caller.orgId().value(), "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
				.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
				.list()
				.forEach(people::add);
		}
		return people;
	}

	private static double round(double score) {
		return Math.round(score * 10) / 10.0;
	}
}
