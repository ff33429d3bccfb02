package org.tacit.training.internal;

/** The training module's documented limits (docs/training.md). */
public final class Limits {

	public static final int TITLE = 200;
	public static final int DESCRIPTION = 20_000;
	public static final int DURATION = 100;
	public static final int LINKS = 20;
	public static final int COMPETENCIES = 20;
	public static final int COMPETENCY = 64;
	public static final int REASON = 500;
	public static final int EVIDENCE = 2_000;
	public static final int LINK = 500;
	public static final int DAYS = 3_650;
	/** How far ahead a due date may be, in years. */
	public static final int YEARS_AHEAD = 5;

	private Limits() {
	}
}
