package org.tacit.lessons.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.ItemId;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.lessons.LessonId;
import org.tacit.lessons.LessonStatus;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.PersonId;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/**
 * Links from a lesson to what it changed: a knowledge item, one step of a checklist, or a process step
 * (found through {@link Records}, so that the process maps module answers for its steps). The lesson's
 * stewards and the owners of its actions make them; the target must be in the organization and visible
 * to whoever links it.
 */
@Service
public class LinkService {

	public static final String ITEM = "item";
	public static final String CHECKLIST_STEP = "checklist-step";
	public static final String PROCESS_STEP = "process-step";
	/** The most links one lesson may have. */
	public static final int LINKS_MAX = 50;

	private final JdbcClient jdbc;
	private final LessonService lessons;
	private final Records records;
	private final KnowledgeLibrary library;
	private final People people;
	private final AuditLog audit;
	private final Clock clock;

	LinkService(JdbcClient jdbc, LessonService lessons, Records records, KnowledgeLibrary library, People people,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.lessons = lessons;
		this.records = records;
		this.library = library;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What to link: {@code itemId} (with {@code step}, a checklist step's number from 1), or a process
	 * step as {@code processId} and {@code stepId} (or both in {@code processStep} as "process/step").
	 */
	public record Input(String itemId, Integer step, String processId, String stepId, String processStep) {

		public static Input item(String itemId, Integer step) {
			return new Input(itemId, step, null, null, null);
		}
	}

	/** The record a link points to, as it is stored. */
	record Target(String type, String recordId, String title, String stepText) {
	}

	@Transactional
	public LessonLink add(OrgAccess access, LessonId lessonId, Input input) {
		Lesson lesson = changeable(access, lessonId);
		Target target = target(access, input);
		long existing = jdbc.sql("SELECT COUNT(*) FROM lessons_link WHERE lesson_id = ?")
			.param(lessonId.value())
			.query(Long.class)
			.single();
		if (existing >= LINKS_MAX) {
			throw ProblemException.conflict(null, "lessons.links.tooMany", LINKS_MAX);
		}
		boolean duplicate = jdbc.sql("SELECT COUNT(*) FROM lessons_link WHERE lesson_id = ? AND record_type = ? AND record_id = ?")
			.params(lessonId.value(), target.type(), target.recordId())
			.query(Long.class)
			.single() > 0;
		if (duplicate) {
			throw ProblemException.conflict(null, "lessons.link.exists");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO lessons_link (id, org_id, lesson_id, record_type, record_id, step_text, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, access.orgId().value(), lessonId.value(), target.type(), target.recordId(), target.stepText(),
					access.personId().value(), Sql.utc(clock.instant()))
			.update();
		audit.record(access.orgId(), "lesson-link.added", "lesson", lessonId.toString(),
				target.type() + " " + target.recordId() + ": " + target.title());
		return list(access, lesson.id()).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
	}

	/** The record to link, checked: in the organization, visible to the caller, and an existing checklist step. */
	Target target(OrgAccess access, Input input) {
		boolean item = input.itemId() != null && !input.itemId().isBlank();
		Optional<String[]> process = processStep(input);
		if (item == process.isPresent()) {
			throw ProblemException.invalid("itemId", "lessons.link.target");
		}
		if (process.isPresent()) {
			if (!records.types().contains(PROCESS_STEP)) {
				throw ProblemException.invalid("processId", "lessons.link.noProcesses");
			}
			String id = process.get()[0] + "/" + process.get()[1];
			RecordRef ref = records.require(access.orgId().value(), PROCESS_STEP, id, access.personId().value(),
					"processId");
			return new Target(PROCESS_STEP, ref.id(), ref.title(), null);
		}
		RecordRef ref = records.require(access.orgId().value(), ITEM, input.itemId().strip(), access.personId().value(),
				"itemId");
		if (input.step() == null) {
			return new Target(ITEM, ref.id(), ref.title(), null);
		}
		List<String> steps = library.checklistSteps(access, new ItemId(UUID.fromString(ref.id())));
		if (steps.isEmpty()) {
			throw ProblemException.invalid("step", "lessons.link.notChecklist");
		}
		if (input.step() < 1 || input.step() > steps.size()) {
			throw ProblemException.invalid("step", "lessons.link.step.range", steps.size());
		}
		return new Target(CHECKLIST_STEP, ref.id() + "/" + input.step(), ref.title(), steps.get(input.step() - 1));
	}

	private static Optional<String[]> processStep(Input input) {
		String processId = input.processId();
		String stepId = input.stepId();
		if ((processId == null || processId.isBlank()) && (stepId == null || stepId.isBlank())
				&& input.processStep() != null && !input.processStep().isBlank()) {
			String[] parts = input.processStep().strip().split("/", 2);
			processId = parts[0];
			stepId = parts.length > 1 ? parts[1] : null;
		}
		boolean hasProcess = processId != null && !processId.isBlank();
		boolean hasStep = stepId != null && !stepId.isBlank();
		if (hasProcess != hasStep) {
			throw ProblemException.invalid(hasProcess ? "stepId" : "processId", "problem.field.required");
		}
		return hasProcess ? Optional.of(new String[] { processId.strip(), stepId.strip() }) : Optional.empty();
	}

	/** Removes a link made by mistake; an EMBEDDED lesson keeps at least one. */
	@Transactional
	public void remove(OrgAccess access, LessonId lessonId, UUID linkId) {
		Lesson lesson = changeable(access, lessonId);
		List<LessonLink> links = list(access, lessonId);
		LessonLink link = links.stream().filter(l -> l.id().equals(linkId)).findFirst()
			.orElseThrow(ProblemException::notFound);
		if (lesson.status() == LessonStatus.EMBEDDED && links.size() == 1) {
			throw ProblemException.conflict(null, "lessons.link.last");
		}
		jdbc.sql("DELETE FROM lessons_link WHERE id = ? AND lesson_id = ?").params(linkId, lessonId.value()).update();
		audit.record(access.orgId(), "lesson-link.removed", "lesson", lessonId.toString(),
				link.type() + " " + link.recordId());
	}

	/** Whether the caller may link the lesson: its stewards and the owners of its actions. */
	@Transactional(readOnly = true)
	public boolean mayLink(OrgAccess access, Lesson lesson) {
		return !lesson.status().isFinal() && (lesson.steward() || jdbc.sql(
				"SELECT COUNT(*) FROM lessons_action WHERE lesson_id = ? AND owner_id = ?")
			.params(lesson.id().value(), access.personId().value())
			.query(Long.class)
			.single() > 0);
	}

	private Lesson changeable(OrgAccess access, LessonId lessonId) {
		Lesson lesson = lessons.get(access, lessonId);
		if (lesson.status().isFinal()) {
			throw LessonService.ended(lesson);
		}
		if (!mayLink(access, lesson)) {
			throw ProblemException.forbidden();
		}
		return lesson;
	}

	/** The links of a lesson, oldest first, each with its record as the caller may see it. */
	@Transactional(readOnly = true)
	public List<LessonLink> list(OrgAccess access, LessonId lessonId) {
		lessons.get(access, lessonId);
		List<LessonLink> links = jdbc.sql("SELECT * FROM lessons_link WHERE lesson_id = ? AND org_id = ? ORDER BY created_at, id")
			.params(lessonId.value(), access.orgId().value())
			.query((rs, n) -> {
				String type = rs.getString("record_type");
				String recordId = rs.getString("record_id");
				Integer step = type.equals(CHECKLIST_STEP)
						? Integer.valueOf(recordId.substring(recordId.lastIndexOf('/') + 1)) : null;
				return new LessonLink(Sql.uuid(rs, "id"), type, recordId, null, null, step, rs.getString("step_text"),
						new Person(new PersonId(Sql.uuid(rs, "created_by")), ""), Sql.instant(rs, "created_at"));
			})
			.list();
		Map<PersonId, String> names = people.names(links.stream().map(l -> l.addedBy().id()).toList());
		return links.stream().map(l -> {
			String lookupType = l.type().equals(CHECKLIST_STEP) ? ITEM : l.type();
			String lookupId = l.type().equals(CHECKLIST_STEP) ? l.recordId().substring(0, l.recordId().lastIndexOf('/'))
					: l.recordId();
			Optional<RecordRef> ref = records.find(access.orgId().value(), lookupType, lookupId, access.personId().value());
			return new LessonLink(l.id(), l.type(), l.recordId(), ref.map(RecordRef::title).orElse(null),
					ref.map(RecordRef::path).orElse(null), l.step(), ref.isPresent() ? l.stepText() : null,
					new Person(l.addedBy().id(), names.getOrDefault(l.addedBy().id(), "")), l.addedAt());
		}).toList();
	}
}
