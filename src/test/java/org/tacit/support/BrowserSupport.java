package org.tacit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real headless Chromium (Debian's, never a downloaded one) for the end-to-end browser tests.
 * Register it in a static field of a {@link TacitTest} class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserSupport browser = new BrowserSupport();
 * </pre>
 *
 * One browser per test class; every test gets a fresh {@link BrowserContext} (own cookies, so own
 * session) and {@link Page}, whose relative addresses go to the running test server. When a test
 * fails, a full-page screenshot of its page is saved to
 * {@code target/browser-failures/<TestClass>-<testMethod>.png}, and of the other browser contexts it
 * opened to {@code ...-2.png}, {@code ...-3.png}.
 */
public final class BrowserSupport implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
		AfterTestExecutionCallback, AfterEachCallback {

	private static final Path CHROMIUM = Paths.get(System.getProperty("tacit.chromium", "/usr/bin/chromium"));
	/** Clicks and navigations wait at most this long (Playwright's default is 30 s); assertions wait 5 s. */
	private static final double ACTION_TIMEOUT_MS = 15_000;
	private static final Path FAILURES = Paths.get("target", "browser-failures");
	private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-dev-shm-usage");

	private Playwright playwright;
	private Browser browser;
	private String baseUrl;
	private final List<BrowserContext> contexts = new ArrayList<>();
	private Page page;

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("The browser tests need Chromium at " + CHROMIUM
					+ " (Debian: apt-get install chromium), or its path in -Dtacit.chromium=...");
		}
		// never let Playwright fetch a browser, whatever the environment says
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (baseUrl == null) {
			String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
			baseUrl = "http://localhost:" + port;
		}
		deleteScreenshotsOf(context);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isEmpty()) {
			return;
		}
		String name = screenshotName(context);
		int n = 0;
		for (BrowserContext browserContext : contexts) {
			for (Page open : browserContext.pages()) {
				if ("about:blank".equals(open.url())) {
					continue;
				}
				// the first page opened keeps the plain name; other browsers of the test are numbered
				String suffix = n == 0 ? "" : "-" + (n + 1);
				n++;
				try {
					open.screenshot(new Page.ScreenshotOptions().setFullPage(true)
						.setPath(FAILURES.resolve(name + suffix + ".png")));
				}
				catch (RuntimeException e) {
					// the screenshot is a help, never a second failure
					context.publishReportEntry("screenshot", "Could not save a screenshot: " + e.getMessage());
				}
			}
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		contexts.forEach(BrowserContext::close);
		contexts.clear();
		page = null;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	private static String screenshotName(ExtensionContext context) {
		return context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
	}

	/** A screenshot of an earlier failed run of the test would mislead once it passes. */
	private static void deleteScreenshotsOf(ExtensionContext context) {
		if (!Files.isDirectory(FAILURES)) {
			return;
		}
		String name = screenshotName(context);
		try (DirectoryStream<Path> old = Files.newDirectoryStream(FAILURES, name + "{,-*}.png")) {
			for (Path file : old) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The page of the current test, in a browser context of its own; made on first use. */
	public Page page() {
		if (page == null) {
			page = newContext().newPage();
		}
		return page;
	}

	/** Another browser context (its own cookies: another person, or another browser of the same one), closed after the test. */
	public BrowserContext newContext() {
		return newContext(new Browser.NewContextOptions());
	}

	/** As {@link #newContext()}, with options such as the viewport size; the base address is set here. */
	public BrowserContext newContext(Browser.NewContextOptions options) {
		BrowserContext created = browser.newContext(options.setBaseURL(baseUrl));
		created.setDefaultTimeout(ACTION_TIMEOUT_MS);
		contexts.add(created);
		return created;
	}

	/** The address of the running test server, e.g. {@code http://localhost:41234}. */
	public String baseUrl() {
		return baseUrl;
	}

	/** Signs {@code email} in through the sign-in form (the password every {@link TestData} person has). */
	public static void signIn(Page page, String email) {
		page.navigate("/login");
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(TestData.PASSWORD);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Sign in")).click();
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page)
			.not()
			.hasURL(java.util.regex.Pattern.compile("/login"));
	}

	/** Fails when the page scrolls sideways (every page must fit a laptop screen). */
	public static void fitsTheWindow(Page page) {
		Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
		org.assertj.core.api.Assertions.assertThat(fits).as("no horizontal scroll on %s", page.url()).isEqualTo(true);
	}

	/** The link with exactly this accessible name. */
	public static com.microsoft.playwright.Locator link(Page page, String name) {
		return page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** The button with exactly this accessible name. */
	public static com.microsoft.playwright.Locator button(Page page, String name) {
		return page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(name).setExact(true));
	}
}
