package org.tacit.security;

import org.tacit.organizations.Role;

/**
 * Who may call an endpoint, as declared in {@link Endpoints}. Everyone else is refused the way the
 * rule says: anonymous callers with 401 (API) or a redirect to the sign-in page (pages), members of
 * another organization with 404, and members of the organization whose role is too low with 403, or
 * 404 when the rule {@linkplain #hidden() hides} the record from them.
 *
 * @param who the kind of caller that may succeed
 * @param least for {@link Who#MEMBER}: the least organization role that may succeed
 * @param hiddenFromLesser lesser roles get 404 instead of 403 (the record is invisible to them)
 * @param ownRecords every caller who may succeed gets records made for that one call, because a success
 *     changes or removes them (a delete, a role change)
 * @param query a query string the endpoint needs to find its record (path variables are filled in it too)
 * @param body the JSON body sent to an API endpoint ({@code {}} unless another shape is needed to reach
 *     the permission check, such as a list)
 */
record Access(Who who, Role least, boolean hiddenFromLesser, boolean ownRecords, String query, String body) {

	enum Who {
		/** Spring Boot's error page, which no caller can make succeed: it must never answer 2xx or show a trace. */
		ERROR_PAGE,
		/** Anyone, signed in or not. */
		PUBLIC,
		/** Any signed-in person, on their own account (tokens, password, name). */
		SIGNED_IN,
		/** Only site administrators. */
		SITE_ADMIN,
		/** Members of the organization in the path with at least {@code least}, and site administrators. */
		MEMBER
	}

	static Access member(Role least) {
		return new Access(Who.MEMBER, least, false, false, "", "{}");
	}

	static final Access PUBLIC = new Access(Who.PUBLIC, null, false, false, "", "{}");
	static final Access SIGNED_IN = new Access(Who.SIGNED_IN, null, false, false, "", "{}");
	static final Access SITE_ADMIN = new Access(Who.SITE_ADMIN, null, false, false, "", "{}");
	static final Access ERROR_PAGE = new Access(Who.ERROR_PAGE, null, false, false, "", "{}");

	/** Lesser roles get 404, as if the record did not exist (drafts, members-only spaces). */
	Access hidden() {
		return new Access(who, least, true, ownRecords, query, body);
	}

	/** A success changes the records in the path: each caller who may succeed gets new ones. */
	Access fresh() {
		return new Access(who, least, hiddenFromLesser, true, query, body);
	}

	/** Calls carry this query string, such as {@code space={key}}. */
	Access query(String query) {
		return new Access(who, least, hiddenFromLesser, ownRecords, query, body);
	}

	/** API calls send this JSON body instead of {@code {}}. */
	Access body(String body) {
		return new Access(who, least, hiddenFromLesser, ownRecords, query, body);
	}

	/** Whether a member of the organization with this role (null: not a member) may succeed. */
	boolean allows(Role role, boolean siteAdmin) {
		return switch (who) {
			case PUBLIC, SIGNED_IN -> true;
			case ERROR_PAGE -> false;
			case SITE_ADMIN -> siteAdmin;
			case MEMBER -> siteAdmin || role != null && role.atLeast(least);
		};
	}

	@Override
	public String toString() {
		return (who == Who.MEMBER ? "member(" + least + ")" : who.name()) + (hiddenFromLesser ? ".hidden()" : "")
				+ (ownRecords ? ".fresh()" : "") + (query.isEmpty() ? "" : ".query(" + query + ")")
				+ (body.equals("{}") ? "" : ".body(" + body + ")");
	}
}
