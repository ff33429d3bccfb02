package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** The library as other modules use it ({@link KnowledgeLibrary}), and the events it announces. */
@TacitTest
@RecordApplicationEvents
class LibraryFacadeTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	KnowledgeLibrary library;

	@Autowired
	org.tacit.library.internal.ItemService items;

	@Autowired
	org.tacit.library.internal.FeedbackService feedback;

	TestData data;
	TestData.Org org;
	LibraryFixture fixture;
	TestData.Person contributor;
	TestData.Person viewer;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		fixture = new LibraryFixture(port, org);
		fixture.space("OPS");
		contributor = data.member(org, "CONTRIBUTOR");
		viewer = data.member(org, "VIEWER");
	}

	private OrgAccess access(TestData.Person person, Role role) {
		return new OrgAccess(new OrgId(org.id()), org.slug(), "Org", new PersonId(person.id()), role);
	}

	@Test
	void itemsAreLookedUpWithTheCallersPermissionsOrWithinTheOrganization() {
		JsonNode draft = fixture.draft(contributor, "OPS", "CHECKLIST", "Night shift", "- lock up\n- [ ] log off\n",
				List.of());
		ItemId id = new ItemId(UUID.fromString(draft.get("id").asString()));

		assertThat(library.item(access(viewer, Role.VIEWER), id)).isEmpty();
		assertThat(library.item(access(contributor, Role.CONTRIBUTOR), id)).get()
			.satisfies(ref -> {
				assertThat(ref.title()).isEqualTo("Night shift");
				assertThat(ref.status()).isEqualTo(ItemStatus.DRAFT);
				assertThat(ref.path()).isEqualTo("items/" + id);
			});
		assertThat(library.itemOf(new OrgId(org.id()), id)).isPresent();
		assertThat(library.itemOf(new OrgId(data.org().id()), id)).isEmpty();
		assertThat(library.checklistSteps(access(contributor, Role.CONTRIBUTOR), id)).containsExactly("lock up", "log off");
		assertThat(library.checklistSteps(access(viewer, Role.VIEWER), id)).isEmpty();
	}

	@Test
	void anotherModuleCreatesSpacesAndPublishedItemsCreditedToSomeoneElse(ApplicationEvents events) {
		OrgAccess asContributor = access(contributor, Role.CONTRIBUTOR);
		KnowledgeLibrary.SpaceRef space = library.createSpace(asContributor, "cop_ops", "Operations community", "",
				false);
		assertThat(space.key()).isEqualTo("COP_OPS");

		KnowledgeLibrary.ItemRef faq = library.createItem(asContributor, new KnowledgeLibrary.NewItem("COP_OPS", Kind.FAQ,
				"How do we restart the line?", "", "Press the red button twice.", List.of("line"),
				new PersonId(viewer.id()), true, "Promoted from a discussion"));

		assertThat(faq.status()).isEqualTo(ItemStatus.PUBLISHED);
		assertThat(faq.owner()).isEqualTo(new PersonId(viewer.id()));
		assertThat(events.stream(ItemPublished.class)).containsExactly(new ItemPublished(new OrgId(org.id()), faq.id(),
				new PersonId(viewer.id()), new PersonId(contributor.id())));
		Http.Response seen = Http.api(port, viewer.token()).get("/api/v1/orgs/" + org.slug() + "/items/" + faq.id());
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.json().get("spaceName").asString()).isEqualTo("Operations community");
	}

	@Test
	void aLeaversItemsAreHandedOverInOneStep() {
		JsonNode first = fixture.draft(contributor, "OPS", "ARTICLE", "Alpha", "a", List.of());
		fixture.draft(contributor, "OPS", "TEMPLATE", "Beta", "b", List.of());
		TestData.Person successor = data.member(org, "CONTRIBUTOR");
		OrgAccess admin = access(org.admin(), Role.ADMIN);

		assertThat(library.ownedBy(new OrgId(org.id()), new PersonId(contributor.id())))
			.extracting(KnowledgeLibrary.ItemRef::title).containsExactly("Alpha", "Beta");
		assertThat(library.reassignOwner(admin, new PersonId(contributor.id()), new PersonId(successor.id()))).isEqualTo(2);

		assertThat(library.ownedBy(new OrgId(org.id()), new PersonId(contributor.id()))).isEmpty();
		assertThat(library.ownedBy(new OrgId(org.id()), new PersonId(successor.id())))
			.extracting(KnowledgeLibrary.ItemRef::title).containsExactly("Alpha", "Beta");
		Http.Response item = Http.api(port, successor.token())
			.get("/api/v1/orgs/" + org.slug() + "/items/" + first.get("id").asString());
		assertThat(item.json().get("owner").get("id").asString()).isEqualTo(successor.id().toString());
		assertThatThrownBy(() -> library.reassignOwner(admin, new PersonId(successor.id()), PersonId.random()))
			.isInstanceOf(ProblemException.class);
	}

	@Test
	void handoverRefusesASuccessorWhoCannotReadTheMembersOnlySpace() {
		fixture.space("SECRET", true);
		Http.api(port, org.admin().token())
			.put("/api/v1/orgs/" + org.slug() + "/spaces/SECRET/members/" + contributor.email(),
					Map.of("role", "CONTRIBUTOR"));
		fixture.draft(contributor, "SECRET", "ARTICLE", "Hidden", "h", List.of());
		TestData.Person outsider = data.member(org, "CONTRIBUTOR");

		assertThatThrownBy(() -> library.reassignOwner(access(org.admin(), Role.ADMIN), new PersonId(contributor.id()),
				new PersonId(outsider.id())))
			.isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(400));
		assertThat(library.ownedBy(new OrgId(org.id()), new PersonId(contributor.id()))).hasSize(1);
	}

	@Test
	void savesVerificationsAndVotesAreAnnounced(ApplicationEvents events) {
		JsonNode item = fixture.published("OPS", "TEMPLATE", "Handover", "body");
		String id = item.get("id").asString();
		ItemId itemId = new ItemId(UUID.fromString(id));
		OrgAccess admin = access(org.admin(), Role.ADMIN);

		// called here, not over HTTP: the recorded events are those of the test's own thread
		items.update(admin, itemId, item.get("version").asInt(), new org.tacit.library.internal.ItemService.Content(
				null, "Handover", null, "new body", null, null, null, "clearer steps"));
		items.verify(admin, itemId);
		feedback.vote(access(viewer, Role.VIEWER), id, true, null);

		OrgId orgId = new OrgId(org.id());
		PersonId adminId = new PersonId(org.admin().id());
		assertThat(events.stream(ItemUpdated.class))
			.containsExactly(new ItemUpdated(orgId, itemId, 2, adminId, adminId, true, "clearer steps"));
		assertThat(events.stream(ItemVerified.class)).containsExactly(new ItemVerified(orgId, itemId, adminId, adminId));
		assertThat(events.stream(FeedbackGiven.class))
			.containsExactly(new FeedbackGiven(orgId, itemId, adminId, new PersonId(viewer.id()), true));
	}

	@Test
	void publishedItemsAreListedWithTheirTagsOwnerAndLaterVerification() {
		JsonNode published = fixture.published("OPS", "ARTICLE", "Valve lapping", "v", "valves", "Maintenance");
		fixture.draft(contributor, "OPS", "ARTICLE", "Unpublished", "u", List.of("valves"));
		ItemId id = new ItemId(UUID.fromString(published.get("id").asString()));
		OrgId orgId = new OrgId(org.id());

		assertThat(library.itemOf(orgId, id).orElseThrow().tags()).containsExactly("valves", "maintenance");
		List<KnowledgeLibrary.PublishedItem> listed = library.publishedItems(orgId, 0, 10);
		assertThat(listed).extracting(KnowledgeLibrary.PublishedItem::id).containsExactly(id);
		KnowledgeLibrary.PublishedItem item = listed.get(0);
		assertThat(item.tags()).containsExactly("valves", "maintenance");
		assertThat(item.membersOnly()).isFalse();
		assertThat(item.owner()).isEqualTo(new PersonId(org.admin().id()));
		assertThat(item.publishedAt()).isNotNull();
		// approval marks the item verified at the moment it is published; a later check comes after it
		assertThat(item.verifiedAt()).isEqualTo(item.publishedAt());
		items.verify(access(org.admin(), Role.ADMIN), id);
		assertThat(library.publishedItems(orgId, 0, 10).get(0).verifiedAt()).isAfter(item.publishedAt());
		assertThat(library.publishedItems(orgId, 1, 10)).isEmpty();
		assertThat(library.publishedItems(new OrgId(data.org().id()), 0, 10)).isEmpty();
	}
}
