package org.tacit.processes.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
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
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.processes.ProcessId;
import org.tacit.processes.ProcessStatus;
import org.tacit.processes.internal.BpmnReader;
import org.tacit.processes.internal.LinkService;
import org.tacit.processes.internal.LinkView;
import org.tacit.processes.internal.ProcessService;
import org.tacit.processes.internal.ProcessView;
import org.tacit.processes.internal.StepView;
import org.tacit.processes.internal.Uploads;
import org.tacit.processes.internal.VersionView;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.LargerRequestBody;

/** Processes, their BPMN versions, steps and step links. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/processes")
@Tag(name = "Process maps", description = "BPMN 2.0 process maps whose steps link the knowledge needed to do them")
class ProcessApi {

	private final Organizations organizations;
	private final ProcessService processes;
	private final LinkService links;

	ProcessApi(Organizations organizations, ProcessService processes, LinkService links) {
		this.organizations = organizations;
		this.processes = processes;
		this.links = links;
	}

	/** A diagram sent as the raw body may be as large as the diagram limit, above the API's general limit. */
	@Bean
	static LargerRequestBody bpmnUploadBody() {
		return new LargerRequestBody("/api/v1/orgs/*/processes/*/versions", BpmnReader.MAX_BYTES + 64 * 1024);
	}

	record Person(UUID id, String name) {
	}

	record ProcessJson(UUID id, String name, String description, List<String> tags, ProcessStatus status, Person owner,
			int version, Instant createdAt, Instant updatedAt, boolean canEdit) {

		static ProcessJson of(ProcessView p) {
			return new ProcessJson(p.id().value(), p.name(), p.description(), p.tags(), p.status(),
					new Person(p.ownerId().value(), p.ownerName()), p.version(), p.createdAt(), p.updatedAt(), p.canEdit());
		}
	}

	record NewProcess(String name, String description, List<String> tags, String owner) {
	}

	@PostMapping
	@Operation(summary = "Create a process (contributors and above) as a DRAFT without a diagram; upload its BPMN next")
	ResponseEntity<ProcessJson> create(@PathVariable String org, @RequestBody NewProcess request) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.create(access,
				new ProcessService.Details(request.name(), request.description(), request.tags(), request.owner()), null);
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/processes/" + process.id()))
			.body(ProcessJson.of(process));
	}

	@GetMapping
	@Operation(summary = "The processes the caller can see (drafts only for their owner and editors), filtered by "
			+ "status, tag and words of the name (q); sorted by NAME (default) or UPDATED")
	Page<ProcessJson> list(@PathVariable String org, @RequestParam(required = false) String status,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, Paging paging) {
		OrgAccess access = organizations.access(org);
		ProcessStatus wanted = status == null || status.isBlank() ? null : ProcessService.parseStatus(status);
		return processes.list(access, new ProcessService.Filter(wanted, tag, q, sort), paging).map(ProcessJson::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One process")
	ProcessJson get(@PathVariable String org, @PathVariable String id) {
		return ProcessJson.of(processes.get(organizations.access(org), id));
	}

	record ProcessUpdate(String name, String description, List<String> tags, String owner, String status) {
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a process (its owner, editors and above): name, description, tags, owner (id or email) "
			+ "and status DRAFT, PUBLISHED (needs a diagram) or RETIRED; omitted tags, owner and status stay")
	ProcessJson update(@PathVariable String org, @PathVariable String id, @RequestBody ProcessUpdate request) {
		OrgAccess access = organizations.access(org);
		ProcessId processId = processes.get(access, id).id();
		ProcessView updated = processes.update(access, processId,
				new ProcessService.Details(request.name(), request.description(), request.tags(), request.owner()));
		if (request.status() != null) {
			updated = processes.setStatus(access, processId, request.status());
		}
		return ProcessJson.of(updated);
	}

	record VersionJson(int version, String fileName, int sizeBytes, int steps, String note, Person uploadedBy,
			Instant uploadedAt) {

		static VersionJson of(VersionView v) {
			return new VersionJson(v.version(), v.fileName(), v.sizeBytes(), v.steps(), v.note(),
					new Person(v.uploadedBy().value(), v.uploadedByName()), v.uploadedAt());
		}
	}

	record UploadedJson(int version, int steps, int orphanedLinks, int reattachedLinks, ProcessService.VersionDiff diff) {
	}

	/** The form of a multipart upload, for the API document. */
	record UploadForm(@Schema(type = "string", format = "binary", description = "the BPMN 2.0 XML file") String file,
			@Schema(description = "what changed, optional") String note) {
	}

	@PostMapping("/{id}/versions")
	@Operation(summary = "Upload a new version (its owner, editors and above): the BPMN 2.0 XML as the body "
			+ "(application/xml; optional query parameters fileName and note) or multipart/form-data (parts 'file' "
			+ "and 'note'). At most 5 MB; files with a DOCTYPE, that are not BPMN 2.0 or have no diagram (DI) are "
			+ "refused with 400 and nothing is written. Links of steps the new version no longer has are orphaned.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string")),
					@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = UploadForm.class)) }))
	ResponseEntity<UploadedJson> upload(@PathVariable String org, @PathVariable String id,
			@RequestParam(required = false) String fileName, @RequestParam(required = false) String note,
			HttpServletRequest request) {
		OrgAccess access = organizations.access(org);
		// who may upload is settled before the body is read
		ProcessId processId = processes.editable(access, processes.get(access, id).id()).id();
		ProcessService.Uploaded uploaded = processes.upload(access, processId, Uploads.of(request, fileName, note));
		ProcessService.VersionDiff diff = uploaded.version() > 1
				? processes.diff(access, processId, uploaded.version() - 1, uploaded.version()) : null;
		return ResponseEntity
			.created(URI.create("/api/v1/orgs/" + access.slug() + "/processes/" + processId + "/versions/"
					+ uploaded.version() + "/bpmn"))
			.body(new UploadedJson(uploaded.version(), uploaded.steps(), uploaded.orphaned(), uploaded.reattached(), diff));
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "The versions of a process, newest first")
	Page<VersionJson> versions(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess access = organizations.access(org);
		return paging.slice(
				processes.versions(access, processes.get(access, id).id()).stream().map(VersionJson::of).toList());
	}

	@GetMapping("/{id}/versions/{version}/bpmn")
	@Operation(summary = "Download a version's BPMN 2.0 XML exactly as it was uploaded")
	ResponseEntity<byte[]> bpmn(@PathVariable String org, @PathVariable String id, @PathVariable int version) {
		OrgAccess access = organizations.access(org);
		return processes.bpmn(access, processes.get(access, id).id(), version).toResponse();
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "What changed between two versions: steps added, removed and renamed (matched by BPMN id)")
	ProcessService.VersionDiff diff(@PathVariable String org, @PathVariable String id, @RequestParam int from,
			@RequestParam int to) {
		OrgAccess access = organizations.access(org);
		return processes.diff(access, processes.get(access, id).id(), from, to);
	}

	record LinkJson(UUID id, String type, String targetId, String title, String path, String url, String note,
			int position, boolean available, int linkedInVersion, Integer orphanedInVersion, Person linkedBy,
			Instant linkedAt) {

		static LinkJson of(LinkView l) {
			return new LinkJson(l.id(), l.type(), l.targetId(), l.title(), l.path(), l.url(), l.note(), l.position(),
					l.available(), l.linkedVersion(), l.orphanedVersion(),
					new Person(l.createdBy().value(), l.createdByName()), l.createdAt());
		}
	}

	record StepJson(String id, String name, String type, String lane, String pool, Map<String, Integer> linkCounts,
			int links, boolean gap, List<LinkJson> linked) {
	}

	@GetMapping("/{id}/steps")
	@Operation(summary = "The steps (flow nodes) of the current version, or of ?version=N, in document order: id, "
			+ "name, type, lane and pool, with the count of links by type; 'gap' marks a step without any knowledge. "
			+ "The current version's steps list their links too")
	List<StepJson> steps(@PathVariable String org, @PathVariable String id,
			@RequestParam(defaultValue = "0") int version) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.get(access, id);
		boolean current = version == 0 || version == process.version();
		Map<String, List<LinkJson>> linked = new java.util.HashMap<>();
		List<StepView> steps = processes.steps(access, process.id(), version);
		if (current) {
			steps.forEach(s -> linked.put(s.id(),
					links.stepLinks(access, process.id(), s.id(), true).stream().map(LinkJson::of).toList()));
		}
		return steps.stream()
			.map(s -> new StepJson(s.id(), s.name(), s.type(), s.lane(), s.pool(), s.linkCounts(), s.links(), s.gap(),
					linked.getOrDefault(s.id(), List.of())))
			.toList();
	}

	record LinksRequest(List<LinkService.LinkInput> links) {
	}

	@PutMapping("/{id}/steps/{stepId}/links")
	@Operation(summary = "Set a step's links, in order (its owner, editors and above): each {type, id, note} with type "
			+ "item, lesson, person (id or email) or community, or {type: url, url, title, note} for a web page "
			+ "(http or https, never fetched). Links already there keep who linked them and when; links left out "
			+ "are removed. 400 for a record outside the organization or hidden from the caller; at most 50 links")
	List<LinkJson> setLinks(@PathVariable String org, @PathVariable String id, @PathVariable String stepId,
			@RequestBody LinksRequest request) {
		OrgAccess access = organizations.access(org);
		ProcessId processId = processes.get(access, id).id();
		return links.replace(access, processId, stepId, request.links()).stream().map(LinkJson::of).toList();
	}

	record OrphanJson(String stepId, String stepName, LinkJson link) {
	}

	@GetMapping("/{id}/orphans")
	@Operation(summary = "Links whose step a new version removed (orphanedInVersion), for the owner to re-attach or drop")
	Page<OrphanJson> orphans(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess access = organizations.access(org);
		return paging.slice(links.orphans(access, processes.get(access, id).id())
			.stream()
			.map(o -> new OrphanJson(o.link().stepId(), o.stepName(), LinkJson.of(o.link())))
			.toList());
	}

	record Reattach(String step) {
	}

	@PostMapping("/{id}/orphans/{linkId}")
	@Operation(summary = "Re-attach an orphaned link to a step of the current version ({step: stepId})")
	ResponseEntity<Void> reattach(@PathVariable String org, @PathVariable String id, @PathVariable UUID linkId,
			@RequestBody Reattach request) {
		OrgAccess access = organizations.access(org);
		ProcessId processId = processes.get(access, id).id();
		orphanOf(access, processId, linkId);
		links.reattach(access, processId, linkId, request.step());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/orphans/{linkId}")
	@Operation(summary = "Drop an orphaned link")
	ResponseEntity<Void> drop(@PathVariable String org, @PathVariable String id, @PathVariable UUID linkId) {
		OrgAccess access = organizations.access(org);
		ProcessId processId = processes.get(access, id).id();
		orphanOf(access, processId, linkId);
		links.remove(access, processId, linkId);
		return ResponseEntity.noContent().build();
	}

	private void orphanOf(OrgAccess access, ProcessId processId, UUID linkId) {
		if (links.orphans(access, processId).stream().noneMatch(o -> o.link().id().equals(linkId))) {
			throw ProblemException.notFound();
		}
	}

	record LessonJson(String stepId, String stepName, LinkJson link) {
	}

	@GetMapping("/{id}/lessons")
	@Operation(summary = "The lessons that changed this process: lessons linked to its steps, oldest first")
	Page<LessonJson> lessons(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess access = organizations.access(org);
		return paging.slice(links.lessons(access, processes.get(access, id).id())
			.stream()
			.map(l -> new LessonJson(l.link().stepId(), l.stepName(), LinkJson.of(l.link())))
			.toList());
	}
}
