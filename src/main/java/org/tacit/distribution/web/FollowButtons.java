package org.tacit.distribution.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tacit.distribution.internal.FollowKind;
import org.tacit.distribution.internal.FollowService;
import org.tacit.organizations.OrgAccess;

/**
 * The Follow / Unfollow button other modules' pages include ({@code distribution/follow :: button(kind,
 * target)}): whether the person follows the target now, and the page to come back to. Templates call it
 * as {@code @followButtons}, so that the pages' modules need not depend on distribution.
 */
@Component("followButtons")
public class FollowButtons {

	/** What the button shows: hidden when there is nothing to follow (no target, or one's own profile). */
	public record State(boolean shown, boolean following, String kind, String target, String back) {
	}

	private final FollowService follows;

	FollowButtons(FollowService follows) {
		this.follows = follows;
	}

	public State of(OrgAccess access, String kindName, Object rawTarget) {
		String target = rawTarget == null ? "" : rawTarget.toString().strip();
		FollowKind kind;
		try {
			kind = FollowKind.valueOf(kindName == null ? "" : kindName.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return new State(false, false, "", "", "");
		}
		if (access == null || target.isEmpty()
				|| (kind == FollowKind.PERSON && target.equals(access.personId().toString()))) {
			return new State(false, false, kind.name(), target, "");
		}
		String stored = kind == FollowKind.TAG ? target.toLowerCase(Locale.ROOT) : target;
		return new State(true, follows.follows(access, kind, stored), kind.name(), stored, back());
	}

	/** The page the button is on, to come back to after the click. */
	private static String back() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String query = request.getQueryString();
			return request.getRequestURI() + (query == null ? "" : "?" + query);
		}
		return "";
	}

	/** Whether a page to come back to is one of the organization's pages (never another site). */
	static boolean safeBack(String back, String slug) {
		return back != null && back.startsWith("/o/" + slug + "/") && !back.contains("//") && !back.contains("\\")
				&& !back.contains("{") && back.chars().noneMatch(Character::isISOControl) && back.length() <= 2000;
	}
}
