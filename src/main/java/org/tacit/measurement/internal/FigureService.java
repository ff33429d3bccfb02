package org.tacit.measurement.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.CommunitiesOfPractice;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.lessons.LessonsLearned;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.retention.KnowledgeRetention;
import org.tacit.training.Training;
import org.tacit.competencies.Competencies;
import org.tacit.search.KnowledgeSearch;
import org.tacit.shared.Texts;

/**
 * Computes an organization's figures for a period from the modules' facades, with the previous period
 * and the targets, and the KM activities that need improvement. Every member of the organization may read
 * them; members-only spaces are named only to knowledge managers and administrators.
 */
@Service
public class FigureService {

	private final KnowledgeLibrary library;
	private final Organizations organizations;
	private final KnowledgeSearch search;
	private final LessonsLearned lessons;
	private final CommunitiesOfPractice communities;
	private final KnowledgeRetention retention;
	private final StoryService stories;
	private final TargetService targets;
	private final Texts texts;
	private final Training training;
	private final Competencies competencies;

	FigureService(KnowledgeLibrary library, Organizations organizations, KnowledgeSearch search, LessonsLearned lessons,
			CommunitiesOfPractice communities, KnowledgeRetention retention, StoryService stories, TargetService targets,
			Texts texts, Training training, Competencies competencies) {
		this.training = training;
		this.competencies = competencies;
		this.library = library;
		this.organizations = organizations;
		this.search = search;
		this.lessons = lessons;
		this.communities = communities;
		this.retention = retention;
		this.stories = stories;
		this.targets = targets;
		this.texts = texts;
	}

	/**
	 * The figures of a period.
	 *
	 * @param previous the period of the same length just before
	 * @param gaps the period's knowledge gaps, the most searched first
	 * @param value the period's value register totals
	 */
	public record Report(Period period, Period previous, List<Figure> figures, KnowledgeSearch.GapFigures gaps,
			StoryService.Totals value) {

		public Figure figure(Metric metric) {
			return figures.stream().filter(f -> f.metric() == metric).findFirst().orElseThrow();
		}

		/** Figures off their target, the furthest first. */
		public List<Figure> needingImprovement() {
			return figures.stream()
				.filter(f -> f.status() == Figure.Status.OFF_TARGET)
				.sorted(Comparator.comparing(Figure::shortfall).reversed().thenComparing(f -> f.metric().ordinal()))
				.toList();
		}
	}

	private Snapshot snapshot(OrgAccess access, Period period) {
		return new Snapshot(access.orgId(), period, library, organizations, search, lessons, communities, retention,
				stories, training, competencies);
	}

	@Transactional(readOnly = true)
	public Report report(OrgAccess access, Period period) {
		Snapshot now = snapshot(access, period);
		Snapshot before = snapshot(access, period.previous());
		Map<Metric, Target> set = targets.all(access.orgId());
		List<Figure> figures = Arrays.stream(Metric.values())
			.map(m -> Figure.of(m, now.value(m), m.periodic() ? before.value(m) : null, set.get(m)))
			.toList();
		return new Report(period, period.previous(), figures, now.gaps(), now.value());
	}

	/** One figure of a period, with its target and the previous period. */
	@Transactional(readOnly = true)
	public Figure figure(OrgAccess access, Metric metric, Period period) {
		Double previous = metric.periodic() ? snapshot(access, period.previous()).value(metric) : null;
		return Figure.of(metric, snapshot(access, period).value(metric), previous, targets.all(access.orgId()).get(metric));
	}

	/**
	 * The organization's teams: each active member who has active members reporting to them (their manager
	 * in the organization), with those reports; by the manager's name.
	 */
	private List<Snapshot.Team> teams(OrgAccess access) {
		List<Organizations.Member> members = organizations.activeMembers(access.orgId());
		java.util.Set<org.tacit.organizations.PersonId> active = new java.util.HashSet<>();
		members.forEach(m -> active.add(m.id()));
		List<Snapshot.Team> teams = new java.util.ArrayList<>();
		for (Organizations.Member manager : members) {
			List<org.tacit.organizations.PersonId> reports = organizations.reportsOf(access.orgId(), manager.id())
				.stream()
				.filter(active::contains)
				.toList();
			if (!reports.isEmpty()) {
				teams.add(new Snapshot.Team(manager.id(), texts.get("measurement.by.teamOf", manager.name()), reports));
			}
		}
		return teams;
	}

	/** A part of a figure broken down, with the same part in the previous period. */
	public record Part(String key, String label, Double value, Double previous) {
	}

	/** A figure by space, kind, team or community; 400 for a breakdown the figure does not have. */
	@Transactional(readOnly = true)
	public List<Part> breakdown(OrgAccess access, Metric metric, Period period, String by) {
		return breakdown(access, metric, by, snapshot(access, period), snapshot(access, period.previous()));
	}

	/**
	 * Several figures broken down for one period (the CSV export), each by {@code by.apply(metric)}, reading
	 * each module's figures once for the period and once for the previous period.
	 */
	@Transactional(readOnly = true)
	public Map<Metric, List<Part>> breakdowns(OrgAccess access, Period period, List<Metric> metrics,
			java.util.function.Function<Metric, String> by) {
		Snapshot now = snapshot(access, period);
		Snapshot before = snapshot(access, period.previous());
		Map<Metric, List<Part>> parts = new java.util.EnumMap<>(Metric.class);
		for (Metric metric : metrics) {
			parts.put(metric, breakdown(access, metric, by.apply(metric), now, before));
		}
		return parts;
	}

	private List<Part> breakdown(OrgAccess access, Metric metric, String by, Snapshot current, Snapshot previous) {
		if ("team".equals(by) && metric.breakdowns().contains(by)) {
			List<Snapshot.Team> teams = teams(access);
			Map<String, Double> before = new java.util.HashMap<>();
			previous.byTeam(metric, teams)
				.forEach(p -> before.put(p.key(), p.value()));
			return current.byTeam(metric, teams)
				.stream()
				.map(p -> new Part(p.key(), p.label(), p.value(), before.get(p.key())))
				.toList();
		}
		boolean names = access.can(Role.KNOWLEDGE_MANAGER);
		String hidden = texts.get("measurement.by.membersOnly");
		List<Snapshot.Part> now = current.by(metric, by, names, hidden);
		Map<String, Double> before = metric.periodic()
				? previous.by(metric, by, names, hidden)
					.stream()
					.filter(p -> p.value() != null)
					.collect(java.util.stream.Collectors.toMap(Snapshot.Part::key, Snapshot.Part::value, (a, b) -> a))
				: Map.of();
		if ("community".equals(by)) {
			// a members-only community is named only to those who may see it
			String hiddenCommunity = texts.get("measurement.by.hiddenCommunity");
			return now.stream().map(p -> {
				boolean visible = communities.community(access, new org.tacit.communities.CommunityId(
						java.util.UUID.fromString(p.key()))).isPresent();
				return visible ? new Part(p.key(), p.label(), p.value(), null) : new Part("", hiddenCommunity, p.value(), null);
			}).toList();
		}
		return now.stream().map(p -> new Part(p.key(), p.label(), p.value(), before.get(p.key()))).toList();
	}
}
