package org.tacit.training.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;
import org.tacit.training.Training;
import org.tacit.training.TrainingCompleted;

/** {@link Training} for other modules: status, figures and completions, read from the assignments. */
@Service
class TrainingFacade implements Training {

	private final AssignmentService assignments;
	private final CourseService courses;

	TrainingFacade(AssignmentService assignments, CourseService courses) {
		this.assignments = assignments;
		this.courses = courses;
	}

	@Override
	@Transactional(readOnly = true)
	public Status statusOf(OrgId org, PersonId person) {
		LocalDate today = assignments.today();
		List<Assignment> all = assignments.all(org, " AND a.person_id = ?", List.of(person.value()));
		int open = 0;
		int completed = 0;
		int overdue = 0;
		for (Assignment a : all) {
			if (a.status() == AssignmentStatus.OPEN) {
				open++;
				if (a.overdue(today)) {
					overdue++;
				}
			}
			else if (a.status().completed()) {
				completed++;
			}
		}
		return new Status(open, completed, overdue);
	}

	/** The first day whose start (UTC) is at or after the instant. */
	private static LocalDate firstDayFrom(Instant at) {
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(at) ? day.plusDays(1) : day;
	}

	private static boolean onTime(Assignment a) {
		return a.completedAt() != null && a.completedAt().isBefore(a.due().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	@Override
	@Transactional(readOnly = true)
	public Figures figures(OrgId org, Instant from, Instant to) {
		LocalDate today = assignments.today();
		List<Assignment> dueIn = assignments.all(org, " AND a.due_date >= ? AND a.due_date < ?",
				List.of(firstDayFrom(from), firstDayFrom(to)));
		long overdue = dueIn.stream().filter(a -> a.due().isBefore(today) && !onTime(a)).count();
		List<Assignment> completedIn = assignments.all(org,
				" AND a.status IN ('COMPLETED_SELF_REPORTED', 'CONFIRMED') AND a.completed_at >= ? AND a.completed_at < ?",
				List.of(Sql.utc(from), Sql.utc(to)));
		long onTime = completedIn.stream().filter(TrainingFacade::onTime).count();
		return new Figures(dueIn.size(), completedIn.size(), onTime, overdue);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CompletedCourse> completedBy(OrgId org, PersonId person, Instant from, Instant to) {
		return assignments.all(org, " AND a.person_id = ? AND a.status IN ('COMPLETED_SELF_REPORTED', 'CONFIRMED')"
				+ " AND a.completed_at >= ? AND a.completed_at < ?", List.of(person.value(), Sql.utc(from), Sql.utc(to)))
			.stream()
			.map(a -> new CompletedCourse(a.courseId(), a.courseTitle(), courses.competenciesOf(org, a.courseId()), a.completedAt()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<TrainingCompleted> completions(OrgId org) {
		return assignments.all(org, " AND a.status IN ('COMPLETED_SELF_REPORTED', 'CONFIRMED')", List.of())
			.stream()
			.map(a -> new TrainingCompleted(org, a.person(), a.id(), a.courseId(), a.courseTitle(), a.completedAt()))
			.toList();
	}
}
