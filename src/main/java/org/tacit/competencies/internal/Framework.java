package org.tacit.competencies.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A competency framework: a proficiency scale (levels 1..n, each named), job profiles, and competencies
 * with the level each profile requires.
 *
 * @param builtIn Tacit's own framework, which cannot be changed (copy it instead)
 * @param copiedFrom the framework it was copied from, or null
 */
public record Framework(UUID id, String name, String description, boolean builtIn, UUID copiedFrom,
		Definition definition, Instant updatedAt) {

	/** Limits of a framework (docs/competencies.md). */
	public static final int NAME_MAX = 200;
	public static final int DESCRIPTION_MAX = 4000;
	public static final int LEVELS_MIN = 2;
	public static final int LEVELS_MAX = 10;
	public static final int LEVEL_NAME_MAX = 60;
	public static final int LEVEL_DESCRIPTION_MAX = 500;
	public static final int PROFILES_MAX = 20;
	public static final int PROFILE_CODE_MAX = 64;
	public static final int PROFILE_NAME_MAX = 100;
	public static final int COMPETENCIES_MAX = 100;
	public static final int CODE_MAX = 80;
	public static final int INDICATORS_MAX = 20;
	public static final int INDICATOR_MAX = 500;
	public static final int EVIDENCE_KINDS_MAX = 10;
	public static final int EVIDENCE_KIND_MAX = 64;

	public List<Level> levels() {
		return definition.levels();
	}

	public List<Profile> profiles() {
		return definition.profiles();
	}

	public List<Competency> competencies() {
		return definition.competencies();
	}

	/** The highest level of the scale. */
	public int top() {
		return definition.levels().size();
	}

	public Optional<Competency> competency(String code) {
		return definition.competencies().stream().filter(c -> c.code().equals(code)).findFirst();
	}

	public Optional<Profile> profile(String code) {
		return definition.profiles().stream().filter(p -> p.code().equals(code)).findFirst();
	}

	public String levelName(int level) {
		return level >= 1 && level <= top() ? definition.levels().get(level - 1).name() : String.valueOf(level);
	}

	/**
	 * The competencies a profile is assessed on: those with a level required for it, or every competency
	 * when the profile requires none.
	 */
	public List<Competency> competenciesFor(String profile) {
		List<Competency> required = definition.competencies().stream().filter(c -> c.requiredFor(profile) > 0).toList();
		return required.isEmpty() ? definition.competencies() : required;
	}

	/** What is stored as JSON: the scale, the profiles and the competencies. */
	public record Definition(List<Level> levels, List<Profile> profiles, List<Competency> competencies) {
	}

	/** One step of the proficiency scale. */
	public record Level(int level, String name, String description) {
	}

	/** A job profile, such as {@code FRONT_LINE_MANAGER}. */
	public record Profile(String code, String name) {
	}

	/**
	 * One competency.
	 *
	 * @param code a stable slug ({@code develops-km-measurements}); ratings and needs refer to it
	 * @param indicators behaviours that show it
	 * @param required the level each profile requires (a profile not named requires none)
	 * @param evidenceKinds the kinds of evidence the assessment form suggests for it
	 */
	public record Competency(String code, String name, String description, List<String> indicators,
			Map<String, Integer> required, List<String> evidenceKinds) {

		public int requiredFor(String profile) {
			Integer level = required == null ? null : required.get(profile);
			return level == null ? 0 : level;
		}
	}
}
