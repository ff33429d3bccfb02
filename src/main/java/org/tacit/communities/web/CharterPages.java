package org.tacit.communities.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.communities.CharterRole;
import org.tacit.communities.internal.Charter;
import org.tacit.communities.internal.Community;
import org.tacit.communities.internal.CommunityService;
import org.tacit.communities.internal.DeliverableStatus;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;
import org.tacit.shared.web.Forms;

/**
 * The charter editor, which lists what is still missing before launch, the charter's versions, and
 * the tracking of each deliverable.
 */
@Controller
class CharterPages {

	/** Empty rows the editor offers below the written ones, for adding roles and deliverables without script. */
	static final int SPARE_ROWS = 2;
	/** Rows of a list read from one form; the charter's own limits are far below. */
	private static final int FORM_ROWS_MAX = 100;

	private final Organizations organizations;
	private final CommunityService communities;
	private final MissingParts missing;
	private final Forms forms;
	private final Texts texts;

	CharterPages(Organizations organizations, CommunityService communities, MissingParts missing, Forms forms,
			Texts texts) {
		this.organizations = organizations;
		this.communities = communities;
		this.missing = missing;
		this.forms = forms;
		this.texts = texts;
	}

	/** A role row of the form, as written. */
	record RoleRow(String role, String person, String responsibilities) {

		boolean blank() {
			return person.isBlank() && responsibilities.isBlank();
		}
	}

	/** A deliverable row of the form, as written; {@code id} keeps its tracking when the text changes. */
	record DeliverableFormRow(String id, String description, String targetDate) {

		boolean blank() {
			return description.isBlank() && targetDate.isBlank();
		}
	}

	/** What the editor holds. */
	record Form(String purpose, List<RoleRow> roles, List<DeliverableFormRow> deliverables, String capabilityIntent,
			String rhythm, String note) {
	}

	/** A deliverable with the items linked to it that the viewer can see. */
	record DeliverableRow(Charter.Deliverable deliverable, List<KnowledgeLibrary.ItemRef> items) {
	}

	@GetMapping("/o/{org}/communities/{id}/charter")
	String editor(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		Charter charter = community.charter();
		List<RoleRow> roles = new ArrayList<>(charter.roles()
			.stream()
			.map(r -> new RoleRow(r.role().name(), r.personEmail().isEmpty() ? r.person().toString() : r.personEmail(),
					r.responsibilities()))
			.toList());
		if (roles.isEmpty()) {
			// the two roles a launch needs, and the one most communities have
			roles.add(new RoleRow(CharterRole.SPONSOR.name(), "", ""));
			roles.add(new RoleRow(CharterRole.LEADER.name(), "", ""));
			roles.add(new RoleRow(CharterRole.FACILITATOR.name(), "", ""));
		}
		List<DeliverableFormRow> deliverables = new ArrayList<>(charter.deliverables()
			.stream()
			.map(d -> new DeliverableFormRow(d.id().toString(), d.description(), d.targetDate().toString()))
			.toList());
		Form form = new Form(charter.purpose(), pad(roles, new RoleRow("", "", "")), pad(deliverables,
				new DeliverableFormRow("", "", "")), charter.capabilityIntent(), charter.rhythm(), "");
		return page(model, access, community, form, missing.of(community));
	}

	private static <T> List<T> pad(List<T> rows, T blank) {
		List<T> padded = new ArrayList<>(rows);
		for (int i = 0; i < SPARE_ROWS; i++) {
			padded.add(blank);
		}
		return padded;
	}

	@PostMapping("/o/{org}/communities/{id}/charter")
	String save(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String purpose,
			@RequestParam(required = false) List<String> roleType, @RequestParam(required = false) List<String> rolePerson,
			@RequestParam(required = false) List<String> roleResponsibilities,
			@RequestParam(required = false) List<String> deliverableId,
			@RequestParam(required = false) List<String> deliverableDescription,
			@RequestParam(required = false) List<String> deliverableDate,
			@RequestParam(defaultValue = "") String capabilityIntent, @RequestParam(defaultValue = "") String rhythm,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		List<RoleRow> roles = new ArrayList<>();
		for (int i = 0; i < size(roleType, rolePerson, roleResponsibilities); i++) {
			roles.add(new RoleRow(at(roleType, i), at(rolePerson, i), at(roleResponsibilities, i)));
		}
		List<DeliverableFormRow> deliverables = new ArrayList<>();
		for (int i = 0; i < size(deliverableId, deliverableDescription, deliverableDate); i++) {
			deliverables.add(new DeliverableFormRow(at(deliverableId, i), at(deliverableDescription, i),
					at(deliverableDate, i)));
		}
		// the API's rows are the written ones; errors name them, the form's rows include the blank ones
		Map<String, String> inputOfField = new HashMap<>();
		List<CommunityService.RoleInput> roleInputs = new ArrayList<>();
		for (int i = 0; i < roles.size(); i++) {
			RoleRow row = roles.get(i);
			if (!row.blank()) {
				rename(inputOfField, "roles", roleInputs.size(), i, "role", "person", "responsibilities");
				roleInputs.add(new CommunityService.RoleInput(row.role(), row.person(), row.responsibilities()));
			}
		}
		List<CommunityService.DeliverableInput> deliverableInputs = new ArrayList<>();
		for (int i = 0; i < deliverables.size(); i++) {
			DeliverableFormRow row = deliverables.get(i);
			if (!row.blank()) {
				rename(inputOfField, "deliverables", deliverableInputs.size(), i, "description", "targetDate");
				deliverableInputs.add(new CommunityService.DeliverableInput(row.id(), row.description(), row.targetDate()));
			}
		}
		Form form = new Form(purpose, roles, deliverables, capabilityIntent, rhythm, note);
		try {
			communities.saveCharter(access, community.id(), new CommunityService.CharterInput(purpose, roleInputs,
					deliverableInputs, capabilityIntent, rhythm, note));
			redirect.addFlashAttribute("notice", "charter.saved");
			return "redirect:/o/" + access.slug() + "/" + community.path() + "/charter";
		}
		catch (ProblemException e) {
			Attempt.onlyInputProblems(e);
			forms.reject(model, e, inputOfField);
			List<MissingParts.Part> parts = e.status().value() != 422 ? missing.of(community)
					: e.fields().stream().map(f -> {
						String field = inputOfField.getOrDefault(f.field(), f.field());
						return new MissingParts.Part(field, MissingParts.anchor(field), texts.get(f.messageKey(), f.arguments()));
					}).toList();
			return page(model, access, community, form, parts);
		}
	}

	private static void rename(Map<String, String> inputOfField, String list, int written, int row, String... parts) {
		inputOfField.put(list + "[" + written + "]", list + "[" + row + "]");
		for (String part : parts) {
			inputOfField.put(list + "[" + written + "]." + part, list + "[" + row + "]." + part);
		}
	}

	@SafeVarargs
	private static int size(List<String>... lists) {
		int size = 0;
		for (List<String> list : lists) {
			size = Math.max(size, list == null ? 0 : list.size());
		}
		return Math.min(size, FORM_ROWS_MAX);
	}

	private static String at(List<String> list, int i) {
		return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
	}

	private String page(Model model, OrgAccess access, Community community, Form form, List<MissingParts.Part> parts) {
		if (!community.canEditCharter()) {
			throw ProblemException.forbidden();
		}
		model.addAttribute("currentOrg", access);
		model.addAttribute("community", community);
		model.addAttribute("form", form);
		model.addAttribute("missing", parts);
		model.addAttribute("charterRoles", CharterRole.values());
		return "communities/charter";
	}

	@GetMapping("/o/{org}/communities/{id}/charter/versions")
	String versions(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) Integer version,
			Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		var versions = communities.versions(access, community.id());
		int shown = version != null ? version : versions.isEmpty() ? 0 : versions.get(0).version();
		model.addAttribute("currentOrg", access);
		model.addAttribute("community", community);
		model.addAttribute("versions", versions);
		model.addAttribute("shown", shown);
		model.addAttribute("snapshot", shown == 0 ? null : communities.version(access, community.id(), shown));
		return "communities/versions";
	}

	@GetMapping("/o/{org}/communities/{id}/deliverables/{deliverable}")
	String deliverable(@PathVariable String org, @PathVariable String id, @PathVariable String deliverable,
			Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		Charter.Deliverable found = find(community, deliverable);
		return deliverablePage(model, access, community, found, found.status().name(), String.join("\n",
				communities.linkedItems(access, found).stream().map(i -> i.id().toString()).toList()));
	}

	@PostMapping("/o/{org}/communities/{id}/deliverables/{deliverable}")
	String track(@PathVariable String org, @PathVariable String id, @PathVariable String deliverable,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String items, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		Charter.Deliverable found = find(community, deliverable);
		try {
			communities.updateDeliverable(access, community.id(), deliverable, status, CommunityService.itemList(items));
			redirect.addFlashAttribute("notice", "deliverable.saved");
			return "redirect:/o/" + access.slug() + "/" + community.path() + "#deliverables";
		}
		catch (ProblemException e) {
			Attempt.onlyInputProblems(e);
			forms.reject(model, e);
			return deliverablePage(model, access, community, found, status, items);
		}
	}

	private String deliverablePage(Model model, OrgAccess access, Community community, Charter.Deliverable deliverable,
			String status, String items) {
		if (!community.canEditCharter()) {
			throw ProblemException.forbidden();
		}
		model.addAttribute("currentOrg", access);
		model.addAttribute("community", community);
		model.addAttribute("deliverable", deliverable);
		model.addAttribute("linked", communities.linkedItems(access, deliverable));
		model.addAttribute("status", status);
		model.addAttribute("items", items);
		model.addAttribute("deliverableStatuses", DeliverableStatus.values());
		return "communities/deliverable";
	}

	private static Charter.Deliverable find(Community community, String deliverable) {
		return community.charter()
			.deliverables()
			.stream()
			.filter(d -> d.id().toString().equals(deliverable))
			.findFirst()
			.orElseThrow(ProblemException::notFound);
	}

	private Community community(OrgAccess access, String id) {
		return communities.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
