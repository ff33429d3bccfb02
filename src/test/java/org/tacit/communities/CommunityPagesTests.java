package org.tacit.communities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.CommunityFixture;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** The communities' pages, driven as a browser sends its forms: directory, proposal, charter editor, members, Q&A. */
@TacitTest
class CommunityPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	CommunityFixture fixture;
	TestData.Person sponsor;
	TestData.Person leader;
	Http browser;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		fixture = new CommunityFixture(port, org);
		sponsor = data.member(org, "KNOWLEDGE_MANAGER");
		leader = data.member(org, "CONTRIBUTOR");
		browser = Http.browser(port);
		browser.signIn(leader.email(), TestData.PASSWORD);
		base = "/o/" + org.slug();
	}

	private String propose(String name) {
		Http.Response created = browser.submit(base + "/communities/new", base + "/communities",
				Map.of("name", name, "description", "About " + name, "tags", "Welding, quality", "joinPolicy", "OPEN"));
		Matcher id = Pattern.compile("/communities/([0-9a-f-]{36})/charter$").matcher(created.location());
		assertThat(id.find()).as(created.toString()).isTrue();
		return id.group(1);
	}

	@Test
	void theDirectoryListsCommunitiesAndFiltersThemByDomainAndStatus() {
		assertThat(browser.get(base + "/communities").body()).contains("No community has been proposed yet")
			.contains("Propose a community");
		propose("Welders");
		fixture.launched(sponsor, leader, "Painters", "painting");

		String all = browser.get(base + "/communities").body();
		assertThat(all).contains("Welders").contains("Painters").contains("<option value=\"welding\"");
		String welding = browser.get(base + "/communities?domain=welding").body();
		assertThat(welding).contains("Welders").doesNotContain(">Painters<");
		String launched = browser.get(base + "/communities?status=LAUNCHED").body();
		assertThat(launched).contains("Painters").doesNotContain(">Welders<");
		assertThat(browser.get(base + "/communities?status=ACTIVE").body()).contains("No community matches these filters");
		assertThat(browser.get(base + "/communities?status=bogus").body()).contains("Unknown status");
	}

	@Test
	void theProposalFormRefusesBadInputBesideTheField() {
		propose("Welders");
		Http.Response refused = browser.submit(base + "/communities/new", base + "/communities",
				Map.of("name", "welders", "tags", "x"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"name-error\"").contains("already has a community called welders");
		Http viewer = Http.browser(port);
		viewer.signIn(data.member(org, "VIEWER").email(), TestData.PASSWORD);
		assertThat(viewer.get(base + "/communities/new").status()).isEqualTo(403);
		assertThat(viewer.get(base + "/communities").body()).doesNotContain("Propose a community</a>");
	}

	@Test
	void theCharterEditorShowsWhatIsMissingAndTheLaunchIsRefusedWithIt() {
		String id = propose("Welders");
		String editor = base + "/communities/" + id + "/charter";
		String page = browser.get(editor).body();
		assertThat(page).contains("4 parts are missing before launch").contains("Write the community’s purpose.")
			.contains("Name a sponsor.").contains("Name a leader.").contains("href=\"#purpose\"");

		Http.Response refused = browser.submit(editor, base + "/communities/" + id + "/launch", Map.of());
		assertThat(refused.location()).endsWith(editor + "#missing");
		String after = browser.get(refused.location()).body();
		assertThat(after).contains("The community cannot launch yet").contains("4 parts are missing before launch");

		Map<String, String> form = new LinkedHashMap<>();
		form.put("purpose", "Better welds");
		Http.Response badPerson = browser.submitMulti(editor, editor, form, Map.of(
				"roleType", new String[] { "SPONSOR", "LEADER", "" },
				"rolePerson", new String[] { "nobody@example.org", leader.email(), "" },
				"roleResponsibilities", new String[] { "Budget", "Agenda", "" }));
		assertThat(badPerson.status()).isEqualTo(200);
		assertThat(badPerson.body()).contains("“nobody@example.org” is not an active member of the organization.")
			.contains("value=\"nobody@example.org\"");

		Http.Response saved = browser.submitMulti(editor, editor, form, Map.of(
				"roleType", new String[] { "SPONSOR", "", "LEADER" },
				"rolePerson", new String[] { sponsor.email(), "", leader.email() },
				"roleResponsibilities", new String[] { "Budget", "", "" },
				"deliverableId", new String[] { "", "" },
				"deliverableDescription", new String[] { "Weld guide", "" },
				"deliverableDate", new String[] { "2030-04-30", "" }));
		assertThat(saved.location()).endsWith(editor);
		assertThat(browser.get(editor).body()).contains("1 part is missing before launch")
			.contains("Write the responsibilities of the leader (Person " + leader.email() + ").")
			.contains("href=\"#roles-1-responsibilities\"");
	}

	@Test
	void aLaunchedCommunitysHomeShowsCharterDeliverablesMembersAndHealth() {
		String id = fixture.launched(sponsor, leader, "Riveters", "riveting");
		String home = browser.get(base + "/communities/" + id).body();
		assertThat(home).contains("Riveters").contains("Launched").contains("Share what works").contains("Sponsor")
			.contains("Backs the community").contains("A playbook").contains("2030-06-30").contains("Planned")
			.contains("Health").contains("Ask a question").contains("Version 1").doesNotContain("parts are missing")
			.doesNotContain("The charter is complete");
		assertThat(browser.get(base + "/communities/" + propose("Proposed one")).body())
			.contains("4 parts are missing before launch").contains("Launch the community");
		assertThat(browser.get(base + "/communities/" + id + "/charter/versions").body()).contains("As launched")
			.contains("Backs the community");
		assertThat(browser.get(base + "/communities/" + id + "/members").body()).contains("Person " + sponsor.email())
			.contains("Invite someone");
		String deliverable = Pattern.compile("/deliverables/([0-9a-f-]{36})").matcher(home).results().findFirst()
			.orElseThrow().group(1);
		String track = base + "/communities/" + id + "/deliverables/" + deliverable;
		assertThat(browser.get(track).body()).contains("Track: A playbook");
		Http.Response refused = browser.submit(track, track, Map.of("status", "DELIVERED", "items", "not-an-item"));
		assertThat(refused.body()).contains("“not-an-item” is not the id or address of a library item.");
		browser.submit(track, track, Map.of("status", "DELIVERED", "items", ""));
		assertThat(browser.get(base + "/communities/" + id).body()).contains("on time");

		Http.Response retire = browser.get(base + "/communities/" + id + "/retire");
		assertThat(retire.body()).contains("Retire the community?").contains("This cannot be undone.");
		browser.submit(base + "/communities/" + id + "/retire", base + "/communities/" + id + "/status",
				Map.of("status", "RETIRED"));
		assertThat(browser.get(base + "/communities/" + id).body()).contains("This community is retired.")
			.doesNotContain("Ask a question");
	}

	@Test
	void membersJoinLeaveAndAreApprovedFromThePages() {
		String id = propose("Inspectors");
		browser.submit(base + "/communities/" + id + "/edit", base + "/communities/" + id,
				Map.of("name", "Inspectors", "joinPolicy", "APPROVAL"));
		TestData.Person person = data.member(org, "VIEWER");
		Http other = Http.browser(port);
		other.signIn(person.email(), TestData.PASSWORD);

		assertThat(other.get(base + "/communities/" + id).body()).contains("Ask to join");
		other.submit(base + "/communities/" + id, base + "/communities/" + id + "/join", Map.of());
		assertThat(other.get(base + "/communities/" + id).body()).contains("Your request to join is waiting");
		String members = browser.get(base + "/communities/" + id + "/members").body();
		assertThat(members).contains("Asked to join").contains("Approve Person " + person.email());
		browser.submit(base + "/communities/" + id + "/members", base + "/communities/" + id + "/members",
				Map.of("person", person.id().toString()));
		assertThat(other.get(base + "/communities/" + id).body()).contains("Leave the community");

		assertThat(other.get(base + "/communities/" + id + "/leave").body()).contains("Leave the community?");
		Http.Response left = other.submit(base + "/communities/" + id + "/leave", base + "/communities/" + id + "/leave",
				Map.of());
		assertThat(other.get(left.location()).body()).contains("You are no longer a member.");
	}

	@Test
	void questionsAreAskedAnsweredAcceptedAndPromotedFromThePages() {
		String id = fixture.launched(sponsor, leader, "Machinists", "machining");
		TestData.Person member = data.member(org, "VIEWER");
		fixture.join(member, id);
		Http asker = Http.browser(port);
		asker.signIn(member.email(), TestData.PASSWORD);
		String form = base + "/communities/" + id + "/threads/new?question=true";
		assertThat(asker.get(form).body()).contains("Your question").contains("hx-get=");

		Http.Response unsafe = asker.submit(form, base + "/communities/" + id + "/threads", Map.of("question", "true",
				"title", "Feed rate?", "body", "<script>alert(1)</script>"));
		assertThat(unsafe.status()).isEqualTo(200);
		assertThat(unsafe.body()).contains("This contains HTML that is not allowed: &lt;script&gt;")
			.contains("Feed rate?");
		Http.Response asked = asker.submit(form, base + "/communities/" + id + "/threads", Map.of("question", "true",
				"title", "Feed rate for aluminium?", "body", "On the *old* mill", "tags", "aluminium"));
		String thread = asked.location().substring(asked.location().lastIndexOf('/') + 1);
		assertThat(asker.get(asked.location()).body()).contains("Your question was posted").contains("<em>old</em>")
			.contains("Open question").contains("No answers yet");

		browser.submit(base + "/threads/" + thread, base + "/threads/" + thread + "/posts", Map.of("body", "0.1 mm per tooth"));
		String page = asker.get(base + "/threads/" + thread).body();
		String post = Pattern.compile("id=\"post-([0-9a-f-]{36})\"").matcher(page).results().skip(1).findFirst()
			.orElseThrow().group(1);
		assertThat(page).contains("0.1 mm per tooth").contains("Accept this answer").doesNotContain("Promote to FAQ")
			.contains("?replyTo=" + post + "#reply");
		asker.submit(base + "/threads/" + thread, base + "/posts/" + post + "/vote", Map.of("up", "true"));
		asker.submit(base + "/threads/" + thread, base + "/posts/" + post + "/accept", Map.of());
		assertThat(asker.get(base + "/threads/" + thread).body()).contains("Accepted answer").contains("1 up-vote");
		Http.Response promoted = browser.submit(base + "/threads/" + thread, base + "/posts/" + post + "/promote", Map.of());
		assertThat(promoted.location()).contains("/items/");
		assertThat(browser.get(promoted.location()).body()).contains("The answer is now a FAQ item")
			.contains("Feed rate for aluminium?").contains("0.1 mm per tooth");

		String threads = asker.get(base + "/communities/" + id + "/threads?show=questions").body();
		assertThat(threads).contains("Feed rate for aluminium?").contains("Answered");
		assertThat(asker.get(base + "/communities/" + id + "/threads?show=unanswered").body())
			.doesNotContain("Feed rate for aluminium?");
		assertThat(asker.get(base + "/communities/" + id + "/similar?title=feed").status()).isEqualTo(200);
		Http.Response preview = asker.submit(base + "/threads/" + thread, base + "/communities/preview",
				Map.of("body", "**x** <iframe src=https://a></iframe>"));
		assertThat(preview.body()).contains("<strong>x</strong>").contains("not allowed: &lt;iframe&gt;")
			.doesNotContain("<iframe");

		String edit = base + "/posts/" + post + "/edit";
		assertThat(asker.get(edit).status()).isEqualTo(403);
		browser.submit(edit, base + "/posts/" + post, Map.of("body", "0.12 mm per tooth"));
		assertThat(asker.get(base + "/threads/" + thread).body()).contains("0.12 mm per tooth").contains("edited");
	}
}
