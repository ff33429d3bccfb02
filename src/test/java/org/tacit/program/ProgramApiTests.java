package org.tacit.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * The KM program's API: who may read and write, bad input refused with the field and nothing written,
 * budgets shown only to those allowed, the at-risk rules and the totals per currency, links, the staff view.
 */
@TacitTest
class ProgramApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	ProgramFixture f;

	@BeforeEach
	void setUp() {
		f = new ProgramFixture(port, new TestData(context, port));
	}

	private static String field(Http.Response response) {
		return response.body();
	}

	private long initiatives() {
		return f.as(f.km).get(f.base + "/initiatives").json().get("totalItems").asLong();
	}

	@Test
	void objectivesAreWrittenByKnowledgeManagersAndReadByEveryone() {
		Http.Response refused = f.as(f.owner).post(f.base + "/objectives", Map.of("title", "Faster onboarding"));
		assertThat(refused.status()).isEqualTo(403);
		Http.Response blank = f.as(f.km).post(f.base + "/objectives", Map.of("title", " "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(field(blank)).contains("\"title\"");
		Http.Response outsider = f.as(f.km).post(f.base + "/objectives",
				Map.of("title", "Faster onboarding", "owner", "nobody@example.org"));
		assertThat(outsider.status()).isEqualTo(400);
		assertThat(field(outsider)).contains("\"owner\"");
		assertThat(f.as(f.viewer).get(f.base + "/objectives").json().get("totalItems").asLong()).isZero();

		Http.Response created = f.as(f.km).post(f.base + "/objectives",
				Map.of("title", "Faster onboarding", "description", "New staff productive in a month"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("owner").get("id").asString()).isEqualTo(f.km.id().toString());

		Http.Response changed = f.as(f.km).put(f.base + "/objectives/" + id, Map.of("title", "Onboarding in a month"));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("description").asString()).isEqualTo("New staff productive in a month");
		assertThat(f.as(f.viewer).put(f.base + "/objectives/" + id, Map.of("title", "x")).status()).isEqualTo(403);
		JsonNode list = f.as(f.viewer).get(f.base + "/objectives").json();
		assertThat(list.get("items").get(0).get("title").asString()).isEqualTo("Onboarding in a month");
	}

	@Test
	void anInitiativeNeedsMembersAsOwnerAndSponsorAndNothingIsWrittenOnBadInput() {
		TestData.Org other = f.data.org();
		TestData.Person stranger = f.data.member(other, "EDITOR");
		Http.Response outsider = f.as(f.km).post(f.base + "/initiatives",
				Map.of("name", "Expert directory", "owner", stranger.email(), "sponsor", f.sponsor.email()));
		assertThat(outsider.status()).isEqualTo(400);
		assertThat(field(outsider)).contains("\"owner\"");
		Http.Response noSponsor = f.as(f.km).post(f.base + "/initiatives",
				Map.of("name", "Expert directory", "owner", f.owner.email(), "sponsor", stranger.id().toString()));
		assertThat(noSponsor.status()).isEqualTo(400);
		assertThat(field(noSponsor)).contains("\"sponsor\"");
		Http.Response status = f.as(f.km).post(f.base + "/initiatives",
				Map.of("name", "Expert directory", "owner", f.owner.email(), "sponsor", f.sponsor.email(), "status", "LATE"));
		assertThat(status.status()).isEqualTo(400);
		assertThat(field(status)).contains("\"status\"");
		Http.Response dates = f.as(f.km).post(f.base + "/initiatives", Map.of("name", "Expert directory", "owner",
				f.owner.email(), "sponsor", f.sponsor.email(), "startDate", "2027-02-01", "endDate", "2027-01-01"));
		assertThat(dates.status()).isEqualTo(400);
		assertThat(field(dates)).contains("\"endDate\"");
		Http.Response objective = f.as(f.km).post(f.base + "/initiatives", Map.of("name", "Expert directory", "owner",
				f.owner.email(), "sponsor", f.sponsor.email(), "objective", java.util.UUID.randomUUID().toString()));
		assertThat(objective.status()).isEqualTo(400);
		assertThat(field(objective)).contains("\"objective\"");
		assertThat(f.as(f.owner).post(f.base + "/initiatives",
				Map.of("name", "Expert directory", "owner", f.owner.email(), "sponsor", f.sponsor.email())).status())
			.isEqualTo(403);
		assertThat(initiatives()).isZero();

		JsonNode created = f.initiative("Expert directory");
		assertThat(created.get("status").asString()).isEqualTo("PROPOSED");
		assertThat(created.get("owner").get("id").asString()).isEqualTo(f.owner.id().toString());
		assertThat(created.get("sponsor").get("id").asString()).isEqualTo(f.sponsor.id().toString());
		assertThat(f.as(f.viewer).get(f.base + "/initiatives/" + created.get("id").asString()).status()).isEqualTo(200);
		assertThat(f.as(f.viewer).get(f.base + "/initiatives/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(Http.api(port, stranger.token()).get(f.base + "/initiatives/" + created.get("id").asString()).status())
			.isEqualTo(404);
	}

	@Test
	void theOwnerChangesTheStatusAndMilestonesButNotTheRest() {
		String id = f.initiative("Lessons in projects").get("id").asString();
		Http.Response rename = f.as(f.owner).put(f.base + "/initiatives/" + id, Map.of("name", "Mine now"));
		assertThat(rename.status()).isEqualTo(403);
		assertThat(f.as(f.sponsor).put(f.base + "/initiatives/" + id, Map.of("status", "ACTIVE")).status()).isEqualTo(403);
		assertThat(f.as(f.viewer).put(f.base + "/initiatives/" + id, Map.of("status", "ACTIVE")).status()).isEqualTo(403);
		Http.Response status = f.as(f.owner).put(f.base + "/initiatives/" + id,
				Map.of("status", "ACTIVE", "name", "Lessons in projects"));
		assertThat(status.status()).as(status.toString()).isEqualTo(200);
		assertThat(status.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(status.json().get("name").asString()).isEqualTo("Lessons in projects");

		Http.Response milestone = f.as(f.owner).post(f.base + "/initiatives/" + id + "/milestones",
				Map.of("title", "Pilot in two projects", "dueDate", "2027-03-01"));
		assertThat(milestone.status()).as(milestone.toString()).isEqualTo(201);
		String mid = milestone.json().get("milestones").get(0).get("id").asString();
		Http.Response done = f.as(f.owner).put(f.base + "/initiatives/" + id + "/milestones/" + mid, Map.of("done", true));
		assertThat(done.json().get("milestones").get(0).get("done").asBoolean()).isTrue();
		assertThat(f.as(f.viewer).post(f.base + "/initiatives/" + id + "/milestones", Map.of("title", "x")).status())
			.isEqualTo(403);
		Http.Response badDate = f.as(f.owner).post(f.base + "/initiatives/" + id + "/milestones",
				Map.of("title", "Roll-out", "dueDate", "1 March"));
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(field(badDate)).contains("\"dueDate\"");
		assertThat(f.as(f.km).get(f.base + "/initiatives/" + id).json().get("milestones").size()).isEqualTo(1);
		assertThat(f.as(f.owner).put(f.base + "/initiatives/" + id + "/milestones/" + java.util.UUID.randomUUID(),
				Map.of("done", true)).status()).isEqualTo(404);
	}

	@Test
	void badBudgetsAreRefusedWithTheFieldAndNothingWritten() {
		String id = f.initiative("Community platform").get("id").asString();
		assertThat(f.budget(f.km, id, "EUR", "TECHNOLOGY", 1000, 200).status()).isEqualTo(200);

		Http.Response currency = f.budget(f.km, id, "XYZ", "TECHNOLOGY", 5000, 0);
		assertThat(currency.status()).isEqualTo(400);
		assertThat(field(currency)).contains("\"currency\"");
		Http.Response negative = f.budget(f.km, id, "EUR", "TECHNOLOGY", 5000, 0, "PEOPLE", -1, 0);
		assertThat(negative.status()).isEqualTo(400);
		assertThat(field(negative)).contains("lines[1].planned");
		Http.Response duplicate = f.budget(f.km, id, "EUR", "TECHNOLOGY", 5000, 0, "TECHNOLOGY", 1, 0);
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(field(duplicate)).contains("lines[1].category");
		Http.Response category = f.budget(f.km, id, "EUR", "TRAVEL", 5000, 0);
		assertThat(category.status()).isEqualTo(400);
		assertThat(field(category)).contains("lines[0].category");
		Http.Response decimals = f.budget(f.km, id, "EUR", "TECHNOLOGY", "5000.123", 0);
		assertThat(decimals.status()).isEqualTo(400);
		assertThat(field(decimals)).contains("lines[0].planned");
		Http.Response tooLarge = f.budget(f.km, id, "EUR", "TECHNOLOGY", "1000000000000", 0);
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(field(tooLarge)).contains("lines[0].planned");
		Http.Response text = f.budget(f.km, id, "EUR", "TECHNOLOGY", 5000, "lots");
		assertThat(text.status()).isEqualTo(400);
		assertThat(field(text)).contains("lines[0].actual");

		JsonNode budget = f.as(f.km).get(f.base + "/initiatives/" + id).json().get("budget");
		assertThat(budget.get("currency").asString()).isEqualTo("EUR");
		assertThat(budget.get("lines").size()).isEqualTo(1);
		assertThat(budget.get("lines").get(0).get("planned").decimalValue()).isEqualByComparingTo("1000");
		assertThat(budget.get("lines").get(0).get("actual").decimalValue()).isEqualByComparingTo("200");
		assertThat(f.as(f.km).get(f.base + "/initiatives/" + id).json().get("budgetHistory").size()).isEqualTo(1);
	}

	@Test
	void budgetsShowToKnowledgeManagersOwnerAndSponsorAndTheOwnerChangesOnlyActuals() {
		String id = f.initiative("Content clean-up").get("id").asString();
		assertThat(f.budget(f.viewer, id, "EUR", "PEOPLE", 100, 0).status()).isEqualTo(403);
		assertThat(f.budget(f.owner, id, "EUR", "PEOPLE", 100, 0).status()).as("the owner sets no planned amounts")
			.isEqualTo(403);
		assertThat(f.budget(f.km, id, "EUR", "PEOPLE", "12000.50", 0, "EVENTS", 3000, 0).status()).isEqualTo(200);

		JsonNode asViewer = f.as(f.viewer).get(f.base + "/initiatives/" + id).json();
		assertThat(asViewer.get("budgetShown").asBoolean()).isFalse();
		assertThat(asViewer.get("budget").isNull()).isTrue();
		assertThat(asViewer.get("budgetHistory").isNull()).isTrue();
		assertThat(f.as(f.viewer).get(f.base + "/initiatives").json().get("items").get(0).get("budget").isNull()).isTrue();
		assertThat(f.as(f.viewer).get(f.base + "/program").json().get("budgets").isNull()).isTrue();
		JsonNode asSponsor = f.as(f.sponsor).get(f.base + "/initiatives/" + id).json();
		assertThat(asSponsor.get("budget").get("planned").decimalValue()).isEqualByComparingTo("15000.50");
		assertThat(f.budget(f.sponsor, id, "EUR", "PEOPLE", "12000.50", 10, "EVENTS", 3000, 0).status()).isEqualTo(403);

		Http.Response planned = f.budget(f.owner, id, "EUR", "PEOPLE", 99999, 10, "EVENTS", 3000, 0);
		assertThat(planned.status()).isEqualTo(403);
		Http.Response otherCurrency = f.budget(f.owner, id, "USD", "PEOPLE", "12000.50", 10, "EVENTS", 3000, 0);
		assertThat(otherCurrency.status()).isEqualTo(403);
		Http.Response actuals = f.budget(f.owner, id, "EUR", "PEOPLE", "12000.50", "11000.25", "EVENTS", 3000, 3500);
		assertThat(actuals.status()).as(actuals.toString()).isEqualTo(200);
		JsonNode budget = actuals.json().get("budget");
		assertThat(budget.get("actual").decimalValue()).isEqualByComparingTo("14500.25");
		assertThat(budget.get("changedBy").get("id").asString()).isEqualTo(f.owner.id().toString());
		assertThat(actuals.json().get("budgetHistory").size()).isEqualTo(2);
	}

	private static List<String> reasons(JsonNode atRisk) {
		List<String> reasons = new ArrayList<>();
		atRisk.get("reasons").forEach(r -> reasons.add(r.get("reason").asString()));
		return reasons;
	}

	private static JsonNode atRisk(JsonNode program, String id) {
		for (JsonNode a : program.get("atRisk")) {
			if (a.get("id").asString().equals(id)) {
				return a;
			}
		}
		return null;
	}

	@Test
	void atRiskAreOnHoldOverdueOverBudgetAndPastTheirEndWorstFirst() {
		String fine = f.initiative("On track", "status", "ACTIVE", "endDate", ProgramFixture.daysFromToday(30))
			.get("id")
			.asString();
		f.budget(f.km, fine, "EUR", "PEOPLE", 100, 100);
		String onHold = f.initiative("Paused", "status", "ON_HOLD").get("id").asString();
		String overdue = f.initiative("Late milestone", "status", "ACTIVE").get("id").asString();
		f.as(f.km).post(f.base + "/initiatives/" + overdue + "/milestones",
				Map.of("title", "Kick-off", "dueDate", ProgramFixture.daysFromToday(-3)));
		f.as(f.km).post(f.base + "/initiatives/" + overdue + "/milestones",
				Map.of("title", "Done already", "dueDate", ProgramFixture.daysFromToday(-5), "done", true));
		String over = f.initiative("Over budget", "status", "ACTIVE").get("id").asString();
		f.budget(f.km, over, "EUR", "TECHNOLOGY", 1000, "1000.01", "PEOPLE", 500, 100);
		String ended = f.initiative("Past its end", "status", "ACTIVE", "startDate", ProgramFixture.daysFromToday(-60),
				"endDate", ProgramFixture.daysFromToday(-1)).get("id").asString();
		f.as(f.km).put(f.base + "/initiatives/" + ended, Map.of("status", "ON_HOLD"));
		String done = f.initiative("Finished late", "status", "DONE", "endDate", ProgramFixture.daysFromToday(-10))
			.get("id")
			.asString();

		JsonNode program = f.as(f.km).get(f.base + "/program").json();
		assertThat(atRisk(program, fine)).isNull();
		assertThat(atRisk(program, done)).as("a done initiative is never at risk").isNull();
		assertThat(reasons(atRisk(program, onHold))).containsExactly("ON_HOLD");
		assertThat(reasons(atRisk(program, overdue))).containsExactly("MILESTONE_OVERDUE");
		assertThat(atRisk(program, overdue).get("reasons").get(0).get("detail").asString()).isEqualTo("Kick-off");
		assertThat(reasons(atRisk(program, over))).containsExactly("OVER_BUDGET");
		assertThat(atRisk(program, over).get("reasons").get(0).get("detail").asString()).isEqualTo("TECHNOLOGY");
		assertThat(reasons(atRisk(program, ended))).containsExactly("END_DATE_PASSED", "ON_HOLD");
		List<String> order = new ArrayList<>();
		program.get("atRisk").forEach(a -> order.add(a.get("name").asString()));
		assertThat(order).containsExactly("Past its end", "Over budget", "Late milestone", "Paused");

		// budget reasons are only for those who may see the budget
		JsonNode asViewer = f.as(f.viewer).get(f.base + "/program").json();
		assertThat(atRisk(asViewer, over)).isNull();
		assertThat(reasons(atRisk(asViewer, overdue))).containsExactly("MILESTONE_OVERDUE");
		assertThat(atRisk(f.as(f.owner).get(f.base + "/program").json(), over)).isNotNull();
	}

	@Test
	void totalsAreKeptPerCurrencyAndCategory() {
		String a = f.initiative("Alpha").get("id").asString();
		String b = f.initiative("Beta").get("id").asString();
		String c = f.initiative("Gamma").get("id").asString();
		f.initiative("Without a budget");
		assertThat(f.budget(f.km, a, "eur", "PEOPLE", "1000.10", 900, "TRAINING", 200, 250).status()).isEqualTo(200);
		assertThat(f.budget(f.km, b, "EUR", "PEOPLE", "500.40", 600).status()).isEqualTo(200);
		assertThat(f.budget(f.km, c, "USD", "TECHNOLOGY", 7000, 0).status()).isEqualTo(200);

		JsonNode budgets = f.as(f.km).get(f.base + "/program").json().get("budgets");
		assertThat(budgets.size()).isEqualTo(2);
		JsonNode eur = budgets.get(0);
		assertThat(eur.get("currency").asString()).isEqualTo("EUR");
		assertThat(eur.get("initiatives").asInt()).isEqualTo(2);
		assertThat(eur.get("planned").decimalValue()).isEqualByComparingTo("1700.50");
		assertThat(eur.get("actual").decimalValue()).isEqualByComparingTo("1750");
		assertThat(eur.get("over").asBoolean()).isTrue();
		JsonNode people = eur.get("categories").get(0);
		assertThat(people.get("category").asString()).isEqualTo("PEOPLE");
		assertThat(people.get("planned").decimalValue()).isEqualByComparingTo("1500.50");
		assertThat(people.get("actual").decimalValue()).isEqualByComparingTo("1500");
		assertThat(eur.get("categories").get(1).get("category").asString()).isEqualTo("TRAINING");
		JsonNode usd = budgets.get(1);
		assertThat(usd.get("currency").asString()).isEqualTo("USD");
		assertThat(usd.get("planned").decimalValue()).isEqualByComparingTo(new BigDecimal("7000"));
		assertThat(usd.get("actual").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void linksAreRecordsOfTheOrganizationAndKnownFigures() {
		String id = f.initiative("Checklists everywhere").get("id").asString();
		LibraryFixture library = new LibraryFixture(port, f.org);
		library.space("OPS");
		String item = library.published("OPS", "CHECKLIST", "Shutdown checklist", "- [ ] stop").get("id").asString();
		TestData.Org other = f.data.org();
		LibraryFixture otherLibrary = new LibraryFixture(port, other);
		otherLibrary.space("OPS");
		String foreign = otherLibrary.published("OPS", "CHECKLIST", "Their checklist", "- [ ] go").get("id").asString();

		Http.Response foreignLink = f.as(f.km).put(f.base + "/initiatives/" + id + "/links",
				Map.of("records", List.of(Map.of("type", "item", "id", item), Map.of("type", "item", "id", foreign))));
		assertThat(foreignLink.status()).isEqualTo(400);
		assertThat(field(foreignLink)).contains("records[1].id");
		Http.Response unknownFigure = f.as(f.km).put(f.base + "/initiatives/" + id + "/links",
				Map.of("figures", List.of("stale-share", "happiness")));
		assertThat(unknownFigure.status()).isEqualTo(400);
		assertThat(field(unknownFigure)).contains("figures[1]");
		assertThat(f.as(f.owner).put(f.base + "/initiatives/" + id + "/links", Map.of("figures", List.of("stale-share")))
			.status()).isEqualTo(403);
		JsonNode unchanged = f.as(f.km).get(f.base + "/initiatives/" + id).json();
		assertThat(unchanged.get("links").size()).isZero();
		assertThat(unchanged.get("figures").size()).isZero();

		Http.Response linked = f.as(f.km).put(f.base + "/initiatives/" + id + "/links", Map.of("records",
				List.of(Map.of("type", "item", "id", item)), "figures", List.of("stale-share", "contributions")));
		assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
		assertThat(linked.json().get("links").get(0).get("title").asString()).isEqualTo("Shutdown checklist");
		assertThat(linked.json().get("figures").toString()).isEqualTo("[\"stale-share\",\"contributions\"]");
		assertThat(f.as(f.km).put(f.base + "/targets/stale-share", Map.of("value", 0.1, "direction", "AT_MOST")).status())
			.isEqualTo(200);

		JsonNode figures = f.as(f.viewer).get(f.base + "/program").json().get("figures");
		assertThat(figures.size()).isEqualTo(2);
		assertThat(figures.get(0).get("name").asString()).isEqualTo("contributions");
		JsonNode stale = figures.get(1);
		assertThat(stale.get("name").asString()).isEqualTo("stale-share");
		assertThat(stale.get("target").asDouble()).isEqualTo(0.1);
		assertThat(stale.get("direction").asString()).isEqualTo("AT_MOST");
		assertThat(stale.get("value").asDouble()).isZero();
		assertThat(stale.get("met").asBoolean()).isTrue();
		assertThat(stale.get("initiatives").get(0).asString()).isEqualTo("Checklists everywhere");
	}

	@Test
	void theStaffViewShowsAManagersTeamToKnowledgeManagers() {
		for (TestData.Person report : List.of(f.owner, f.viewer)) {
			Http.Response set = Http.api(port, f.org.admin().token())
				.patch(f.base + "/members/" + report.id(), Map.of("manager", f.km.email()));
			assertThat(set.status()).as(set.toString()).isEqualTo(200);
		}
		// training and assessments come from their modules
		Http.Response course = f.as(f.km).post(f.base + "/courses", Map.of("title", "Content upkeep", "type", "UPKEEP"));
		assertThat(course.status()).as(course.toString()).isEqualTo(201);
		Http.Response assigned = f.as(f.km).post(f.base + "/courses/" + course.json().get("id").asString() + "/assignments",
				Map.of("person", f.owner.email(), "due", java.time.LocalDate.now().plusDays(30).toString()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
		JsonNode mine = f.as(f.km).get(f.base + "/program/staff").json();
		JsonNode ownerRow = mine.get("people").get("items").valueStream()
			.filter(r -> r.get("id").asString().equals(f.owner.id().toString())).findFirst().orElseThrow();
		assertThat(ownerRow.get("training").get("open").asInt()).isEqualTo(1);
		assertThat(ownerRow.get("training").get("overdue").asInt()).isZero();
		assertThat(ownerRow.get("assessment").isNull()).as("no assessment yet").isTrue();
		assertThat(mine.get("manager").get("id").asString()).isEqualTo(f.km.id().toString());
		assertThat(mine.get("people").get("totalItems").asLong()).isEqualTo(2);
		JsonNode row = mine.get("people").get("items").get(0);
		assertThat(row.get("sharing").get("entries").asLong()).isZero();
		assertThat(row.get("recordPath").asString()).isEqualTo(
				"/o/" + f.org.slug() + "/people/" + row.get("id").asString() + "/record");

		Http.Response other = Http.api(port, f.org.admin().token()).get(f.base + "/program/staff?manager=" + f.sponsor.email());
		assertThat(other.json().get("people").get("totalItems").asLong()).isZero();
		assertThat(f.as(f.sponsor).get(f.base + "/program/staff").status()).isEqualTo(403);
		Http.Response unknown = f.as(f.km).get(f.base + "/program/staff?manager=nobody@example.org");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(field(unknown)).contains("\"manager\"");
	}

	@Test
	void listsArePagedSortedAndFilteredByStatus() {
		f.initiative("Bravo", "status", "ACTIVE");
		f.initiative("alpha", "status", "ACTIVE");
		f.initiative("Charlie");
		JsonNode active = f.as(f.viewer).get(f.base + "/initiatives?status=ACTIVE&sort=name").json();
		assertThat(active.get("totalItems").asLong()).isEqualTo(2);
		assertThat(active.get("items").get(0).get("name").asString()).isEqualTo("alpha");
		JsonNode reversed = f.as(f.viewer).get(f.base + "/initiatives?sort=-name&size=2").json();
		assertThat(reversed.get("items").size()).isEqualTo(2);
		assertThat(reversed.get("items").get(0).get("name").asString()).isEqualTo("Charlie");
		assertThat(f.as(f.viewer).get(f.base + "/initiatives?sort=budget").status()).isEqualTo(400);
		assertThat(f.as(f.viewer).get(f.base + "/initiatives?status=LATE").status()).isEqualTo(400);
	}
}
