package org.tacit.organizations.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.tacit.organizations.internal.AccountStore;

/**
 * Slows down password guessing: after {@link #FREE_ATTEMPTS} wrong passwords in a row an account is
 * locked for one minute, doubling with every further failure up to {@link #MAX_LOCK}. A correct
 * password during the lock is refused too; the first success afterwards resets the count.
 */
@Component
class SignInBackoff {

	static final int FREE_ATTEMPTS = 5;
	static final Duration MAX_LOCK = Duration.ofHours(1);

	private final AccountStore accounts;
	private final Clock clock;

	SignInBackoff(AccountStore accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		if (!(event.getException() instanceof BadCredentialsException) || event.getAuthentication().getName() == null) {
			return;
		}
		String email = event.getAuthentication().getName().strip().toLowerCase(Locale.ROOT);
		accounts.byEmail(email).ifPresent(account -> {
			int failures = account.failedSignIns() + 1;
			accounts.recordFailedSignIn(account.id(), failures, lockUntil(failures, clock.instant()));
		});
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof TacitUser user) {
			accounts.recordSuccessfulSignIn(user.personId());
		}
	}

	static Instant lockUntil(int failures, Instant now) {
		if (failures < FREE_ATTEMPTS) {
			return null;
		}
		int doublings = Math.min(failures - FREE_ATTEMPTS, 6);
		Duration lock = Duration.ofMinutes(1L << doublings);
		return now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
	}
}
