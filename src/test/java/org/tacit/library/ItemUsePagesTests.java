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

/** The use sections of the item page: feedback, "I used this" and comments, through the forms. */
@TacitTest
class ItemUsePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	TestData.Person contributor;
	TestData.Person viewer;
	Http admin;
	String api;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		contributor = data.member(org, "CONTRIBUTOR");
		viewer = data.member(org, "VIEWER");
		admin = Http.api(port, org.admin().token());
		api = "/api/v1/orgs/" + org.slug();
		admin.post(api + "/spaces", Map.of("key", "OPS", "name", "Operations"));
		base = "/o/" + org.slug();
	}

	private String published(String kind) {
		String id = Http.api(port, contributor.token())
			.post(api + "/items", Map.of("space", "OPS", "kind", kind, "title", "Quarterly " + kind, "body", "text"))
			.json()
			.get("id")
			.asString();
		admin.post(api + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
		admin.post(api + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED"));
		return base + "/items/" + id;
	}

	private Http signedIn(TestData.Person person) {
		Http browser = Http.browser(port);
		browser.signIn(person.email(), TestData.PASSWORD);
		return browser;
	}

	@Test
	void feedbackIsGivenAndChangedFromTheItemPage() {
		String item = published("ARTICLE");
		Http reader = signedIn(viewer);

		Http.Response voted = reader.submit(item, item + "/feedback", Map.of("helpful", "true", "comment", "Clear"));
		assertThat(voted.location()).endsWith(item + "#feedback");
		String page = reader.get(item).body();
		assertThat(page).contains("Thank you: your feedback was recorded.").contains("1 person said it helped")
			.contains("nobody said it did not").contains("You said this helped.").contains("aria-pressed=\"true\"")
			.contains(">Clear</textarea>").doesNotContain("What readers said");
		reader.submit(item, item + "/feedback", Map.of("helpful", "false", "comment", "Step 2 is out of date"));
		assertThat(reader.get(item).body()).contains("Nobody has said it helped yet").contains("1 person said it did not")
			.contains("You said this did not help.");

		String ownersView = signedIn(contributor).get(item).body();
		assertThat(ownersView).contains("What readers said").contains("Step 2 is out of date")
			.contains("Person " + viewer.email());
		assertThat(ownersView).doesNotContain("I used this").doesNotContain("Runs of this checklist");
	}

	@Test
	void tooLongFeedbackIsRefusedBesideTheFormKeepingTheText() {
		String item = published("ARTICLE");
		Http reader = signedIn(viewer);

		Http.Response refused = reader.submit(item, item + "/feedback",
				Map.of("helpful", "true", "comment", "y".repeat(2001)));
		String page = reader.get(refused.location()).body();

		assertThat(page).contains("This is too long: at most 2,000 characters.").contains("y".repeat(2001))
			.contains("Nobody has said it helped yet");
	}

	@Test
	void iUsedThisIsOfferedOnReusableKindsAndCountsOncePerMinute() {
		String template = published("TEMPLATE");
		Http reader = signedIn(viewer);
		assertThat(reader.get(template).body()).contains("Nobody has recorded a use yet.")
			.contains("Each use is credited to the owner, Person " + contributor.email());

		reader.submit(template, template + "/uses", Map.of("note", "board report"));
		Http.Response twice = reader.submit(template, template + "/uses", Map.of("note", "board report"));

		String page = reader.get(twice.location()).body();
		assertThat(page).contains("Used once.").contains("Once by you.")
			.contains("You recorded a use of this item less than a minute ago.");
		assertThat(admin.get(api + "/audit?action=item.used").json().get("totalItems").asInt()).isEqualTo(1);

		String article = published("ARTICLE");
		reader.submit(article, article + "/uses", Map.of());
		assertThat(reader.get(article).body()).doesNotContain("I used this");
		assertThat(admin.get(api + "/audit?action=item.used").json().get("totalItems").asInt()).isEqualTo(1);
	}

	@Test
	void commentsAreRenderedSanitizedAndRemovedAfterConfirmation() {
		String item = published("FAQ");
		Http reader = signedIn(viewer);

		reader.submit(item, item + "/comments",
				Map.of("body", "**Tip:** ask Sam <script>alert('x')</script> <img src=x onerror=alert(1)>"));
		String page = reader.get(item).body();
		assertThat(page).contains("Your comment was added.").contains("<strong>Tip:</strong> ask Sam");
		assertThat(page.toLowerCase()).doesNotContain("<script>alert").doesNotContain("onerror");
		Matcher delete = Pattern.compile("href=\"(" + Pattern.quote(item) + "/comments/[0-9a-f-]{36}/delete)\"")
			.matcher(page);
		assertThat(delete.find()).isTrue();
		assertThat(signedIn(contributor).get(delete.group(1)).status()).as("the owner is not an editor").isEqualTo(403);

		Http.Response confirm = reader.get(delete.group(1));
		assertThat(confirm.body()).contains("Delete comment").contains("This cannot be undone.")
			.contains("<strong>Tip:</strong>");
		Http.Response deleted = reader.submit(delete.group(1), delete.group(1), Map.of());
		assertThat(deleted.location()).endsWith(item + "#comments");
		assertThat(reader.get(item).body()).contains("The comment was deleted.").contains("No comments yet.");
	}

	@Test
	void anEmptyCommentIsRefusedBesideTheForm() {
		String item = published("ARTICLE");
		Http reader = signedIn(viewer);

		Http.Response refused = reader.submit(item, item + "/comments", Map.of("body", "  "));

		assertThat(refused.location()).endsWith(item + "#comments");
		assertThat(reader.get(refused.location()).body()).contains("This is required.").contains("No comments yet.");
	}

	@Test
	void anotherOrganizationGetsNotFound() {
		String item = published("TEMPLATE");
		TestData.Org other = data.org();
		Http stranger = Http.browser(port);
		stranger.signIn(other.admin().email(), TestData.PASSWORD);
		String theirs = item.replace(base, "/o/" + other.slug());

		assertThat(stranger.submit("/o/" + other.slug(), theirs + "/feedback", Map.of("helpful", "true")).status())
			.isEqualTo(404);
		assertThat(stranger.submit("/o/" + other.slug(), theirs + "/uses", Map.of()).status()).isEqualTo(404);
		assertThat(stranger.submit("/o/" + other.slug(), theirs + "/comments", Map.of("body", "x")).status())
			.isEqualTo(404);
		assertThat(admin.get(api + "/items/" + item.substring(item.lastIndexOf('/') + 1) + "/feedback").json()
			.get("helpful").asLong()).isZero();
	}
}
