package org.tacit.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.retention.ExpertiseChanged;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/** Expertise profiles: reading a member's, saving one's own (or, for knowledge managers, anyone's). */
@Service
public class ExpertiseService {

	public static final int AREAS_MAX = 30;
	public static final int ASK_MAX = 1000;
	public static final int LANGUAGES_MAX = 10;
	public static final int LANGUAGE_MAX = 50;
	public static final int LOCATION_MAX = 200;
	/** Derived tags shown on a profile, and records shown per tag. */
	static final int DERIVED_TAGS_MAX = 30;
	static final int PROOFS_PER_TAG = 5;

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final ExpertiseEvidence evidence;
	private final Records records;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ExpertiseService(JdbcClient jdbc, Organizations organizations, ExpertiseEvidence evidence, Records records,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.evidence = evidence;
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What a profile form or request asks to declare. */
	public record ProfileChange(List<AreaInput> areas, String askMeAbout, List<String> languages, String location) {
	}

	/** One declared area as typed; {@code level} 1 to 5. */
	public record AreaInput(String tag, Integer level) {
	}

	/** A member of the organization by id or email; 404 for anyone else. */
	public Organizations.Member member(OrgAccess caller, String idOrEmail) {
		return organizations.findMember(caller.orgId(), idOrEmail).orElseThrow(ProblemException::notFound);
	}

	/** The profile of a member, as any member of the organization may see it. */
	@Transactional(readOnly = true)
	public Profile profile(OrgAccess caller, String idOrEmail) {
		Organizations.Member member = member(caller, idOrEmail);
		Optional<Declared> declared = declared(caller.orgId(), member.id());
		PersonId manager = organizations.managerOf(caller.orgId(), member.id()).orElse(null);
		String managerName = manager == null ? null : organizations.names(List.of(manager)).get(manager);
		return new Profile(member, areas(caller.orgId(), member.id()),
				declared.map(Declared::askMeAbout).orElse(""), declared.map(Declared::languages).orElse(List.of()),
				declared.map(Declared::location).orElse(""), declared.map(Declared::updatedAt).orElse(null), manager,
				managerName, derived(caller, member.id()));
	}

	/** The person themselves keep their profile; knowledge managers and administrators may correct anyone's. */
	public boolean canEdit(OrgAccess caller, PersonId person) {
		return caller.personId().equals(person) || caller.can(Role.KNOWLEDGE_MANAGER);
	}

	@Transactional
	public Profile save(OrgAccess caller, String idOrEmail, ProfileChange change) {
		Organizations.Member member = member(caller, idOrEmail);
		if (!canEdit(caller, member.id())) {
			throw ProblemException.forbidden();
		}
		List<Profile.Area> areas = checkAreas(change.areas());
		String ask = Input.text("askMeAbout", change.askMeAbout(), ASK_MAX, false);
		List<String> languages = checkLanguages(change.languages());
		String location = Input.text("location", change.location(), LOCATION_MAX, false);
		OrgId org = caller.orgId();
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM retention_profile WHERE org_id = ? AND person_id = ?")
			.params(org.value(), member.id().value())
			.update();
		jdbc.sql("""
				INSERT INTO retention_profile (org_id, person_id, ask_me_about, languages, location, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(org.value(), member.id().value(), ask, String.join(",", languages), location, Sql.utc(now))
			.update();
		jdbc.sql("DELETE FROM retention_profile_area WHERE org_id = ? AND person_id = ?")
			.params(org.value(), member.id().value())
			.update();
		for (int i = 0; i < areas.size(); i++) {
			jdbc.sql("INSERT INTO retention_profile_area (org_id, person_id, tag, rating, sort_order) VALUES (?, ?, ?, ?, ?)")
				.params(org.value(), member.id().value(), areas.get(i).tag(), areas.get(i).level(), i)
				.update();
		}
		audit.record(org, "expertise.updated", "person", member.id().toString(),
				areas.stream().map(a -> a.tag() + " " + a.level()).reduce((a, b) -> a + ", " + b).orElse(""));
		events.publishEvent(new ExpertiseChanged(org, member.id()));
		return profile(caller, member.id().toString());
	}

	private static List<Profile.Area> checkAreas(List<AreaInput> raw) {
		List<AreaInput> input = Input.limited("areas", raw, AREAS_MAX);
		Map<String, Profile.Area> areas = new LinkedHashMap<>();
		for (int i = 0; i < input.size(); i++) {
			AreaInput area = input.get(i);
			if (area == null) {
				continue;
			}
			String tag = Input.tag(area.tag());
			if (tag.isEmpty()) {
				throw ProblemException.invalid("areas[" + i + "].tag", "problem.field.required");
			}
			if (tag.length() > Input.TAG_MAX) {
				throw ProblemException.invalid("areas[" + i + "].tag", "retention.tag.tooLong", Input.TAG_MAX);
			}
			int level = Input.score("areas[" + i + "].level", area.level(), true);
			areas.putIfAbsent(tag, new Profile.Area(tag, level));
		}
		return new ArrayList<>(areas.values());
	}

	private static List<String> checkLanguages(List<String> raw) {
		Set<String> languages = new LinkedHashSet<>();
		for (String language : Input.limited("languages", raw, LANGUAGES_MAX)) {
			String checked = Input.text("languages", language, LANGUAGE_MAX, false);
			if (!checked.isEmpty() && !checked.contains(",")) {
				languages.add(checked);
			}
			else if (checked.contains(",")) {
				throw ProblemException.invalid("languages", "retention.language.comma");
			}
		}
		return new ArrayList<>(languages);
	}

	private record Declared(String askMeAbout, List<String> languages, String location, Instant updatedAt) {
	}

	private Optional<Declared> declared(OrgId org, PersonId person) {
		return jdbc.sql("SELECT * FROM retention_profile WHERE org_id = ? AND person_id = ?")
			.params(org.value(), person.value())
			.query((rs, n) -> new Declared(rs.getString("ask_me_about"), Input.split(rs.getString("languages")),
					rs.getString("location"), Sql.instant(rs, "updated_at")))
			.optional();
	}

	/** Declared areas, in the person's order. */
	List<Profile.Area> areas(OrgId org, PersonId person) {
		return jdbc.sql("SELECT tag, rating FROM retention_profile_area WHERE org_id = ? AND person_id = ? ORDER BY sort_order")
			.params(org.value(), person.value())
			.query((rs, n) -> new Profile.Area(rs.getString("tag"), rs.getInt("rating")))
			.list();
	}

	/** The "ask me about" text of a person, empty if none. */
	String askMeAbout(OrgId org, PersonId person) {
		return declared(org, person).map(Declared::askMeAbout).orElse("");
	}

	/**
	 * What the person's work shows, by tag, highest score first; the records listed are those the viewer
	 * may see. A record counts once per tag, however many kinds of evidence it gave.
	 */
	List<Profile.DerivedArea> derived(OrgAccess viewer, PersonId person) {
		Map<String, Map<String, ExpertiseEvidence.Row>> byTag = new LinkedHashMap<>();
		for (ExpertiseEvidence.Row row : evidence.of(viewer.orgId(), person)) {
			// the most telling kind of evidence a record gave on the tag
			byTag.computeIfAbsent(row.tag(), t -> new LinkedHashMap<>())
				.merge(row.recordType() + "/" + row.recordId(), row,
						(a, b) -> a.kind().weight() >= b.kind().weight() ? a : b);
		}
		Map<String, Optional<RecordRef>> seen = new java.util.HashMap<>();
		List<Profile.DerivedArea> derived = new ArrayList<>();
		byTag.forEach((tag, rows) -> {
			int score = rows.values().stream().mapToInt(r -> r.kind().weight()).sum();
			List<ExpertiseEvidence.Row> ordered = rows.values()
				.stream()
				.sorted(Comparator.comparingInt((ExpertiseEvidence.Row r) -> -r.kind().weight())
					.thenComparing(ExpertiseEvidence.Row::at, Comparator.reverseOrder()))
				.toList();
			List<Profile.Proof> proofs = proofs(viewer, ordered, seen, PROOFS_PER_TAG);
			long visible = ordered.stream().filter(r -> resolve(viewer, r, seen).isPresent()).count();
			derived.add(new Profile.DerivedArea(tag, score, proofs, (int) (ordered.size() - visible)));
		});
		derived.sort(Comparator.comparingInt(Profile.DerivedArea::score).reversed().thenComparing(Profile.DerivedArea::tag));
		return derived.size() > DERIVED_TAGS_MAX ? derived.subList(0, DERIVED_TAGS_MAX) : derived;
	}

	/** Up to {@code max} of the rows as links the viewer may follow. */
	List<Profile.Proof> proofs(OrgAccess viewer, List<ExpertiseEvidence.Row> rows, Map<String, Optional<RecordRef>> seen,
			int max) {
		List<Profile.Proof> proofs = new ArrayList<>();
		for (ExpertiseEvidence.Row row : rows) {
			if (proofs.size() >= max) {
				break;
			}
			resolve(viewer, row, seen).ifPresent(ref -> proofs.add(new Profile.Proof(row.kind(), row.recordType(),
					row.recordId(), ref.title(), ref.path(), row.at())));
		}
		return proofs;
	}

	/** The record behind a row, if the viewer may see it; each record is looked up once per page. */
	Optional<RecordRef> resolve(OrgAccess viewer, ExpertiseEvidence.Row row, Map<String, Optional<RecordRef>> seen) {
		return seen.computeIfAbsent(row.recordType() + "/" + row.recordId(), key -> records.find(viewer.orgId().value(),
				row.recordType(), row.recordId(), viewer.personId().value()));
	}

	/** Everyone of the organization with a declared profile or derived expertise: for the search index. */
	@Transactional(readOnly = true)
	public List<PersonId> people(OrgId org) {
		return jdbc.sql("""
				SELECT person_id FROM retention_profile WHERE org_id = ?
				UNION SELECT person_id FROM retention_evidence WHERE org_id = ?""")
			.params(org.value(), org.value())
			.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
			.list();
	}

	/** The organizations with any profile or evidence: for the search rebuild. */
	@Transactional(readOnly = true)
	public List<OrgId> organizationsWithPeople() {
		return jdbc.sql("SELECT org_id FROM retention_profile UNION SELECT org_id FROM retention_evidence")
			.query((rs, n) -> new OrgId(Sql.uuid(rs, "org_id")))
			.list();
	}

	/** Organizations in which the person has a profile or evidence. */
	@Transactional(readOnly = true)
	public List<OrgId> organizationsOf(PersonId person) {
		return jdbc.sql("""
				SELECT org_id FROM retention_profile WHERE person_id = ?
				UNION SELECT org_id FROM retention_evidence WHERE person_id = ?""")
			.params(person.value(), person.value())
			.query((rs, n) -> new OrgId(Sql.uuid(rs, "org_id")))
			.list();
	}
}
