package org.tacit.program;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.tacit.support.BrowserSupport.button;
import static org.tacit.support.BrowserSupport.fitsTheWindow;
import static org.tacit.support.BrowserSupport.link;
import static org.tacit.support.BrowserSupport.signIn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The KM program in a real Chromium: a knowledge manager creates an initiative with an owner and a sponsor,
 * sets its budget in EUR (planned and actual per category), and the program view shows planned against
 * actual and the initiative at risk because technology spent more than planned.
 */
@TacitTest
class ProgramBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private static Page.GetByLabelOptions exact() {
		return new Page.GetByLabelOptions().setExact(true);
	}

	@Test
	void anInitiativeWithABudgetShowsPlannedAgainstActualAndItsRisk() {
		ProgramFixture f = new ProgramFixture(port, new TestData(context, port));
		Page page = browser.page();
		signIn(page, f.km.email());
		page.navigate("/o/" + f.org.slug());
		link(page, "KM program").click();
		assertThat(page.locator("#at-risk .empty")).hasText("No initiative is at risk.");
		link(page, "New initiative").click();

		page.getByLabel("Name", exact()).fill("Expert interviews");
		page.getByLabel("Description (optional)", exact()).fill("Interview the senior engineers before they retire");
		page.getByLabel("Owner", exact()).selectOption(f.owner.id().toString());
		page.getByLabel("Sponsor", exact()).selectOption(f.sponsor.id().toString());
		page.getByLabel("Status", exact()).selectOption("ACTIVE");
		button(page, "Create initiative").click();
		assertThat(page.locator(".notice")).hasText("The initiative was created.");
		assertThat(page.locator("h1")).hasText("Expert interviews");
		assertThat(page.locator("main .meta").first()).containsText("Owner: Person " + f.owner.email());
		assertThat(page.locator("main .meta").first()).containsText("Sponsor: Person " + f.sponsor.email());

		link(page, "Budget").click();
		page.getByLabel("Currency (ISO 4217 code, such as EUR)").fill("EUR");
		page.getByLabel("Planned for People").fill("8000");
		page.getByLabel("Actual for People").fill("7500.50");
		// from the keyboard: Tab moves from one amount to the next across the table
		page.getByLabel("Planned for Technology").focus();
		page.keyboard().type("2000");
		page.keyboard().press("Tab");
		assertThat(page.getByLabel("Actual for Technology")).isFocused();
		page.keyboard().type("2600");
		page.getByLabel("Planned for Training").fill("1000");
		button(page, "Save budget").click();
		assertThat(page.locator(".notice")).hasText("The budget was saved.");
		assertThat(page.locator("#initiative-budget tr[data-category=TECHNOLOGY] .actual")).hasText("2,600.00");
		assertThat(page.locator("#risks")).containsText("Actual above planned in Technology");

		link(page, "KM program").first().click();
		Locator eur = page.locator("#budget-EUR");
		assertThat(eur.locator("caption")).hasText("EUR: 1 initiatives");
		assertThat(eur.locator("tr[data-category=PEOPLE] .planned")).hasText("8,000.00");
		assertThat(eur.locator("tr[data-category=PEOPLE] .actual")).hasText("7,500.50");
		assertThat(eur.locator("tr[data-category=TECHNOLOGY] .planned")).hasText("2,000.00");
		assertThat(eur.locator("tr[data-category=TECHNOLOGY] .actual")).hasText("2,600.00");
		assertThat(eur.locator("tr[data-category=TRAINING] .actual")).hasText("0.00");
		assertThat(eur.locator("tfoot .planned")).hasText("11,000.00");
		assertThat(eur.locator("tfoot .actual")).hasText("10,100.50");
		Locator risk = page.locator("#at-risk li").first();
		assertThat(risk.getByRole(com.microsoft.playwright.options.AriaRole.LINK)).hasText("Expert interviews");
		assertThat(risk.locator(".reasons")).hasText("Actual above planned in Technology");
		fitsTheWindow(page);
	}
}
