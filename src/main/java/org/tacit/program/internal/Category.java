package org.tacit.program.internal;

/** What a budget line pays for. */
public enum Category {
	PEOPLE, TECHNOLOGY, TRAINING, EVENTS, OTHER
}
