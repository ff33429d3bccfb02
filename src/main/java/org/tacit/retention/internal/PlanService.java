package org.tacit.retention.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.Kind;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.retention.PlanId;
import org.tacit.retention.RiskId;
import org.tacit.retention.TaskId;
import org.tacit.retention.TransferPlanCreated;
import org.tacit.retention.TransferTaskCompleted;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/**
 * Knowledge transfer plans: made for a risk entry by those who manage it, with successors, methods,
 * tasks (each with an owner and a due date) and outputs (library items and lessons, linked or
 * captured). Successors and task owners see the plan, but not the entry's scores.
 */
@Service
public class PlanService {

	public static final int SUCCESSORS_MAX = 10;
	public static final int TASKS_MAX = 100;
	public static final int OUTPUTS_MAX = 100;
	public static final int TITLE_MAX = 200;
	public static final int NOTES_MAX = 4000;
	/** Record types a plan's outputs may be. */
	public static final Set<String> OUTPUT_TYPES = Set.of("item", "lesson");

	private final JdbcClient jdbc;
	private final RiskService risks;
	private final RiskAccess access;
	private final Organizations organizations;
	private final KnowledgeLibrary library;
	private final Records records;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PlanService(JdbcClient jdbc, RiskService risks, RiskAccess access, Organizations organizations,
			KnowledgeLibrary library, Records records, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.risks = risks;
		this.access = access;
		this.organizations = organizations;
		this.library = library;
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A plan as asked for; null fields of an update leave the plan as it is. */
	public record PlanChange(List<String> successors, List<String> methods, String dueDate, String notes, String status) {
	}

	/** A task as asked for. */
	public record TaskChange(String title, String method, String owner, String dueDate) {
	}

	/**
	 * An output: a link to an existing record ({@code type} and {@code id}), or, with {@code space} and
	 * {@code title}, a new draft item captured in that space (interview notes, a walkthrough's write-up).
	 */
	public record OutputChange(String type, String id, String space, String title, String body, List<String> tags) {

		public boolean capture() {
			return id == null || id.isBlank();
		}
	}

	/** What the caller may do with a plan. */
	public record Rights(boolean manage, boolean seeRisk, boolean contribute) {
	}

	@Transactional
	public Plan create(OrgAccess caller, String riskId, PlanChange change) {
		Risk risk = risks.get(caller, riskId);
		if (!access.canManage(caller, risk.person())) {
			throw ProblemException.forbidden();
		}
		if (risk.plan() != null && risk.plan().status() == Plan.Status.ACTIVE) {
			throw ProblemException.conflict(null, "retention.plan.exists");
		}
		List<PersonId> successors = successors(caller, change.successors(), risk.person());
		List<Plan.Method> methods = methods(change.methods(), true);
		LocalDate due = Input.notPast("dueDate", Input.date("dueDate", change.dueDate()), risks.today());
		String notes = Input.text("notes", change.notes(), NOTES_MAX, false);
		PlanId id = PlanId.random();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO retention_plan (id, org_id, risk_id, status, methods, due_date, notes, created_by, created_at,
				  updated_at) VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), caller.orgId().value(), risk.id().value(), join(methods), due, notes,
					caller.personId().value(), Sql.utc(now), Sql.utc(now))
			.update();
		writeSuccessors(id, successors);
		audit.record(caller.orgId(), "plan.created", "plan", id.toString(), risk.subject() + ": " + join(methods));
		events.publishEvent(new TransferPlanCreated(caller.orgId(), id, risk.id(), risk.person()));
		return get(caller, id.toString());
	}

	@Transactional
	public Plan update(OrgAccess caller, String planId, PlanChange change) {
		Plan plan = get(caller, planId);
		requireManage(caller, plan);
		List<PersonId> successors = change.successors() == null ? null
				: successors(caller, change.successors(), plan.person());
		List<Plan.Method> methods = change.methods() == null ? plan.methods() : methods(change.methods(), true);
		LocalDate due = change.dueDate() == null ? plan.dueDate() : Input.date("dueDate", change.dueDate());
		if (!Objects.equals(due, plan.dueDate())) {
			Input.notPast("dueDate", due, risks.today());
		}
		String notes = change.notes() == null ? plan.notes() : Input.text("notes", change.notes(), NOTES_MAX, false);
		// a blank status is left out, as null is (Input.choice gives null for both)
		Plan.Status chosen = Input.choice("status", change.status(), Plan.Status.class);
		Plan.Status status = chosen == null ? plan.status() : chosen;
		if (status == Plan.Status.ACTIVE && plan.status() != Plan.Status.ACTIVE && activePlanOf(caller.orgId(), plan.risk())) {
			throw ProblemException.conflict("status", "retention.plan.exists");
		}
		jdbc.sql("UPDATE retention_plan SET status = ?, methods = ?, due_date = ?, notes = ?, updated_at = ? WHERE id = ? AND org_id = ?")
			.params(status.name(), join(methods), due, notes, Sql.utc(clock.instant()), plan.id().value(),
					caller.orgId().value())
			.update();
		if (successors != null) {
			jdbc.sql("DELETE FROM retention_plan_successor WHERE plan_id = ?").param(plan.id().value()).update();
			writeSuccessors(plan.id(), successors);
		}
		audit.record(caller.orgId(), status == plan.status() ? "plan.updated" : "plan." + status.name().toLowerCase(java.util.Locale.ROOT),
				"plan", plan.id().toString(), plan.subject());
		return get(caller, plan.id().toString());
	}

	private boolean activePlanOf(OrgId org, RiskId risk) {
		return jdbc.sql("SELECT COUNT(*) FROM retention_plan WHERE org_id = ? AND risk_id = ? AND status = 'ACTIVE'")
			.params(org.value(), risk.value())
			.query(Long.class)
			.single() > 0;
	}

	@Transactional
	public Plan.Task addTask(OrgAccess caller, String planId, TaskChange change) {
		Plan plan = get(caller, planId);
		requireManage(caller, plan);
		requireActive(plan);
		if (plan.tasks().size() >= TASKS_MAX) {
			throw ProblemException.conflict(null, "retention.plan.tasks.tooMany", TASKS_MAX);
		}
		String title = Input.text("title", change.title(), TITLE_MAX, true);
		Plan.Method method = Input.choice("method", change.method(), Plan.Method.class);
		if (change.owner() == null || change.owner().isBlank()) {
			throw ProblemException.invalid("owner", "problem.field.required");
		}
		PersonId owner = activeMember(caller, "owner", change.owner());
		LocalDate due = Input.date("dueDate", change.dueDate());
		if (due == null) {
			throw ProblemException.invalid("dueDate", "problem.field.required");
		}
		Input.notPast("dueDate", due, risks.today());
		TaskId id = TaskId.random();
		jdbc.sql("""
				INSERT INTO retention_task (id, org_id, plan_id, title, method, owner_id, due_date, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), caller.orgId().value(), plan.id().value(), title, method == null ? null : method.name(),
					owner.value(), due, Sql.utc(clock.instant()))
			.update();
		touch(plan);
		audit.record(caller.orgId(), "plan.task-added", "plan", plan.id().toString(), title);
		return get(caller, plan.id().toString()).tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
	}

	/** Marks a task done (or open again): its owner, or whoever manages the plan. */
	@Transactional
	public Plan.Task setDone(OrgAccess caller, String planId, String taskId, boolean done) {
		Plan plan = get(caller, planId);
		Plan.Task task = plan.tasks()
			.stream()
			.filter(t -> t.id().toString().equals(taskId))
			.findFirst()
			.orElseThrow(ProblemException::notFound);
		if (!task.owner().equals(caller.personId()) && !rights(caller, plan).manage()) {
			throw ProblemException.forbidden();
		}
		if (task.done() == done) {
			return task;
		}
		jdbc.sql("UPDATE retention_task SET done_at = ?, done_by = ? WHERE id = ? AND org_id = ?")
			.params(done ? Sql.utc(clock.instant()) : null, done ? caller.personId().value() : null, task.id().value(),
					caller.orgId().value())
			.update();
		touch(plan);
		audit.record(caller.orgId(), done ? "plan.task-done" : "plan.task-reopened", "plan", plan.id().toString(),
				task.title());
		if (done) {
			events.publishEvent(new TransferTaskCompleted(caller.orgId(), plan.id(), task.id(), task.owner()));
		}
		return get(caller, plan.id().toString()).tasks().stream().filter(t -> t.id().equals(task.id())).findFirst()
			.orElseThrow();
	}

	/** Links or captures an output: whoever manages the plan, its successors and its task owners. */
	@Transactional
	public Plan.Output addOutput(OrgAccess caller, String planId, OutputChange change) {
		Plan plan = get(caller, planId);
		if (!rights(caller, plan).contribute()) {
			throw ProblemException.forbidden();
		}
		if (plan.outputs().size() >= OUTPUTS_MAX) {
			throw ProblemException.conflict(null, "retention.plan.outputs.tooMany", OUTPUTS_MAX);
		}
		RecordRef ref = change.capture() ? capture(caller, plan, change) : link(caller, change);
		if (plan.outputs().stream().anyMatch(o -> o.type().equals(ref.type()) && o.recordId().equals(ref.id()))) {
			throw ProblemException.conflict("id", "retention.output.already");
		}
		UUID id = UUID.randomUUID();
		String title = ref.title().length() > TITLE_MAX ? ref.title().substring(0, TITLE_MAX) : ref.title();
		jdbc.sql("""
				INSERT INTO retention_output (id, org_id, plan_id, record_type, record_id, title, path, added_by, added_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.orgId().value(), plan.id().value(), ref.type(), ref.id(), title, ref.path(),
					caller.personId().value(), Sql.utc(clock.instant()))
			.update();
		touch(plan);
		audit.record(caller.orgId(), "plan.output-added", "plan", plan.id().toString(), ref.type() + " " + ref.id());
		return get(caller, plan.id().toString()).outputs().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
	}

	private RecordRef link(OrgAccess caller, OutputChange change) {
		String type = change.type() == null ? "" : change.type().strip().toLowerCase(java.util.Locale.ROOT);
		if (!OUTPUT_TYPES.contains(type)) {
			throw ProblemException.invalid("type", "retention.output.type.unknown");
		}
		// the record must be in this organization and visible to whoever links it
		return records.require(caller.orgId().value(), type, change.id().strip(), caller.personId().value(), "id");
	}

	private RecordRef capture(OrgAccess caller, Plan plan, OutputChange change) {
		if (change.type() != null && !change.type().isBlank() && !"item".equalsIgnoreCase(change.type().strip())) {
			throw ProblemException.invalid("type", "retention.output.captureType");
		}
		if (change.space() == null || change.space().isBlank()) {
			throw ProblemException.invalid("space", "problem.field.required");
		}
		String title = Input.text("title", change.title(), TITLE_MAX, true);
		String body = change.body() == null ? "" : change.body();
		try {
			KnowledgeLibrary.ItemRef item = library.createItem(caller, new KnowledgeLibrary.NewItem(change.space().strip(),
					Kind.ARTICLE, title, "", body, change.tags(), null, false,
					"Captured for the knowledge transfer plan of " + plan.subject()));
			return new RecordRef("item", item.id().toString(), item.title(), item.path());
		}
		catch (ProblemException e) {
			if (e.status().value() == 404) {
				// a space the caller cannot see, named in a plan they can: a bad field, not a missing plan
				throw ProblemException.invalid("space", "retention.output.space.unknown");
			}
			throw e;
		}
	}

	@Transactional
	public void removeOutput(OrgAccess caller, String planId, String outputId) {
		Plan plan = get(caller, planId);
		if (!rights(caller, plan).contribute()) {
			throw ProblemException.forbidden();
		}
		Plan.Output output = plan.outputs()
			.stream()
			.filter(o -> o.id().toString().equals(outputId))
			.findFirst()
			.orElseThrow(ProblemException::notFound);
		jdbc.sql("DELETE FROM retention_output WHERE id = ? AND org_id = ?")
			.params(output.id(), caller.orgId().value())
			.update();
		touch(plan);
		audit.record(caller.orgId(), "plan.output-removed", "plan", plan.id().toString(), output.type() + " " + output.recordId());
	}

	/** A plan the caller may see: those who see its risk entry, its successors and its task owners; 404 otherwise. */
	@Transactional(readOnly = true)
	public Plan get(OrgAccess caller, String planId) {
		Plan plan = find(caller.orgId(), parse(planId)).orElseThrow(ProblemException::notFound);
		if (!rights(caller, plan).contribute() && !rights(caller, plan).seeRisk()) {
			throw ProblemException.notFound();
		}
		return plan;
	}

	public Rights rights(OrgAccess caller, Plan plan) {
		boolean seeRisk = plan.person() == null ? access.seesAll(caller) : access.canSee(caller, plan.person());
		boolean manage = plan.person() == null ? access.seesAll(caller) : access.canManage(caller, plan.person());
		boolean involved = plan.successors().stream().anyMatch(s -> s.id().equals(caller.personId()))
				|| plan.tasks().stream().anyMatch(t -> t.owner().equals(caller.personId()));
		return new Rights(manage, seeRisk, manage || involved);
	}

	/** The plans of a risk entry, newest first (the caller may see the entry). */
	@Transactional(readOnly = true)
	public List<Plan> plansOf(OrgAccess caller, Risk risk) {
		return jdbc.sql("SELECT id FROM retention_plan WHERE org_id = ? AND risk_id = ? ORDER BY created_at DESC")
			.params(caller.orgId().value(), risk.id().value())
			.query((rs, n) -> new PlanId(Sql.uuid(rs, "id")))
			.list()
			.stream()
			.map(id -> find(caller.orgId(), id).orElseThrow())
			.toList();
	}

	/** Open tasks of plans in progress owned by the person, soonest due first. */
	@Transactional(readOnly = true)
	public List<OpenTask> openTasksOf(OrgId org, PersonId owner, int limit) {
		return jdbc.sql("""
				SELECT t.id, t.plan_id, t.title, t.due_date FROM retention_task t
				JOIN retention_plan p ON p.id = t.plan_id
				WHERE t.org_id = ? AND t.owner_id = ? AND t.done_at IS NULL AND p.status = 'ACTIVE'
				ORDER BY t.due_date, t.title LIMIT ?""")
			.params(org.value(), owner.value(), limit)
			.query((rs, n) -> new OpenTask(new TaskId(Sql.uuid(rs, "id")), new PlanId(Sql.uuid(rs, "plan_id")),
					rs.getString("title"), rs.getObject("due_date", LocalDate.class)))
			.list();
	}

	/** An open task, as "My work" lists it. */
	public record OpenTask(TaskId id, PlanId plan, String title, LocalDate dueDate) {
	}

	/** A plan of the organization, whoever asks. */
	@Transactional(readOnly = true)
	public Optional<Plan> find(OrgId org, PlanId id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM retention_plan WHERE org_id = ? AND id = ?")
			.params(org.value(), id.value())
			.query((rs, n) -> planRow(rs))
			.optional()
			.map(row -> complete(org, row));
	}

	private record PlanRow(PlanId id, RiskId risk, Plan.Status status, List<Plan.Method> methods, LocalDate due,
			String notes, PersonId createdBy, Instant createdAt, Instant updatedAt) {
	}

	private static PlanRow planRow(ResultSet rs) throws SQLException {
		return new PlanRow(new PlanId(Sql.uuid(rs, "id")), new RiskId(Sql.uuid(rs, "risk_id")),
				Plan.Status.valueOf(rs.getString("status")), methods(Input.split(rs.getString("methods")), false),
				rs.getObject("due_date", LocalDate.class), rs.getString("notes"), new PersonId(Sql.uuid(rs, "created_by")),
				Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
	}

	private Plan complete(OrgId org, PlanRow row) {
		Risk risk = risks.find(org, row.risk()).orElseThrow();
		List<PersonId> successorIds = jdbc.sql("SELECT person_id FROM retention_plan_successor WHERE plan_id = ? ORDER BY sort_order")
			.param(row.id().value())
			.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
			.list();
		record TaskRow(TaskId id, String title, Plan.Method method, PersonId owner, LocalDate due, Instant doneAt,
				PersonId doneBy) {
		}
		List<TaskRow> taskRows = jdbc.sql("SELECT * FROM retention_task WHERE plan_id = ? ORDER BY due_date, created_at")
			.param(row.id().value())
			.query((rs, n) -> new TaskRow(new TaskId(Sql.uuid(rs, "id")), rs.getString("title"),
					rs.getString("method") == null ? null : Plan.Method.valueOf(rs.getString("method")),
					new PersonId(Sql.uuid(rs, "owner_id")), rs.getObject("due_date", LocalDate.class),
					Sql.instant(rs, "done_at"),
					Sql.uuid(rs, "done_by") == null ? null : new PersonId(Sql.uuid(rs, "done_by"))))
			.list();
		Set<PersonId> people = new LinkedHashSet<>(successorIds);
		taskRows.forEach(t -> people.add(t.owner()));
		Map<PersonId, String> names = new HashMap<>(organizations.names(people));
		List<Plan.Task> tasks = taskRows.stream()
			.map(t -> new Plan.Task(t.id(), t.title(), t.method(), t.owner(), names.getOrDefault(t.owner(), ""), t.due(),
					t.doneAt(), t.doneBy()))
			.toList();
		List<Plan.Output> outputs = jdbc.sql("SELECT * FROM retention_output WHERE plan_id = ? ORDER BY added_at, id")
			.param(row.id().value())
			.query((rs, n) -> new Plan.Output(Sql.uuid(rs, "id"), rs.getString("record_type"), rs.getString("record_id"),
					rs.getString("title"), rs.getString("path"), new PersonId(Sql.uuid(rs, "added_by")),
					Sql.instant(rs, "added_at")))
			.list();
		LocalDate today = risks.today();
		boolean behind = row.status() == Plan.Status.ACTIVE && ((row.due() != null && row.due().isBefore(today))
				|| tasks.stream().anyMatch(t -> t.overdue(today)));
		return new Plan(row.id(), row.risk(), risk.person(), risk.subject(), risk.areas(), row.status(), row.methods(),
				successorIds.stream().map(id -> new Plan.Named(id, names.getOrDefault(id, ""))).toList(), row.due(),
				row.notes(), tasks, outputs, behind, row.createdBy(), row.createdAt(), row.updatedAt());
	}

	static PlanId parse(String id) {
		try {
			return id == null ? null : new PlanId(UUID.fromString(id.strip()));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private void requireManage(OrgAccess caller, Plan plan) {
		if (!rights(caller, plan).manage()) {
			throw ProblemException.forbidden();
		}
	}

	private static void requireActive(Plan plan) {
		if (plan.status() != Plan.Status.ACTIVE) {
			throw ProblemException.conflict(null, "retention.plan.notActive");
		}
	}

	private void touch(Plan plan) {
		jdbc.sql("UPDATE retention_plan SET updated_at = ? WHERE id = ?")
			.params(Sql.utc(clock.instant()), plan.id().value())
			.update();
	}

	private List<PersonId> successors(OrgAccess caller, List<String> raw, PersonId atRisk) {
		Set<PersonId> successors = new LinkedHashSet<>();
		for (String value : Input.limited("successors", raw, SUCCESSORS_MAX)) {
			if (value == null || value.isBlank()) {
				continue;
			}
			PersonId successor = activeMember(caller, "successors", value);
			if (successor.equals(atRisk)) {
				throw ProblemException.invalid("successors", "retention.plan.successor.self");
			}
			successors.add(successor);
		}
		return new ArrayList<>(successors);
	}

	private PersonId activeMember(OrgAccess caller, String field, String idOrEmail) {
		return organizations.findMember(caller.orgId(), idOrEmail.strip())
			.filter(Organizations.Member::active)
			.map(Organizations.Member::id)
			.orElseThrow(() -> ProblemException.invalid(field, "retention.person.unknown"));
	}

	private static List<Plan.Method> methods(List<String> raw, boolean required) {
		Set<Plan.Method> methods = new LinkedHashSet<>();
		for (String value : raw == null ? List.<String>of() : raw) {
			Plan.Method method = Input.choice("methods", value, Plan.Method.class);
			if (method != null) {
				methods.add(method);
			}
		}
		if (required && methods.isEmpty()) {
			throw ProblemException.invalid("methods", "retention.plan.methods.required");
		}
		return new ArrayList<>(methods);
	}

	private static String join(List<Plan.Method> methods) {
		return String.join(",", methods.stream().map(Enum::name).toList());
	}

	private void writeSuccessors(PlanId plan, List<PersonId> successors) {
		for (int i = 0; i < successors.size(); i++) {
			jdbc.sql("INSERT INTO retention_plan_successor (plan_id, person_id, sort_order) VALUES (?, ?, ?)")
				.params(plan.value(), successors.get(i).value(), i)
				.update();
		}
	}
}
