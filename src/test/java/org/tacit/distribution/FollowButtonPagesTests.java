package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.CommunityFixture;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * The Follow / Unfollow button on the pages of what can be followed: a space, an item, a tag (the
 * search page filtered by it), a community, a process and a person. On each, the button shows the
 * current state, follows with a CSRF-protected form post, comes back to the page, and unfollows again.
 */
@TacitTest
class FollowButtonPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org org;
	TestData.Person member;
	TestData.Person colleague;
	Http browser;
	String base;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		member = data.member(org, "CONTRIBUTOR");
		colleague = data.member(org, "EDITOR");
		browser = Http.browser(port);
		browser.signIn(member.email(), TestData.PASSWORD);
		base = "/api/v1/orgs/" + org.slug();
	}

	private Element button(String page) {
		Http.Response shown = browser.get(page);
		assertThat(shown.status()).as(page).isEqualTo(200);
		Element form = Jsoup.parse(shown.body()).selectFirst("form.follow-button");
		assertThat(form).as("a follow button on " + page).isNotNull();
		assertThat(form.attr("method")).isEqualToIgnoringCase("post");
		assertThat(form.selectFirst("input[name=_csrf]")).as("CSRF token").isNotNull();
		return form;
	}

	private long follows(String kind, String target) {
		JsonNode items = Http.api(port, member.token()).get("/api/v1/me/follows?org=" + org.slug()).json().get("items");
		long n = 0;
		for (JsonNode f : items) {
			if (f.get("kind").asString().equals(kind) && f.get("target").asString().equalsIgnoreCase(target)) {
				n++;
			}
		}
		return n;
	}

	private Map<String, String> fields(Element form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String name : new String[] { "kind", "target", "back" }) {
			fields.put(name, form.selectFirst("input[name=" + name + "]").attr("value"));
		}
		return fields;
	}

	/** Follows from the page's button, checks the state shown, then unfollows from it again. */
	private void followAndUnfollow(String page, String kind, String target) {
		Element form = button(page);
		Element button = form.selectFirst("button");
		assertThat(button.attr("data-following")).isEqualTo("false");
		assertThat(button.text()).startsWith("Follow");
		assertThat(form.selectFirst("input[name=kind]").attr("value")).isEqualTo(kind);
		assertThat(follows(kind, target)).isZero();

		Http.Response followed = browser.submit(page, form.attr("action"), fields(form));
		assertThat(followed.status()).isEqualTo(302);
		assertThat(followed.location()).as("back to the page").endsWith(page);
		assertThat(follows(kind, target)).isEqualTo(1);

		Element again = button(page);
		assertThat(again.selectFirst("button").attr("data-following")).isEqualTo("true");
		assertThat(again.selectFirst("button").text()).startsWith("Unfollow");
		assertThat(again.attr("action")).endsWith("/follows/stop");
		Http.Response stopped = browser.submit(page, again.attr("action"), fields(again));
		assertThat(stopped.status()).isEqualTo(302);
		assertThat(stopped.location()).endsWith(page);
		assertThat(follows(kind, target)).isZero();
		assertThat(button(page).selectFirst("button").attr("data-following")).isEqualTo("false");
	}

	@Test
	void spaceItemAndTagPages() {
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		String item = library.published("OPS", "ARTICLE", "Valve lapping", "Text.", "valves").get("id").asString();

		followAndUnfollow("/o/" + org.slug() + "/spaces/OPS", "SPACE", "OPS");
		followAndUnfollow("/o/" + org.slug() + "/items/" + item, "ITEM", item);
		followAndUnfollow("/o/" + org.slug() + "/search?tag=valves", "TAG", "valves");
		assertThat(button("/o/" + org.slug() + "/search?tag=valves").text()).contains("valves");
	}

	@Test
	void communityProcessAndPersonPages() {
		String community = new CommunityFixture(port, org).launched(org.admin(), colleague, "Rotating equipment");
		Http admin = Http.api(port, org.admin().token());
		String processId = ProcessFixture.draft(admin, base, "Pump overhaul");
		ProcessFixture.publish(admin, base, processId, "Pump overhaul");

		followAndUnfollow("/o/" + org.slug() + "/communities/" + community, "COMMUNITY", community);
		followAndUnfollow("/o/" + org.slug() + "/processes/" + processId, "PROCESS", processId);
		followAndUnfollow("/o/" + org.slug() + "/people/" + colleague.id(), "PERSON", colleague.id().toString());

		Http.Response own = browser.get("/o/" + org.slug() + "/people/" + member.id());
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).as("nobody follows themselves").doesNotContain("follow-button");
	}

	@Test
	void theButtonNeverSendsSomeoneToAnotherSite() {
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		String page = "/o/" + org.slug() + "/spaces/OPS";
		Element form = button(page);
		Map<String, String> fields = fields(form);
		fields.put("back", "//evil.example.com/o/" + org.slug() + "/");
		Http.Response followed = browser.submit(page, form.attr("action"), fields);
		assertThat(followed.status()).isEqualTo(302);
		assertThat(followed.location()).endsWith("/o/" + org.slug() + "/follows");
		fields.put("back", "https://evil.example.com/");
		Http.Response stopped = browser.submit(page, "/o/" + org.slug() + "/follows/stop", fields);
		assertThat(stopped.location()).endsWith("/o/" + org.slug() + "/follows");
		assertThat(follows("SPACE", "OPS")).isZero();
	}
}
