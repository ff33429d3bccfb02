package org.tacit.organizations.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.RecordLookup;
import org.tacit.shared.RecordRef;

/**
 * Members as other modules link to them (type {@code person}): a person is found only in an
 * organization they belong to, and only by its members.
 */
@Component
class PeopleRecords implements RecordLookup {

	private final MemberStore members;

	PeopleRecords(MemberStore members) {
		this.members = members;
	}

	@Override
	public Set<String> types() {
		return Set.of("person");
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<RecordRef> find(UUID org, String type, String id, UUID viewer) {
		OrgId orgId = new OrgId(org);
		if (viewer != null && members.find(orgId, new PersonId(viewer)).filter(MemberRecord::active).isEmpty()) {
			return Optional.empty();
		}
		PersonId person;
		try {
			person = new PersonId(UUID.fromString(id));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		return members.find(orgId, person)
			.map(m -> new RecordRef("person", m.id().toString(), m.name(), "people/" + m.id()));
	}
}
