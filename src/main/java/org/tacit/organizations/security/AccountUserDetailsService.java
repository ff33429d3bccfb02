package org.tacit.organizations.security;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.tacit.organizations.internal.Account;
import org.tacit.organizations.internal.AccountStore;

/** Loads accounts for the sign-in form. */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountStore accounts;
	private final Clock clock;

	AccountUserDetailsService(AccountStore accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public TacitUser loadUserByUsername(String email) {
		Account account = accounts.byEmail(email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return from(account, clock);
	}

	static TacitUser from(Account account, Clock clock) {
		return new TacitUser(account.id(), account.email(), account.name(), account.siteAdmin(),
				account.securityStamp(), account.active(), account.lockedAt(clock.instant()), account.passwordHash());
	}
}
