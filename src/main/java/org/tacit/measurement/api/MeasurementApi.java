package org.tacit.measurement.api;

import java.math.BigDecimal;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.measurement.internal.Exports;
import org.tacit.measurement.internal.Figure;
import org.tacit.measurement.internal.FigureService;
import org.tacit.measurement.internal.Metric;
import org.tacit.measurement.internal.Period;
import org.tacit.measurement.internal.Periods;
import org.tacit.measurement.internal.Story;
import org.tacit.measurement.internal.StoryService;
import org.tacit.measurement.internal.TargetService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** KM figures of a period, their breakdowns, targets, the improvement list and the value register. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Measurement", description = "KM figures from real activity, targets, the improvement list and the value register")
class MeasurementApi {

	private final Organizations organizations;
	private final Periods periods;
	private final FigureService figures;
	private final StoryService stories;
	private final TargetService targets;
	private final Exports exports;

	MeasurementApi(Organizations organizations, Periods periods, FigureService figures, StoryService stories,
			TargetService targets, Exports exports) {
		this.exports = exports;
		this.organizations = organizations;
		this.periods = periods;
		this.figures = figures;
		this.stories = stories;
		this.targets = targets;
	}

	@GetMapping("/metrics")
	@Operation(summary = "Every figure of the period (from, to: ISO dates, both included; default the last 90 days) "
			+ "with the previous period of the same length, its target and status, the top knowledge gaps and the "
			+ "value register's totals (any member)")
	Views.MetricsView metrics(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		OrgAccess access = organizations.access(org);
		return Views.MetricsView.of(figures.report(access, periods.of(from, to)), access.slug());
	}

	@GetMapping(value = "/metrics/export.csv", produces = "text/csv")
	@Operation(summary = "Every figure of the period as CSV, with each figure's breakdown by space or community")
	ResponseEntity<byte[]> exportMetrics(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		OrgAccess access = organizations.access(org);
		return exports.metrics(access, periods.of(from, to));
	}

	@GetMapping("/metrics/{metric}")
	@Operation(summary = "One figure of the period; by=space, kind or community breaks it down where the figure "
			+ "allows (400 otherwise); unknown names answer 404")
	Views.MetricView metric(@PathVariable String org, @PathVariable String metric,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by) {
		OrgAccess access = organizations.access(org);
		Metric m = TargetService.metric(metric);
		Period period = periods.of(from, to);
		List<FigureService.Part> parts = by == null || by.isBlank() ? null : figures.breakdown(access, m, period, by.strip());
		return new Views.MetricView(period.from(), period.to(), Views.FigureView.of(figures.figure(access, m, period),
				access.slug()), by == null || by.isBlank() ? null : by.strip(), parts);
	}

	record TargetRequest(Double value, String direction) {
	}

	@PutMapping("/targets/{metric}")
	@Operation(summary = "Set a figure's target (knowledge managers): value (shares as fractions from 0 to 1) and "
			+ "direction AT_LEAST or AT_MOST (default: the figure's better direction)")
	Views.TargetView setTarget(@PathVariable String org, @PathVariable String metric, @RequestBody TargetRequest request) {
		OrgAccess access = organizations.access(org);
		Metric m = TargetService.metric(metric);
		return Views.TargetView.of(targets.set(access, m, request.value(), request.direction()));
	}

	@DeleteMapping("/targets/{metric}")
	@Operation(summary = "Remove a figure's target (knowledge managers); 404 when it has none")
	ResponseEntity<Void> removeTarget(@PathVariable String org, @PathVariable String metric) {
		OrgAccess access = organizations.access(org);
		if (!targets.remove(access, TargetService.metric(metric))) {
			throw ProblemException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	/** One KM activity that needs improvement. */
	record Improvement(int rank, Views.FigureView figure) {
	}

	@GetMapping("/improvement-list")
	@Operation(summary = "Figures of the period off their target, the furthest first, with their trend and the page "
			+ "of the records behind them")
	Page<Improvement> improvementList(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Paging paging) {
		OrgAccess access = organizations.access(org);
		List<Figure> off = figures.report(access, periods.of(from, to)).needingImprovement();
		List<Improvement> ranked = new java.util.ArrayList<>();
		for (int i = 0; i < off.size(); i++) {
			ranked.add(new Improvement(i + 1, Views.FigureView.of(off.get(i), access.slug())));
		}
		return paging.slice(ranked);
	}

	record StoryRequest(String title, String story, String occurredOn, List<StoryService.LinkInput> links,
			BigDecimal hoursSaved, Views.Money costAvoided, String effect, Boolean innovation, String innovationKind,
			String innovationNote) {

		StoryService.Input input() {
			return new StoryService.Input(title, story, occurredOn, links, hoursSaved,
					costAvoided == null ? null : costAvoided.amount(), costAvoided == null ? null : costAvoided.currency(),
					effect, innovation, innovationKind, innovationNote);
		}
	}

	@PostMapping("/value-stories")
	@Operation(summary = "Record a success story (contributors): title, story, occurredOn (default today), links to "
			+ "the knowledge used ({type, id}: item, lesson, community, process, ...), hoursSaved, costAvoided {amount, "
			+ "currency}, effect (revenue or quality), innovation, innovationKind (PRODUCT, PROCESS, PRACTICE), innovationNote")
	ResponseEntity<Views.StoryView> record(@PathVariable String org, @RequestBody StoryRequest request) {
		OrgAccess access = organizations.access(org);
		Story story = stories.record(access, request.input());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/value-stories/" + story.id()))
			.body(view(story));
	}

	@GetMapping("/value-stories")
	@Operation(summary = "Success stories whose outcome happened in the period, latest first (any member)")
	Page<Views.StoryView> list(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Paging paging) {
		OrgAccess access = organizations.access(org);
		Page<Story> page = stories.list(access, periods.of(from, to), paging);
		Map<PersonId, String> names = names(page.items());
		return page.map(s -> Views.StoryView.of(s, names));
	}

	@GetMapping("/value-stories/totals")
	@Operation(summary = "The value of the period: totals per kind of outcome and currency, and what each piece of "
			+ "knowledge contributed (paged, the most stories first)")
	Views.ValueView totals(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Paging paging) {
		OrgAccess access = organizations.access(org);
		Period period = periods.of(from, to);
		return new Views.ValueView(Views.TotalsView.of(stories.totals(access.orgId(), period)),
				stories.credits(access, period, paging).map(Views.CreditView::of));
	}

	@GetMapping(value = "/value-stories/export.csv", produces = "text/csv")
	@Operation(summary = "The value register of the period as CSV (at most 10,000 stories, oldest first)")
	ResponseEntity<byte[]> exportStories(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		OrgAccess access = organizations.access(org);
		return exports.stories(access, periods.of(from, to));
	}

	@GetMapping("/value-stories/{id}")
	@Operation(summary = "One success story")
	Views.StoryView get(@PathVariable String org, @PathVariable String id) {
		return view(stories.get(organizations.access(org), id));
	}

	@PostMapping("/value-stories/{id}/confirm")
	@Operation(summary = "Confirm a story's outcomes (knowledge managers; not the person who reported it)")
	Views.StoryView confirm(@PathVariable String org, @PathVariable String id) {
		return view(stories.confirm(organizations.access(org), id));
	}

	private Views.StoryView view(Story story) {
		return Views.StoryView.of(story, names(List.of(story)));
	}

	private Map<PersonId, String> names(List<Story> list) {
		Set<PersonId> people = new HashSet<>();
		list.forEach(s -> {
			people.add(s.reportedBy());
			if (s.confirmedBy() != null) {
				people.add(s.confirmedBy());
			}
		});
		return people.isEmpty() ? Map.of() : organizations.names(people);
	}
}
