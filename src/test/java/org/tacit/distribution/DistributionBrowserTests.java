package org.tacit.distribution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tacit.support.BrowserSupport.fitsTheWindow;
import static org.tacit.support.BrowserSupport.signIn;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * In a real Chromium: a member follows a space with its Follow button (by keyboard) and stops again; follows
 * a tag and chooses email; another member publishes an item with
 * that tag; the follower sees it in the feed (the header counts it) and gets the email. A knowledge
 * manager publishes an announcement that must be acknowledged; the member acknowledges it; the manager
 * sees the progress.
 */
@TacitTest
class DistributionBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aFollowedTagReachesTheFeedAndTheMailboxAndAnAnnouncementIsAcknowledged() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Person follower = data.member(org, "CONTRIBUTOR");
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		TestData.Person manager = data.member(org, "KNOWLEDGE_MANAGER");
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		assertThat(Http.api(port, org.admin().token()).put("/api/v1/orgs/" + org.slug() + "/mail-settings",
				Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(), "security", "NONE", "from", "tacit@example.org"))
			.status()).isEqualTo(200);

		Page page = browser.page();
		signIn(page, follower.email());
		// the Follow button of a page, with the keyboard: it follows, comes back, and unfollows again
		page.navigate("/o/" + org.slug() + "/spaces/OPS");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Follow").setExact(true)).focus();
		page.keyboard().press("Enter");
		assertThat(page).hasURL(Pattern.compile("/spaces/OPS$"));
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unfollow").setExact(true))).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unfollow").setExact(true)).focus();
		page.keyboard().press("Enter");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Follow").setExact(true))).isVisible();
		fitsTheWindow(page);
		page.navigate("/o/" + org.slug() + "/follows");
		assertThat(page.locator(".empty")).isVisible();
		page.getByLabel("What", new Page.GetByLabelOptions().setExact(true)).selectOption("TAG");
		page.getByLabel("Which", new Page.GetByLabelOptions().setExact(true)).fill("Shutdown");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Follow").setExact(true)).click();
		assertThat(page.locator("#follows")).containsText("shutdown");
		fitsTheWindow(page);

		page.navigate("/o/" + org.slug() + "/notifications/settings");
		page.getByLabel("Published", new Page.GetByLabelOptions().setExact(true)).selectOption("EMAIL");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".notices .notice")).isVisible();

		// another member writes it, an editor approves it
		String id = library.draft(author, "OPS", "CHECKLIST", "Shutdown readiness checklist", "- Isolate the feed\n",
				List.of("shutdown")).get("id").asString();
		library.publish(org.admin(), id);

		page.navigate("/o/" + org.slug() + "/notifications");
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			page.reload();
			assertThat(page.locator("#feed")).containsText("Shutdown readiness checklist");
		});
		assertThat(page.locator("#notifications-link")).containsText("1 unread");
		fitsTheWindow(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shutdown readiness checklist")).click();
		assertThat(page).hasURL(Pattern.compile("/items/" + id));

		await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> to(m, follower.email())));
		MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, follower.email())).findFirst().orElseThrow();
		assertThat(subject(mail)).contains("Shutdown readiness checklist");

		// the announcement, from the manager's browser
		BrowserContext managerContext = browser.newContext();
		Page managerPage = managerContext.newPage();
		signIn(managerPage, manager.email());
		managerPage.navigate("/o/" + org.slug() + "/announcements");
		managerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New announcement")).click();
		managerPage.getByLabel("Title").fill("Every shutdown ends with an after-action review");
		managerPage.getByLabel("What you want people to know").fill("Hold it within a week, and **capture the lessons**.");
		assertThat(managerPage.getByLabel("Everyone in the audience must acknowledge it")).isChecked();
		managerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
		assertThat(managerPage.locator("#ack-progress")).hasText("0 of 3 acknowledged");
		assertThat(managerPage.locator("strong")).containsText("capture the lessons");

		page.navigate("/o/" + org.slug() + "/notifications");
		assertThat(page.locator("#pending-heading")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).click();
		assertThat(page.locator(".notices .notice")).containsText("acknowledgement is recorded");

		managerPage.reload();
		assertThat(managerPage.locator("#ack-progress")).hasText("1 of 3 acknowledged");
		assertThat(managerPage.locator("#acknowledgements")).containsText(follower.email());
		fitsTheWindow(managerPage);
		managerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remind those who have not acknowledged")).click();
		assertThat(managerPage.locator(".notices .notice")).containsText("2 people were reminded");
	}

	private static boolean to(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
