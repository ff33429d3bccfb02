package org.tacit.measurement.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.tacit.communities.CommunitiesOfPractice;
import org.tacit.communities.CommunityHealth;
import org.tacit.library.Kind;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.lessons.LessonsLearned;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.retention.KnowledgeRetention;
import org.tacit.training.Training;
import org.tacit.competencies.Competencies;
import org.tacit.search.KnowledgeSearch;
import org.tacit.shared.ProblemException;

/**
 * The figures of one organization and period, read from each module's facade the first time a figure
 * needs them (a previous period asks only what happens in a period).
 */
final class Snapshot {

	/** How many knowledge gaps the figures list. */
	static final int TOP_GAPS = 10;

	private final Period period;
	private final Lazy<KnowledgeLibrary.LibraryFigures> library;
	private final Lazy<Long> members;
	private final Lazy<KnowledgeSearch.GapFigures> gaps;
	private final Lazy<KnowledgeSearch.SearchCounts> searches;
	private final Lazy<Map<PersonId, Long>> byPerson;
	private final Lazy<LessonsLearned.Figures> lessons;
	private final Lazy<List<CommunityHealth>> communities;
	private final Lazy<KnowledgeRetention.RetentionFigures> retention;
	private final Lazy<StoryService.Totals> value;
	private final Lazy<Training.Figures> training;
	private final Lazy<Competencies.Figures> competencies;

	Snapshot(OrgId org, Period period, KnowledgeLibrary library, Organizations organizations, KnowledgeSearch search,
			LessonsLearned lessons, CommunitiesOfPractice communities, KnowledgeRetention retention, StoryService stories,
			Training training, Competencies competencies) {
		this.period = period;
		this.training = new Lazy<>(() -> training.figures(org, period.start(), period.end()));
		this.competencies = new Lazy<>(() -> competencies.figures(org, period.start(), period.end()));
		this.library = new Lazy<>(() -> library.figures(org, period.start(), period.end()));
		this.members = new Lazy<>(() -> organizations.activeMemberCount(org));
		this.gaps = new Lazy<>(() -> search.gaps(org, period.start(), period.end(), TOP_GAPS));
		this.searches = new Lazy<>(() -> search.searchCounts(org, period.start(), period.end()));
		this.byPerson = new Lazy<>(() -> library.contributionsByPerson(org, period.start(), period.end()));
		this.lessons = new Lazy<>(() -> lessons.figures(org, period.from(), period.to()));
		this.communities = new Lazy<>(() -> communities.health(org));
		this.retention = new Lazy<>(() -> retention.figures(org));
		this.value = new Lazy<>(() -> stories.totals(org, period));
	}

	Period period() {
		return period;
	}

	KnowledgeSearch.GapFigures gaps() {
		return gaps.get();
	}

	StoryService.Totals value() {
		return value.get();
	}

	/** The figure, or null when there is nothing to compute it from (a share of nothing). */
	Double value(Metric metric) {
		return switch (metric) {
			case CONTRIBUTIONS -> (double) spaces().stream().mapToLong(Snapshot::contributions).sum();
			case ACTIVE_CONTRIBUTORS_SHARE -> share(library.get().contributors(), members.get());
			case VIEWS -> (double) spaces().stream().mapToLong(KnowledgeLibrary.SpaceFigures::views).sum();
			case REUSE_EVENTS -> (double) spaces().stream().mapToLong(KnowledgeLibrary.SpaceFigures::reuses).sum();
			case STALE_SHARE -> share(spaces().stream().mapToLong(KnowledgeLibrary.SpaceFigures::stale).sum(),
					spaces().stream().mapToLong(KnowledgeLibrary.SpaceFigures::published).sum());
			case SEARCHES -> (double) searches.get().searches();
			case ZERO_RESULT_SEARCHES -> (double) searches.get().zeroResults();
			case ZERO_RESULT_SHARE -> share(searches.get().zeroResults(), searches.get().searches());
			case KNOWLEDGE_GAPS -> (double) gaps.get().searched();
			case NEW_KNOWLEDGE_GAPS -> (double) gaps.get().firstSearched();
			case LESSONS_CAPTURED -> (double) lessons.get().captured();
			case LESSONS_VALIDATED_SHARE -> lessons.get().captured() == 0 ? null : lessons.get().shareValidated();
			case LESSONS_EMBEDDED_SHARE -> lessons.get().captured() == 0 ? null : lessons.get().shareEmbedded();
			case LESSONS_MEDIAN_DAYS_TO_EMBEDDED -> lessons.get().medianDaysToEmbedded();
			case LESSONS_OVERDUE_ACTIONS -> (double) lessons.get().overdueActions();
			case LESSONS_APPLIED -> (double) lessons.get().lessonsApplied();
			case COMMUNITIES_ANSWERED_SHARE -> share(communities.get().stream().mapToLong(CommunityHealth::answered).sum(),
					communities.get().stream().mapToLong(CommunityHealth::questions).sum());
			case COMMUNITIES_ACTIVE_MEMBERS_SHARE -> share(
					communities.get().stream().mapToLong(CommunityHealth::activeMembers).sum(),
					communities.get().stream().mapToLong(CommunityHealth::members).sum());
			case COMMUNITIES_DORMANT -> (double) communities.get().stream().filter(CommunityHealth::dormantSuggested).count();
			case COMMUNITIES_OVERDUE_DELIVERABLES -> (double) communities.get().stream().mapToLong(CommunityHealth::overdue).sum();
			case RETENTION_COVERAGE -> retention.get().coverage();
			case RETENTION_HIGH_RISKS -> (double) retention.get().highRisks();
			case RETENTION_PLANS_BEHIND_SCHEDULE -> (double) retention.get().plansBehindSchedule();
			case TRAINING_COMPLETED_ON_TIME_SHARE -> share(training.get().completedOnTime(), training.get().due());
			case TRAINING_OVERDUE -> (double) training.get().overdue();
			case COMPETENCY_GAPS -> (double) competencies.get().openNeeds();
			case PEOPLE_WITH_TRAINING_NEEDS -> (double) competencies.get().peopleWithNeeds();
			case VALUE_STORIES -> (double) value.get().stories();
			case HOURS_SAVED -> value.get().hoursSaved().doubleValue();
			case INNOVATIONS -> (double) value.get().innovations();
		};
	}

	/** One part of a figure broken down. */
	record Part(String key, String label, Double value) {
	}

	/**
	 * The figure by space, kind or community; 400 for a breakdown the figure does not have. Members-only
	 * spaces are named only when {@code namesMembersOnly}; otherwise they are summed into one part.
	 */
	List<Part> by(Metric metric, String by, boolean namesMembersOnly, String hiddenLabel) {
		if (by == null || !metric.breakdowns().contains(by)) {
			throw ProblemException.invalid("by", "measurement.by.unknown",
					metric.breakdowns().isEmpty() ? "—" : String.join(", ", new java.util.TreeSet<>(metric.breakdowns())));
		}
		return switch (by) {
			case "team" -> throw new IllegalArgumentException("teams are broken down by byTeam");
			case "kind" -> {
				Map<Kind, Long> kinds = new EnumMap<>(Kind.class);
				for (Kind kind : Kind.values()) {
					kinds.put(kind, spaces().stream().mapToLong(s -> s.contributions().getOrDefault(kind, 0L)).sum());
				}
				yield kinds.entrySet().stream().map(e -> new Part(e.getKey().name(), e.getKey().name(),
						(double) e.getValue())).toList();
			}
			case "space" -> bySpace(metric, namesMembersOnly, hiddenLabel);
			default -> communities.get().stream().map(c -> new Part(c.community().toString(), c.name(), switch (metric) {
				case COMMUNITIES_ANSWERED_SHARE -> c.shareAnswered();
				case COMMUNITIES_ACTIVE_MEMBERS_SHARE -> share(c.activeMembers(), c.members());
				case COMMUNITIES_DORMANT -> c.dormantSuggested() ? 1.0 : 0.0;
				default -> (double) c.overdue();
			})).toList();
		};
	}

	/** A team: the people who report to a manager (active members only), and its label. */
	record Team(PersonId manager, String label, List<PersonId> reports) {
	}

	/**
	 * Contributions (versions saved) or the share of active contributors of each team, in the order given.
	 */
	List<Part> byTeam(Metric metric, List<Team> teams) {
		Map<PersonId, Long> versions = byPerson.get();
		return teams.stream().map(t -> {
			long saved = t.reports().stream().mapToLong(p -> versions.getOrDefault(p, 0L)).sum();
			long contributors = t.reports().stream().filter(p -> versions.getOrDefault(p, 0L) > 0).count();
			Double value = metric == Metric.ACTIVE_CONTRIBUTORS_SHARE ? share(contributors, t.reports().size())
					: Double.valueOf(saved);
			return new Part(t.manager().toString(), t.label(), value);
		}).toList();
	}

	private List<Part> bySpace(Metric metric, boolean namesMembersOnly, String hiddenLabel) {
		List<Part> parts = new ArrayList<>();
		long hiddenA = 0;
		long hiddenB = 0;
		boolean anyHidden = false;
		for (KnowledgeLibrary.SpaceFigures space : spaces()) {
			long a = switch (metric) {
				case CONTRIBUTIONS -> contributions(space);
				case VIEWS -> space.views();
				case REUSE_EVENTS -> space.reuses();
				default -> space.stale();
			};
			if (space.membersOnly() && !namesMembersOnly) {
				anyHidden = true;
				hiddenA += a;
				hiddenB += space.published();
				continue;
			}
			parts.add(new Part(space.spaceKey(), space.name(),
					metric == Metric.STALE_SHARE ? share(a, space.published()) : Double.valueOf(a)));
		}
		if (anyHidden) {
			parts.add(new Part("", hiddenLabel, metric == Metric.STALE_SHARE ? share(hiddenA, hiddenB) : Double.valueOf(hiddenA)));
		}
		parts.sort(Comparator.comparing((Part p) -> p.value() == null ? -1 : p.value()).reversed());
		return parts;
	}

	private List<KnowledgeLibrary.SpaceFigures> spaces() {
		return library.get().spaces();
	}

	private static long contributions(KnowledgeLibrary.SpaceFigures space) {
		return space.contributions().values().stream().mapToLong(Long::longValue).sum();
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	/** A value computed on first use. */
	private static final class Lazy<T> {

		private Supplier<T> supplier;
		private T value;

		Lazy(Supplier<T> supplier) {
			this.supplier = supplier;
		}

		T get() {
			if (supplier != null) {
				value = supplier.get();
				supplier = null;
			}
			return value;
		}
	}
}
