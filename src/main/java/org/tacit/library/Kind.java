package org.tacit.library;

/** What a knowledge item is. */
public enum Kind {

	/** Guidance: how something is done and why. */
	ARTICLE,
	TEMPLATE, CHECKLIST, WORK_SAMPLE, FAQ;

	/** Kinds whose reuse ("I used this") credits the author. */
	public boolean reusable() {
		return this == TEMPLATE || this == CHECKLIST || this == WORK_SAMPLE;
	}
}
