package org.tacit.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** Other modules link to lessons, activities and reviews through {@link Records}, and look lessons up through the facade. */
@TacitTest
class LessonsRecordsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Records records;

	@Autowired
	LessonsLearned lessonsLearned;

	@Test
	void lessonsActivitiesAndReviewsAreFoundByMembersOfTheirOrganization() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Org other = data.org();
		TestData.Person viewer = data.member(org, "VIEWER");
		LessonsFixture lessons = new LessonsFixture(port, org);
		String activity = lessons.activity(org.admin(), "Plant shutdown", "").get("id").asString();
		String review = lessons.review(org.admin(), activity, "DURING", Map.of("observations", "On track")).get("id").asString();
		String lesson = lessons.lesson(viewer, activity, "Start early", "URGENT").get("id").asString();

		assertThat(records.find(org.id(), "lesson", lesson, viewer.id()))
			.contains(new RecordRef("lesson", lesson, "Start early", "lessons/" + lesson));
		assertThat(records.find(org.id(), "activity", activity, null))
			.contains(new RecordRef("activity", activity, "Plant shutdown", "activities/" + activity));
		assertThat(records.find(org.id(), "review", review, viewer.id())).map(RecordRef::title)
			.hasValueSatisfying(title -> assertThat(title).startsWith("In-action review: Plant shutdown"));
		assertThat(records.find(other.id(), "lesson", lesson, null)).isEmpty();
		assertThat(records.find(org.id(), "lesson", lesson, other.admin().id())).isEmpty();
		assertThat(records.find(org.id(), "lesson", "not-an-id", null)).isEmpty();
		assertThat(records.find(org.id(), "review", UUID.randomUUID().toString(), null)).isEmpty();

		OrgAccess asViewer = new OrgAccess(new OrgId(org.id()), org.slug(), "Org", new PersonId(viewer.id()), Role.VIEWER);
		assertThat(lessonsLearned.lesson(asViewer, new LessonId(UUID.fromString(lesson)))).hasValueSatisfying(ref -> {
			assertThat(ref.priority()).isEqualTo(Priority.URGENT);
			assertThat(ref.status()).isEqualTo(LessonStatus.CAPTURED);
			assertThat(ref.author()).isEqualTo(new PersonId(viewer.id()));
			assertThat(ref.path()).isEqualTo("lessons/" + lesson);
		});
		OrgAccess outsider = new OrgAccess(new OrgId(other.id()), other.slug(), "Other", new PersonId(other.admin().id()),
				Role.ADMIN);
		assertThat(lessonsLearned.lesson(outsider, new LessonId(UUID.fromString(lesson)))).isEmpty();
	}
}
