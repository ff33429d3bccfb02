package org.tacit.competencies.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.competencies.internal.Assessment;
import org.tacit.competencies.internal.AssessmentService;
import org.tacit.competencies.internal.Cycle;
import org.tacit.competencies.internal.CycleService;
import org.tacit.competencies.internal.Framework;
import org.tacit.competencies.internal.FrameworkService;
import org.tacit.competencies.internal.Suggestions;
import org.tacit.competencies.internal.TrainingNeeds;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;
import org.tacit.shared.web.Forms;

/**
 * Competencies pages: the overview (a person's own assessments and needs), frameworks with copy and
 * edit, cycles with their assessments, the assessment form (radio groups per competency, suggested
 * evidence, sign-off), training needs by person, team, profile or organization, and the heat map.
 */
@Controller
class CompetenciesPages {

	/** Blank rows the framework form offers for new profiles and competencies. */
	static final int BLANK_ROWS = 2;

	private final Organizations organizations;
	private final FrameworkService frameworks;
	private final CycleService cycles;
	private final AssessmentService assessments;
	private final Suggestions suggestions;
	private final TrainingNeeds needs;
	private final Forms forms;
	private final Texts texts;

	CompetenciesPages(Organizations organizations, FrameworkService frameworks, CycleService cycles,
			AssessmentService assessments, Suggestions suggestions, TrainingNeeds needs, Forms forms, Texts texts) {
		this.organizations = organizations;
		this.frameworks = frameworks;
		this.cycles = cycles;
		this.assessments = assessments;
		this.suggestions = suggestions;
		this.needs = needs;
		this.forms = forms;
		this.texts = texts;
	}

	private static boolean passOn(ProblemException e) {
		return e.status().value() == 403 || e.status().value() == 404;
	}

	@GetMapping("/o/{org}/competencies")
	String overview(@PathVariable String org, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("mine", assessments.list(caller, new AssessmentService.Filter(null,
				caller.personId().toString(), null), Paging.first()));
		model.addAttribute("visible", assessments.list(caller, new AssessmentService.Filter(null, null, null), paging));
		model.addAttribute("myNeeds", needs.of(caller.orgId(), caller.personId()));
		model.addAttribute("manages", AssessmentService.seesAll(caller));
		return "competencies/overview";
	}

	// --- frameworks

	@GetMapping("/o/{org}/competencies/frameworks")
	String frameworkList(@PathVariable String org, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("frameworks", frameworks.list(caller.orgId(), paging));
		model.addAttribute("canChange", caller.can(Role.KNOWLEDGE_MANAGER));
		if (!model.containsAttribute("name")) {
			model.addAttribute("name", "");
		}
		model.addAttribute("nameMax", Framework.NAME_MAX);
		return "competencies/frameworks";
	}

	@PostMapping("/o/{org}/competencies/frameworks")
	String createFramework(@PathVariable String org, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(required = false) String copyOf, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		try {
			Framework created = copyOf != null && !copyOf.isBlank() ? frameworks.copy(caller, copyOf, name)
					: frameworks.create(caller, new FrameworkService.Input(name, description, null, null, null));
			redirect.addFlashAttribute("notice", copyOf != null && !copyOf.isBlank() ? "competencies.framework.copied"
					: "competencies.framework.created");
			return "redirect:/o/" + caller.slug() + "/competencies/frameworks/" + created.id() + "/edit";
		}
		catch (ProblemException e) {
			if (passOn(e)) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("name", name);
			return frameworkList(org, Paging.first(), model);
		}
	}

	@GetMapping("/o/{org}/competencies/frameworks/{id}")
	String framework(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("framework", frameworks.get(caller.orgId(), id));
		model.addAttribute("canChange", caller.can(Role.KNOWLEDGE_MANAGER));
		return "competencies/framework";
	}

	/** One competency row of the framework form, as typed. */
	record CompetencyRow(String code, String name, String description, String indicators, String evidenceKinds,
			List<String> required) {
	}

	/** One profile row of the framework form. */
	record ProfileRow(String code, String name) {
	}

	/** One level row of the framework form. */
	record LevelRow(String name, String description) {
	}

	@GetMapping("/o/{org}/competencies/frameworks/{id}/edit")
	String editFramework(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		Framework framework = frameworks.get(caller.orgId(), id);
		if (framework.builtIn()) {
			throw ProblemException.conflict(null, "competencies.framework.builtIn");
		}
		model.addAttribute("currentOrg", caller);
		model.addAttribute("framework", framework);
		if (!model.containsAttribute("levels")) {
			model.addAttribute("name", framework.name());
			model.addAttribute("description", framework.description());
			List<LevelRow> levels = new ArrayList<>(framework.levels().stream()
				.map(l -> new LevelRow(l.name(), l.description()))
				.toList());
			List<ProfileRow> profiles = new ArrayList<>(framework.profiles().stream()
				.map(p -> new ProfileRow(p.code(), p.name()))
				.toList());
			List<CompetencyRow> rows = new ArrayList<>();
			for (Framework.Competency c : framework.competencies()) {
				rows.add(new CompetencyRow(c.code(), c.name(), c.description(), String.join("\n", c.indicators()),
						String.join(", ", c.evidenceKinds()), framework.profiles().stream()
							.map(p -> c.requiredFor(p.code()) == 0 ? "" : String.valueOf(c.requiredFor(p.code())))
							.toList()));
			}
			model.addAttribute("levels", pad(levels, new LevelRow("", ""), 1, Framework.LEVELS_MAX));
			model.addAttribute("profiles", pad(profiles, new ProfileRow("", ""), BLANK_ROWS, Framework.PROFILES_MAX));
			model.addAttribute("competencies", pad(rows, new CompetencyRow("", "", "", "", "", List.of()), BLANK_ROWS,
					Framework.COMPETENCIES_MAX));
		}
		model.addAttribute("kinds", suggestions.kinds());
		return "competencies/framework-edit";
	}

	private static <T> List<T> pad(List<T> rows, T blank, int blanks, int max) {
		List<T> padded = new ArrayList<>(rows);
		for (int i = 0; i < blanks && padded.size() < max; i++) {
			padded.add(blank);
		}
		return padded;
	}

	@PostMapping("/o/{org}/competencies/frameworks/{id}/edit")
	String saveFramework(@PathVariable String org, @PathVariable String id, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		List<LevelRow> levels = new ArrayList<>();
		for (int i = 0; form.containsKey("level" + i + ".name"); i++) {
			LevelRow row = new LevelRow(form.get("level" + i + ".name"), form.getOrDefault("level" + i + ".description", ""));
			if (!row.name().isBlank() || !row.description().isBlank()) {
				levels.add(row);
			}
		}
		List<ProfileRow> profiles = new ArrayList<>();
		List<Integer> profileColumns = new ArrayList<>();
		for (int i = 0; form.containsKey("profile" + i + ".code"); i++) {
			ProfileRow row = new ProfileRow(form.get("profile" + i + ".code"), form.getOrDefault("profile" + i + ".name", ""));
			if (!row.code().isBlank() || !row.name().isBlank()) {
				profiles.add(row);
				profileColumns.add(i);
			}
		}
		List<CompetencyRow> rows = new ArrayList<>();
		for (int i = 0; form.containsKey("c" + i + ".code"); i++) {
			String p = "c" + i + ".";
			List<String> required = new ArrayList<>();
			for (int column : profileColumns) {
				required.add(form.getOrDefault(p + "required" + column, ""));
			}
			CompetencyRow row = new CompetencyRow(form.get(p + "code"), form.getOrDefault(p + "name", ""),
					form.getOrDefault(p + "description", ""), form.getOrDefault(p + "indicators", ""),
					form.getOrDefault(p + "evidenceKinds", ""), required);
			if (!row.code().isBlank() || !row.name().isBlank()) {
				rows.add(row);
			}
		}
		try {
			List<Framework.Level> scale = new ArrayList<>();
			levels.forEach(l -> scale.add(new Framework.Level(0, l.name(), l.description())));
			List<Framework.Profile> roles = profiles.stream().map(r -> new Framework.Profile(r.code(), r.name())).toList();
			List<Framework.Competency> competencies = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				CompetencyRow row = rows.get(i);
				Map<String, Integer> required = new LinkedHashMap<>();
				for (int j = 0; j < roles.size(); j++) {
					String value = row.required().get(j).strip();
					if (!value.isEmpty()) {
						try {
							required.put(roles.get(j).code().strip(), Integer.valueOf(value));
						}
						catch (NumberFormatException e) {
							throw ProblemException.invalid("competencies[" + i + "].required." + roles.get(j).code(),
									"competencies.required.level", levels.size());
						}
					}
				}
				competencies.add(new Framework.Competency(row.code(), row.name(), row.description(),
						row.indicators().lines().toList(), required,
						java.util.Arrays.stream(row.evidenceKinds().split(",")).map(String::strip).toList()));
			}
			frameworks.update(caller, id, new FrameworkService.Input(form.getOrDefault("name", ""),
					form.getOrDefault("description", ""), scale, roles, competencies));
			redirect.addFlashAttribute("notice", "competencies.framework.saved");
			return "redirect:/o/" + caller.slug() + "/competencies/frameworks/" + id;
		}
		catch (ProblemException e) {
			if (passOn(e)) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("name", form.getOrDefault("name", ""));
			model.addAttribute("description", form.getOrDefault("description", ""));
			model.addAttribute("levels", pad(levels, new LevelRow("", ""), 1, Framework.LEVELS_MAX));
			model.addAttribute("profiles", pad(profiles, new ProfileRow("", ""), BLANK_ROWS, Framework.PROFILES_MAX));
			model.addAttribute("competencies", pad(rows, new CompetencyRow("", "", "", "", "", List.of()), BLANK_ROWS,
					Framework.COMPETENCIES_MAX));
			return editFramework(org, id, model);
		}
	}

	// --- cycles

	@GetMapping("/o/{org}/competencies/cycles")
	String cycleList(@PathVariable String org, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("cycles", cycles.list(caller.orgId(), paging));
		model.addAttribute("canChange", caller.can(Role.KNOWLEDGE_MANAGER));
		model.addAttribute("frameworks", frameworks.list(caller.orgId(), new Paging(0, Paging.MAX_SIZE)).items());
		if (!model.containsAttribute("input")) {
			model.addAttribute("input", new CycleService.Input("", "", "", ""));
		}
		return "competencies/cycles";
	}

	@PostMapping("/o/{org}/competencies/cycles")
	String createCycle(@PathVariable String org, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String framework, @RequestParam(defaultValue = "") String opens,
			@RequestParam(defaultValue = "") String closes, Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		CycleService.Input input = new CycleService.Input(name, framework, opens, closes);
		try {
			Cycle cycle = cycles.create(caller, input);
			redirect.addFlashAttribute("notice", "competencies.cycle.created");
			return "redirect:/o/" + caller.slug() + "/competencies/cycles/" + cycle.id();
		}
		catch (ProblemException e) {
			if (passOn(e)) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("input", input);
			return cycleList(org, Paging.first(), model);
		}
	}

	@GetMapping("/o/{org}/competencies/cycles/{id}")
	String cycle(@PathVariable String org, @PathVariable String id, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		Cycle cycle = cycles.get(caller.orgId(), id);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("cycle", cycle);
		model.addAttribute("framework", frameworks.find(caller.orgId(), cycle.frameworkId()).orElseThrow());
		model.addAttribute("assessments", assessments.list(caller, new AssessmentService.Filter(cycle.id().toString(),
				null, null), paging));
		model.addAttribute("canChange", caller.can(Role.KNOWLEDGE_MANAGER));
		if (!model.containsAttribute("person")) {
			model.addAttribute("person", "");
			model.addAttribute("profile", "");
		}
		return "competencies/cycle";
	}

	@PostMapping("/o/{org}/competencies/cycles/{id}/assessments")
	String createAssessment(@PathVariable String org, @PathVariable String id,
			@RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String profile, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		Cycle cycle = cycles.get(caller.orgId(), id);
		try {
			Assessment created = assessments.create(caller, new AssessmentService.Input(cycle.id().toString(), person, profile));
			redirect.addFlashAttribute("notice", "competencies.assessment.created");
			return "redirect:/o/" + caller.slug() + "/competencies/assessments/" + created.id();
		}
		catch (ProblemException e) {
			if (passOn(e)) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("person", person);
			model.addAttribute("profile", profile);
			return cycle(org, id, Paging.first(), model);
		}
	}

	// --- the assessment form

	@GetMapping("/o/{org}/competencies/assessments/{id}")
	String assessment(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		Assessment assessment = assessments.get(caller, id);
		Framework framework = assessments.frameworkOf(caller.orgId(), assessment);
		boolean self = caller.personId().equals(assessment.person());
		boolean manages = AssessmentService.canManage(caller, assessment);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("assessment", assessment);
		model.addAttribute("framework", framework);
		model.addAttribute("competencies", framework.competenciesFor(assessment.profile()));
		model.addAttribute("profileName", framework.profile(assessment.profile()).map(Framework.Profile::name)
			.orElse(assessment.profile()));
		model.addAttribute("suggestions", suggestions.of(caller.orgId(), assessment, framework));
		model.addAttribute("needs", TrainingNeeds.needs(assessment, framework));
		boolean open = assessment.status() != Assessment.Status.SIGNED_OFF;
		model.addAttribute("rater", !open ? null : self ? "SELF" : manages ? "MANAGER" : null);
		model.addAttribute("canSignOff", manages && assessment.status() == Assessment.Status.MANAGER_ASSESSED);
		if (!model.containsAttribute("typed")) {
			Map<String, Assessment.Rating> mine = self ? assessment.self() : assessment.byManager();
			Map<String, String> typed = new LinkedHashMap<>();
			mine.forEach((code, r) -> {
				typed.put("level." + code, String.valueOf(r.level()));
				typed.put("evidence." + code, r.evidence());
			});
			model.addAttribute("typed", typed);
		}
		model.addAttribute("evidenceMax", AssessmentService.EVIDENCE_MAX);
		return "competencies/assessment";
	}

	@PostMapping("/o/{org}/competencies/assessments/{id}/ratings")
	String rate(@PathVariable String org, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		Assessment assessment = assessments.get(caller, id);
		Framework framework = assessments.frameworkOf(caller.orgId(), assessment);
		List<AssessmentService.RatingInput> ratings = new ArrayList<>();
		Map<String, String> inputOfField = new LinkedHashMap<>();
		for (Framework.Competency c : framework.competenciesFor(assessment.profile())) {
			String level = form.get("level." + c.code());
			if (level != null && !level.isBlank()) {
				Integer value;
				try {
					value = Integer.valueOf(level.strip());
				}
				catch (NumberFormatException e) {
					value = -1;
				}
				inputOfField.put("ratings[" + ratings.size() + "].level", "level." + c.code());
				inputOfField.put("ratings[" + ratings.size() + "].evidence", "evidence." + c.code());
				ratings.add(new AssessmentService.RatingInput(c.code(), value, form.getOrDefault("evidence." + c.code(), "")));
			}
		}
		try {
			assessments.rate(caller, id, ratings, null);
			redirect.addFlashAttribute("notice", "competencies.assessment.rated");
			return "redirect:/o/" + caller.slug() + "/competencies/assessments/" + assessment.id();
		}
		catch (ProblemException e) {
			if (passOn(e)) {
				throw e;
			}
			forms.reject(model, e, inputOfField);
			model.addAttribute("typed", form);
			return assessment(org, id, model);
		}
	}

	@PostMapping("/o/{org}/competencies/assessments/{id}/sign-off")
	String signOff(@PathVariable String org, @PathVariable String id,
			@RequestParam(defaultValue = "false") boolean confirm, Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		Assessment assessment = assessments.get(caller, id);
		try {
			if (!confirm) {
				throw ProblemException.invalid("confirm", "competencies.signOff.confirm");
			}
			assessments.signOff(caller, id);
			redirect.addFlashAttribute("notice", "competencies.assessment.signedOffNotice");
			return "redirect:/o/" + caller.slug() + "/competencies/assessments/" + assessment.id();
		}
		catch (ProblemException e) {
			if (passOn(e)) {
				throw e;
			}
			forms.reject(model, e);
			return assessment(org, id, model);
		}
	}

	// --- training needs and the heat map

	@GetMapping("/o/{org}/competencies/needs")
	String needsPage(@PathVariable String org, @RequestParam(required = false) String by, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		TrainingNeeds.By grouping;
		try {
			grouping = TrainingNeeds.By.of(by);
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			grouping = TrainingNeeds.By.PERSON;
		}
		List<TrainingNeeds.Group> groups = TrainingNeeds.group(needs.visible(caller), grouping,
				texts.get("competencies.needs.organization"), texts.get("competencies.needs.noManager"));
		model.addAttribute("currentOrg", caller);
		model.addAttribute("by", grouping.name());
		model.addAttribute("bys", TrainingNeeds.By.values());
		model.addAttribute("groups", paging.slice(groups));
		model.addAttribute("seesAll", AssessmentService.seesAll(caller));
		return "competencies/needs";
	}

	@GetMapping("/o/{org}/competencies/heat-map")
	String heatMap(@PathVariable String org, Model model) {
		OrgAccess caller = organizations.access(org);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("map", TrainingNeeds.heatMap(needs.visible(caller), texts.get("competencies.needs.noManager")));
		model.addAttribute("seesAll", AssessmentService.seesAll(caller));
		return "competencies/heat-map";
	}
}
