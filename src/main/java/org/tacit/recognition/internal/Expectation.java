package org.tacit.recognition.internal;

import java.util.UUID;

import org.tacit.organizations.Role;

/**
 * What the organization expects of people in a role (null: everyone): a sentence in its own words, and
 * the evidence that shows it, {@code measure} with {@code target}. The measure is a kind of ledger entry
 * (at least {@code target} of them in the period) or {@link #OWNED_ITEMS_CURRENT} (at least
 * {@code target} percent of the published items the person owns are not past their review date).
 */
public record Expectation(UUID id, Role role, String text, String measure, int target) {

	public static final String OWNED_ITEMS_CURRENT = "OWNED_ITEMS_CURRENT";
	public static final int TEXT_MAX = 500;
	public static final int MAX = 50;
	public static final int TARGET_MAX = 10_000;

	public boolean appliesTo(Role personRole) {
		return role == null || role == personRole;
	}
}
