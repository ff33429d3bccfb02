package org.tacit.library.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.ItemId;
import org.tacit.library.Kind;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/**
 * Runs of checklists. Anyone who can read a checklist can start a run, tick and untick its steps, note
 * something on a step, and finish the run; after that it is read-only. Every change is audited.
 */
@Service
public class ChecklistRunService {

	public static final int TITLE_MAX = 200;
	public static final int NOTE_MAX = 2000;

	private final JdbcClient jdbc;
	private final ItemService items;
	private final Organizations organizations;
	private final AuditLog audit;
	private final Clock clock;

	ChecklistRunService(JdbcClient jdbc, ItemService items, Organizations organizations, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.items = items;
		this.organizations = organizations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Starts a run with the steps the checklist has now. */
	@Transactional
	public ChecklistRun start(OrgAccess access, String itemId, String title) {
		Item item = readable(access, itemId);
		if (item.kind() != Kind.CHECKLIST) {
			throw ProblemException.conflict(null, "run.notChecklist");
		}
		String checkedTitle = Text.optional("title", title, TITLE_MAX);
		List<ChecklistSteps.Step> steps = ChecklistSteps.of(item.body());
		if (steps.isEmpty()) {
			throw ProblemException.conflict(null, "run.noSteps");
		}
		if (steps.size() > ChecklistSteps.MAX_STEPS) {
			throw ProblemException.conflict(null, "run.tooManySteps", ChecklistSteps.MAX_STEPS);
		}
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).text().length() > ChecklistSteps.STEP_MAX) {
				throw ProblemException.conflict(null, "run.stepTooLong", i + 1, ChecklistSteps.STEP_MAX);
			}
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO library_run (id, org_id, item_id, item_version, title, step_count, started_by, started_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, access.orgId().value(), item.id().value(), item.version(), checkedTitle, steps.size(),
					access.personId().value(), Db.utc(now))
			.update();
		for (int i = 0; i < steps.size(); i++) {
			jdbc.sql("INSERT INTO library_run_step (run_id, step_no, section, step_text, done) VALUES (?, ?, ?, ?, FALSE)")
				.params(id, i + 1, steps.get(i).section(), steps.get(i).text())
				.update();
		}
		audit.record(access.orgId(), "run.started", "checklist-run", id.toString(),
				item.title() + (checkedTitle.isEmpty() ? "" : ": " + checkedTitle));
		return get(access, item, id).orElseThrow();
	}

	/** The runs of a checklist, newest first, without their steps. */
	@Transactional(readOnly = true)
	public Page<ChecklistRun> list(OrgAccess access, String itemId, Paging paging) {
		Item item = readable(access, itemId);
		List<ChecklistRun> runs = named(jdbc.sql("""
				SELECT r.*, (SELECT COUNT(*) FROM library_run_step s WHERE s.run_id = r.id AND s.done = TRUE) AS done_count
				FROM library_run r WHERE r.org_id = ? AND r.item_id = ?
				ORDER BY r.started_at DESC, r.id LIMIT ? OFFSET ?""")
			.params(access.orgId().value(), item.id().value(), paging.size(), paging.offset())
			.query((rs, n) -> run(rs, List.of()))
			.list());
		long total = jdbc.sql("SELECT COUNT(*) FROM library_run WHERE org_id = ? AND item_id = ?")
			.params(access.orgId().value(), item.id().value())
			.query(Long.class)
			.single();
		return paging.of(runs, total);
	}

	/** One run with its steps; 404 unless it is a run of this item and the caller can read the item. */
	@Transactional(readOnly = true)
	public ChecklistRun get(OrgAccess access, String itemId, String runId) {
		Item item = readable(access, itemId);
		return get(access, item, runId(runId)).orElseThrow(ProblemException::notFound);
	}

	/**
	 * Ticks or unticks step {@code n} and sets its note; null leaves either as it is, an empty note removes
	 * it. Ticking a ticked step keeps who ticked it first.
	 */
	@Transactional
	public ChecklistRun setStep(OrgAccess access, String itemId, String runId, int n, Boolean done, String note) {
		Item item = readable(access, itemId);
		UUID id = lockOpenRun(access, item, runId);
		ChecklistRun.Step step = steps(id).stream().filter(s -> s.n() == n).findFirst()
			.orElseThrow(ProblemException::notFound);
		if (done == null && note == null) {
			throw ProblemException.invalid("done", "problem.field.required");
		}
		String checkedNote = note == null ? null : Text.optional("note", note, NOTE_MAX);
		Instant now = clock.instant();
		if (done != null && done != step.done()) {
			jdbc.sql("UPDATE library_run_step SET done = ?, done_by = ?, done_at = ? WHERE run_id = ? AND step_no = ?")
				.params(done, done ? access.personId().value() : null, done ? Db.utc(now) : null, id, n)
				.update();
			audit.record(access.orgId(), done ? "run.step-ticked" : "run.step-unticked", "checklist-run", id.toString(),
					"step " + n + ": " + step.text());
		}
		if (checkedNote != null && !checkedNote.equals(Objects.requireNonNullElse(step.note(), ""))) {
			boolean cleared = checkedNote.isEmpty();
			jdbc.sql("UPDATE library_run_step SET note = ?, note_by = ?, note_at = ? WHERE run_id = ? AND step_no = ?")
				.params(cleared ? null : checkedNote, cleared ? null : access.personId().value(),
						cleared ? null : Db.utc(now), id, n)
				.update();
			audit.record(access.orgId(), "run.step-noted", "checklist-run", id.toString(),
					"step " + n + (cleared ? ": note removed" : ": " + checkedNote));
		}
		return get(access, item, id).orElseThrow();
	}

	/** Finishes the run, with an optional closing note; from then on it is read-only. */
	@Transactional
	public ChecklistRun finish(OrgAccess access, String itemId, String runId, String note) {
		Item item = readable(access, itemId);
		UUID id = lockOpenRun(access, item, runId);
		String checkedNote = Text.optional("note", note, NOTE_MAX);
		jdbc.sql("UPDATE library_run SET finished_by = ?, finished_at = ?, note = ? WHERE id = ?")
			.params(access.personId().value(), Db.utc(clock.instant()), checkedNote.isEmpty() ? null : checkedNote, id)
			.update();
		ChecklistRun run = get(access, item, id).orElseThrow();
		audit.record(access.orgId(), "run.finished", "checklist-run", id.toString(),
				run.done() + "/" + run.total() + " steps done" + (checkedNote.isEmpty() ? "" : ": " + checkedNote));
		return run;
	}

	private Item readable(OrgAccess access, String itemId) {
		return items.find(access, itemId).orElseThrow(ProblemException::notFound);
	}

	private static UUID runId(String runId) {
		try {
			return UUID.fromString(runId);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw ProblemException.notFound();
		}
	}

	/** Locks the run so that a tick and the finish cannot cross; refuses a finished run with 409. */
	private UUID lockOpenRun(OrgAccess access, Item item, String runId) {
		UUID id = runId(runId);
		List<Boolean> finished = jdbc.sql("""
				SELECT finished_at IS NOT NULL FROM library_run WHERE id = ? AND org_id = ? AND item_id = ? FOR UPDATE""")
			.params(id, access.orgId().value(), item.id().value())
			.query(Boolean.class)
			.list();
		if (finished.isEmpty()) {
			throw ProblemException.notFound();
		}
		if (finished.get(0)) {
			throw ProblemException.conflict(null, "run.finished");
		}
		return id;
	}

	private Optional<ChecklistRun> get(OrgAccess access, Item item, UUID id) {
		Optional<ChecklistRun> run = jdbc.sql("""
				SELECT r.*, (SELECT COUNT(*) FROM library_run_step s WHERE s.run_id = r.id AND s.done = TRUE) AS done_count
				FROM library_run r WHERE r.id = ? AND r.org_id = ? AND r.item_id = ?""")
			.params(id, access.orgId().value(), item.id().value())
			.query((rs, n) -> run(rs, List.of()))
			.optional();
		return run.map(r -> named(List.of(r.withSteps(steps(id)))).get(0));
	}

	private static ChecklistRun run(ResultSet rs, List<ChecklistRun.Step> steps) throws SQLException {
		UUID finishedBy = Db.uuid(rs, "finished_by");
		return new ChecklistRun(Db.uuid(rs, "id"), new ItemId(Db.uuid(rs, "item_id")), rs.getInt("item_version"),
				rs.getString("title"), new PersonId(Db.uuid(rs, "started_by")), "", Db.instant(rs, "started_at"),
				finishedBy == null ? null : new PersonId(finishedBy), "", Db.instant(rs, "finished_at"),
				rs.getString("note"), rs.getInt("done_count"), rs.getInt("step_count"), steps);
	}

	private List<ChecklistRun.Step> steps(UUID run) {
		return jdbc.sql("SELECT * FROM library_run_step WHERE run_id = ? ORDER BY step_no")
			.param(run)
			.query((rs, n) -> {
				UUID doneBy = Db.uuid(rs, "done_by");
				UUID noteBy = Db.uuid(rs, "note_by");
				return new ChecklistRun.Step(rs.getInt("step_no"), rs.getString("section"), rs.getString("step_text"),
						rs.getBoolean("done"), doneBy == null ? null : new PersonId(doneBy), "", Db.instant(rs, "done_at"),
						rs.getString("note"), noteBy == null ? null : new PersonId(noteBy), "", Db.instant(rs, "note_at"));
			})
			.list();
	}

	/** Puts the names of the people in. */
	private List<ChecklistRun> named(List<ChecklistRun> runs) {
		List<PersonId> people = new ArrayList<>();
		for (ChecklistRun r : runs) {
			people.add(r.startedBy());
			people.add(r.finishedBy());
			r.steps().forEach(s -> {
				people.add(s.doneBy());
				people.add(s.noteBy());
			});
		}
		Map<PersonId, String> names = organizations.names(people.stream().filter(Objects::nonNull).distinct().toList());
		return runs.stream()
			.map(r -> new ChecklistRun(r.id(), r.itemId(), r.itemVersion(), r.title(), r.startedBy(),
					name(names, r.startedBy()), r.startedAt(), r.finishedBy(), name(names, r.finishedBy()),
					r.finishedAt(), r.note(), r.done(), r.total(),
					r.steps().stream()
						.map(s -> new ChecklistRun.Step(s.n(), s.section(), s.text(), s.done(), s.doneBy(),
								name(names, s.doneBy()), s.doneAt(), s.note(), s.noteBy(), name(names, s.noteBy()),
								s.noteAt()))
						.toList()))
			.toList();
	}

	private static String name(Map<PersonId, String> names, PersonId person) {
		return person == null ? null : names.getOrDefault(person, "");
	}
}
