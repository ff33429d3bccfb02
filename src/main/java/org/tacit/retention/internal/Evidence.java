package org.tacit.retention.internal;

import java.time.Instant;
import java.util.List;

import org.tacit.organizations.PersonId;

/**
 * What one record of another module says about one person's expertise: the person, what they did, the
 * record (type and id, as {@link org.tacit.shared.Records} finds it), its tags and when.
 */
public record Evidence(PersonId person, EvidenceKind kind, String recordType, String recordId, List<String> tags,
		Instant at) {
}
