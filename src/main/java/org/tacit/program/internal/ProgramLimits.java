package org.tacit.program.internal;

import java.math.BigDecimal;

/** The KM program's documented limits (docs/program.md). */
public final class ProgramLimits {

	public static final int TITLE_MAX = 200;
	public static final int DESCRIPTION_MAX = 10_000;
	public static final int OBJECTIVES_MAX = 200;
	public static final int INITIATIVES_MAX = 1_000;
	public static final int MILESTONES_MAX = 50;
	public static final int LINKS_MAX = 50;
	public static final int FIGURES_MAX = 20;
	/** The largest amount of a budget line (planned or actual). */
	public static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");
	/** Budget changes an initiative shows, the latest first. */
	public static final int HISTORY_SHOWN = 20;
	/** The days up to today for which the program shows linked figures (measurement's default period). */
	public static final int FIGURE_DAYS = 90;

	private ProgramLimits() {
	}
}
