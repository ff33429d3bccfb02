package org.tacit.lessons.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.tacit.lessons.ActivityId;
import org.tacit.lessons.LessonStatus;
import org.tacit.lessons.Priority;
import org.tacit.lessons.ReviewId;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.PersonId;
import org.tacit.shared.ProblemException;

/** Reads the register's filters from request parameters, naming the parameter that is wrong. */
@Component
public class LessonFilters {

	private final People people;

	LessonFilters(People people) {
		this.people = people;
	}

	/** Blank parameters mean any; {@code author} is an id, an email or {@code me}. */
	public LessonService.Filter of(OrgAccess access, String status, String priority, String tag, String activity,
			String review, String author, String sort) {
		PersonId authorId = null;
		if (author != null && !author.isBlank()) {
			authorId = author.strip().equalsIgnoreCase("me") ? access.personId()
					: people.member(access.orgId(), "author", author);
		}
		return new LessonService.Filter(Checks.choice(LessonStatus.class, "status", status, false),
				Checks.choice(Priority.class, "priority", priority, false), blankToNull(tag),
				activity == null || activity.isBlank() ? null
						: new ActivityId(Ids.uuid(activity).orElseThrow(() -> ProblemException.invalid("activity",
								"problem.field.format"))),
				review == null || review.isBlank() ? null
						: new ReviewId(Ids.uuid(review).orElseThrow(() -> ProblemException.invalid("review",
								"problem.field.format"))),
				authorId, Checks.choice(LessonService.Sort.class, "sort", sort, false));
	}

	/** A date parameter, or {@code fallback} when it is blank. */
	public static LocalDate date(String field, String value, LocalDate fallback) {
		LocalDate date = Checks.date(field, value);
		return date == null ? fallback : date;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
