package org.tacit.recognition.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.lessons.LessonId;
import org.tacit.lessons.LessonsLearned;
import org.tacit.library.ItemStatus;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;

/** Puts a person's knowledge-sharing record for a period together, and a manager's team of them. */
@Service
public class RecordService {

	/** Examples shown per part of a record. */
	public static final int EXAMPLES = 5;
	/** Lessons and roles listed at most. */
	static final int LISTED = 50;

	private final Ledger ledger;
	private final SettingsService settings;
	private final ExpectationService expectations;
	private final KudosService kudos;
	private final Badges badges;
	private final RecordAccess access;
	private final Shows shows;
	private final Organizations organizations;
	private final KnowledgeLibrary library;
	private final LessonsLearned lessons;

	RecordService(Ledger ledger, SettingsService settings, ExpectationService expectations, KudosService kudos,
			Badges badges, RecordAccess access, Shows shows, Organizations organizations, KnowledgeLibrary library,
			LessonsLearned lessons) {
		this.ledger = ledger;
		this.settings = settings;
		this.expectations = expectations;
		this.kudos = kudos;
		this.badges = badges;
		this.access = access;
		this.shows = shows;
		this.organizations = organizations;
		this.library = library;
		this.lessons = lessons;
	}

	/** A person's ledger for the period, if the caller may read it. */
	@Transactional(readOnly = true)
	public Page<Ledger.Stored> ledger(OrgAccess caller, String person, Period period, EntryKind kind, Paging paging) {
		Organizations.Member member = access.require(caller, person);
		return ledger.of(caller.orgId(), member.id(), new Ledger.Filter(period.start(), period.end(), kind), paging);
	}

	/** The member whose ledger or record the address names, if the caller may read it. */
	public Organizations.Member member(OrgAccess caller, String person) {
		return access.require(caller, person);
	}

	@Transactional(readOnly = true)
	public KnowledgeRecord record(OrgAccess caller, String person, Period period) {
		return build(caller, access.require(caller, person), period);
	}

	/** The records of the manager's reports, by name. */
	@Transactional(readOnly = true)
	public Page<KnowledgeRecord> team(OrgAccess caller, String manager, Period period, Paging paging) {
		Organizations.Member lead = access.requireTeam(caller, manager);
		List<PersonId> reports = organizations.reportsOf(caller.orgId(), lead.id());
		return paging.slice(reports).map(report -> organizations.findMember(caller.orgId(), report.toString())
			.map(member -> build(caller, member, period))
			.orElseThrow());
	}

	/** The manager's member entry, if the caller may see the team. */
	public Organizations.Member manager(OrgAccess caller, String manager) {
		return access.requireTeam(caller, manager);
	}

	/** The badges a person earned so far (empty when the organization has badges off). */
	@Transactional(readOnly = true)
	public List<KnowledgeRecord.EarnedBadge> badges(OrgId org, PersonId person, Settings rules) {
		return badges.earned(org, person, rules, java.time.Instant.now().plusSeconds(1));
	}

	private KnowledgeRecord build(OrgAccess caller, Organizations.Member member, Period period) {
		OrgId org = caller.orgId();
		PersonId person = member.id();
		PersonId viewer = caller.personId();
		Settings rules = settings.of(org);
		var start = period.start();
		var end = period.end();
		Map<EntryKind, Ledger.Tally> tally = ledger.tally(org, person, start, end);
		List<KnowledgeRecord.KindCount> contributions = new ArrayList<>();
		long points = 0;
		for (EntryKind kind : EntryKind.values()) {
			Ledger.Tally t = tally.getOrDefault(kind, new Ledger.Tally(0, 0, 0));
			points += t.points();
			contributions.add(new KnowledgeRecord.KindCount(kind, t.count(), rules.pointsEnabled() ? t.points() : null));
		}
		List<Ledger.Stored> reuses = ledger.latest(org, person, EntryKind.ITEM_REUSED, start, end, EXAMPLES);
		List<Ledger.Stored> answers = ledger.latest(org, person, EntryKind.ANSWER_ACCEPTED, start, end, EXAMPLES);
		List<Ledger.Stored> captured = ledger.latest(org, person, EntryKind.LESSON_CAPTURED, start, end, LISTED);
		List<Ledger.Stored> roles = ledger.latest(org, person, EntryKind.COMMUNITY_ROLE, java.time.Instant.EPOCH, end, LISTED);
		Set<PersonId> people = new HashSet<>();
		reuses.forEach(s -> people.add(s.entry().actor()));
		PersonId manager = organizations.managerOf(org, person).orElse(null);
		if (manager != null) {
			people.add(manager);
		}
		Map<PersonId, String> names = shows.names(people);

		Ledger.Tally reuse = tally.getOrDefault(EntryKind.ITEM_REUSED, new Ledger.Tally(0, 0, 0));
		var reuseShown = new KnowledgeRecord.Reuse(reuse.count(), reuse.people(),
				reuses.stream().map(s -> shows.of(org, viewer, s.entry(), names)).toList());
		var answersShown = new KnowledgeRecord.Examples(
				tally.getOrDefault(EntryKind.ANSWER_ACCEPTED, new Ledger.Tally(0, 0, 0)).count(),
				answers.stream().map(s -> shows.of(org, viewer, s.entry(), names)).toList());
		List<KnowledgeRecord.LessonOutcome> outcomes = new ArrayList<>();
		for (Ledger.Stored s : captured) {
			Shown shown = shows.of(org, viewer, s.entry(), names);
			LessonId id = new LessonId(java.util.UUID.fromString(s.entry().recordId()));
			lessons.lessonCredits(org, id).stream().findFirst().ifPresent(credit -> outcomes.add(
					new KnowledgeRecord.LessonOutcome(shown, credit.status().name(), credit.capturedAt(),
							credit.validatedAt(), credit.embeddedAt(), credit.changedProcess())));
		}
		List<Shown> rolesShown = roles.stream().map(s -> shows.of(org, viewer, s.entry(), names)).toList();
		Page<KudosService.Kudos> received = kudos.received(caller, person, period, new Paging(0, EXAMPLES));
		var kudosShown = new KnowledgeRecord.KudosReceived(received.totalItems(), received.items());
		KnowledgeRecord.Owned owned = owned(caller, person, names);
		List<KnowledgeRecord.ExpectationResult> results = new ArrayList<>();
		for (Expectation expectation : expectations.of(org)) {
			if (!expectation.appliesTo(member.role())) {
				continue;
			}
			if (Expectation.OWNED_ITEMS_CURRENT.equals(expectation.measure())) {
				double share = owned.shareCurrent() == null ? 1 : owned.shareCurrent();
				// nothing owned: nothing is out of date
				results.add(new KnowledgeRecord.ExpectationResult(expectation, Math.round(share * 1000) / 10.0,
						share * 100 >= expectation.target(), owned.stale()));
			}
			else {
				EntryKind kind = EntryKind.valueOf(expectation.measure());
				long count = tally.getOrDefault(kind, new Ledger.Tally(0, 0, 0)).count();
				List<Shown> evidence = ledger.latest(org, person, kind, start, end, EXAMPLES)
					.stream()
					.map(s -> shows.of(org, viewer, s.entry(), names))
					.toList();
				results.add(new KnowledgeRecord.ExpectationResult(expectation, count, count >= expectation.target(), evidence));
			}
		}
		return new KnowledgeRecord(person, member.name(), manager, manager == null ? null : names.get(manager), period.from(),
				period.to(), rules.pointsEnabled() ? points : null, contributions, reuseShown, outcomes, answersShown,
				rolesShown, kudosShown, owned, results, badges.earned(org, person, rules, end));
	}

	private KnowledgeRecord.Owned owned(OrgAccess caller, PersonId person, Map<PersonId, String> names) {
		List<KnowledgeLibrary.ItemRef> published = library.ownedBy(caller.orgId(), person)
			.stream()
			.filter(item -> item.status() == ItemStatus.PUBLISHED)
			.toList();
		int current = (int) published.stream().filter(item -> !item.stale()).count();
		List<Shown> stale = published.stream()
			.filter(KnowledgeLibrary.ItemRef::stale)
			.limit(EXAMPLES)
			.map(item -> shows.of(caller.orgId(), caller.personId(), LibraryLedger.TYPE, item.id().toString(), null, names,
					null, "stale"))
			.toList();
		return new KnowledgeRecord.Owned(published.size(), current,
				published.isEmpty() ? null : (double) current / published.size(), stale);
	}
}
