package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** A checklist run from the pages: start it on the item page, tick a step, note, finish. */
@TacitTest
class ChecklistRunPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	TestData.Person viewer;
	Http browser;
	String base;
	String item;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		viewer = data.member(org, "VIEWER");
		Http admin = Http.api(port, org.admin().token());
		String api = "/api/v1/orgs/" + org.slug();
		admin.post(api + "/spaces", Map.of("key", "OPS", "name", "Operations"));
		String id = admin.post(api + "/items", Map.of("space", "OPS", "kind", "CHECKLIST", "title", "Night shift handover",
				"body", "## Before you leave\n\n- [ ] Write the log\n  - nested detail\n- [ ] Hand over the keys\n\n"
						+ "## Next morning\n\n1. Call the supervisor"))
			.json()
			.get("id")
			.asString();
		admin.post(api + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
		admin.post(api + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED"));
		browser = Http.browser(port);
		browser.signIn(viewer.email(), TestData.PASSWORD);
		base = "/o/" + org.slug();
		item = base + "/items/" + id;
	}

	@Test
	void aRunIsStartedTickedAndFinishedThroughTheForms() {
		Http.Response itemPage = browser.get(item);
		assertThat(itemPage.body()).contains("Runs of this checklist").contains("Nobody has run this checklist yet")
			.contains("action=\"" + item + "/runs\"");

		Http.Response started = browser.submit(item, item + "/runs", Map.of("title", "Night shift 24 Nov"));
		Matcher runId = Pattern.compile(Pattern.quote(item) + "/runs/([0-9a-f-]{36})$").matcher(started.location());
		assertThat(runId.find()).as(started.toString()).isTrue();
		String run = item + "/runs/" + runId.group(1);

		Http.Response runPage = browser.get(run);
		assertThat(runPage.status()).isEqualTo(200);
		assertThat(runPage.body()).contains("<h1>Night shift 24 Nov</h1>").contains("The run has started")
			.contains("0 of 3 steps done").contains("<h2 id=\"section-0\">Before you leave</h2>")
			.contains("Write the log").contains("Hand over the keys").contains("Call the supervisor")
			.doesNotContain("nested detail")
			.contains("<label for=\"step-1-done\">").contains("id=\"step-1-done\"")
			.contains("hx-post=\"" + run + "/steps/1\"");

		Http.Response ticked = browser.submit(run, run + "/steps/1",
				Map.of("done", "true", "was", "false", "note", "Two alarms open"));
		assertThat(ticked.location()).endsWith(run + "#step-1");
		String afterTick = browser.get(run).body();
		assertThat(afterTick).contains("1 of 3 steps done").contains("Ticked by Person " + viewer.email())
			.contains("value=\"Two alarms open\"").contains("Note by Person " + viewer.email());

		Http.Response finished = browser.submit(run, run + "/finish", Map.of("note", "Quiet night"));
		assertThat(finished.location()).endsWith(run);
		String finishedPage = browser.get(run).body();
		assertThat(finishedPage).contains("The run is finished").contains("Finished by Person " + viewer.email())
			.contains("Quiet night").contains("Two alarms open").doesNotContain("action=\"" + run + "/steps/1\"")
			.doesNotContain("action=\"" + run + "/finish\"").contains("disabled");
		Http.Response late = browser.submit(item, run + "/steps/2", Map.of("done", "true", "was", "false"));
		assertThat(browser.get(late.location()).body()).contains("This run is finished and can no longer be changed.")
			.contains("1 of 3 steps done");

		String listed = browser.get(item).body();
		assertThat(listed).contains("Night shift 24 Nov").contains("1 of 3").doesNotContain("In progress");
	}

	@Test
	void aFormFromAPageThatIsOutOfDateOnlyChangesWhatThisPersonChanged() {
		String run = browser.submit(item, item + "/runs", Map.of()).location();
		Http other = Http.browser(port);
		other.signIn(org.admin().email(), TestData.PASSWORD);
		other.submit(run, run + "/steps/2", Map.of("done", "true", "was", "false", "note", "keys with Sam"));

		// this page still showed step 2 unticked without a note; its person only adds a note to step 2
		browser.submit(run, run + "/steps/2", Map.of("was", "false", "note", "checked twice"));
		String page = browser.get(run).body();

		assertThat(page).contains("1 of 3 steps done").contains("Ticked by Site Admin").contains("checked twice");
	}

	@Test
	void startingARunOfAChecklistWithoutStepsSaysWhatToDo() {
		Http admin = Http.api(port, org.admin().token());
		String api = "/api/v1/orgs/" + org.slug();
		String id = admin.post(api + "/items", Map.of("space", "OPS", "kind", "CHECKLIST", "title", "Empty", "body", "tbd"))
			.json()
			.get("id")
			.asString();
		Http signedIn = Http.browser(port);
		signedIn.signIn(org.admin().email(), TestData.PASSWORD);
		String empty = base + "/items/" + id;

		Http.Response refused = signedIn.submit(empty, empty + "/runs", Map.of("title", "x"));

		assertThat(refused.location()).endsWith(empty + "#runs");
		assertThat(signedIn.get(refused.location()).body()).contains("This checklist has no steps to run yet")
			.contains("value=\"x\"");
	}
}
