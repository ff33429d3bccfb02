package org.tacit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacit.retention.RiskRegisterApiTests.risk;
import static org.tacit.retention.RiskRegisterApiTests.today;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.shared.Records;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The module's pages rendered by the server: profiles and their editor, the expert finder, the risk
 * register with its forms, the overview, the scoring method, plan pages, handover, navigation and
 * "My work".
 */
@TacitTest
class RetentionPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Records records;

	TestData data;
	TestData.Org org;
	TestData.Person km;
	String base;
	String api;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		km = data.member(org, "KNOWLEDGE_MANAGER");
		base = "/o/" + org.slug();
		api = "/api/v1/orgs/" + org.slug();
	}

	private Http signedIn(TestData.Person person) {
		Http browser = Http.browser(port);
		browser.signIn(person.email(), TestData.PASSWORD);
		return browser;
	}

	private static Document page(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	@Test
	void aProfileShowsDeclaredAndDerivedExpertiseApartAndItsOwnerEditsIt() {
		TestData.Person engineer = data.member(org, "CONTRIBUTOR");
		TestData.Person viewer = data.member(org, "VIEWER");
		Http own = signedIn(engineer);
		String editor = base + "/people/" + engineer.id() + "/expertise";

		Document empty = page(own.get(base + "/people/" + engineer.id()));
		assertThat(empty.select("h1").text()).isEqualTo("Person " + engineer.email());
		assertThat(empty.text()).contains("You have not declared any expertise yet").contains("Contributor");

		Http.Response refused = own.submit(editor, editor, Map.of("tag", "hydraulics", "level", "9", "askMeAbout",
				"<b>valves</b>", "languages", "English, Dutch", "location", "Rotterdam"));
		Document form = page(refused);
		assertThat(form.select(".field-error").text()).contains("1 to 5");
		assertThat(form.select("#tag-0").val()).isEqualTo("hydraulics");
		assertThat(form.select("#askMeAbout").text()).isEqualTo("<b>valves</b>");

		Http.Response saved = own.submit(editor, editor, Map.of("tag", "Hydraulics", "level", "4", "askMeAbout",
				"<b>valves</b>", "languages", "English, Dutch", "location", "Rotterdam"));
		assertThat(saved.status()).isEqualTo(302);
		Document profile = page(signedIn(viewer).get(base + "/people/" + engineer.id()));
		assertThat(profile.select(".expertise-areas").text()).contains("hydraulics").contains("4 — Advanced");
		assertThat(profile.select(".expertise-areas a").attr("href")).contains("/experts?topic=hydraulics");
		assertThat(profile.text()).contains("Languages: English, Dutch").contains("Location: Rotterdam")
			.contains("What their work shows").contains("No contribution shows expertise yet");
		// what people write is shown as text, never as markup
		assertThat(profile.select(".body").first().html()).contains("&lt;b&gt;valves&lt;/b&gt;");
		assertThat(profile.select("a[href$=/expertise]")).isEmpty();
		assertThat(signedIn(viewer).get(editor).status()).isEqualTo(403);
		assertThat(own.get(base + "/people/" + data.member(data.org(), "VIEWER").id()).status()).isEqualTo(404);

		// the person links other modules make lead to this page
		String path = records.find(org.id(), "person", engineer.id().toString(), viewer.id()).orElseThrow().path();
		assertThat(own.get(base + "/" + path).status()).isEqualTo(200);
	}

	@Test
	void theExpertFinderShowsWhyAndSaysWhatToDoWhenNobodyKnows() {
		TestData.Person engineer = data.member(org, "CONTRIBUTOR");
		Http.api(port, engineer.token()).put(api + "/people/" + engineer.id() + "/expertise",
				Map.of("areas", List.of(Map.of("tag", "switchgear", "level", 5))));
		Http browser = signedIn(data.member(org, "VIEWER"));

		Document start = page(browser.get(base + "/experts"));
		assertThat(start.select("nav.topnav a").eachText()).contains("Experts").doesNotContain("Risk register");
		assertThat(start.text()).contains("Type a topic");

		Document found = page(browser.get(base + "/experts?topic=Switchgear"));
		assertThat(found.select(".expert h3").eachText()).containsExactly("Person " + engineer.email());
		assertThat(found.select(".expert .badge").eachText()).contains("Declared: switchgear, Expert: others come to me");

		Http.Response fragment = browser.getWithHeader(base + "/experts?topic=switchgear", "HX-Request", "true");
		assertThat(fragment.body()).doesNotContain("<html").contains("Person " + engineer.email());

		Document nobody = page(browser.get(base + "/experts?topic=basketweaving"));
		assertThat(nobody.select(".empty-state").text()).contains("Nobody has declared or shown expertise");
		assertThat(nobody.select(".empty-state a").attr("href")).contains("/search?q=basketweaving");
		assertThat(page(browser.get(base + "/experts?topic=%3F%3F")).select(".field-error").text()).isNotEmpty();
	}

	@Test
	void aKnowledgeManagerAddsAnEntryFromTheFormAndSeesItScored() {
		TestData.Person retiring = data.member(org, "CONTRIBUTOR");
		Http browser = signedIn(km);
		Map<String, String> fields = new HashMap<>(Map.of("person", retiring.email(), "areaDescription",
				"Relay protection settings", "areaTags", "relays, protection", "departureType", "RETIREMENT",
				"departureDate", today().minusDays(1).toString(), "positionRisk", "5"));

		Document refused = page(browser.submit(base + "/risks/new", base + "/risks", fields));
		assertThat(refused.select("#departureDate-error").text()).contains("passed");
		assertThat(refused.select("#area-0").text()).isEqualTo("Relay protection settings");

		fields.put("departureDate", today().plusMonths(6).toString());
		Http.Response created = browser.submit(base + "/risks/new", base + "/risks", fields);
		assertThat(created.status()).isEqualTo(302);
		Matcher id = Pattern.compile("/risks/([0-9a-f-]{36})$").matcher(created.location());
		assertThat(id.find()).as(created.location()).isTrue();

		Document entry = page(browser.get(base + "/risks/" + id.group(1)));
		assertThat(entry.select(".meta .badge").text()).isEqualTo("High risk, 25");
		assertThat(entry.select(".scores").text()).contains("25 = 5 × 5: High").contains("in 6 months");
		assertThat(entry.select(".tags a").eachText()).containsExactly("relays", "protection");
		assertThat(entry.text()).contains("There is no transfer plan yet");

		Document register = page(browser.get(base + "/risks"));
		assertThat(register.select("nav.topnav a").eachText()).contains("Risk register");
		assertThat(register.select("tbody tr").text()).contains("Person " + retiring.email()).contains("High");
		Http.Response filtered = browser.getWithHeader(base + "/risks?band=LOW", "HX-Request", "true");
		assertThat(filtered.body()).doesNotContain("<html").contains("No entry matches");

		// the person sees their own entry, a colleague is not told it exists
		assertThat(signedIn(retiring).get(base + "/risks/" + id.group(1)).status()).isEqualTo(200);
		assertThat(signedIn(data.member(org, "EDITOR")).get(base + "/risks/" + id.group(1)).status()).isEqualTo(404);
		assertThat(signedIn(data.member(org, "EDITOR")).get(base + "/risks/new").status()).isEqualTo(403);
	}

	@Test
	void aPlanIsMadeOnTheEntrysPageAndRunOnItsOwn() {
		TestData.Person retiring = data.member(org, "CONTRIBUTOR");
		TestData.Person successor = data.member(org, "CONTRIBUTOR");
		new LibraryFixture(port, org).space("OPS");
		Http.api(port, org.admin().token()).put(api + "/spaces/OPS/members/" + successor.email(), Map.of("role", "CONTRIBUTOR"));
		String risk = Http.api(port, km.token()).post(api + "/risks", risk(retiring, today().plusMonths(6), 4)).json()
			.get("id").asString();
		Http browser = signedIn(km);

		Document noMethod = page(browser.submit(base + "/risks/" + risk, base + "/risks/" + risk + "/plans",
				Map.of("successors", successor.email())));
		assertThat(noMethod.select(".field-error").text()).contains("at least one method");
		Http.Response made = browser.submit(base + "/risks/" + risk, base + "/risks/" + risk + "/plans",
				Map.of("successors", successor.email(), "method", "INTERVIEW"));
		assertThat(made.status()).isEqualTo(302);
		String plan = made.location().substring(made.location().lastIndexOf('/') + 1);
		String planPage = base + "/plans/" + plan;

		Http.Response task = browser.submit(planPage, planPage + "/tasks", Map.of("title", "Interview about relays",
				"method", "INTERVIEW", "owner", successor.email(), "dueDate", today().plusDays(10).toString()));
		assertThat(task.status()).isEqualTo(302);
		Document refusedTask = page(browser.submit(planPage, planPage + "/tasks",
				Map.of("title", "No owner", "dueDate", today().toString())));
		assertThat(refusedTask.select(".add-task .field-error").text()).contains("required");

		// the successor, who owns the task, captures the interview notes and marks it done
		Http heir = signedIn(successor);
		Document theirs = page(heir.get(planPage));
		assertThat(theirs.select("#tasks tbody tr").text()).contains("Interview about relays").contains("Open");
		assertThat(theirs.select(".crumbs")).isEmpty();
		Http.Response captured = heir.submit(planPage, planPage + "/outputs", Map.of("how", "capture", "space", "OPS",
				"title", "Relay interview notes", "body", "Check the CT ratio first.", "tags", "relays"));
		assertThat(captured.status()).as(captured.toString()).isEqualTo(302);
		String taskId = Jsoup.parse(heir.get(planPage).body()).select("#tasks form").attr("action");
		assertThat(heir.submit(planPage, taskId, Map.of("done", "true")).status()).isEqualTo(302);
		Document after = page(heir.get(planPage));
		assertThat(after.select("#outputs li").text()).contains("Relay interview notes");
		assertThat(after.select("#tasks tbody tr").text()).contains("Done on");

		Document link = page(heir.submit(planPage, planPage + "/outputs", Map.of("how", "link", "type", "item", "record",
				"http://localhost/o/" + org.slug() + "/items/" + java.util.UUID.randomUUID())));
		assertThat(link.select(".field-error").text()).isNotEmpty();

		Document cancel = page(browser.submit(planPage, planPage + "/status", Map.of("status", "CANCELLED")));
		assertThat(cancel.select("h1").text()).isEqualTo("Cancel the plan?");
		assertThat(Http.api(port, km.token()).get(api + "/plans/" + plan).json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(browser.submit(planPage, planPage + "/status", Map.of("status", "CANCELLED", "confirmed", "true"))
			.status()).isEqualTo(302);
		assertThat(Http.api(port, km.token()).get(api + "/plans/" + plan).json().get("status").asString())
			.isEqualTo("CANCELLED");
	}

	@Test
	void theOverviewAndTheScoringMethodAreForKnowledgeManagers() {
		Http.api(port, km.token()).post(api + "/risks", risk(data.member(org, "EDITOR"), today().plusMonths(3), 4));
		Http browser = signedIn(km);

		Document overview = page(browser.get(base + "/risks/overview"));
		assertThat(overview.select("td[data-attrition=5][data-position=4]").text()).isEqualTo("1");
		assertThat(overview.select("td[data-attrition=5][data-position=4]").hasClass("band-HIGH")).isTrue();
		assertThat(overview.select("td[data-attrition=1][data-position=1]").hasClass("band-LOW")).isTrue();
		assertThat(overview.select("#coverage .figure-value").text()).isEqualTo("0%");
		assertThat(overview.select(".unplanned li")).hasSize(1);

		Document refused = page(browser.submit(base + "/risks/method", base + "/risks/method", Map.of("attrition5Months",
				"12", "attrition4Months", "6", "attrition3Months", "36", "attrition2Months", "60", "highFrom", "15",
				"mediumFrom", "8")));
		assertThat(refused.select(".field-error").text()).contains("longer than the one above");
		assertThat(refused.select("#attrition4Months").val()).isEqualTo("6");
		assertThat(browser.submit(base + "/risks/method", base + "/risks/method", Map.of("attrition5Months", "2",
				"attrition4Months", "6", "attrition3Months", "36", "attrition2Months", "60", "highFrom", "15",
				"mediumFrom", "8")).status()).isEqualTo(302);
		assertThat(page(browser.get(base + "/risks/overview")).select("td[data-attrition=4][data-position=4]").text())
			.isEqualTo("1");

		Http viewer = signedIn(data.member(org, "EDITOR"));
		assertThat(viewer.get(base + "/risks/overview").status()).isEqualTo(403);
		assertThat(viewer.get(base + "/risks/method").status()).isEqualTo(403);
	}

	@Test
	void whatALeaverHoldsIsHandedOverAfterAConfirmation() {
		TestData.Person leaving = data.member(org, "CONTRIBUTOR");
		TestData.Person successor = data.member(org, "CONTRIBUTOR");
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		library.draft(leaving, "OPS", "ARTICLE", "Substation keys", "k", List.of());
		Http browser = signedIn(km);
		String handover = base + "/people/" + leaving.id() + "/handover";

		Document list = page(browser.get(handover));
		assertThat(list.select("[data-section=handover.library] li").text()).contains("Substation keys").contains("in Space OPS");
		Document wrong = page(browser.submit(handover, handover + "/confirm", Map.of("to", leaving.email())));
		assertThat(wrong.select("#to-error").text()).isNotEmpty();
		Document confirm = page(browser.submit(handover, handover + "/confirm", Map.of("to", successor.email())));
		assertThat(confirm.select("h1").text()).isEqualTo("Hand everything over?");
		assertThat(library.draft(leaving, "OPS", "ARTICLE", "Second", "s", List.of())).isNotNull();

		Http.Response done = browser.submit(handover, handover, Map.of("to", successor.email()));
		assertThat(done.status()).isEqualTo(302);
		Document after = page(browser.get(handover));
		assertThat(after.text()).contains("Nothing to hand over.");
		assertThat(page(browser.get(base + "/people/" + successor.id() + "/handover")).select("li").text())
			.contains("Substation keys").contains("Second");
	}

	@Test
	void aTransferPlanIsALinkableRecordSeenOnlyByThoseWhoSeeItsRisk() {
		TestData.Person leaving = data.member(org, "CONTRIBUTOR");
		TestData.Person colleague = data.member(org, "EDITOR");
		Http apiKm = Http.api(port, km.token());
		String risk = apiKm.post(api + "/risks", risk(leaving, today().plusMonths(3), 4)).json().get("id").asString();
		String plan = apiKm.post(api + "/risks/" + risk + "/plans", Map.of("methods", List.of("SHADOWING"))).json()
			.get("id").asString();

		var ref = records.find(org.id(), "plan", plan, km.id()).orElseThrow();
		assertThat(ref.path()).isEqualTo("plans/" + plan);
		assertThat(records.find(org.id(), "plan", plan, leaving.id())).as("the person sees their own").isPresent();
		assertThat(records.find(org.id(), "plan", plan, null)).as("a trusted check").isPresent();
		assertThat(records.find(org.id(), "plan", plan, colleague.id())).as("a colleague does not").isEmpty();
		assertThat(records.find(data.org().id(), "plan", plan, null)).as("another organization").isEmpty();
	}

	@Test
	void myWorkListsTransferTasksForTheirOwnersAndUnplannedHighRisksForKnowledgeManagers() {
		TestData.Person retiring = data.member(org, "CONTRIBUTOR");
		TestData.Person owner = data.member(org, "VIEWER");
		Http apiKm = Http.api(port, km.token());
		String high = apiKm.post(api + "/risks", risk(retiring, today().plusMonths(2), 5)).json().get("id").asString();
		String other = apiKm.post(api + "/risks", risk(data.member(org, "EDITOR"), today().plusMonths(4), 4)).json()
			.get("id").asString();
		String plan = apiKm.post(api + "/risks/" + other + "/plans", Map.of("methods", List.of("SHADOWING"))).json()
			.get("id").asString();
		apiKm.post(api + "/plans/" + plan + "/tasks",
				Map.of("title", "Shadow the night shift", "owner", owner.email(), "dueDate", today().plusDays(5).toString()));

		Document managers = page(signedIn(km).get(base));
		assertThat(managers.select("[data-section=mywork.retention.unplanned] li a").eachText())
			.containsExactly("Person " + retiring.email());
		assertThat(managers.select("[data-section=mywork.retention.unplanned] a").attr("href")).endsWith("/risks/" + high);
		Document owners = page(signedIn(owner).get(base));
		assertThat(owners.select("[data-section=mywork.retention.tasks] li a").eachText())
			.containsExactly("Shadow the night shift");
		assertThat(owners.select("[data-section=mywork.retention.unplanned]")).isEmpty();
		assertThat(owners.select("[data-section=mywork.retention.tasks] .badge").text()).contains("due");
	}
}
