package org.tacit.recognition.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.tacit.organizations.Role;
import org.tacit.recognition.internal.EntryKind;
import org.tacit.recognition.internal.ExpectationService;
import org.tacit.recognition.internal.KnowledgeRecord;
import org.tacit.recognition.internal.KudosService;
import org.tacit.recognition.internal.Leaderboards;
import org.tacit.recognition.internal.Ledger;
import org.tacit.recognition.internal.LedgerView;
import org.tacit.recognition.internal.Period;
import org.tacit.recognition.internal.RecordAccess;
import org.tacit.recognition.internal.RecordCsv;
import org.tacit.recognition.internal.RecordService;
import org.tacit.recognition.internal.SettingsService;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;

/** Recognition: ledgers, kudos, knowledge-sharing records (JSON or CSV), team records, settings, expectations, leaderboards. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Recognition", description = "Contribution ledger, kudos, knowledge-sharing records, expectations, leaderboards")
class RecognitionApi {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Organizations organizations;
	private final RecordService records;
	private final LedgerView ledgerView;
	private final KudosService kudos;
	private final SettingsService settings;
	private final ExpectationService expectations;
	private final Leaderboards leaderboards;
	private final RecordAccess access;
	private final Ledger ledger;
	private final Clock clock;

	RecognitionApi(Organizations organizations, RecordService records, LedgerView ledgerView, KudosService kudos,
			SettingsService settings, ExpectationService expectations, Leaderboards leaderboards, RecordAccess access,
			Ledger ledger, Clock clock) {
		this.organizations = organizations;
		this.records = records;
		this.ledgerView = ledgerView;
		this.kudos = kudos;
		this.settings = settings;
		this.expectations = expectations;
		this.leaderboards = leaderboards;
		this.access = access;
		this.ledger = ledger;
		this.clock = clock;
	}

	@GetMapping("/people/{id}/ledger")
	@Operation(summary = "A person's ledger entries in a period (from, to: dates, both included; default this year), "
			+ "newest first, optionally of one kind; the person, their manager, knowledge managers and administrators")
	Page<Views.EntryView> ledger(@PathVariable String org, @PathVariable String id,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String kind, Paging paging) {
		OrgAccess caller = organizations.access(org);
		Period period = Period.parse(from, to, clock);
		EntryKind entryKind = kind == null || kind.isBlank() ? null : LedgerView.kind(kind);
		return ledgerView.page(caller, records.ledger(caller, id, period, entryKind, paging)).map(
				shown -> Views.EntryView.of(shown.stored(), shown.shown()));
	}

	@GetMapping("/people/{id}/record")
	@Operation(summary = "A person's knowledge-sharing record for a period: JSON, or CSV with Accept: text/csv; "
			+ "the person, their manager, knowledge managers and administrators")
	ResponseEntity<?> record(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to,
			@org.springframework.web.bind.annotation.RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		OrgAccess caller = organizations.access(org);
		Period period = Period.parse(from, to, clock);
		KnowledgeRecord record = records.record(caller, id, period);
		if (wantsCsv(accept)) {
			return csv(List.of(record), "record-" + period.from() + "-" + period.to() + ".csv");
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Views.RecordView.of(record));
	}

	static boolean wantsCsv(String accept) {
		return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv")
				&& !accept.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
	}

	static ResponseEntity<String> csv(List<KnowledgeRecord> records, String fileName) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(RecordCsv.of(records));
	}

	@GetMapping("/teams/{managerId}/records")
	@Operation(summary = "The records of a manager's reports for a period, side by side (a page of them; CSV with "
			+ "Accept: text/csv); the manager, knowledge managers and administrators")
	ResponseEntity<?> team(@PathVariable String org, @PathVariable String managerId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Paging paging,
			@org.springframework.web.bind.annotation.RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		OrgAccess caller = organizations.access(org);
		Period period = Period.parse(from, to, clock);
		Page<KnowledgeRecord> team = records.team(caller, managerId, period, paging);
		if (wantsCsv(accept)) {
			return csv(team.items(), "team-" + period.from() + "-" + period.to() + ".csv");
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(team.map(Views.RecordView::of));
	}

	record KudosRequest(String to, String message, String recordType, String recordId) {
	}

	@PostMapping("/kudos")
	@Operation(summary = "Thank another member (id or email) for a piece of help: a message of at most 1,000 characters, "
			+ "optionally about a record (recordId, with recordType or found by its id); not yourself")
	ResponseEntity<Views.KudosView> give(@PathVariable String org, @RequestBody(required = false) KudosRequest request) {
		OrgAccess caller = organizations.access(org);
		KudosRequest body = request == null ? new KudosRequest(null, null, null, null) : request;
		KudosService.Kudos given = kudos.give(caller,
				new KudosService.NewKudos(body.to(), body.message(), body.recordType(), body.recordId()));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + caller.slug() + "/people/" + given.to() + "/kudos"))
			.body(Views.KudosView.of(given));
	}

	@GetMapping("/people/{id}/kudos")
	@Operation(summary = "Kudos a person received, newest first (every member)")
	Page<Views.KudosView> kudos(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess caller = organizations.access(org);
		return kudos.received(caller, access.member(caller, id).id(), paging).map(Views.KudosView::of);
	}

	@GetMapping("/recognition/settings")
	@Operation(summary = "Whether points, badges and leaderboards show, the weight of each kind of entry, the badges' rules")
	Views.SettingsView settings(@PathVariable String org) {
		return Views.SettingsView.of(settings.of(organizations.access(org).orgId()));
	}

	@PutMapping("/recognition/settings")
	@Operation(summary = "Change the settings (knowledge managers and administrators): pointsEnabled, badgesEnabled, "
			+ "leaderboardsEnabled, weights {KIND: 0..100}, badges {BADGE: {enabled, threshold}}; omitted values stay")
	Views.SettingsView changeSettings(@PathVariable String org,
			@RequestBody(required = false) SettingsService.Change change) {
		return Views.SettingsView.of(settings.change(organizations.access(org), change));
	}

	@PostMapping("/recognition/rebuild")
	@Operation(summary = "Derive the ledger again from every module's records, with today's weights (knowledge managers "
			+ "and administrators); answers how many entries there are")
	java.util.Map<String, Integer> rebuild(@PathVariable String org) {
		OrgAccess caller = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		return java.util.Map.of("entries", ledger.rebuild(caller.orgId()));
	}

	@GetMapping("/expectations")
	@Operation(summary = "The organization's knowledge-sharing expectations (at most 50) and the measures they may use")
	Views.ExpectationsView expectations(@PathVariable String org) {
		OrgAccess caller = organizations.access(org);
		return new Views.ExpectationsView(
				expectations.of(caller.orgId()).stream().map(Views.ExpectationView::of).toList(), ExpectationService.measures());
	}

	record ExpectationsRequest(List<ExpectationService.Input> expectations) {
	}

	@PutMapping("/expectations")
	@Operation(summary = "Replace the expectations (knowledge managers and administrators): {expectations: [{role (blank: "
			+ "everyone), text, measure (a kind of entry or OWNED_ITEMS_CURRENT), target}]}")
	Views.ExpectationsView replaceExpectations(@PathVariable String org,
			@RequestBody(required = false) ExpectationsRequest request) {
		OrgAccess caller = organizations.access(org);
		caller.require(Role.KNOWLEDGE_MANAGER);
		return new Views.ExpectationsView(expectations.replace(caller, request == null ? null : request.expectations())
			.stream()
			.map(Views.ExpectationView::of)
			.toList(), ExpectationService.measures());
	}

	@GetMapping("/leaderboards")
	@Operation(summary = "The people with the most points in a period, in the organization or a community's members "
			+ "(community: its id); enabled false and no places while the organization has leaderboards off (the default)")
	Views.BoardView leaderboard(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String community, Paging paging) {
		OrgAccess caller = organizations.access(org);
		Leaderboards.Board board = leaderboards.board(caller, Period.parse(from, to, clock), community, paging);
		return new Views.BoardView(board.enabled(), board.community() == null ? null : board.community().id().value(),
				board.community() == null ? null : board.community().name(), board.places().map(Views.PlaceView::of));
	}
}
