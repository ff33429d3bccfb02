package org.tacit.organizations.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tacit.shared.ProblemException;

/** The person behind the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<TacitUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof TacitUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/** The current person; a request without one never reaches a controller, so this is a 404 safeguard. */
	public static TacitUser require() {
		return get().orElseThrow(ProblemException::notFound);
	}
}
