package org.tacit.competencies.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.competencies.Competencies.Need;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.ProblemException;

/**
 * Training needs: for each person's latest assessment that has ratings, every competency their profile
 * requires whose assessed level (the manager's, else their own) is below the required level. A
 * competency nobody rated yet is not a need. Needs are grouped per person, team (the person's manager),
 * job profile and organization.
 */
@Service
public class TrainingNeeds {

	/** The most teams a heat map shows as columns; the rest are left off (and counted). */
	public static final int HEAT_MAP_TEAMS_MAX = 40;

	private final AssessmentService assessments;
	private final FrameworkService frameworks;
	private final Organizations organizations;

	TrainingNeeds(AssessmentService assessments, FrameworkService frameworks, Organizations organizations) {
		this.assessments = assessments;
		this.frameworks = frameworks;
		this.organizations = organizations;
	}

	/** One person's needs, from their latest rated assessment. */
	public record PersonNeeds(PersonId person, String name, PersonId manager, String managerName, String profile,
			String profileName, UUID assessment, String cycle, List<Need> needs) {
	}

	/** How the needs are grouped. */
	public enum By {
		PERSON, TEAM, PROFILE, ORGANIZATION;

		public static By of(String value) {
			if (value == null || value.isBlank()) {
				return PERSON;
			}
			try {
				return By.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalid("by", "competencies.needs.by.bad");
			}
		}
	}

	/**
	 * One group of people: a person, a team, a profile or the organization.
	 *
	 * @param key the person's or manager's id, the profile's code, or {@code organization} ({@code none}: no manager)
	 * @param people people in the group with a rated assessment
	 * @param peopleWithNeeds of those, how many have at least one need
	 * @param needs how many needs they have together
	 * @param competencies per competency with a need: how many have it and the mean gap of those
	 */
	public record Group(String key, String label, int people, int peopleWithNeeds, int needs,
			List<CompetencyGap> competencies, List<Need> personNeeds) {
	}

	public record CompetencyGap(String code, String name, int people, double meanGap) {
	}

	/** The needs of one person, largest gap first; empty without a rated assessment. */
	@Transactional(readOnly = true)
	public List<Need> of(OrgId org, PersonId person) {
		return assessments.latestRatedOf(org, person)
			.flatMap(id -> assessments.load(org, id))
			.map(a -> needs(a, frameworks.find(org, a.cycle().frameworkId()).orElseThrow()))
			.orElse(List.of());
	}

	/** The needs of an assessment against its framework, largest gap first. */
	public static List<Need> needs(Assessment assessment, Framework framework) {
		List<Need> needs = new ArrayList<>();
		for (Framework.Competency c : framework.competencies()) {
			int required = c.requiredFor(assessment.profile());
			int assessed = assessment.assessed(c.code());
			if (required > 0 && assessed > 0 && assessed < required) {
				needs.add(new Need(c.code(), c.name(), required, assessed));
			}
		}
		needs.sort(Comparator.comparingInt(Need::gap).reversed());
		return needs;
	}

	/** Everyone's needs the caller may see: everyone (knowledge managers), else their own and their reports'. */
	@Transactional(readOnly = true)
	public List<PersonNeeds> visible(OrgAccess caller) {
		List<PersonNeeds> all = everyone(caller.orgId());
		if (AssessmentService.seesAll(caller)) {
			return all;
		}
		Set<PersonId> visible = new java.util.HashSet<>(organizations.reportsOf(caller.orgId(), caller.personId()));
		visible.add(caller.personId());
		return all.stream().filter(p -> visible.contains(p.person())).toList();
	}

	/** The needs of every person of the organization with a rated assessment, by name. */
	@Transactional(readOnly = true)
	public List<PersonNeeds> everyone(OrgId org) {
		List<UUID> ids = assessments.latestRated(org);
		Map<UUID, Framework> byId = new HashMap<>();
		List<PersonNeeds> result = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 500) {
			for (Assessment a : assessments.loadAll(org, ids.subList(from, Math.min(ids.size(), from + 500)))) {
				Framework framework = byId.computeIfAbsent(a.cycle().frameworkId(),
						f -> frameworks.find(org, f).orElseThrow());
				String profileName = framework.profile(a.profile()).map(Framework.Profile::name).orElse(a.profile());
				result.add(new PersonNeeds(a.person(), a.personName(), a.manager(), a.managerName(), a.profile(),
						profileName, a.id(), a.cycle().name(), needs(a, framework)));
			}
		}
		result.sort(Comparator.comparing((PersonNeeds p) -> p.name() == null ? "" : p.name()).thenComparing(
				p -> p.person().value()));
		return result;
	}

	/** The people's needs grouped. */
	public static List<Group> group(List<PersonNeeds> people, By by, String organizationLabel, String noManagerLabel) {
		Function<PersonNeeds, String> key = switch (by) {
			case PERSON -> p -> p.person().toString();
			case TEAM -> p -> p.manager() == null ? "none" : p.manager().toString();
			case PROFILE -> PersonNeeds::profile;
			case ORGANIZATION -> p -> "organization";
		};
		Map<String, List<PersonNeeds>> groups = new LinkedHashMap<>();
		Map<String, String> labels = new HashMap<>();
		for (PersonNeeds p : people) {
			String k = key.apply(p);
			groups.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
			labels.putIfAbsent(k, switch (by) {
				case PERSON -> p.name();
				case TEAM -> p.manager() == null ? noManagerLabel : p.managerName();
				case PROFILE -> p.profileName();
				case ORGANIZATION -> organizationLabel;
			});
		}
		List<Group> result = new ArrayList<>();
		groups.forEach((k, members) -> {
			Map<String, int[]> gaps = new LinkedHashMap<>();
			Map<String, String> names = new HashMap<>();
			int withNeeds = 0;
			int needs = 0;
			for (PersonNeeds p : members) {
				if (!p.needs().isEmpty()) {
					withNeeds++;
				}
				needs += p.needs().size();
				for (Need n : p.needs()) {
					int[] sum = gaps.computeIfAbsent(n.code(), c -> new int[2]);
					sum[0]++;
					sum[1] += n.gap();
					names.putIfAbsent(n.code(), n.name());
				}
			}
			List<CompetencyGap> competencies = new ArrayList<>();
			gaps.forEach((code, sum) -> competencies.add(new CompetencyGap(code, names.get(code), sum[0],
					Math.round(10.0 * sum[1] / sum[0]) / 10.0)));
			competencies.sort(Comparator.comparingInt(CompetencyGap::people).reversed().thenComparing(CompetencyGap::code));
			List<Need> personNeeds = by == By.PERSON ? members.get(0).needs() : List.of();
			result.add(new Group(k, labels.get(k), members.size(), withNeeds, needs, List.copyOf(competencies),
					personNeeds));
		});
		if (by != By.PERSON) {
			result.sort(Comparator.comparing((Group g) -> g.label() == null ? "" : g.label()));
		}
		return result;
	}

	/** A heat map: competencies with a need (rows) by teams (columns). */
	public record HeatMap(List<Team> teams, List<Row> rows, int teamsLeftOff) {
	}

	public record Team(String key, String label, int people) {
	}

	/** One competency's cells, in the order of the teams; a cell is null where no one in the team has the need. */
	public record Row(String code, String name, List<CompetencyGap> cells) {
	}

	public static HeatMap heatMap(List<PersonNeeds> people, String noManagerLabel) {
		List<Group> teams = group(people, By.TEAM, "", noManagerLabel);
		int leftOff = Math.max(0, teams.size() - HEAT_MAP_TEAMS_MAX);
		List<Group> shown = teams.subList(0, Math.min(teams.size(), HEAT_MAP_TEAMS_MAX));
		Map<String, String> names = new LinkedHashMap<>();
		shown.forEach(t -> t.competencies().forEach(c -> names.putIfAbsent(c.code(), c.name())));
		List<Row> rows = new ArrayList<>();
		names.keySet().stream().sorted().forEach(code -> {
			List<CompetencyGap> cells = new ArrayList<>();
			for (Group team : shown) {
				cells.add(team.competencies().stream().filter(c -> c.code().equals(code)).findFirst().orElse(null));
			}
			rows.add(new Row(code, names.get(code), cells));
		});
		return new HeatMap(shown.stream().map(t -> new Team(t.key(), t.label(), t.people())).toList(), rows, leftOff);
	}
}
