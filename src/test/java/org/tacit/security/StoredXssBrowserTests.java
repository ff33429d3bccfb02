package org.tacit.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.shared.MarkdownSafetyTests;
import org.tacit.support.BrowserSupport;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The stored-XSS corpus ({@code security/xss-payloads.txt}) saved as item bodies, titles and comments and
 * rendered in a real Chromium: on the item page, its version page, the space and search pages and the
 * editor's preview, with every element hovered, focused and clicked at. The page is watched before any
 * of its own script runs: {@code alert}, {@code confirm}, {@code prompt} and the payloads' own
 * {@code window.__xss} record a call, and script that the Content-Security-Policy blocked is recorded as a
 * violation. Neither may happen: the sanitizer must remove the payload, not only the browser's policy.
 */
@TacitTest
class StoredXssBrowserTests {

	private static final String WATCH = """
			window.__fired = [];
			window.__xss = (what) => window.__fired.push(what);
			for (const name of ['alert', 'confirm', 'prompt', 'print']) {
			  window[name] = (...args) => window.__fired.push(name + ' ' + args.join(' '));
			}
			document.addEventListener('securitypolicyviolation', (e) => {
			  if (!/^(img-src|style-src)/.test(e.violatedDirective)) {
			    window.__fired.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI);
			  }
			});
			""";
	private static final String POKE = """
			() => {
			  for (const el of document.querySelectorAll('main *')) {
			    for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart']) {
			      el.dispatchEvent(new Event(type));
			    }
			    if (el.tagName !== 'A' && el.tagName !== 'BUTTON' && el.tagName !== 'INPUT') {
			      el.dispatchEvent(new MouseEvent('click', { bubbles: false }));
			    }
			  }
			  return document.querySelectorAll('main *').length;
			}
			""";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void noPayloadRunsAnywhereItIsShown() throws Exception {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("XSS");
		Http api = Http.api(port, org.admin().token());
		String base = "/api/v1/orgs/" + org.slug();

		List<String> payloads = MarkdownSafetyTests.payloads();
		List<String> items = new ArrayList<>();
		int chunk = 20;
		for (int from = 0; from < payloads.size(); from += chunk) {
			List<String> part = payloads.subList(from, Math.min(payloads.size(), from + chunk));
			String title = "xsscase " + from + " " + part.get(0).lines().findFirst().orElse("");
			String id = library.published("XSS", "ARTICLE", title.substring(0, Math.min(200, title.length())),
					String.join("\n\n", part), "xss").get("id").asString();
			for (String payload : part) {
				MatrixFixture.check(api.post(base + "/items/" + id + "/comments", Map.of("body", payload)), 201);
			}
			items.add(id);
		}

		Page page = browser.page();
		page.addInitScript(WATCH);
		page.navigate("/login");
		page.getByLabel("Email").fill(org.admin().email());
		page.getByLabel("Password").fill(TestData.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).not().hasURL(Pattern.compile("/login"));

		List<String> shown = new ArrayList<>();
		for (String id : items) {
			shown.add("/o/" + org.slug() + "/items/" + id);
			shown.add("/o/" + org.slug() + "/items/" + id + "/versions/1");
		}
		shown.add("/o/" + org.slug() + "/spaces/XSS");
		shown.add("/o/" + org.slug() + "/search?q=xsscase");
		for (String path : shown) {
			page.navigate(path);
			page.waitForLoadState(LoadState.NETWORKIDLE);
			assertThat(page.locator("main")).isVisible();
			Object poked = page.evaluate(POKE);
			assertThat(((Number) poked).intValue()).as(path).isPositive();
			assertThat(fired(page)).as("script ran on " + path).isEmpty();
		}

		// the editor's live preview renders the same way
		page.navigate("/o/" + org.slug() + "/items/" + items.get(0) + "/edit");
		page.waitForResponse(response -> response.url().contains("/preview"),
				() -> page.getByLabel("Body (Markdown)").fill(String.join("\n\n", payloads)));
		page.waitForLoadState(LoadState.NETWORKIDLE);
		page.evaluate(POKE);
		assertThat(fired(page)).as("script ran in the preview").isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fired(Page page) {
		return (List<String>) page.evaluate("() => window.__fired");
	}

	@Test
	void theWatchSeesAScriptThatRuns() {
		// the watch itself: a page that does run script is caught
		Page page = browser.page();
		page.addInitScript(WATCH);
		page.navigate("/login");
		page.evaluate("() => { window.__xss('test'); alert('x'); }");
		assertThat(fired(page)).containsExactly("test", "alert x");
	}
}
