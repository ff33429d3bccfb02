package org.tacit.lessons;

import java.util.List;

/**
 * The three reviews of an activity and the questions each asks (the API's field names, in the order
 * the form asks them).
 */
public enum ReviewKind {

	/** Before-action review (peer assist): what we want, what could go wrong, which past lessons apply. */
	BEFORE(List.of("objectives", "risks")),
	/** In-action review: what is happening, what to adjust now. */
	DURING(List.of("observations", "adjustments")),
	/** After-action review: expected against actual, why they differ, what to sustain and improve. */
	AFTER(List.of("expected", "actual", "why", "sustain", "improve"));

	/** Every question of every kind. */
	public static final List<String> ALL_QUESTIONS = List.of("objectives", "risks", "observations", "adjustments",
			"expected", "actual", "why", "sustain", "improve");

	private final List<String> questions;

	ReviewKind(List<String> questions) {
		this.questions = questions;
	}

	public List<String> questions() {
		return questions;
	}
}
