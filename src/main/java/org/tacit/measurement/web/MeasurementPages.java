package org.tacit.measurement.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;
import org.tacit.shared.web.Forms;

/**
 * The KM dashboard, a figure's drill-down, the targets, the executive summary and the value register.
 * Every member reads them; contributors record stories; knowledge managers set targets and confirm stories.
 */
@Controller
class MeasurementPages {

	/** How many pieces of knowledge the dashboard and the summary credit. */
	static final int TOP_CREDITS = 5;

	private final Organizations organizations;
	private final Periods periods;
	private final FigureService figures;
	private final StoryService stories;
	private final TargetService targets;
	private final Exports exports;
	private final Shown shown;
	private final Forms forms;
	private final Texts texts;

	MeasurementPages(Organizations organizations, Periods periods, FigureService figures, StoryService stories,
			TargetService targets, Exports exports, Shown shown, Forms forms, Texts texts) {
		this.organizations = organizations;
		this.periods = periods;
		this.figures = figures;
		this.stories = stories;
		this.targets = targets;
		this.exports = exports;
		this.shown = shown;
		this.forms = forms;
		this.texts = texts;
	}

	private OrgAccess access(String org, Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("shown", shown);
		return access;
	}

	/** The period asked for; a bad one is shown as an error beside the default period. */
	private Period period(String from, String to, Model model) {
		Period period;
		try {
			period = periods.of(from, to);
			model.addAttribute("fromInput", period.from().toString());
			model.addAttribute("toInput", period.to().toString());
		}
		catch (ProblemException e) {
			period = periods.of(null, null);
			model.addAttribute("periodError", texts.get(e.fields().get(0).messageKey(), e.fields().get(0).arguments()));
			model.addAttribute("fromInput", from);
			model.addAttribute("toInput", to);
		}
		model.addAttribute("period", period);
		return period;
	}

	/** The figures grouped by the module they come from, in the catalogue's order. */
	private static Map<Metric.Source, List<Figure>> bySource(FigureService.Report report) {
		Map<Metric.Source, List<Figure>> groups = new LinkedHashMap<>();
		for (Metric.Source source : Metric.Source.values()) {
			groups.put(source, new ArrayList<>());
		}
		report.figures().forEach(f -> groups.get(f.metric().source()).add(f));
		return groups;
	}

	@GetMapping("/o/{org}/measurement")
	String dashboard(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		OrgAccess access = access(org, model);
		Period period = period(from, to, model);
		FigureService.Report report = figures.report(access, period);
		model.addAttribute("report", report);
		model.addAttribute("groups", bySource(report));
		model.addAttribute("improvements", report.needingImprovement());
		model.addAttribute("credits", stories.credits(access, period, new Paging(0, TOP_CREDITS)));
		model.addAttribute("canSetTargets", access.can(Role.KNOWLEDGE_MANAGER));
		return "measurement/dashboard";
	}

	@GetMapping("/o/{org}/measurement/summary")
	String summary(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		OrgAccess access = access(org, model);
		Period period = period(from, to, model);
		FigureService.Report report = figures.report(access, period);
		model.addAttribute("org", access);
		model.addAttribute("report", report);
		model.addAttribute("improvements", report.needingImprovement());
		model.addAttribute("credits", stories.credits(access, period, new Paging(0, TOP_CREDITS)));
		model.addAttribute("participation", List.of(Metric.CONTRIBUTIONS, Metric.ACTIVE_CONTRIBUTORS_SHARE,
				Metric.REUSE_EVENTS, Metric.LESSONS_CAPTURED, Metric.LESSONS_EMBEDDED_SHARE,
				Metric.COMMUNITIES_ACTIVE_MEMBERS_SHARE).stream().map(report::figure).toList());
		return "measurement/summary";
	}

	@GetMapping("/o/{org}/measurement/metrics/{metric}")
	String metric(@PathVariable String org, @PathVariable String metric, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String by, Model model) {
		OrgAccess access = access(org, model);
		Metric m = TargetService.metric(metric);
		Period period = period(from, to, model);
		model.addAttribute("metric", m);
		model.addAttribute("figure", figures.figure(access, m, period));
		String chosen = by != null && m.breakdowns().contains(by) ? by
				: m.breakdowns().stream().sorted().findFirst().orElse(null);
		model.addAttribute("by", chosen);
		model.addAttribute("breakdowns", m.breakdowns().stream().sorted().toList());
		List<FigureService.Part> parts = chosen == null ? List.of() : figures.breakdown(access, m, period, chosen);
		model.addAttribute("parts", parts);
		model.addAttribute("partMax", parts.stream().map(FigureService.Part::value).filter(v -> v != null)
			.mapToDouble(Double::doubleValue).max().orElse(0));
		return "measurement/metric";
	}

	@GetMapping("/o/{org}/measurement/export.csv")
	ResponseEntity<byte[]> exportFigures(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return exports.metrics(organizations.access(org), periods.of(from, to));
	}

	@GetMapping("/o/{org}/measurement/targets")
	String targetsPage(@PathVariable String org, Model model) {
		OrgAccess access = access(org, model);
		access.require(Role.KNOWLEDGE_MANAGER);
		model.addAttribute("metrics", Arrays.asList(Metric.values()));
		model.addAttribute("targets", targets.all(access.orgId()));
		return "measurement/targets";
	}

	@PostMapping("/o/{org}/measurement/targets")
	String setTarget(@PathVariable String org, @RequestParam(defaultValue = "") String metric,
			@RequestParam(defaultValue = "") String direction, @RequestParam(defaultValue = "") String value, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = access(org, model);
		access.require(Role.KNOWLEDGE_MANAGER);
		Metric m = Metric.of(metric).orElse(null);
		try {
			if (m == null) {
				throw ProblemException.invalid("metric", "measurement.metric.unknown");
			}
			Double number;
			try {
				number = value.isBlank() ? null : Double.valueOf(value.strip().replace(',', '.'));
			}
			catch (NumberFormatException e) {
				throw ProblemException.invalid("value", "measurement.target.value.number");
			}
			if (number != null && m.unit() == Metric.Unit.SHARE) {
				number = number / 100;
			}
			targets.set(access, m, number, direction);
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("metrics", Arrays.asList(Metric.values()));
			model.addAttribute("targets", targets.all(access.orgId()));
			model.addAttribute("failedMetric", metric);
			model.addAttribute("failedValue", value);
			return "measurement/targets";
		}
		redirect.addFlashAttribute("notice", "measurement.target.saved");
		redirect.addFlashAttribute("noticeArg", texts.get("measurement.metric." + m.key()));
		return "redirect:/o/" + access.slug() + "/measurement/targets";
	}

	// --- the value register

	@GetMapping("/o/{org}/value")
	String register(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Paging paging, Model model) {
		OrgAccess access = access(org, model);
		Period period = period(from, to, model);
		Page<Story> page = stories.list(access, period, paging);
		model.addAttribute("stories", page);
		model.addAttribute("names", names(page.items()));
		model.addAttribute("totals", stories.totals(access.orgId(), period));
		model.addAttribute("credits", stories.credits(access, period, new Paging(0, 10)));
		model.addAttribute("canRecord", access.can(Role.CONTRIBUTOR));
		return "measurement/register";
	}

	@GetMapping("/o/{org}/value/export.csv")
	ResponseEntity<byte[]> exportStories(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return exports.stories(organizations.access(org), periods.of(from, to));
	}

	/** What the story form holds. */
	record Draft(String title, String story, String occurredOn, String knowledge, String hoursSaved, String costAmount,
			String costCurrency, String effect, Boolean innovation, String innovationKind, String innovationNote) {

		static Draft empty(String today) {
			return new Draft("", "", today, "", "", "", "", "", false, "", "");
		}
	}

	@GetMapping("/o/{org}/value/new")
	String newStory(@PathVariable String org, @RequestParam(defaultValue = "") String knowledge, Model model) {
		OrgAccess access = access(org, model);
		access.require(Role.CONTRIBUTOR);
		Draft draft = Draft.empty(periods.today().toString());
		model.addAttribute("draft", new Draft("", "", draft.occurredOn(), knowledge, "", "", "", "", false, "", ""));
		model.addAttribute("innovationKinds", Story.InnovationKind.values());
		return "measurement/story-edit";
	}

	private static final Pattern ADDRESS = Pattern.compile(
			"(?:^|/)(items|lessons|communities|processes|activities|reviews|spaces|people)/([A-Za-z0-9_-]+)/?(?:[?#].*)?$");
	private static final Map<String, String> TYPE_OF_PATH = Map.of("items", "item", "lessons", "lesson", "communities",
			"community", "processes", "process", "activities", "activity", "reviews", "review", "spaces", "space",
			"people", "person");

	/** The records a person named by their addresses (one a line). */
	static List<StoryService.LinkInput> links(String knowledge) {
		List<StoryService.LinkInput> links = new ArrayList<>();
		if (knowledge == null) {
			return links;
		}
		for (String line : knowledge.split("\\R")) {
			String address = line.strip();
			if (address.isEmpty()) {
				continue;
			}
			Matcher m = ADDRESS.matcher(address);
			if (!m.find()) {
				throw ProblemException.invalid("knowledge", "measurement.story.address", address.length() > 80
						? address.substring(0, 80) + "…" : address);
			}
			links.add(new StoryService.LinkInput(TYPE_OF_PATH.get(m.group(1)), m.group(2)));
		}
		return links;
	}

	private static BigDecimal decimal(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw ProblemException.invalid(field, "measurement.story.number");
		}
	}

	@PostMapping("/o/{org}/value")
	String recordStory(@PathVariable String org, @ModelAttribute Draft draft, Model model) {
		OrgAccess access = access(org, model);
		access.require(Role.CONTRIBUTOR);
		try {
			Story story = stories.record(access, new StoryService.Input(draft.title(), draft.story(), draft.occurredOn(),
					links(draft.knowledge()), decimal("hoursSaved", draft.hoursSaved()),
					decimal("costAvoided.amount", draft.costAmount()), draft.costCurrency(), draft.effect(), draft.innovation(),
					draft.innovationKind(), draft.innovationNote()));
			return "redirect:/o/" + access.slug() + "/value/" + story.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			Map<String, String> inputs = new java.util.HashMap<>(Map.of("costAvoided.amount", "costAmount",
					"costAvoided.currency", "costCurrency"));
			e.fields().forEach(f -> {
				if (f.field().startsWith("links")) {
					inputs.put(f.field(), "knowledge");
				}
			});
			forms.reject(model, e, inputs);
			model.addAttribute("draft", draft);
			model.addAttribute("innovationKinds", Story.InnovationKind.values());
			return "measurement/story-edit";
		}
	}

	@GetMapping("/o/{org}/value/{id}")
	String story(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = access(org, model);
		Story story = stories.get(access, id);
		model.addAttribute("story", story);
		model.addAttribute("names", names(List.of(story)));
		model.addAttribute("confirmedOn", story.confirmedAt() == null ? null
				: java.time.LocalDate.ofInstant(story.confirmedAt(), java.time.ZoneOffset.UTC));
		model.addAttribute("canConfirm", access.can(Role.KNOWLEDGE_MANAGER) && !story.confirmed()
				&& !story.reportedBy().equals(access.personId()));
		return "measurement/story";
	}

	@PostMapping("/o/{org}/value/{id}/confirm")
	String confirm(@PathVariable String org, @PathVariable String id, Model model, RedirectAttributes redirect) {
		OrgAccess access = access(org, model);
		Story story = stories.confirm(access, id);
		redirect.addFlashAttribute("notice", "measurement.story.confirmed");
		return "redirect:/o/" + access.slug() + "/value/" + story.id();
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
