package org.tacit.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The KM program's pages: forms that create and change objectives, initiatives and budgets, refused input
 * shown beside its field with nothing saved, budgets hidden from those who may not see them, the program
 * page's at-risk list and totals, milestones, and the staff view.
 */
@TacitTest
class ProgramPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	ProgramFixture f;
	Http asKm;
	Http asViewer;
	Http asOwner;
	String base;

	@BeforeEach
	void setUp() {
		f = new ProgramFixture(port, new TestData(context, port));
		asKm = Http.browser(port);
		asKm.signIn(f.km.email(), TestData.PASSWORD);
		asViewer = Http.browser(port);
		asViewer.signIn(f.viewer.email(), TestData.PASSWORD);
		asOwner = Http.browser(port);
		asOwner.signIn(f.owner.email(), TestData.PASSWORD);
		base = "/o/" + f.org.slug() + "/program";
	}

	private static Document html(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	@Test
	void aKnowledgeManagerAddsAnObjectiveAndAnInitiativeThroughTheForms() {
		Document empty = html(asKm.get(base));
		assertThat(empty.select("#objectives .empty").text()).contains("Add a strategy objective");
		assertThat(empty.select("a[href$=/program]").text()).contains("KM program");

		Http.Response blank = asKm.submit(base + "/objectives", base + "/objectives", Map.of("title", "", "description", ""));
		Document refused = html(blank);
		assertThat(refused.select("#objective-title ~ .field-error").text()).isEqualTo("This is required.");
		Http.Response added = asKm.submit(base + "/objectives", base + "/objectives",
				Map.of("title", "Keep what experts know", "description", "Before they retire", "owner", f.km.id().toString()));
		assertThat(added.status()).isEqualTo(302);
		String objective = f.as(f.km).get(f.base + "/objectives").json().get("items").get(0).get("id").asString();

		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "Expert interviews");
		form.put("description", "Interview the ten most senior engineers");
		form.put("owner", f.owner.id().toString());
		form.put("sponsor", "nobody@example.org");
		form.put("status", "ACTIVE");
		form.put("objective", objective);
		form.put("startDate", "2027-01-10");
		form.put("endDate", "2027-06-30");
		Document wrongSponsor = html(asKm.submit(base + "/initiatives/new", base + "/initiatives", form));
		assertThat(wrongSponsor.select("#initiative-sponsor ~ .field-error").text())
			.isEqualTo("This is not an active member of the organization.");
		assertThat(wrongSponsor.select("#initiative-name").attr("value")).isEqualTo("Expert interviews");
		assertThat(f.as(f.km).get(f.base + "/initiatives").json().get("totalItems").asLong()).isZero();

		form.put("sponsor", f.sponsor.id().toString());
		Http.Response created = asKm.submit(base + "/initiatives/new", base + "/initiatives", form);
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		Document page = html(asKm.get(created.location().replaceFirst("^https?://[^/]+", "")));
		assertThat(page.select("h1").text()).isEqualTo("Expert interviews");
		assertThat(page.select(".meta").text()).contains("Owner: Person " + f.owner.email())
			.contains("Sponsor: Person " + f.sponsor.email())
			.contains("Serves the objective: Keep what experts know");

		Document program = html(asViewer.get(base));
		assertThat(program.select("#objectives .strand h3").text()).isEqualTo("Keep what experts know");
		assertThat(program.select("#objectives .strand a").text()).isEqualTo("Expert interviews");
		assertThat(program.select("#budget")).as("no budgets for a viewer").isEmpty();
		assertThat(program.select("#new-initiative")).isEmpty();
	}

	@Test
	void theBudgetTableRefusesBadAmountsBesideTheirFieldAndTheProgramShowsPlannedAgainstActual() {
		String id = f.initiative("Community platform", "status", "ACTIVE").get("id").asString();
		String budget = base + "/initiatives/" + id + "/budget";
		Document form = html(asKm.get(budget));
		assertThat(form.select("table.budget-form tbody tr")).hasSize(5);
		assertThat(form.select("label[for=planned-TECHNOLOGY]").text()).isEqualTo("Planned for Technology");

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("currency", "EUX");
		fields.put("planned.TECHNOLOGY", "5000");
		fields.put("actual.TECHNOLOGY", "6000");
		Document wrongCurrency = html(asKm.submit(budget, budget, fields));
		assertThat(wrongCurrency.select("#budget-currency ~ .field-error").text()).startsWith("Unknown currency");
		fields.put("currency", "EUR");
		fields.put("planned.PEOPLE", "-5");
		Document negative = html(asKm.submit(budget, budget, fields));
		assertThat(negative.select("#planned-PEOPLE ~ .field-error").text()).isEqualTo("An amount cannot be negative.");
		assertThat(negative.select("#planned-TECHNOLOGY").attr("value")).isEqualTo("5000");
		assertThat(f.as(f.km).get(f.base + "/initiatives/" + id).json().get("budget").isNull()).isTrue();

		fields.put("planned.PEOPLE", "1200.50");
		fields.put("actual.PEOPLE", "");
		assertThat(asKm.submit(budget, budget, fields).status()).isEqualTo(302);
		Document program = html(asKm.get(base));
		var eur = program.select("#budget-EUR");
		assertThat(eur.select("tr[data-category=TECHNOLOGY] .planned").text()).isEqualTo("5,000.00");
		assertThat(eur.select("tr[data-category=TECHNOLOGY] .actual").text()).isEqualTo("6,000.00");
		assertThat(eur.select("tr[data-category=PEOPLE] .actual").text()).isEqualTo("0.00");
		assertThat(eur.select("tfoot .planned").text()).isEqualTo("6,200.50");
		assertThat(program.select("#at-risk li[data-initiative=" + id + "] .reasons").text())
			.isEqualTo("Actual above planned in Technology");
		assertThat(html(asViewer.get(base + "/initiatives/" + id)).select("#initiative-budget")).isEmpty();
		assertThat(asViewer.get(budget).status()).isEqualTo(403);

		// the owner enters actual amounts only
		Document owners = html(asOwner.get(budget));
		assertThat(owners.select("#planned-PEOPLE").hasAttr("readonly")).isTrue();
		assertThat(owners.select("#actual-PEOPLE").hasAttr("readonly")).isFalse();
		fields.put("actual.PEOPLE", "100");
		assertThat(asOwner.submit(budget, budget, fields).status()).isEqualTo(302);
		assertThat(f.as(f.km).get(f.base + "/initiatives/" + id).json().get("budget").get("actual").decimalValue())
			.isEqualByComparingTo("6100");
	}

	@Test
	void milestonesAreAddedAndMarkedDoneOnTheInitiativePage() {
		String id = f.initiative("Lessons register").get("id").asString();
		String page = base + "/initiatives/" + id;
		Document refused = html(asOwner.submit(page, page + "/milestones", Map.of("title", "Pilot", "dueDate", "soon")));
		assertThat(refused.select("#milestone-due ~ .field-error").text()).isEqualTo("Give a date as yyyy-MM-dd.");
		assertThat(asOwner.submit(page, page + "/milestones", Map.of("title", "Pilot", "dueDate",
				ProgramFixture.daysFromToday(-1))).status()).isEqualTo(302);
		Document withMilestone = html(asOwner.get(page));
		assertThat(withMilestone.select("#milestones tbody td").eachText()).contains("Pilot", "Overdue");
		assertThat(withMilestone.select("#risks .reasons").text()).isEqualTo("Milestone overdue: Pilot");
		String action = withMilestone.select("#milestones tbody form").attr("action");
		assertThat(asOwner.submit(page, action, Map.of("done", "true")).status()).isEqualTo(302);
		Document done = html(asOwner.get(page));
		assertThat(done.select("#milestones tbody td").text()).contains("Done on");
		assertThat(done.select("#risks .empty").text()).isEqualTo("Not at risk.");
		assertThat(html(asViewer.get(page)).select("#milestones form")).isEmpty();
	}

	@Test
	void theStaffViewListsTheTeamWithLinksToTheirRecords() {
		Http.Response set = Http.api(port, f.org.admin().token())
			.patch(f.base + "/members/" + f.owner.id(), Map.of("manager", f.km.email()));
		assertThat(set.status()).isEqualTo(200);
		Document staff = html(asKm.get(base + "/staff"));
		assertThat(staff.select("h1").text()).isEqualTo("Team of Person " + f.km.email());
		var row = staff.select("#staff tr[data-person=" + f.owner.id() + "]");
		assertThat(row.select("th").text()).isEqualTo("Person " + f.owner.email());
		assertThat(row.select("a").attr("href")).isEqualTo("/o/" + f.org.slug() + "/people/" + f.owner.id() + "/record");
		assertThat(html(asKm.get(base + "/staff?manager=" + f.sponsor.id())).select(".empty").text())
			.startsWith("Nobody reports to this manager yet.");
		assertThat(asViewer.get(base + "/staff").status()).isEqualTo(403);
	}
}
