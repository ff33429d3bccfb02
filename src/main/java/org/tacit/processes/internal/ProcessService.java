package org.tacit.processes.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.processes.ProcessChanged;
import org.tacit.processes.ProcessId;
import org.tacit.processes.ProcessPublished;
import org.tacit.processes.ProcessStatus;
import org.tacit.processes.ProcessVersionUploaded;
import org.tacit.shared.Limits;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * Processes and their BPMN versions. Every member sees published and retired processes; drafts are
 * seen by their owner and by editors and above. The owner and editors change a process; contributors
 * create them. Each upload is a new version with the steps read from the file; links of the steps it
 * no longer has are orphaned, and links of steps that come back are attached again.
 */
@Service
public class ProcessService {

	public static final int DESCRIPTION_MAX = 5000;
	public static final int NOTE_MAX = 500;
	public static final int FILE_NAME_MAX = 255;

	/** Processes the caller may see; :me is the caller, :editor whether they see every draft. */
	static final String VISIBLE = "p.org_id = :org AND (p.status <> 'DRAFT' OR p.owner_id = :me OR :editor = TRUE)";

	private final JdbcClient jdbc;
	private final BpmnReader reader;
	private final Organizations organizations;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ProcessService(JdbcClient jdbc, BpmnReader reader, Organizations organizations, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.reader = reader;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What a new process or a change of one says; a null owner keeps the current one (or the caller). */
	public record Details(String name, String description, List<String> tags, String owner) {
	}

	/** How the list is filtered and sorted: by NAME (default) or UPDATED. */
	public record Filter(ProcessStatus status, String tag, String query, String sort) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}
	}

	/** A file to become a new version. */
	public record Upload(String fileName, byte[] bpmn, String note) {
	}

	/** What an upload did: the new version, and how many links lost their step with it. */
	public record Uploaded(int version, int steps, int orphaned, int reattached) {
	}

	@Transactional
	public ProcessView create(OrgAccess access, Details details, Upload first) {
		access.require(Role.CONTRIBUTOR);
		String name = Checks.required("name", details.name(), Limits.NAME_LENGTH);
		String description = Checks.optional("description", details.description(), DESCRIPTION_MAX);
		List<String> tags = Checks.tags(details.tags());
		PersonId owner = owner(access, details.owner(), access.personId());
		ProcessId id = ProcessId.random();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO processes_process (id, org_id, name, description, tags, status, owner_id, current_version,
				  created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, 0, ?, ?, ?)""")
			.params(id.value(), access.orgId().value(), name, description, String.join(",", tags), owner.value(),
					access.personId().value(), Sql.utc(now), Sql.utc(now))
			.update();
		audit.record(access.orgId(), "process.created", "process", id.toString(), name);
		events.publishEvent(new ProcessChanged(access.orgId(), id));
		if (first != null) {
			upload(access, id, first);
		}
		return get(access, id);
	}

	@Transactional
	public ProcessView update(OrgAccess access, ProcessId id, Details details) {
		ProcessView process = editable(access, id);
		String name = Checks.required("name", details.name(), Limits.NAME_LENGTH);
		String description = Checks.optional("description", details.description(), DESCRIPTION_MAX);
		List<String> tags = details.tags() == null ? process.tags() : Checks.tags(details.tags());
		PersonId owner = owner(access, details.owner(), process.ownerId());
		jdbc.sql("""
				UPDATE processes_process SET name = ?, description = ?, tags = ?, owner_id = ?, updated_at = ?
				WHERE id = ? AND org_id = ?""")
			.params(name, description, String.join(",", tags), owner.value(), Sql.utc(clock.instant()), id.value(),
					access.orgId().value())
			.update();
		audit.record(access.orgId(), "process.updated", "process", id.toString(), name);
		events.publishEvent(new ProcessChanged(access.orgId(), id));
		return get(access, id);
	}

	/** Publishing needs a diagram; a retired process can be published again. */
	@Transactional
	public ProcessView setStatus(OrgAccess access, ProcessId id, String status) {
		ProcessView process = editable(access, id);
		ProcessStatus next = parseStatus(status);
		if (next == process.status()) {
			return process;
		}
		if (next == ProcessStatus.PUBLISHED && !process.hasDiagram()) {
			throw ProblemException.conflict("status", "process.publish.noDiagram");
		}
		jdbc.sql("UPDATE processes_process SET status = ?, updated_at = ? WHERE id = ? AND org_id = ?")
			.params(next.name(), Sql.utc(clock.instant()), id.value(), access.orgId().value())
			.update();
		audit.record(access.orgId(), "process.status", "process", id.toString(), process.status() + " → " + next);
		events.publishEvent(new ProcessChanged(access.orgId(), id));
		if (next == ProcessStatus.PUBLISHED) {
			events.publishEvent(new ProcessPublished(access.orgId(), id, process.ownerId(), access.personId()));
		}
		return get(access, id);
	}

	public static ProcessStatus parseStatus(String status) {
		try {
			return ProcessStatus.valueOf(status == null ? "" : status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("status", "process.status.unknown");
		}
	}

	/**
	 * A new version from a BPMN file. The file is read and checked completely before anything is written;
	 * a refused file changes nothing.
	 */
	@Transactional
	public Uploaded upload(OrgAccess access, ProcessId id, Upload upload) {
		ProcessView process = editable(access, id);
		BpmnReader.Diagram diagram = reader.read(upload.bpmn());
		String note = Checks.optional("note", upload.note(), NOTE_MAX);
		String fileName = fileName(upload.fileName(), process.name());
		int next = process.version() + 1;
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE processes_process SET current_version = ?, updated_at = ?
				WHERE id = ? AND org_id = ? AND current_version = ?""")
			.params(next, Sql.utc(now), id.value(), access.orgId().value(), process.version())
			.update();
		if (changed == 0) {
			throw new ProblemException(HttpStatus.CONFLICT, "process.version.conflict", List.of());
		}
		jdbc.sql("""
				INSERT INTO processes_version (process_id, version, org_id, bpmn, file_name, size_bytes, step_count, note,
				  uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), next, access.orgId().value(), upload.bpmn(), fileName, upload.bpmn().length,
					diagram.steps().size(), note, access.personId().value(), Sql.utc(now))
			.update();
		List<Object[]> rows = new ArrayList<>();
		for (BpmnReader.Step step : diagram.steps()) {
			rows.add(new Object[] { id.value(), next, step.id(), step.name(), step.type(), step.lane(), step.pool(),
					step.position() });
		}
		batchInsertSteps(rows);
		String stepsOfNext = "SELECT s.step_id FROM processes_step s WHERE s.process_id = :p AND s.version = :v";
		int orphaned = jdbc.sql("UPDATE processes_link SET orphaned_version = :v WHERE process_id = :p "
				+ "AND orphaned_version IS NULL AND step_id NOT IN (" + stepsOfNext + ")")
			.param("p", id.value())
			.param("v", next)
			.update();
		int reattached = jdbc.sql("UPDATE processes_link SET orphaned_version = NULL WHERE process_id = :p "
				+ "AND orphaned_version IS NOT NULL AND step_id IN (" + stepsOfNext + ")")
			.param("p", id.value())
			.param("v", next)
			.update();
		audit.record(access.orgId(), "process.version", "process", id.toString(),
				"version " + next + ", " + diagram.steps().size() + " steps, " + orphaned + " links orphaned");
		events.publishEvent(new ProcessVersionUploaded(access.orgId(), id, next, access.personId()));
		events.publishEvent(new ProcessChanged(access.orgId(), id));
		return new Uploaded(next, diagram.steps().size(), orphaned, reattached);
	}

	private void batchInsertSteps(List<Object[]> rows) {
		for (Object[] row : rows) {
			jdbc.sql("""
					INSERT INTO processes_step (process_id, version, step_id, name, step_type, lane, pool, position)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(row).update();
		}
	}

	/** The file name kept with a version: the uploaded one without folders, or one made from the process name. */
	static String fileName(String uploaded, String processName) {
		String name = uploaded == null ? "" : uploaded.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty()) {
			name = processName.replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".bpmn";
		}
		return name.length() > FILE_NAME_MAX ? name.substring(name.length() - FILE_NAME_MAX) : name;
	}

	private PersonId owner(OrgAccess access, String owner, PersonId current) {
		if (owner == null || owner.isBlank()) {
			return current;
		}
		Organizations.Member member = organizations.findMember(access.orgId(), owner.strip())
			.filter(Organizations.Member::active)
			.orElseThrow(() -> ProblemException.invalid("owner", "process.owner.unknown"));
		return member.id();
	}

	private RowMapper<ProcessView> mapper(OrgAccess access, Map<PersonId, String> names) {
		return (rs, n) -> {
			PersonId owner = new PersonId(Sql.uuid(rs, "owner_id"));
			String tags = rs.getString("tags");
			return new ProcessView(new ProcessId(Sql.uuid(rs, "id")), rs.getString("name"), rs.getString("description"),
					tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(",")),
					ProcessStatus.valueOf(rs.getString("status")), owner, names.get(owner), rs.getInt("current_version"),
					Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
					owner.equals(access.personId()) || access.can(Role.EDITOR));
		};
	}

	private List<ProcessView> withOwnerNames(List<ProcessView> processes) {
		Map<PersonId, String> names = organizations.names(processes.stream().map(ProcessView::ownerId).toList());
		return processes.stream()
			.map(p -> new ProcessView(p.id(), p.name(), p.description(), p.tags(), p.status(), p.ownerId(),
					names.getOrDefault(p.ownerId(), ""), p.version(), p.createdAt(), p.updatedAt(), p.canEdit()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Page<ProcessView> list(OrgAccess access, Filter filter, Paging paging) {
		StringBuilder where = new StringBuilder(VISIBLE);
		Map<String, Object> params = new HashMap<>(visibility(access));
		if (filter.status() != null) {
			where.append(" AND p.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			where.append(" AND (',' || p.tags || ',') LIKE :tag");
			params.put("tag", "%," + like(filter.tag().strip().toLowerCase(Locale.ROOT)) + ",%");
		}
		if (filter.query() != null && !filter.query().isBlank()) {
			where.append(" AND LOWER(p.name) LIKE :q");
			params.put("q", "%" + like(filter.query().strip().toLowerCase(Locale.ROOT)) + "%");
		}
		String order = "UPDATED".equalsIgnoreCase(filter.sort()) ? "p.updated_at DESC, p.id" : "LOWER(p.name), p.id";
		long total = jdbc.sql("SELECT COUNT(*) FROM processes_process p WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<ProcessView> items = jdbc.sql("SELECT p.* FROM processes_process p WHERE " + where + " ORDER BY " + order
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(mapper(access, Map.of()))
			.list();
		return paging.of(withOwnerNames(items), total);
	}

	/** Processes the caller owns that have orphaned links, most recently changed first. */
	@Transactional(readOnly = true)
	public List<ProcessView> ownedWithOrphans(OrgAccess access, Paging paging) {
		return withOwnerNames(jdbc.sql("""
				SELECT p.* FROM processes_process p WHERE p.org_id = ? AND p.owner_id = ? AND EXISTS (
				  SELECT 1 FROM processes_link l WHERE l.process_id = p.id AND l.orphaned_version IS NOT NULL)
				ORDER BY p.updated_at DESC LIMIT ?""")
			.params(access.orgId().value(), access.personId().value(), paging.size())
			.query(mapper(access, Map.of()))
			.list());
	}

	/** LIKE wildcards typed by people are matched as themselves. */
	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Map<String, Object> visibility(OrgAccess access) {
		return Map.of("org", access.orgId().value(), "me", access.personId().value(), "editor", access.can(Role.EDITOR));
	}

	@Transactional(readOnly = true)
	public Optional<ProcessView> find(OrgAccess access, ProcessId id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT p.* FROM processes_process p WHERE p.id = :id AND " + VISIBLE)
			.params(visibility(access))
			.param("id", id.value())
			.query(mapper(access, Map.of()))
			.optional()
			.map(p -> withOwnerNames(List.of(p)).get(0));
	}

	/** A process of the organization, whoever asks; for checks that a link points inside the organization. */
	@Transactional(readOnly = true)
	public Optional<ProcessView> anyOf(org.tacit.organizations.OrgId org, ProcessId id) {
		return jdbc.sql("SELECT p.* FROM processes_process p WHERE p.id = ? AND p.org_id = ?")
			.params(id.value(), org.value())
			.query((rs, n) -> new ProcessView(new ProcessId(Sql.uuid(rs, "id")), rs.getString("name"),
					rs.getString("description"), List.of(), ProcessStatus.valueOf(rs.getString("status")),
					new PersonId(Sql.uuid(rs, "owner_id")), "", rs.getInt("current_version"),
					Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), false))
			.optional();
	}

	/** By the id as typed in an address; 404 for anything the caller cannot see. */
	public ProcessView get(OrgAccess access, String id) {
		return get(access, parseId(id));
	}

	public ProcessView get(OrgAccess access, ProcessId id) {
		return find(access, id).orElseThrow(ProblemException::notFound);
	}

	public static ProcessId parseId(String id) {
		try {
			return new ProcessId(UUID.fromString(id));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw ProblemException.notFound();
		}
	}

	/** The process, if the caller may change it (404 if they cannot see it, 403 if they may not change it). */
	public ProcessView editable(OrgAccess access, ProcessId id) {
		ProcessView process = get(access, id);
		if (!process.canEdit()) {
			throw ProblemException.forbidden();
		}
		return process;
	}

	@Transactional(readOnly = true)
	public List<VersionView> versions(OrgAccess access, ProcessId id) {
		get(access, id);
		List<VersionView> versions = jdbc.sql("""
				SELECT version, file_name, size_bytes, step_count, note, uploaded_by, uploaded_at FROM processes_version
				WHERE process_id = ? ORDER BY version DESC""")
			.param(id.value())
			.query((rs, n) -> new VersionView(rs.getInt("version"), rs.getString("file_name"), rs.getInt("size_bytes"),
					rs.getInt("step_count"), rs.getString("note"), new PersonId(Sql.uuid(rs, "uploaded_by")), null,
					Sql.instant(rs, "uploaded_at")))
			.list();
		Map<PersonId, String> names = organizations.names(versions.stream().map(VersionView::uploadedBy).toList());
		return versions.stream()
			.map(v -> new VersionView(v.version(), v.fileName(), v.sizeBytes(), v.steps(), v.note(), v.uploadedBy(),
					names.getOrDefault(v.uploadedBy(), ""), v.uploadedAt()))
			.toList();
	}

	/** The BPMN file of a version, exactly as it was uploaded. */
	@Transactional(readOnly = true)
	public Bpmn bpmn(OrgAccess access, ProcessId id, int version) {
		ProcessView process = get(access, id);
		return jdbc.sql("SELECT bpmn, file_name FROM processes_version WHERE process_id = ? AND version = ?")
			.params(id.value(), version)
			.query((rs, n) -> new Bpmn(process, version, rs.getString("file_name"), rs.getBytes("bpmn")))
			.optional()
			.orElseThrow(ProblemException::notFound);
	}

	/** A version's file with its name. */
	public record Bpmn(ProcessView process, int version, String fileName, byte[] content) {

		/** The file as an attachment, so that no browser renders it in the application's origin. */
		public org.springframework.http.ResponseEntity<byte[]> toResponse() {
			return org.springframework.http.ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType.APPLICATION_XML)
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
						org.springframework.http.ContentDisposition.attachment()
							.filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(content);
		}
	}

	/**
	 * The steps of a version (0: the current one) with the number of attached links of each; the links are
	 * counted only for the current version, as older versions' steps keep no links of their own.
	 */
	@Transactional(readOnly = true)
	public List<StepView> steps(OrgAccess access, ProcessId id, int version) {
		ProcessView process = get(access, id);
		int v = version == 0 ? process.version() : version;
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		if (v == process.version()) {
			jdbc.sql("""
					SELECT step_id, link_type, COUNT(*) AS n FROM processes_link
					WHERE process_id = ? AND orphaned_version IS NULL GROUP BY step_id, link_type""")
				.param(id.value())
				.query(rs -> {
					counts.computeIfAbsent(rs.getString("step_id"), k -> new LinkedHashMap<>())
						.put(rs.getString("link_type"), rs.getInt("n"));
				});
		}
		return stepsOf(id, v).stream()
			.map(s -> new StepView(s.id(), s.name(), s.type(), s.lane(), s.pool(), s.position(),
					counts.getOrDefault(s.id(), Map.of())))
			.toList();
	}

	/** A step of the current version; 404 if the process or the step is unknown to the caller. */
	public StepView step(OrgAccess access, ProcessId id, String stepId) {
		return steps(access, id, 0).stream()
			.filter(s -> s.id().equals(stepId))
			.findFirst()
			.orElseThrow(ProblemException::notFound);
	}

	List<BpmnReader.Step> stepsOf(ProcessId id, int version) {
		return jdbc.sql("SELECT * FROM processes_step WHERE process_id = ? AND version = ? ORDER BY position")
			.params(id.value(), version)
			.query((rs, n) -> new BpmnReader.Step(rs.getString("step_id"), rs.getString("name"),
					rs.getString("step_type"), rs.getString("lane"), rs.getString("pool"), rs.getInt("position")))
			.list();
	}

	/** What changed between two versions: steps added, removed and renamed (matched by their BPMN id). */
	public record VersionDiff(int from, int to, List<BpmnReader.Step> added, List<BpmnReader.Step> removed,
			List<Renamed> renamed, int unchanged) {
	}

	/** A step whose name changed from one version to the other. */
	public record Renamed(String id, String from, String to, String type) {
	}

	@Transactional(readOnly = true)
	public VersionDiff diff(OrgAccess access, ProcessId id, int from, int to) {
		ProcessView process = get(access, id);
		for (int v : new int[] { from, to }) {
			if (v < 1 || v > process.version()) {
				throw ProblemException.invalid(v == from ? "from" : "to", "process.version.unknown", process.version());
			}
		}
		Map<String, BpmnReader.Step> before = new LinkedHashMap<>();
		stepsOf(id, from).forEach(s -> before.put(s.id(), s));
		List<BpmnReader.Step> added = new ArrayList<>();
		List<Renamed> renamed = new ArrayList<>();
		int unchanged = 0;
		for (BpmnReader.Step step : stepsOf(id, to)) {
			BpmnReader.Step old = before.remove(step.id());
			if (old == null) {
				added.add(step);
			}
			else if (!java.util.Objects.equals(old.name(), step.name())) {
				renamed.add(new Renamed(step.id(), old.label(), step.label(), step.type()));
			}
			else {
				unchanged++;
			}
		}
		return new VersionDiff(from, to, added, new ArrayList<>(before.values()), renamed, unchanged);
	}
}
