package org.tacit.recognition.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.recognition.internal.Badge;
import org.tacit.recognition.internal.EntryKind;
import org.tacit.recognition.internal.Expectation;
import org.tacit.recognition.internal.ExpectationService;
import org.tacit.recognition.internal.KnowledgeRecord;
import org.tacit.recognition.internal.KudosService;
import org.tacit.recognition.internal.Leaderboards;
import org.tacit.recognition.internal.Ledger;
import org.tacit.recognition.internal.Period;
import org.tacit.recognition.internal.RecordAccess;
import org.tacit.recognition.internal.RecordCsv;
import org.tacit.recognition.internal.RecordService;
import org.tacit.recognition.internal.Settings;
import org.tacit.recognition.internal.SettingsService;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Recognition pages: a person's knowledge-sharing record (printable, with CSV and PDF exports), the kudos they
 * received with the form to thank them, a manager's team side by side, leaderboards, and the settings and
 * expectations of the organization.
 */
@Controller
class RecognitionPages {

	/** Blank rows the expectations form offers for new ones. */
	static final int BLANK_ROWS = 3;

	private final Organizations organizations;
	private final RecordService records;
	private final KudosService kudos;
	private final RecordAccess access;
	private final SettingsService settings;
	private final ExpectationService expectations;
	private final Leaderboards leaderboards;
	private final Ledger ledger;
	private final Forms forms;
	private final Clock clock;
	private final RecordPdf pdf;

	RecognitionPages(Organizations organizations, RecordService records, KudosService kudos, RecordAccess access,
			SettingsService settings, ExpectationService expectations, Leaderboards leaderboards, Ledger ledger, Forms forms,
			Clock clock, RecordPdf pdf) {
		this.organizations = organizations;
		this.records = records;
		this.kudos = kudos;
		this.access = access;
		this.settings = settings;
		this.expectations = expectations;
		this.leaderboards = leaderboards;
		this.ledger = ledger;
		this.forms = forms;
		this.clock = clock;
		this.pdf = pdf;
	}

	@GetMapping("/o/{org}/recognition")
	String mine(@PathVariable String org) {
		OrgAccess caller = organizations.access(org);
		return "redirect:/o/" + caller.slug() + "/people/" + caller.personId() + "/record";
	}

	/** The period as typed, or this year; a bad one is shown on the page and this year is used. */
	private Period period(String from, String to, Model model) {
		model.addAttribute("from", from == null ? "" : from);
		model.addAttribute("to", to == null ? "" : to);
		try {
			return Period.parse(from, to, clock);
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			return Period.parse(null, null, clock);
		}
	}

	@GetMapping("/o/{org}/people/{id}/record")
	String record(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		OrgAccess caller = organizations.access(org);
		records.member(caller, id);
		Period period = period(from, to, model);
		KnowledgeRecord record = records.record(caller, id, period);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("record", record);
		model.addAttribute("period", period);
		model.addAttribute("self", caller.personId().equals(record.person()));
		model.addAttribute("hasTeam", !organizations.reportsOf(caller.orgId(), record.person()).isEmpty());
		model.addAttribute("settings", settings.of(caller.orgId()));
		return "recognition/record";
	}

	@GetMapping("/o/{org}/people/{id}/record.csv")
	ResponseEntity<String> recordCsv(@PathVariable String org, @PathVariable String id,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		OrgAccess caller = organizations.access(org);
		Period period = Period.parse(from, to, clock);
		KnowledgeRecord record = records.record(caller, id, period);
		return csv(List.of(record), "record-" + period.from() + "-" + period.to() + ".csv");
	}

	@GetMapping("/o/{org}/people/{id}/record.pdf")
	ResponseEntity<byte[]> recordPdf(@PathVariable String org, @PathVariable String id,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletRequest request, HttpServletResponse response, Locale locale) {
		OrgAccess caller = organizations.access(org);
		Period period = Period.parse(from, to, clock);
		KnowledgeRecord record = records.record(caller, id, period);
		byte[] pdf = this.pdf.render("recognition/record-pdf", Map.of("currentOrg", caller, "record", record,
				"self", caller.personId().equals(record.person()), "settings", settings.of(caller.orgId())), locale,
				request, response);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"record-" + period.from() + "-" + period.to() + ".pdf\"")
			.body(pdf);
	}

	private static ResponseEntity<String> csv(List<KnowledgeRecord> list, String fileName) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(RecordCsv.of(list));
	}

	@GetMapping("/o/{org}/teams/{managerId}")
	String team(@PathVariable String org, @PathVariable String managerId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		var manager = records.manager(caller, managerId);
		Period period = period(from, to, model);
		Page<KnowledgeRecord> team = records.team(caller, managerId, period, paging);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("manager", manager);
		model.addAttribute("team", team);
		model.addAttribute("period", period);
		model.addAttribute("kinds", EntryKind.values());
		model.addAttribute("settings", settings.of(caller.orgId()));
		return "recognition/team";
	}

	@GetMapping("/o/{org}/teams/{managerId}/records.csv")
	ResponseEntity<String> teamCsv(@PathVariable String org, @PathVariable String managerId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		OrgAccess caller = organizations.access(org);
		Period period = Period.parse(from, to, clock);
		// the whole team in one file: a manager's reports are few, and a page of them is at most 100
		Page<KnowledgeRecord> team = records.team(caller, managerId, period, new Paging(0, Paging.MAX_SIZE));
		return csv(team.items(), "team-" + period.from() + "-" + period.to() + ".csv");
	}

	@GetMapping("/o/{org}/people/{id}/kudos")
	String kudosPage(@PathVariable String org, @PathVariable String id, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		var member = access.member(caller, id);
		Settings rules = settings.of(caller.orgId());
		model.addAttribute("currentOrg", caller);
		model.addAttribute("member", member);
		model.addAttribute("self", caller.personId().equals(member.id()));
		model.addAttribute("kudos", kudos.received(caller, member.id(), paging));
		model.addAttribute("canSeeRecord", access.canSee(caller, member.id()));
		model.addAttribute("settings", rules);
		model.addAttribute("badges", records.badges(caller.orgId(), member.id(), rules));
		if (!model.containsAttribute("message")) {
			model.addAttribute("message", "");
			model.addAttribute("recordId", "");
		}
		model.addAttribute("messageMax", KudosService.MESSAGE_MAX);
		return "recognition/kudos";
	}

	@PostMapping("/o/{org}/kudos")
	String give(@PathVariable String org, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String message, @RequestParam(defaultValue = "") String recordId,
			Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		try {
			var given = kudos.give(caller, new KudosService.NewKudos(to, message, null, recordId));
			redirect.addFlashAttribute("notice", "recognition.kudos.given");
			return "redirect:/o/" + caller.slug() + "/people/" + given.to() + "/kudos";
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			if (to.isBlank() || organizations.findMember(caller.orgId(), to.strip()).isEmpty()) {
				// no page of a member to show the form on again: the refusal is the page
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("message", message);
			model.addAttribute("recordId", recordId);
			return kudosPage(org, to, Paging.first(), model);
		}
	}

	@GetMapping("/o/{org}/leaderboards")
	String board(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String community, Paging paging,
			Model model) {
		OrgAccess caller = organizations.access(org);
		Period period = period(from, to, model);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("period", period);
		model.addAttribute("community", community == null ? "" : community);
		model.addAttribute("canChange", caller.can(Role.KNOWLEDGE_MANAGER));
		if (!settings.of(caller.orgId()).leaderboardsEnabled()) {
			model.addAttribute("off", true);
			return "recognition/leaderboards";
		}
		try {
			model.addAttribute("board", leaderboards.board(caller, period, community, paging));
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("board", leaderboards.board(caller, period, null, paging));
		}
		return "recognition/leaderboards";
	}

	@GetMapping("/o/{org}/recognition/settings")
	String settingsPage(@PathVariable String org, Model model) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		model.addAttribute("currentOrg", caller);
		if (!model.containsAttribute("current")) {
			model.addAttribute("current", settings.of(caller.orgId()));
		}
		model.addAttribute("kinds", EntryKind.values());
		model.addAttribute("allBadges", Badge.values());
		model.addAttribute("weightMax", EntryKind.WEIGHT_MAX);
		model.addAttribute("thresholdMax", Badge.THRESHOLD_MAX);
		return "recognition/settings";
	}

	@PostMapping("/o/{org}/recognition/settings")
	String saveSettings(@PathVariable String org, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		Map<String, Integer> weights = new LinkedHashMap<>();
		Map<String, SettingsService.BadgeChange> badges = new LinkedHashMap<>();
		try {
			for (EntryKind kind : EntryKind.values()) {
				String value = form.get("weight." + kind.name());
				if (value != null) {
					weights.put(kind.name(), number(value, "weights." + kind.name(), "recognition.weight.range",
							EntryKind.WEIGHT_MAX));
				}
			}
			for (Badge badge : Badge.values()) {
				String threshold = form.get("threshold." + badge.name());
				badges.put(badge.name(), new SettingsService.BadgeChange(form.containsKey("badge." + badge.name()),
						threshold == null ? null : number(threshold, "badges." + badge.name() + ".threshold",
								"recognition.badge.threshold", Badge.THRESHOLD_MAX)));
			}
			settings.change(caller, new SettingsService.Change(form.containsKey("pointsEnabled"),
					form.containsKey("badgesEnabled"), form.containsKey("leaderboardsEnabled"), weights, badges));
			redirect.addFlashAttribute("notice", "recognition.settings.saved");
			return "redirect:/o/" + caller.slug() + "/recognition/settings";
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			forms.reject(model, e);
			return settingsPage(org, model);
		}
	}

	private static int number(String value, String field, String key, int max) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw ProblemException.invalid(field, key, max);
		}
	}

	@PostMapping("/o/{org}/recognition/rebuild")
	String rebuild(@PathVariable String org, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		int entries = ledger.rebuild(caller.orgId());
		redirect.addFlashAttribute("notice", "recognition.rebuilt");
		redirect.addFlashAttribute("rebuiltEntries", entries);
		return "redirect:/o/" + caller.slug() + "/recognition/settings";
	}

	/** One row of the expectations form, as typed. */
	record Row(String role, String text, String measure, String target) {
	}

	@GetMapping("/o/{org}/recognition/expectations")
	String expectationsPage(@PathVariable String org, Model model) {
		OrgAccess caller = organizations.access(org);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("canChange", caller.can(Role.KNOWLEDGE_MANAGER));
		if (!model.containsAttribute("rows")) {
			List<Row> rows = new ArrayList<>();
			for (Expectation e : expectations.of(caller.orgId())) {
				rows.add(new Row(e.role() == null ? "" : e.role().name(), e.text(), e.measure(), String.valueOf(e.target())));
			}
			model.addAttribute("current", List.copyOf(rows));
			for (int i = 0; i < BLANK_ROWS && rows.size() < Expectation.MAX; i++) {
				rows.add(new Row("", "", "", ""));
			}
			model.addAttribute("rows", rows);
		}
		model.addAttribute("roles", Role.values());
		model.addAttribute("measures", ExpectationService.measures());
		model.addAttribute("textMax", Expectation.TEXT_MAX);
		return "recognition/expectations";
	}

	@PostMapping("/o/{org}/recognition/expectations")
	String saveExpectations(@PathVariable String org, @RequestParam(name = "role", required = false) List<String> roles,
			@RequestParam(name = "text", required = false) List<String> texts,
			@RequestParam(name = "measure", required = false) List<String> measures,
			@RequestParam(name = "target", required = false) List<String> targets, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		List<Row> rows = new ArrayList<>();
		List<String> textList = texts == null ? List.of() : texts;
		for (int i = 0; i < textList.size(); i++) {
			if (textList.get(i) != null && !textList.get(i).isBlank()) {
				rows.add(new Row(at(roles, i), textList.get(i), at(measures, i), at(targets, i)));
			}
		}
		try {
			List<ExpectationService.Input> inputs = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				Row row = rows.get(i);
				Integer target;
				try {
					target = row.target().isBlank() ? null : Integer.valueOf(row.target().strip());
				}
				catch (NumberFormatException e) {
					target = -1;
				}
				inputs.add(new ExpectationService.Input(row.role(), row.text(), row.measure(), target));
			}
			expectations.replace(caller, inputs);
			redirect.addFlashAttribute("notice", "recognition.expectations.saved");
			return "redirect:/o/" + caller.slug() + "/recognition/expectations";
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("rows", rows);
			model.addAttribute("current", List.of());
			return expectationsPage(org, model);
		}
	}

	private static String at(List<String> values, int i) {
		return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
	}
}
