package org.tacit.organizations;

import java.util.List;

/**
 * What a person holds in one module that must pass to someone else when they leave: items they own,
 * community roles, open actions. Each module implements it as a bean; the retention module lists
 * everything a leaver holds, and hands it all over in one step, in the sources' {@code @Order}.
 */
public interface HandoverSource {

	/** What the person holds in the organization, for the handover list (at most a few hundred entries). */
	List<Held> heldBy(OrgId org, PersonId person);

	/**
	 * Passes everything {@code from} holds in this module to {@code to}, an active member, on behalf of
	 * {@code caller}, whom the retention module has allowed to. Runs in the caller's transaction, so a
	 * refusal anywhere changes nothing: refuse with a 400 on the field {@code to} when {@code to} cannot
	 * take something (cannot read a members-only space, for example). Returns how many things moved.
	 */
	int handOver(OrgAccess caller, PersonId from, PersonId to);

	/**
	 * One thing a person holds.
	 *
	 * @param sectionKey message key of the heading it is listed under ({@code handover.library})
	 * @param title what it is, as its record names it
	 * @param path its page below the organization's root, without a leading slash
	 * @param noteKey an optional message key shown after the title, or null
	 * @param noteArg the one argument of that message, or null
	 */
	record Held(String sectionKey, String title, String path, String noteKey, String noteArg) {
	}
}
