package org.tacit.training.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tacit.organizations.PersonId;
import org.tacit.training.internal.Assignment;
import org.tacit.training.internal.Course;
import org.tacit.training.internal.Rule;

/** What the API answers: courses, assignments and rules as JSON. */
final class Views {

	private Views() {
	}

	record LinkView(String type, String id) {
	}

	record CourseView(UUID id, String title, String description, String type, UUID trainer, String duration,
			List<LinkView> links, List<String> competencies, Instant createdAt, Instant updatedAt) {

		static CourseView of(Course c) {
			return new CourseView(c.id(), c.title(), c.description(), c.type().name(), uuid(c.trainer()), c.duration(),
					c.links().stream().map(l -> new LinkView(l.type(), l.id())).toList(), c.competencies(), c.createdAt(),
					c.updatedAt());
		}
	}

	record AssignmentView(UUID id, UUID course, String courseTitle, UUID person, LocalDate due, String reason, UUID rule,
			String status, boolean overdue, UUID assignedBy, Instant assignedAt, String evidence, String link,
			UUID completedBy, Instant completedAt, UUID confirmedBy, Instant confirmedAt) {

		static AssignmentView of(Assignment a, LocalDate today) {
			return new AssignmentView(a.id(), a.courseId(), a.courseTitle(), uuid(a.person()), a.due(), a.reason(), a.ruleId(),
					a.status().name(), a.overdue(today), uuid(a.assignedBy()), a.assignedAt(), a.evidence(), a.evidenceLink(),
					uuid(a.completedBy()), a.completedAt(), uuid(a.confirmedBy()), a.confirmedAt());
		}
	}

	record RuleView(UUID id, String role, UUID course, String courseTitle, int withinDays, Integer everyDays,
			Instant createdAt, Integer assigned) {

		static RuleView of(Rule r, Integer assigned) {
			return new RuleView(r.id(), r.role().name(), r.courseId(), r.courseTitle(), r.withinDays(), r.everyDays(),
					r.createdAt(), assigned);
		}
	}

	private static UUID uuid(PersonId person) {
		return person == null ? null : person.value();
	}
}
