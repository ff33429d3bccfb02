package org.tacit.retention.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.organizations.HandoverSource;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.retention.internal.ExpertFinder;
import org.tacit.retention.internal.ExpertiseEvidence;
import org.tacit.retention.internal.ExpertiseService;
import org.tacit.retention.internal.HandoverService;
import org.tacit.retention.internal.RiskAccess;
import org.tacit.retention.internal.Topic;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/** Expertise profiles, "who knows about X" and the handover of what a leaver holds. {@code {id}}: a person's id or email. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Expertise", description = "Expertise profiles, experts on a topic, and handover when a person leaves")
class ExpertiseApi {

	private final Organizations organizations;
	private final ExpertiseService expertise;
	private final ExpertFinder finder;
	private final ExpertiseEvidence evidence;
	private final HandoverService handover;
	private final RiskAccess access;
	private final Texts texts;

	ExpertiseApi(Organizations organizations, ExpertiseService expertise, ExpertFinder finder,
			ExpertiseEvidence evidence, HandoverService handover, RiskAccess access, Texts texts) {
		this.organizations = organizations;
		this.expertise = expertise;
		this.finder = finder;
		this.evidence = evidence;
		this.handover = handover;
		this.access = access;
		this.texts = texts;
	}

	@GetMapping("/people/{id}/expertise")
	@Operation(summary = "A member's expertise: declared areas (tag and self-rated level 1-5), askMeAbout, languages, "
			+ "location, and, apart, what their work shows (derived)")
	Views.ExpertiseView get(@PathVariable String org, @PathVariable String id) {
		return Views.ExpertiseView.of(expertise.profile(organizations.access(org), id));
	}

	record AreaRequest(String tag, Integer level) {
	}

	record ExpertiseRequest(List<AreaRequest> areas, String askMeAbout, List<String> languages, String location) {
	}

	@PutMapping("/people/{id}/expertise")
	@Operation(summary = "Replace the declared part of a profile (the person themselves, knowledge managers and "
			+ "administrators); at most 30 areas, level 1 to 5")
	Views.ExpertiseView put(@PathVariable String org, @PathVariable String id, @RequestBody ExpertiseRequest request) {
		List<ExpertiseService.AreaInput> areas = request.areas() == null ? List.of()
				: request.areas().stream().map(a -> a == null ? null : new ExpertiseService.AreaInput(a.tag(), a.level()))
					.toList();
		return Views.ExpertiseView.of(expertise.save(organizations.access(org), id,
				new ExpertiseService.ProfileChange(areas, request.askMeAbout(), request.languages(), request.location())));
	}

	@GetMapping("/experts")
	@Operation(summary = "Who knows about a topic: active members ranked by declared and derived expertise, with the "
			+ "evidence")
	Page<Views.ExpertView> experts(@PathVariable String org, @RequestParam(required = false) String topic, Paging paging) {
		OrgAccess access = organizations.access(org);
		return finder.find(access, Topic.of("topic", topic), paging).map(Views.ExpertView::of);
	}

	record Rebuilt(int evidence) {
	}

	@PostMapping("/experts/rebuild")
	@Operation(summary = "Derive everyone's expertise again from the modules' records (knowledge managers and "
			+ "administrators)")
	Rebuilt rebuild(@PathVariable String org) {
		OrgAccess caller = organizations.access(org);
		if (!access.seesAll(caller)) {
			throw ProblemException.forbidden();
		}
		return new Rebuilt(evidence.rebuild(caller.orgId()));
	}

	record HeldView(String title, String path) {
	}

	record SectionView(String key, String heading, List<HeldView> items) {
	}

	record HoldingsView(UUID person, String name, int count, List<SectionView> sections) {
	}

	@GetMapping("/people/{id}/handover")
	@Operation(summary = "What a person holds that must pass to someone else when they leave, by module")
	HoldingsView holdings(@PathVariable String org, @PathVariable String id) {
		HandoverService.Holdings holdings = handover.holdings(organizations.access(org), id);
		return new HoldingsView(holdings.person().id().value(), holdings.person().name(), holdings.count(),
				holdings.sections()
					.entrySet()
					.stream()
					.map(e -> new SectionView(e.getKey(), texts.get(e.getKey()),
							e.getValue().stream().map(ExpertiseApi::held).toList()))
					.toList());
	}

	private static HeldView held(HandoverSource.Held held) {
		return new HeldView(held.title(), held.path());
	}

	record HandoverRequest(String to) {
	}

	record HandoverView(Views.PersonView to, int count, Map<String, Integer> sections) {
	}

	@PostMapping("/people/{id}/handover")
	@Operation(summary = "Hand everything the person holds (owned items; community roles and open actions as those "
			+ "modules report them) to one active member, in one step: all or nothing")
	HandoverView handOver(@PathVariable String org, @PathVariable String id, @RequestBody HandoverRequest request) {
		HandoverService.Result result = handover.handOver(organizations.access(org), id, request.to());
		return new HandoverView(new Views.PersonView(result.to().id().value(), result.to().name()), result.count(),
				result.sections());
	}
}
