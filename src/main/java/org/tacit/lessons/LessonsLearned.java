package org.tacit.lessons;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * Lessons learned as other modules use them: look a lesson up to link and show it, and the figures
 * the measurement module shows. Every member of an organization may read its lessons.
 */
public interface LessonsLearned {

	/** A lesson of the caller's organization; empty if it does not exist there. */
	Optional<LessonRef> lesson(OrgAccess caller, LessonId id);

	/**
	 * What the lessons of the organization captured from {@code from} to {@code to} (both inclusive, UTC
	 * days) became, and how much was reused in that time.
	 */
	Figures figures(OrgId org, LocalDate from, LocalDate to);

	/** Lessons captured in each month from {@code from} to {@code to} (inclusive), months without any included. */
	List<MonthCount> capturedPerMonth(OrgId org, YearMonth from, YearMonth to);

	/**
	 * A lesson that was validated and not rejected since, as a credit to its author for expertise in its
	 * tags; empty otherwise.
	 */
	Optional<Credit> validated(OrgId org, LessonId lesson);

	/** Every such lesson of the organization, oldest validation first, for a rebuild of derived expertise. */
	List<Credit> validatedLessons(OrgId org);

	/**
	 * What the organization's lessons credit their authors with, for a contribution ledger that must be
	 * able to derive itself again: each lesson's capture, validation and embedding times (null when it did
	 * not get there), its status now and whether it changed a process step. {@code lesson} null: every
	 * lesson of the organization, oldest capture first.
	 */
	List<LessonCredit> lessonCredits(OrgId org, LessonId lesson);

	/** A lesson as credits to its author. */
	record LessonCredit(LessonId lesson, PersonId author, LessonStatus status, java.time.Instant capturedAt,
			java.time.Instant validatedAt, java.time.Instant embeddedAt, boolean changedProcess) {
	}

	/** A validated lesson as a credit to its author. */
	record Credit(LessonId lesson, PersonId author, List<String> tags, java.time.Instant validatedAt) {
	}

	/**
	 * A lesson as other modules show and link it.
	 *
	 * @param path its page, below the organization's root ({@code lessons/<id>})
	 */
	record LessonRef(LessonId id, String title, Priority priority, LessonStatus status, PersonId author, String path) {
	}

	/**
	 * The figures of a period.
	 *
	 * @param captured lessons captured in the period
	 * @param validated of those, how many were validated (whatever happened to them later)
	 * @param shareValidated validated / captured, from 0 to 1 (0 when nothing was captured)
	 * @param embedded of those, how many were embedded in what they changed
	 * @param shareEmbedded embedded / captured
	 * @param medianDaysToEmbedded the median of the days from capture to embedding of those embedded, or null if none
	 * @param overdueActions actions open today past their due date, in the whole organization
	 * @param lessonsApplied lessons marked as applied in before-action reviews during the period
	 */
	record Figures(LocalDate from, LocalDate to, long captured, long validated, double shareValidated, long embedded,
			double shareEmbedded, Double medianDaysToEmbedded, long overdueActions, long lessonsApplied) {
	}

	/** How many lessons were captured in one month. */
	record MonthCount(YearMonth month, long captured) {
	}
}
