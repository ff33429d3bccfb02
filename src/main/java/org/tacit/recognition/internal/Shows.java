package org.tacit.recognition.internal;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;

/** Turns ledger entries into what a viewer may see of their records. */
@Component
class Shows {

	private final Records records;
	private final Organizations organizations;

	Shows(Records records, Organizations organizations) {
		this.records = records;
		this.organizations = organizations;
	}

	Map<PersonId, String> names(Collection<PersonId> people) {
		return organizations.names(people.stream().filter(java.util.Objects::nonNull).toList());
	}

	Shown of(OrgId org, PersonId viewer, String type, String id, PersonId by, Map<PersonId, String> names,
			java.time.Instant at, String note) {
		RecordRef ref = records.find(org.value(), type, id, viewer.value()).orElse(null);
		String path = ref != null ? ref.path() : RetentionLedger.TYPE.equals(type) ? "plans/" + id : null;
		return new Shown(type, id, ref == null ? null : ref.title(), ref == null && path == null ? null : path,
				by == null ? null : names.get(by), at, note);
	}

	Shown of(OrgId org, PersonId viewer, Entry entry, Map<PersonId, String> names) {
		return of(org, viewer, entry.recordType(), entry.recordId(), entry.actor(), names, entry.at(), entry.detail());
	}
}
