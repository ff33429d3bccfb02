package org.tacit.competencies;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.tacit.support.BrowserSupport.button;
import static org.tacit.support.BrowserSupport.fitsTheWindow;
import static org.tacit.support.BrowserSupport.link;
import static org.tacit.support.BrowserSupport.signIn;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import com.microsoft.playwright.Page;

/**
 * Competencies in a real Chromium: a front-line manager self-assesses (choosing one level with the
 * keyboard), their manager assesses "develops KM measurements" below the level the profile requires, and
 * the training needs list that gap for the person with a link to the training catalog.
 */
@TacitTest
class CompetenciesBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	CompetenciesFixture f;

	@BeforeEach
	void setUp() {
		f = new CompetenciesFixture(port, new TestData(context, port));
	}

	private String org() {
		return "/o/" + f.org.slug();
	}

	@Test
	void aManagersAssessmentBelowTheRequiredLevelBecomesATrainingNeed() {
		// the front-line manager finds the assessment from the navigation and rates themselves
		Page person = browser.page();
		signIn(person, f.frontLine.email());
		person.navigate(org());
		link(person, "Competencies").click();
		person.locator("#my-assessments a").first().click();
		assertThat(person.locator("#assessment-status")).hasText("Open");
		CompetenciesFixture.FRONT_LINE.forEach((code, required) -> {
			if (!code.equals(CompetenciesFixture.MEASUREMENTS)) {
				person.locator("#level-" + code + "-" + required).check();
			}
		});
		// the keyboard moves through a competency's levels
		person.locator("#level-develops-km-measurements-1").focus();
		person.keyboard().press("ArrowRight");
		person.keyboard().press("ArrowRight");
		assertThat(person.locator("#level-develops-km-measurements-3")).isChecked();
		person.getByLabel("Evidence").nth(4).fill("Set up our team's reuse figures");
		fitsTheWindow(person);
		button(person, "Save ratings").click();
		assertThat(person.locator(".notice")).hasText("Your ratings were saved.");
		assertThat(person.locator("#assessment-status")).hasText("Self-assessed");

		// their manager rates "develops KM measurements" below the required level (3)
		Page manager = browser.newContext().newPage();
		signIn(manager, f.boss.email());
		manager.navigate(org());
		assertThat(manager.locator("body")).containsText("Assessments of your team waiting for you");
		manager.navigate(org() + "/competencies/assessments/" + f.assessment);
		assertThat(manager.locator("#competency-develops-km-measurements .self-rating")).hasText("Self: 3 Practitioner");
		CompetenciesFixture.FRONT_LINE.forEach((code, required) -> manager.locator("#level-" + code + "-"
				+ (code.equals(CompetenciesFixture.MEASUREMENTS) ? 2 : required)).check());
		button(manager, "Save ratings").click();
		assertThat(manager.locator("#assessment-status")).hasText("Manager-assessed");
		assertThat(manager.locator("#assessment-needs")).containsText("Develops KM measurements");
		assertThat(manager.locator("#assessment-needs")).containsText("required 3, assessed 2 (gap 1)");

		// the training needs list it for the person, with the way to training
		manager.navigate(org() + "/competencies/needs?by=person");
		var row = manager.locator("#needs-table tr[data-key='" + f.frontLine.id() + "']");
		assertThat(row).containsText("Develops KM measurements");
		assertThat(row.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Find training")))
			.hasAttribute("href", org() + "/training/courses?competency=develops-km-measurements");
		fitsTheWindow(manager);
		manager.navigate(org() + "/competencies/heat-map");
		assertThat(manager.locator("#heat-map tr[data-code='develops-km-measurements']")).containsText("1 with a gap, mean 1");
		fitsTheWindow(manager);

		// signed off, the levels are final
		manager.navigate(org() + "/competencies/assessments/" + f.assessment);
		manager.getByLabel("The levels are final; they can no longer be changed.").check();
		button(manager, "Sign off").click();
		assertThat(manager.locator("#assessment-status")).hasText("Signed off");
	}
}
