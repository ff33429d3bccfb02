package org.tacit.organizations.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tacit.organizations.Role;
import org.tacit.organizations.internal.AuditEntry;
import org.tacit.organizations.internal.MemberRecord;
import org.tacit.organizations.internal.OrgRecord;
import org.tacit.organizations.internal.TokenService;

/** The JSON shapes of the organizations API. */
final class Views {

	private Views() {
	}

	record Me(UUID id, String email, String name, boolean siteAdmin, List<OrgMembership> orgs) {
	}

	record OrgMembership(UUID id, String slug, String name, Role role) {
	}

	record Org(UUID id, String slug, String name, Role role, long members, Instant createdAt) {

		static Org of(OrgRecord record) {
			return new Org(record.id().value(), record.slug(), record.name(), record.role(), record.members(),
					record.createdAt());
		}
	}

	record Member(UUID id, String email, String name, Role role, boolean active, Instant joinedAt, Manager manager) {

		static Member of(MemberRecord record) {
			return new Member(record.id().value(), record.email(), record.name(), record.role(), record.active(),
					record.joinedAt(),
					record.manager() == null ? null : new Manager(record.manager().value(), record.managerName()));
		}
	}

	/** A member's manager, or null when none is set. */
	record Manager(UUID id, String name) {
	}

	record Token(UUID id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

		static Token of(TokenService.TokenInfo info) {
			return new Token(info.id(), info.name(), info.hint(), info.createdAt(), info.expiresAt(), info.lastUsedAt());
		}
	}

	record CreatedToken(UUID id, String name, String token, String hint, Instant createdAt, Instant expiresAt) {
	}

	record Audit(long id, String actor, String action, String targetType, String targetId, String detail, Instant at) {

		static Audit of(AuditEntry entry) {
			return new Audit(entry.id(), entry.actorEmail(), entry.action(), entry.targetType(), entry.targetId(),
					entry.detail(), entry.at());
		}
	}

	record TemporaryPassword(String temporaryPassword) {
	}
}
