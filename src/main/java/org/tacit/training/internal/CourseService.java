package org.tacit.training.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/** The catalog: courses, their learning links and competency codes. Knowledge managers and administrators change it. */
@Service
public class CourseService {

	static final Pattern COMPETENCY = Pattern.compile("[a-z0-9-]{1," + Limits.COMPETENCY + "}");

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final Records records;
	private final TrainingAccess access;
	private final AuditLog audit;
	private final Clock clock;

	CourseService(JdbcClient jdbc, Organizations organizations, Records records, TrainingAccess access, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.records = records;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** A course as sent: links as type and id (type {@code item} when left out), competency codes as slugs. */
	public record CourseInput(String title, String description, String type, String trainer, String duration,
			List<Course.Link> links, List<String> competencies) {
	}

	/** Sort orders of the catalog. */
	public enum Sort {
		TITLE, NEWEST, UPDATED
	}

	/** Filters of the catalog: a competency code, a type. */
	public record Filter(String competency, CourseType type, Sort sort) {
	}

	private record Checked(String title, String description, CourseType type, PersonId trainer, String duration,
			List<Course.Link> links, List<String> competencies) {
	}

	private Checked check(OrgAccess caller, CourseInput input) {
		String title = Input.text("title", input.title(), Limits.TITLE, true);
		String description = Input.text("description", input.description(), Limits.DESCRIPTION, false);
		CourseType type = Input.choice("type", input.type(), CourseType.class);
		if (type == null) {
			throw ProblemException.invalid("type", "problem.field.required");
		}
		PersonId trainer = null;
		if (input.trainer() != null && !input.trainer().isBlank()) {
			trainer = organizations.findMember(caller.orgId(), input.trainer().strip())
				.filter(Organizations.Member::active)
				.map(Organizations.Member::id)
				.orElseThrow(() -> ProblemException.invalid("trainer", "training.person.unknown"));
		}
		String duration = Input.text("duration", input.duration(), Limits.DURATION, false);
		List<Course.Link> links = new ArrayList<>();
		List<Course.Link> given = input.links() == null ? List.of() : input.links();
		if (given.size() > Limits.LINKS) {
			throw ProblemException.invalid("links", "training.links.tooMany", Limits.LINKS);
		}
		Set<Course.Link> seen = new LinkedHashSet<>();
		for (int i = 0; i < given.size(); i++) {
			Course.Link link = given.get(i);
			String field = "links[" + i + "]";
			if (link == null || link.id() == null || link.id().isBlank()) {
				throw ProblemException.invalid(field, "problem.field.required");
			}
			String linkType = link.type() == null || link.type().isBlank() ? "item" : link.type().strip();
			var ref = records.require(caller.orgId().value(), linkType, link.id().strip(), caller.personId().value(), field);
			Course.Link checked = new Course.Link(ref.type(), ref.id());
			if (seen.add(checked)) {
				links.add(checked);
			}
		}
		List<String> competencies = competencies(input.competencies());
		return new Checked(title, description, type, trainer, duration.isEmpty() ? null : duration, links, competencies);
	}

	/** Competency codes: slugs, at most {@link Limits#COMPETENCIES}, each once, in the given order. */
	static List<String> competencies(List<String> given) {
		if (given == null) {
			return List.of();
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String raw : given) {
			String code = raw == null ? "" : raw.strip();
			if (code.isEmpty()) {
				continue;
			}
			if (!COMPETENCY.matcher(code).matches()) {
				throw ProblemException.invalid("competencies", "training.competency.format", Limits.COMPETENCY);
			}
			codes.add(code);
		}
		if (codes.size() > Limits.COMPETENCIES) {
			throw ProblemException.invalid("competencies", "training.competencies.tooMany", Limits.COMPETENCIES);
		}
		return List.copyOf(codes);
	}

	@Transactional
	public Course create(OrgAccess caller, CourseInput input) {
		requireManager(caller);
		Checked c = check(caller, input);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO training_course (id, org_id, title, description, course_type, trainer_id, duration, created_by,
				created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.orgId().value(), c.title(), c.description(), c.type().name(),
					c.trainer() == null ? null : c.trainer().value(), c.duration(), caller.personId().value(), Sql.utc(now),
					Sql.utc(now))
			.update();
		writeParts(caller.orgId(), id, c);
		audit.record(caller.orgId(), "course.created", "course", id.toString(), c.title());
		return find(caller.orgId(), id).orElseThrow();
	}

	@Transactional
	public Course update(OrgAccess caller, String courseId, CourseInput input) {
		Course course = get(caller, courseId);
		requireManager(caller);
		Checked c = check(caller, input);
		jdbc.sql("""
				UPDATE training_course SET title = ?, description = ?, course_type = ?, trainer_id = ?, duration = ?, updated_at = ?
				WHERE org_id = ? AND id = ?""")
			.params(c.title(), c.description(), c.type().name(), c.trainer() == null ? null : c.trainer().value(),
					c.duration(), Sql.utc(clock.instant()), caller.orgId().value(), course.id())
			.update();
		jdbc.sql("DELETE FROM training_course_link WHERE org_id = ? AND course_id = ?").params(caller.orgId().value(), course.id()).update();
		jdbc.sql("DELETE FROM training_course_competency WHERE org_id = ? AND course_id = ?")
			.params(caller.orgId().value(), course.id())
			.update();
		writeParts(caller.orgId(), course.id(), c);
		audit.record(caller.orgId(), "course.changed", "course", course.id().toString(), c.title());
		return find(caller.orgId(), course.id()).orElseThrow();
	}

	private void writeParts(OrgId org, UUID id, Checked c) {
		for (int i = 0; i < c.links().size(); i++) {
			Course.Link link = c.links().get(i);
			jdbc.sql("INSERT INTO training_course_link (course_id, org_id, seq, record_type, record_id) VALUES (?, ?, ?, ?, ?)")
				.params(id, org.value(), i, link.type(), link.id())
				.update();
		}
		for (int i = 0; i < c.competencies().size(); i++) {
			jdbc.sql("INSERT INTO training_course_competency (course_id, org_id, code, seq) VALUES (?, ?, ?, ?)")
				.params(id, org.value(), c.competencies().get(i), i)
				.update();
		}
	}

	private void requireManager(OrgAccess caller) {
		if (!access.manages(caller)) {
			throw ProblemException.forbidden();
		}
	}

	/** A course of the caller's organization (every member sees the catalog); 404 otherwise. */
	@Transactional(readOnly = true)
	public Course get(OrgAccess caller, String courseId) {
		return find(caller.orgId(), Input.id(courseId)).orElseThrow(ProblemException::notFound);
	}

	@Transactional(readOnly = true)
	public Optional<Course> find(OrgId org, UUID id) {
		List<Course> found = read(org, "WHERE org_id = ? AND id = ?", List.of(org.value(), id));
		return found.stream().findFirst();
	}

	@Transactional(readOnly = true)
	public Page<Course> list(OrgAccess caller, Filter filter, Paging paging) {
		StringBuilder where = new StringBuilder("WHERE org_id = ?");
		List<Object> params = new ArrayList<>(List.of(caller.orgId().value()));
		if (filter.competency() != null && !filter.competency().isBlank()) {
			where.append(" AND id IN (SELECT course_id FROM training_course_competency WHERE org_id = ? AND code = ?)");
			params.add(caller.orgId().value());
			params.add(filter.competency().strip());
		}
		if (filter.type() != null) {
			where.append(" AND course_type = ?");
			params.add(filter.type().name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM training_course " + where).params(params).query(Long.class).single();
		String order = switch (filter.sort() == null ? Sort.TITLE : filter.sort()) {
			case TITLE -> " ORDER BY LOWER(title), id";
			case NEWEST -> " ORDER BY created_at DESC, id";
			case UPDATED -> " ORDER BY updated_at DESC, id";
		};
		List<Object> paged = new ArrayList<>(params);
		paged.add(paging.size());
		paged.add(paging.offset());
		return paging.of(read(caller.orgId(), where + order + " LIMIT ? OFFSET ?", paged), total);
	}

	/** Titles of courses by id, for lists of assignments and rules. */
	Map<UUID, String> titles(OrgId org) {
		Map<UUID, String> titles = new LinkedHashMap<>();
		jdbc.sql("SELECT id, title FROM training_course WHERE org_id = ?")
			.param(org.value())
			.query((rs, n) -> titles.put(Sql.uuid(rs, "id"), rs.getString("title")))
			.list();
		return titles;
	}

	private List<Course> read(OrgId org, String where, List<Object> params) {
		record Row(UUID id, String title, String description, CourseType type, UUID trainer, String duration,
				Instant createdAt, Instant updatedAt) {
		}
		List<Row> rows = jdbc.sql("SELECT * FROM training_course " + where)
			.params(params)
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), rs.getString("title"), rs.getString("description"),
					CourseType.valueOf(rs.getString("course_type")), Sql.uuid(rs, "trainer_id"), rs.getString("duration"),
					Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")))
			.list();
		List<Course> courses = new ArrayList<>();
		for (Row row : rows) {
			List<Course.Link> links = jdbc.sql(
					"SELECT record_type, record_id FROM training_course_link WHERE org_id = ? AND course_id = ? ORDER BY seq")
				.params(org.value(), row.id())
				.query((rs, n) -> new Course.Link(rs.getString("record_type"), rs.getString("record_id")))
				.list();
			courses.add(new Course(row.id(), org, row.title(), row.description(), row.type(),
					row.trainer() == null ? null : new PersonId(row.trainer()), row.duration(), links, competenciesOf(org, row.id()),
					row.createdAt(), row.updatedAt()));
		}
		return courses;
	}

	List<String> competenciesOf(OrgId org, UUID course) {
		return jdbc.sql("SELECT code FROM training_course_competency WHERE org_id = ? AND course_id = ? ORDER BY seq")
			.params(org.value(), course)
			.query(String.class)
			.list();
	}
}
