package org.tacit.training.internal;

/** What a course teaches. */
public enum CourseType {
	/** Training in the KM system's tools, for its users. */
	TOOL,
	/** Content upkeep training, for editors. */
	UPKEEP,
	/** KM methods, such as after-action reviews. */
	KM_METHOD,
	OTHER
}
