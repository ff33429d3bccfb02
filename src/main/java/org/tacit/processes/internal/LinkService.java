package org.tacit.processes.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.processes.ProcessChanged;
import org.tacit.processes.ProcessId;
import org.tacit.processes.StepLinked;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/**
 * The knowledge linked to steps: records of other modules found through {@link Records} (items, lessons,
 * people, communities) and web addresses, each with a short note, in an order. Whoever may change the
 * process changes its links; a record must be in the organization and visible to the person who links it.
 * Web addresses are kept as text and never fetched by the server.
 */
@Service
public class LinkService {

	/** The record types a step may link, besides {@code url}. */
	public static final List<String> RECORD_TYPES = List.of("item", "lesson", "person", "community");
	public static final String URL = "url";
	public static final int NOTE_MAX = 500;
	public static final int TITLE_MAX = 300;
	public static final int URL_MAX = 2000;
	public static final int LINKS_PER_STEP = 50;

	private final JdbcClient jdbc;
	private final ProcessService processes;
	private final Records records;
	private final Organizations organizations;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	LinkService(JdbcClient jdbc, ProcessService processes, Records records, Organizations organizations,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.processes = processes;
		this.records = records;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One link as a person asks for it: a record by type and id, or a web address ({@code type} url,
	 * {@code url}, an optional {@code title}).
	 */
	public record LinkInput(String type, String id, String url, String title, String note) {
	}

	/** A link after its checks: what is stored. */
	private record Checked(String type, String targetId, String title, String note) {
	}

	/** Adds a link at the end of a step's links. */
	@Transactional
	public LinkView add(OrgAccess access, ProcessId processId, String stepId, LinkInput input) {
		ProcessView process = processes.editable(access, processId);
		processes.step(access, processId, stepId);
		Checked link = check(access, input, "");
		List<LinkView> current = stepLinks(access, processId, stepId, true);
		if (current.size() >= LINKS_PER_STEP) {
			throw ProblemException.invalid("links", "process.links.tooMany", LINKS_PER_STEP);
		}
		if (current.stream().anyMatch(l -> l.type().equals(link.type()) && l.targetId().equals(link.targetId()))) {
			throw ProblemException.conflict("id", "process.link.duplicate");
		}
		UUID id = insert(access.orgId(), access.personId(), process, stepId, link, current.size());
		events.publishEvent(new ProcessChanged(access.orgId(), processId));
		return stepLinks(access, processId, stepId, true).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Makes a step's links exactly the given list, in its order: links already there (same type and
	 * record) keep who linked them and when; the others are added; links not in the list are removed.
	 */
	@Transactional
	public List<LinkView> replace(OrgAccess access, ProcessId processId, String stepId, List<LinkInput> inputs) {
		ProcessView process = processes.editable(access, processId);
		processes.step(access, processId, stepId);
		List<LinkInput> wanted = inputs == null ? List.of() : inputs;
		if (wanted.size() > LINKS_PER_STEP) {
			throw ProblemException.invalid("links", "process.links.tooMany", LINKS_PER_STEP);
		}
		List<Checked> checked = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < wanted.size(); i++) {
			LinkInput input = wanted.get(i);
			if (input == null) {
				throw ProblemException.invalid("links[" + i + "]", "problem.field.required");
			}
			Checked link = check(access, input, "links[" + i + "].");
			if (!seen.add(link.type() + " " + link.targetId())) {
				throw ProblemException.invalid("links[" + i + "]", "process.link.duplicate");
			}
			checked.add(link);
		}
		List<LinkView> existing = stepLinks(access, processId, stepId, true);
		for (LinkView old : existing) {
			if (checked.stream().noneMatch(c -> c.type().equals(old.type()) && c.targetId().equals(old.targetId()))) {
				jdbc.sql("DELETE FROM processes_link WHERE id = ?").param(old.id()).update();
			}
		}
		for (int position = 0; position < checked.size(); position++) {
			Checked link = checked.get(position);
			Optional<LinkView> kept = existing.stream()
				.filter(l -> l.type().equals(link.type()) && l.targetId().equals(link.targetId()))
				.findFirst();
			if (kept.isPresent()) {
				jdbc.sql("UPDATE processes_link SET position = ?, note = ?, title = ? WHERE id = ?")
					.params(position, link.note(), link.title(), kept.get().id())
					.update();
			}
			else {
				insert(access.orgId(), access.personId(), process, stepId, link, position);
			}
		}
		audit.record(access.orgId(), "process.links", "process", processId.toString(),
				stepId + ": " + checked.size() + " links");
		events.publishEvent(new ProcessChanged(access.orgId(), processId));
		return stepLinks(access, processId, stepId, true);
	}

	private UUID insert(OrgId org, PersonId by, ProcessView process, String stepId, Checked link, int position) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO processes_link (id, org_id, process_id, step_id, link_type, target_id, title, note, position,
				  linked_version, orphaned_version, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)""")
			.params(id, org.value(), process.id().value(), stepId, link.type(), link.targetId(), link.title(),
					link.note(), position, process.version(), by.value(), Sql.utc(clock.instant()))
			.update();
		audit.record(org, "process.linked", "process", process.id().toString(),
				stepId + " → " + link.type() + " " + link.targetId());
		events.publishEvent(new StepLinked(org, process.id(), stepId, link.type(), link.targetId(),
				by));
		return id;
	}

	/**
	 * A lesson of the lessons module was embedded in a step ({@code <processId>/<stepId>}): the step links
	 * the lesson, as if its author had linked it here. The lessons module checked the link when it was
	 * made; a process or step that is gone since, a lesson already linked there or a full step leave the
	 * map as it is (the lesson keeps its own link).
	 */
	@Transactional
	public void embedLesson(OrgId org, String processStep, String lessonId, PersonId by) {
		int slash = processStep.indexOf('/');
		if (slash < 0) {
			return;
		}
		ProcessId processId;
		try {
			processId = new ProcessId(UUID.fromString(processStep.substring(0, slash)));
		}
		catch (IllegalArgumentException e) {
			return;
		}
		String stepId = processStep.substring(slash + 1);
		Optional<ProcessView> process = processes.anyOf(org, processId);
		if (process.isEmpty()
				|| processes.stepsOf(processId, process.get().version()).stream().noneMatch(s -> s.id().equals(stepId))) {
			return;
		}
		List<String> there = jdbc.sql("""
				SELECT link_type || ' ' || target_id FROM processes_link
				WHERE process_id = ? AND step_id = ? AND orphaned_version IS NULL""")
			.params(processId.value(), stepId)
			.query(String.class)
			.list();
		if (there.contains("lesson " + lessonId) || there.size() >= LINKS_PER_STEP) {
			return;
		}
		String title = records.find(org.value(), "lesson", lessonId, null).map(RecordRef::title).orElse("");
		insert(org, by, process.get(), stepId,
				new Checked("lesson", lessonId, title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX) : title, ""),
				there.size());
		events.publishEvent(new ProcessChanged(org, processId));
	}

	/** The note of a link changes. */
	@Transactional
	public void setNote(OrgAccess access, ProcessId processId, UUID linkId, String note) {
		LinkView link = editableLink(access, processId, linkId);
		jdbc.sql("UPDATE processes_link SET note = ? WHERE id = ?")
			.params(Checks.optional("note", note, NOTE_MAX), link.id())
			.update();
		events.publishEvent(new ProcessChanged(access.orgId(), processId));
	}

	/** Moves a link one place up ({@code -1}) or down ({@code +1}) among its step's links. */
	@Transactional
	public void move(OrgAccess access, ProcessId processId, UUID linkId, int by) {
		LinkView link = editableLink(access, processId, linkId);
		List<LinkView> links = new ArrayList<>(stepLinks(access, processId, link.stepId(), !link.orphaned()));
		int at = links.indexOf(links.stream().filter(l -> l.id().equals(linkId)).findFirst().orElseThrow());
		int to = Math.max(0, Math.min(links.size() - 1, at + Integer.signum(by)));
		links.add(to, links.remove(at));
		for (int i = 0; i < links.size(); i++) {
			jdbc.sql("UPDATE processes_link SET position = ? WHERE id = ?").params(i, links.get(i).id()).update();
		}
	}

	/** Removes a link (an attached one, or an orphaned one the owner drops). */
	@Transactional
	public void remove(OrgAccess access, ProcessId processId, UUID linkId) {
		LinkView link = editableLink(access, processId, linkId);
		jdbc.sql("DELETE FROM processes_link WHERE id = ?").param(link.id()).update();
		audit.record(access.orgId(), "process.unlinked", "process", processId.toString(),
				link.stepId() + " → " + link.type() + " " + link.targetId());
		events.publishEvent(new ProcessChanged(access.orgId(), processId));
	}

	/** Attaches an orphaned link (or moves any link) to a step of the current version, at the end of its links. */
	@Transactional
	public void reattach(OrgAccess access, ProcessId processId, UUID linkId, String stepId) {
		LinkView link = editableLink(access, processId, linkId);
		if (stepId == null || stepId.isBlank()) {
			throw ProblemException.invalid("step", "problem.field.required");
		}
		ProcessView process = processes.get(access, processId);
		if (processes.steps(access, processId, 0).stream().noneMatch(s -> s.id().equals(stepId))) {
			throw ProblemException.invalid("step", "process.step.unknown");
		}
		List<LinkView> there = stepLinks(access, processId, stepId, true);
		if (there.stream().anyMatch(l -> l.type().equals(link.type()) && l.targetId().equals(link.targetId())
				&& !l.id().equals(linkId))) {
			throw ProblemException.conflict("step", "process.link.duplicate");
		}
		if (there.size() >= LINKS_PER_STEP) {
			throw ProblemException.invalid("step", "process.links.tooMany", LINKS_PER_STEP);
		}
		jdbc.sql("UPDATE processes_link SET step_id = ?, orphaned_version = NULL, position = ? WHERE id = ?")
			.params(stepId, there.size(), linkId)
			.update();
		audit.record(access.orgId(), "process.reattached", "process", process.id().toString(),
				link.stepId() + " → " + stepId + ": " + link.type() + " " + link.targetId());
		events.publishEvent(new ProcessChanged(access.orgId(), processId));
	}

	private LinkView editableLink(OrgAccess access, ProcessId processId, UUID linkId) {
		processes.editable(access, processId);
		if (linkId == null) {
			throw ProblemException.notFound();
		}
		return query(access, processId, "l.id = ?", linkId, BY_STEP, true).stream()
			.findFirst()
			.orElseThrow(ProblemException::notFound);
	}

	private Checked check(OrgAccess access, LinkInput input, String prefix) {
		String type = input.type() == null ? "" : input.type().strip().toLowerCase(Locale.ROOT);
		String note = Checks.optional(prefix + "note", input.note(), NOTE_MAX);
		if (type.equals(URL)) {
			String url = checkUrl(prefix + "url", input.url() == null || input.url().isBlank() ? input.id() : input.url());
			String title = Checks.optional(prefix + "title", input.title(), TITLE_MAX);
			return new Checked(URL, url, title.isEmpty() ? hostOf(url) : title, note);
		}
		if (!RECORD_TYPES.contains(type)) {
			throw ProblemException.invalid(prefix + "type", "process.link.type", String.join(", ", RECORD_TYPES) + ", url");
		}
		String id = input.id() == null ? "" : input.id().strip();
		if (id.isEmpty()) {
			throw ProblemException.invalid(prefix + "id", "problem.field.required");
		}
		if (type.equals("person") && id.contains("@")) {
			// people are easier to name by email; the link keeps their id
			id = organizations.findMember(access.orgId(), id).map(m -> m.id().toString()).orElse(id);
		}
		RecordRef ref = records.require(access.orgId().value(), type, id, access.personId().value(), prefix + "id");
		String title = ref.title() == null ? "" : ref.title();
		return new Checked(type, ref.id(), title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX) : title, note);
	}

	/** Absolute http or https addresses with a host, nothing else (no javascript:, data:, file:). */
	static String checkUrl(String field, String url) {
		String text = url == null ? "" : url.strip();
		if (text.isEmpty()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		if (text.length() > URL_MAX) {
			throw ProblemException.invalid(field, "problem.field.tooLong", URL_MAX);
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
				throw ProblemException.invalid(field, "process.link.url.invalid");
			}
			return uri.toString();
		}
		catch (URISyntaxException e) {
			throw ProblemException.invalid(field, "process.link.url.invalid");
		}
	}

	private static String hostOf(String url) {
		return URI.create(url).getHost();
	}

	/**
	 * The links of a step, attached (or, with {@code attached} false, orphaned there), in their order.
	 * Links to records the caller may not see are shown only to those who may change the process, marked
	 * unavailable, so that they can tidy them up.
	 */
	@Transactional(readOnly = true)
	public List<LinkView> stepLinks(OrgAccess access, ProcessId processId, String stepId, boolean attached) {
		ProcessView process = processes.get(access, processId);
		return query(access, processId, "l.step_id = ? AND l.orphaned_version IS " + (attached ? "NULL" : "NOT NULL"),
				stepId, BY_STEP, process.canEdit());
	}

	/** The links whose step a version removed, for the owner to attach again or drop; by step. */
	@Transactional(readOnly = true)
	public List<Orphan> orphans(OrgAccess access, ProcessId processId) {
		ProcessView process = processes.get(access, processId);
		List<Orphan> orphans = new ArrayList<>();
		for (LinkView link : query(access, processId, "l.orphaned_version IS NOT NULL", null, BY_STEP, process.canEdit())) {
			// the step as the last version that had it named it
			String stepName = jdbc.sql("""
					SELECT name, step_type FROM processes_step WHERE process_id = ? AND step_id = ? AND version < ?
					ORDER BY version DESC LIMIT 1""")
				.params(processId.value(), link.stepId(), link.orphanedVersion())
				.query((rs, n) -> new BpmnReader.Step(link.stepId(), rs.getString("name"), rs.getString("step_type"),
						null, null, 0).label())
				.optional()
				.orElse(link.stepId());
			orphans.add(new Orphan(link, stepName));
		}
		return orphans;
	}

	/** An orphaned link with the name its step had. */
	public record Orphan(LinkView link, String stepName) {
	}

	/**
	 * The lessons that changed the process, in the order they were linked to its steps, with the step and
	 * the version of the day. Fed by this module's own links of type {@code lesson}, so it works whether
	 * a lesson was linked here or embedded from the lessons module.
	 */
	@Transactional(readOnly = true)
	public List<LessonChange> lessons(OrgAccess access, ProcessId processId) {
		processes.get(access, processId);
		Map<String, String> names = new java.util.HashMap<>();
		processes.steps(access, processId, 0).forEach(s -> names.put(s.id(), s.label()));
		return query(access, processId, "l.link_type = 'lesson'", null, "l.created_at, l.id", false).stream()
			.map(l -> new LessonChange(l, names.getOrDefault(l.stepId(), l.stepId())))
			.toList();
	}

	/** A lesson linked to a step. */
	public record LessonChange(LinkView link, String stepName) {
	}

	/** Every attached link of a process, as stored (for search: no viewer's permissions apply). */
	List<LinkView> attachedLinks(ProcessId processId) {
		return jdbc.sql("SELECT l.* FROM processes_link l WHERE l.process_id = ? AND l.orphaned_version IS NULL ORDER BY "
				+ BY_STEP)
			.param(processId.value())
			.query((rs, n) -> row(rs))
			.list();
	}

	private static final String BY_STEP = "l.step_id, l.position, l.created_at";

	private List<LinkView> query(OrgAccess access, ProcessId processId, String condition, Object param, String order,
			boolean keepHidden) {
		List<Object> params = new ArrayList<>();
		params.add(processId.value());
		if (param != null) {
			params.add(param);
		}
		List<LinkView> stored = jdbc
			.sql("SELECT l.* FROM processes_link l WHERE l.process_id = ? AND " + condition + " ORDER BY " + order)
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		Map<PersonId, String> names = organizations.names(stored.stream().map(LinkView::createdBy).distinct().toList());
		List<LinkView> views = new ArrayList<>();
		for (LinkView l : stored) {
			Optional<RecordRef> ref = l.type().equals(URL) ? Optional.empty()
					: records.find(access.orgId().value(), l.type(), l.targetId(), access.personId().value());
			boolean available = l.type().equals(URL) || ref.isPresent();
			if (!available && !keepHidden) {
				continue;
			}
			views.add(new LinkView(l.id(), l.stepId(), l.type(), l.targetId(), ref.map(RecordRef::title).orElse(l.title()),
					ref.map(RecordRef::path).orElse(null), l.url(), l.note(), l.position(), available, l.linkedVersion(),
					l.orphanedVersion(), l.createdBy(), names.getOrDefault(l.createdBy(), ""), l.createdAt()));
		}
		return views;
	}

	private static LinkView row(java.sql.ResultSet rs) throws java.sql.SQLException {
		String type = rs.getString("link_type");
		String target = rs.getString("target_id");
		Integer orphaned = rs.getObject("orphaned_version") == null ? null : rs.getInt("orphaned_version");
		return new LinkView(Sql.uuid(rs, "id"), rs.getString("step_id"), type, target, rs.getString("title"), null,
				type.equals(URL) ? target : null, rs.getString("note"), rs.getInt("position"), true,
				rs.getInt("linked_version"), orphaned, new PersonId(Sql.uuid(rs, "created_by")), null,
				Sql.instant(rs, "created_at"));
	}
}
