package org.tacit.lessons.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tacit.lessons.internal.ActionService;
import org.tacit.lessons.internal.LessonAction;
import org.tacit.lessons.internal.LessonService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.organizations.WorkSource;
import org.tacit.shared.Paging;

/**
 * Lessons learned in "My work": the person's open actions (overdue ones marked), for knowledge managers
 * and administrators every overdue action, and the lessons waiting for the person's validation.
 */
@Component
@Order(30)
class LessonsWork implements WorkSource {

	private final ActionService actions;
	private final LessonService lessons;

	LessonsWork(ActionService actions, LessonService lessons) {
		this.actions = actions;
		this.lessons = lessons;
	}

	@Override
	public List<WorkItem> workFor(OrgAccess access, int limit) {
		Paging first = new Paging(0, Math.min(limit, Paging.MAX_SIZE));
		List<WorkItem> work = new ArrayList<>();
		actions.openFor(access, access.personId(), first)
			.items()
			.forEach(a -> work.add(new WorkItem("mywork.lessons.actions", a.title(), path(a), endOf(a.due()),
					"mywork.lessons.action.for", a.lessonTitle())));
		if (access.can(Role.KNOWLEDGE_MANAGER)) {
			actions.overdue(access, first)
				.items()
				.forEach(a -> work.add(new WorkItem("mywork.lessons.overdue", a.title(), path(a), endOf(a.due()),
						"mywork.lessons.overdue.owner", a.owner().name())));
		}
		lessons.validationQueue(access, first)
			.items()
			.forEach(l -> work.add(new WorkItem("mywork.lessons.validation", l.title(), "lessons/" + l.id(), null,
					"mywork.lessons.validation.by", l.author().name())));
		return work;
	}

	private static String path(LessonAction action) {
		return "lessons/" + action.lessonId() + "#actions";
	}

	/** An action is due until the end of its due day (UTC), and overdue after it. */
	static Instant endOf(LocalDate due) {
		return due.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC);
	}
}
