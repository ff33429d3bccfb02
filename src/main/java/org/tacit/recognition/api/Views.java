package org.tacit.recognition.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tacit.organizations.PersonId;
import org.tacit.recognition.internal.Expectation;
import org.tacit.recognition.internal.KnowledgeRecord;
import org.tacit.recognition.internal.KudosService;
import org.tacit.recognition.internal.Leaderboards;
import org.tacit.recognition.internal.Ledger;
import org.tacit.recognition.internal.Settings;
import org.tacit.recognition.internal.Shown;

/** The JSON shapes of the recognition API; field names as docs/api.md gives them. */
final class Views {

	private Views() {
	}

	static UUID uuid(PersonId person) {
		return person == null ? null : person.value();
	}

	record EntryView(long id, String kind, String recordType, String recordId, String title, String path, UUID by,
			String detail, int weight, Instant at) {

		static EntryView of(Ledger.Stored stored, Shown shown) {
			var e = stored.entry();
			return new EntryView(stored.id(), e.kind().name(), e.recordType(), e.recordId(), shown.title(), shown.path(),
					uuid(e.actor()), e.detail(), stored.weight(), e.at());
		}
	}

	record KudosView(UUID id, UUID from, String fromName, UUID to, String toName, String message, Shown record, Instant at) {

		static KudosView of(KudosService.Kudos k) {
			return new KudosView(k.id(), uuid(k.from()), k.fromName(), uuid(k.to()), k.toName(), k.message(), k.record(),
					k.at());
		}
	}

	record ExpectationView(UUID id, String role, String text, String measure, int target) {

		static ExpectationView of(Expectation e) {
			return new ExpectationView(e.id(), e.role() == null ? null : e.role().name(), e.text(), e.measure(), e.target());
		}
	}

	record ExpectationsView(List<ExpectationView> expectations, List<String> measures) {
	}

	record SettingsView(boolean pointsEnabled, boolean badgesEnabled, boolean leaderboardsEnabled,
			Map<String, Integer> weights, Map<String, Settings.BadgeRule> badges) {

		static SettingsView of(Settings s) {
			Map<String, Integer> weights = new java.util.TreeMap<>();
			s.weights().forEach((k, v) -> weights.put(k.name(), v));
			Map<String, Settings.BadgeRule> badges = new java.util.TreeMap<>();
			s.badges().forEach((k, v) -> badges.put(k.name(), v));
			return new SettingsView(s.pointsEnabled(), s.badgesEnabled(), s.leaderboardsEnabled(), weights, badges);
		}
	}

	record ResultView(ExpectationView expectation, double actual, boolean met, List<Shown> evidence) {
	}

	record LessonView(Shown lesson, String status, Instant capturedAt, Instant validatedAt, Instant embeddedAt,
			boolean changedProcess) {
	}

	record RecordView(UUID person, String name, UUID manager, String managerName, LocalDate from, LocalDate to, Long points,
			long entries, Map<String, KnowledgeRecord.KindCount> contributions, KnowledgeRecord.Reuse reuse,
			List<LessonView> lessons, KnowledgeRecord.Examples answers, List<Shown> communityRoles, long kudosReceived,
			List<KudosView> kudos, KnowledgeRecord.Owned ownedItems, List<ResultView> expectations,
			List<Map<String, Object>> badges) {

		static RecordView of(KnowledgeRecord r) {
			Map<String, KnowledgeRecord.KindCount> contributions = new java.util.LinkedHashMap<>();
			r.contributions().forEach(c -> contributions.put(c.kind().name(), c));
			return new RecordView(uuid(r.person()), r.name(), uuid(r.manager()), r.managerName(), r.from(), r.to(), r.points(),
					r.entries(), contributions, r.reuse(),
					r.lessons().stream().map(l -> new LessonView(l.lesson(), l.status(), l.capturedAt(), l.validatedAt(),
							l.embeddedAt(), l.changedProcess())).toList(),
					r.answers(), r.roles(), r.kudos().count(), r.kudos().latest().stream().map(KudosView::of).toList(),
					r.owned(),
					r.expectations().stream().map(e -> new ResultView(ExpectationView.of(e.expectation()), e.actual(), e.met(),
							e.evidence())).toList(),
					r.badges().stream().map(b -> Map.<String, Object>of("badge", b.badge().name(), "at", b.at())).toList());
		}
	}

	record PlaceView(int rank, UUID person, String name, long points, long entries) {

		static PlaceView of(Leaderboards.Place p) {
			return new PlaceView(p.rank(), uuid(p.person()), p.name(), p.points(), p.entries());
		}
	}

	record BoardView(boolean enabled, UUID community, String communityName, org.tacit.shared.Page<PlaceView> places) {
	}
}
