package org.tacit.training.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A course of the catalog, with its learning links and the competency codes it develops. */
public record Course(UUID id, OrgId org, String title, String description, CourseType type, PersonId trainer,
		String duration, List<Link> links, List<String> competencies, Instant createdAt, Instant updatedAt) {

	/** A learning item: a record of any module, by type and id. */
	public record Link(String type, String id) {
	}
}
