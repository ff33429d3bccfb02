package org.tacit.organizations;

import java.time.Instant;
import java.util.List;

/**
 * What a module needs from a person today, for the "My work" home page: items to review, lesson
 * actions due, questions waiting for an answer, training due. Each module implements it as a bean;
 * the home page shows every source's entries grouped by section, in the sources' {@code @Order}.
 */
public interface WorkSource {

	/**
	 * The person's open work in the organization, most urgent first, at most {@code limit} entries per
	 * section. Only what the person may see.
	 */
	List<WorkItem> workFor(OrgAccess access, int limit);

	/**
	 * One entry of "My work".
	 *
	 * @param sectionKey message key of the section heading it belongs to ({@code mywork.review})
	 * @param title what the entry is about, as its record names it (shown as the link text)
	 * @param path the record's page, below the organization's root, without a leading slash
	 * @param due when it is due or became due, or null
	 * @param noteKey an optional message key shown after the title, or null
	 * @param noteArg the one argument of that message, or null
	 */
	record WorkItem(String sectionKey, String title, String path, Instant due, String noteKey, String noteArg) {

		public static WorkItem of(String sectionKey, String title, String path, Instant due) {
			return new WorkItem(sectionKey, title, path, due, null, null);
		}

		/** Due before {@code now}. */
		public boolean overdue(Instant now) {
			return due != null && due.isBefore(now);
		}
	}
}
