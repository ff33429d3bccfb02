package org.tacit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** Links between modules: records found by type and id, inside their organization and for who may see them. */
@TacitTest
class RecordsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Records records;

	@Test
	void itemsSpacesAndPeopleAreFoundInTheirOrganizationForThoseWhoMaySeeThem() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Org other = data.org();
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		library.space("SECRET", true);
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		TestData.Person viewer = data.member(org, "VIEWER");
		String draft = library.draft(author, "OPS", "ARTICLE", "Draft guidance", "x", List.of()).get("id").asString();

		assertThat(records.find(org.id(), "item", draft, null)).contains(new RecordRef("item", draft, "Draft guidance",
				"items/" + draft));
		assertThat(records.find(org.id(), "item", draft, author.id())).isPresent();
		assertThat(records.find(org.id(), "item", draft, viewer.id())).isEmpty();
		assertThat(records.find(other.id(), "item", draft, null)).isEmpty();
		assertThat(records.find(org.id(), "item", "not-a-uuid", null)).isEmpty();
		assertThat(records.find(org.id(), "space", "ops", viewer.id())).map(RecordRef::path).contains("spaces/OPS");
		assertThat(records.find(org.id(), "space", "SECRET", viewer.id())).isEmpty();
		assertThat(records.find(org.id(), "space", "SECRET", null)).isPresent();
		assertThat(records.find(org.id(), "person", author.id().toString(), viewer.id())).map(RecordRef::title)
			.contains("Person " + author.email());
		assertThat(records.find(other.id(), "person", author.id().toString(), null)).isEmpty();
		assertThat(records.find(org.id(), "person", author.id().toString(), other.admin().id())).isEmpty();

		assertThatThrownBy(() -> records.require(org.id(), "planet", "x", null, "link"))
			.isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(400));
		assertThatThrownBy(() -> records.require(org.id(), "item", UUID.randomUUID().toString(), null, "link"))
			.isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fields().get(0).field()).isEqualTo("link"));
	}
}
