package org.tacit.training.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgId;
import org.tacit.shared.RecordLookup;
import org.tacit.shared.RecordRef;

/** Courses as other modules link to them (type {@code course}): every member of the organization sees the catalog. */
@Component
class CourseRecords implements RecordLookup {

	static final String TYPE = "course";

	private final CourseService courses;

	CourseRecords(CourseService courses) {
		this.courses = courses;
	}

	@Override
	public Set<String> types() {
		return Set.of(TYPE);
	}

	@Override
	public Optional<RecordRef> find(UUID org, String type, String id, UUID viewer) {
		UUID course;
		try {
			course = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		return courses.find(new OrgId(org), course)
			.map(c -> new RecordRef(TYPE, c.id().toString(), c.title(), "training/courses/" + c.id()));
	}
}
