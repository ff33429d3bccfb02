package org.tacit.organizations.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.tacit.shared.Limits;
import org.tacit.shared.ProblemException;

/** Input rules shared by the web forms and the API, so both refuse the same things the same way. */
public final class Check {

	public static final int SLUG_MIN = 2;
	public static final int SLUG_MAX = 64;
	private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private Check() {
	}

	public static String name(String field, String value) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.isEmpty()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		if (trimmed.length() > Limits.NAME_LENGTH) {
			throw ProblemException.invalid(field, "problem.field.tooLong", Limits.NAME_LENGTH);
		}
		if (trimmed.chars().anyMatch(Character::isISOControl)) {
			throw ProblemException.invalid(field, "problem.field.control");
		}
		return trimmed;
	}

	/** Emails are compared without case; they are stored in lower case. */
	public static String email(String field, String value) {
		String trimmed = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		if (trimmed.isEmpty()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		if (trimmed.length() > Limits.EMAIL_LENGTH) {
			throw ProblemException.invalid(field, "problem.field.tooLong", Limits.EMAIL_LENGTH);
		}
		if (!EMAIL.matcher(trimmed).matches()) {
			throw ProblemException.invalid(field, "problem.email.format");
		}
		return trimmed;
	}

	public static String password(String field, String value) {
		if (value == null || value.isEmpty()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		if (value.length() < Limits.PASSWORD_MIN) {
			throw ProblemException.invalid(field, "problem.password.short", Limits.PASSWORD_MIN);
		}
		if (value.length() > Limits.PASSWORD_MAX) {
			throw ProblemException.invalid(field, "problem.field.tooLong", Limits.PASSWORD_MAX);
		}
		return value;
	}

	public static String slug(String field, String value) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.length() < SLUG_MIN || trimmed.length() > SLUG_MAX || !SLUG.matcher(trimmed).matches()) {
			throw ProblemException.invalid(field, "problem.slug.format", SLUG_MIN, SLUG_MAX);
		}
		return trimmed;
	}

	/** A slug made from a name: lower case ASCII letters and digits joined by single hyphens. */
	public static String slugOf(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
		if (slug.length() > SLUG_MAX - 4) {
			slug = slug.substring(0, SLUG_MAX - 4).replaceAll("-+$", "");
		}
		return slug.length() < SLUG_MIN ? "org" : slug;
	}
}
