package org.tacit.training;

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

import com.microsoft.playwright.Page;

/**
 * The training catalog in a real Chromium: a knowledge manager adds a course that develops
 * "develops-km-measurements" and assigns it to a member; the member reports it done; the catalog
 * filtered by that competency lists the course.
 */
@TacitTest
class TrainingBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aCourseIsAddedAssignedCompletedAndFoundByItsCompetency() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Person km = data.member(org, "KNOWLEDGE_MANAGER");
		TestData.Person member = data.member(org, "CONTRIBUTOR");

		Page page = browser.page();
		signIn(page, km.email());
		link(page, "Training").click();
		link(page, "Course catalog").click();
		link(page, "Add a course").click();
		page.getByLabel("Title").fill("Developing KM measurements");
		page.getByLabel("Type").selectOption("KM_METHOD");
		page.getByLabel("Description").fill("How to set **targets** for knowledge sharing and read the figures.");
		page.getByLabel("Duration").fill("Half a day");
		page.getByLabel("Competencies it develops").fill("develops-km-measurements");
		button(page, "Add the course").click();
		assertThat(page.locator(".notice")).containsText("The course is in the catalog.");
		assertThat(page.locator("h1")).hasText("Developing KM measurements");
		fitsTheWindow(page);

		page.getByLabel("Person (email)").fill(member.email());
		page.getByLabel("Reason (optional)").fill("training need: develops-km-measurements");
		button(page, "Assign the course").click();
		assertThat(page.locator(".notice")).containsText("The course is assigned.");
		assertThat(page.locator("#assignments tbody")).containsText("Person " + member.email());

		Page learner = browser.newContext().newPage();
		signIn(learner, member.email());
		link(learner, "Training").click();
		assertThat(learner.locator("#open")).containsText("Developing KM measurements");
		assertThat(learner.locator("#open")).containsText("training need: develops-km-measurements");
		learner.getByText("I completed it").click();
		learner.getByLabel("What shows you completed it?").fill("Set three sharing targets with my team");
		button(learner, "Report it done").click();
		assertThat(learner.locator(".notice")).containsText("Your completion is recorded.");
		assertThat(learner.locator("#completed")).containsText("Completed (self-reported)");
		fitsTheWindow(learner);

		page.navigate("/o/" + org.slug() + "/training/courses");
		page.getByLabel("Develops the competency (code)").fill("develops-km-measurements");
		button(page, "Show").click();
		assertThat(page.locator("#course-results tbody tr")).hasCount(1);
		assertThat(page.locator("#course-results tbody")).containsText("Developing KM measurements");
	}
}
