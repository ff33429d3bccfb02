package org.tacit.program.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.tacit.shared.ProblemException;

/** Reading typed or sent values: texts with limits, dates, statuses, amounts. */
final class Inputs {

	private Inputs() {
	}

	static String title(String value, String field) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		if (text.length() > ProgramLimits.TITLE_MAX) {
			throw ProblemException.invalid(field, "problem.field.tooLong", ProgramLimits.TITLE_MAX);
		}
		return text;
	}

	static String description(String value, String field) {
		String text = value == null ? "" : value.strip();
		if (text.length() > ProgramLimits.DESCRIPTION_MAX) {
			throw ProblemException.invalid(field, "problem.field.tooLong", ProgramLimits.DESCRIPTION_MAX);
		}
		return text;
	}

	/** A date as ISO {@code yyyy-MM-dd}; null for blank. */
	static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw ProblemException.invalid(field, "program.date.format");
		}
	}

	static Status status(String value, String field) {
		try {
			return Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw ProblemException.invalid(field, "program.status.unknown");
		}
	}

	static Category category(String value, String field) {
		try {
			return Category.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw ProblemException.invalid(field, "program.budget.category.unknown");
		}
	}

	/**
	 * An amount: a number or a text with at most two decimal places, from 0 to {@link ProgramLimits#AMOUNT_MAX};
	 * missing or blank is 0.
	 */
	static BigDecimal amount(Object value, String field) {
		if (value == null || value instanceof String s && s.isBlank()) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal amount;
		try {
			amount = value instanceof BigDecimal d ? d : new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException e) {
			throw ProblemException.invalid(field, "program.budget.amount.format");
		}
		if (amount.signum() < 0) {
			throw ProblemException.invalid(field, "program.budget.amount.negative");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw ProblemException.invalid(field, "program.budget.amount.format");
		}
		if (amount.compareTo(ProgramLimits.AMOUNT_MAX) > 0) {
			throw ProblemException.invalid(field, "program.budget.amount.tooLarge", ProgramLimits.AMOUNT_MAX.toPlainString());
		}
		return amount.setScale(2);
	}
}
