package org.tacit.organizations.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.tacit.organizations.PersonId;

/**
 * The signed-in person as Spring Security keeps them in the session. {@code securityStamp} is
 * compared with the database on every request, so a password reset or a deactivation ends the
 * session at once.
 */
public final class TacitUser implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;
	public static final String SITE_ADMIN = "SITE_ADMIN";

	private final PersonId personId;
	private final String email;
	private final String name;
	private final boolean siteAdmin;
	private final UUID securityStamp;
	private final boolean locked;
	private final boolean active;
	private String passwordHash;

	public TacitUser(PersonId personId, String email, String name, boolean siteAdmin, UUID securityStamp,
			boolean active, boolean locked, String passwordHash) {
		this.personId = personId;
		this.email = email;
		this.name = name;
		this.siteAdmin = siteAdmin;
		this.securityStamp = securityStamp;
		this.active = active;
		this.locked = locked;
		this.passwordHash = passwordHash;
	}

	public PersonId personId() {
		return personId;
	}

	public String email() {
		return email;
	}

	public String name() {
		return name;
	}

	public boolean siteAdmin() {
		return siteAdmin;
	}

	public UUID securityStamp() {
		return securityStamp;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return siteAdmin ? List.of(new SimpleGrantedAuthority(SITE_ADMIN)) : List.of();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TacitUser user && user.personId.equals(personId);
	}

	@Override
	public int hashCode() {
		return personId.hashCode();
	}

	@Override
	public String toString() {
		return "TacitUser[" + email + "]";
	}
}
