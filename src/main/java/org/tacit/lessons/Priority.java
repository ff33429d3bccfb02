package org.tacit.lessons;

/** How much a lesson matters, most pressing first. */
public enum Priority {

	/** Act now: it can hurt people, money or the mission again. */
	URGENT,
	/** Be careful: it caused trouble and may again. */
	CAUTION,
	/** Worth knowing. */
	INFORMATION,
	/** Something that worked well and should be repeated. */
	GOOD_PRACTICE
}
