package org.tacit.competencies.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tacit.competencies.internal.Framework.Competency;
import org.tacit.competencies.internal.Framework.Definition;
import org.tacit.competencies.internal.Framework.Level;
import org.tacit.competencies.internal.Framework.Profile;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.OrganizationCreated;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

import tools.jackson.databind.json.JsonMapper;

/**
 * An organization's competency frameworks. Every organization has the built-in leadership KM framework:
 * it is added when the organization is created, and on the first read for organizations that existed
 * before. Knowledge managers and administrators create frameworks, copy any framework and change the
 * copies; the built-in one stays as Tacit provides it.
 */
@Service
public class FrameworkService {

	static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	static final Pattern PROFILE_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate separately;

	FrameworkService(JdbcClient jdbc, JsonMapper json, AuditLog audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A framework as sent: null lists keep what the framework has (a new framework: the default scale, none). */
	public record Input(String name, String description, List<Level> levels, List<Profile> profiles,
			List<Competency> competencies) {
	}

	@ApplicationModuleListener
	void on(OrganizationCreated created) {
		ensureBuiltIn(created.orgId());
	}

	/** Adds the built-in framework to the organization if it does not have it yet (in a transaction of its own). */
	public void ensureBuiltIn(OrgId org) {
		if (builtInId(org).isPresent()) {
			return;
		}
		try {
			separately.executeWithoutResult(status -> {
				Instant now = clock.instant();
				jdbc.sql("""
						INSERT INTO competencies_framework (id, org_id, name, description, definition, builtin_key,
						  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(UUID.randomUUID(), org.value(), BuiltInFramework.NAME, BuiltInFramework.DESCRIPTION,
							json.writeValueAsString(BuiltInFramework.definition()), BuiltInFramework.KEY, Sql.utc(now),
							Sql.utc(now))
					.update();
			});
		}
		catch (DuplicateKeyException e) {
			// another request added it first
		}
	}

	private Optional<UUID> builtInId(OrgId org) {
		return jdbc.sql("SELECT id FROM competencies_framework WHERE org_id = ? AND builtin_key = ?")
			.params(org.value(), BuiltInFramework.KEY)
			.query((rs, n) -> Sql.uuid(rs, "id"))
			.optional();
	}

	/** The organization's frameworks, the built-in one first, then by name. */
	public Page<Framework> list(OrgId org, Paging paging) {
		ensureBuiltIn(org);
		long total = jdbc.sql("SELECT COUNT(*) FROM competencies_framework WHERE org_id = ?")
			.param(org.value())
			.query(Long.class)
			.single();
		List<Framework> items = jdbc.sql("""
				SELECT * FROM competencies_framework WHERE org_id = ?
				ORDER BY CASE WHEN builtin_key IS NULL THEN 1 ELSE 0 END, name, id LIMIT ? OFFSET ?""")
			.params(org.value(), paging.size(), paging.offset())
			.query((rs, n) -> row(rs))
			.list();
		return paging.of(items, total);
	}

	/** Every framework of the organization (at most a few hundred: for checks across them). */
	List<Framework> all(OrgId org) {
		ensureBuiltIn(org);
		return jdbc.sql("SELECT * FROM competencies_framework WHERE org_id = ? ORDER BY name, id")
			.param(org.value())
			.query((rs, n) -> row(rs))
			.list();
	}

	public Optional<Framework> find(OrgId org, UUID id) {
		ensureBuiltIn(org);
		return jdbc.sql("SELECT * FROM competencies_framework WHERE org_id = ? AND id = ?")
			.params(org.value(), id)
			.query((rs, n) -> row(rs))
			.optional();
	}

	/** 404 for an unknown or malformed id, or another organization's framework. */
	public Framework get(OrgId org, String id) {
		return find(org, uuid(id)).orElseThrow(ProblemException::notFound);
	}

	static UUID uuid(String id) {
		try {
			return UUID.fromString(id == null ? "" : id.strip());
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.notFound();
		}
	}

	private Framework row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Framework(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("description"),
				rs.getString("builtin_key") != null, Sql.uuid(rs, "copied_from"),
				json.readValue(rs.getString("definition"), Definition.class), Sql.instant(rs, "updated_at"));
	}

	@Transactional
	public Framework create(OrgAccess caller, Input input) {
		caller.require(Role.KNOWLEDGE_MANAGER);
		Input body = input == null ? new Input(null, null, null, null, null) : input;
		Definition definition = validate(body.levels() == null ? BuiltInFramework.definition().levels() : body.levels(),
				body.profiles() == null ? List.of() : body.profiles(),
				body.competencies() == null ? List.of() : body.competencies());
		return insert(caller, name(body.name()), description(body.description()), definition, null);
	}

	/** A copy of any framework of the organization, which the organization may then change. */
	@Transactional
	public Framework copy(OrgAccess caller, String sourceId, String name) {
		caller.require(Role.KNOWLEDGE_MANAGER);
		Framework source = find(caller.orgId(), uuidOrInvalid(sourceId, "copyOf"))
			.orElseThrow(() -> ProblemException.invalid("copyOf", "competencies.framework.copyOf.unknown"));
		String copyName = name == null || name.isBlank() ? copyName(source.name()) : name(name);
		return insert(caller, copyName, source.description(), source.definition(), source.id());
	}

	private static String copyName(String name) {
		String copy = name + " (copy)";
		return copy.length() > Framework.NAME_MAX ? copy.substring(0, Framework.NAME_MAX) : copy;
	}

	static UUID uuidOrInvalid(String id, String field) {
		try {
			return UUID.fromString(id == null ? "" : id.strip());
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, "competencies.framework.copyOf.unknown");
		}
	}

	private Framework insert(OrgAccess caller, String name, String description, Definition definition, UUID copiedFrom) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO competencies_framework (id, org_id, name, description, definition, copied_from, created_by,
				  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.orgId().value(), name, description, json.writeValueAsString(definition), copiedFrom,
					caller.personId().value(), Sql.utc(now), Sql.utc(now))
			.update();
		audit.record(caller.orgId(), "competencies.framework-created", "competency-framework", id.toString(),
				copiedFrom == null ? name : "copy of " + copiedFrom);
		return find(caller.orgId(), id).orElseThrow();
	}

	/** Changes a framework that is not the built-in one; null parts stay as they are. */
	@Transactional
	public Framework update(OrgAccess caller, String id, Input input) {
		caller.require(Role.KNOWLEDGE_MANAGER);
		Framework current = get(caller.orgId(), id);
		if (current.builtIn()) {
			throw ProblemException.conflict(null, "competencies.framework.builtIn");
		}
		Input body = input == null ? new Input(null, null, null, null, null) : input;
		String name = body.name() == null ? current.name() : name(body.name());
		String description = body.description() == null ? current.description() : description(body.description());
		Definition definition = validate(body.levels() == null ? current.levels() : body.levels(),
				body.profiles() == null ? current.profiles() : body.profiles(),
				body.competencies() == null ? current.competencies() : body.competencies());
		jdbc.sql("UPDATE competencies_framework SET name = ?, description = ?, definition = ?, updated_at = ? "
				+ "WHERE org_id = ? AND id = ?")
			.params(name, description, json.writeValueAsString(definition), Sql.utc(clock.instant()),
					caller.orgId().value(), current.id())
			.update();
		audit.record(caller.orgId(), "competencies.framework-changed", "competency-framework", current.id().toString(),
				name);
		return find(caller.orgId(), current.id()).orElseThrow();
	}

	static String name(String raw) {
		String name = raw == null ? "" : raw.strip();
		if (name.isEmpty()) {
			throw ProblemException.invalid("name", "competencies.name.missing");
		}
		if (name.length() > Framework.NAME_MAX) {
			throw ProblemException.invalid("name", "competencies.name.long", Framework.NAME_MAX);
		}
		return name;
	}

	private static String description(String raw) {
		String description = raw == null ? "" : raw.strip();
		if (description.length() > Framework.DESCRIPTION_MAX) {
			throw ProblemException.invalid("description", "competencies.description.long", Framework.DESCRIPTION_MAX);
		}
		return description;
	}

	/** The scale, profiles and competencies, checked and tidied; 400 naming the first field at fault. */
	static Definition validate(List<Level> levels, List<Profile> profiles, List<Competency> competencies) {
		if (levels.size() < Framework.LEVELS_MIN || levels.size() > Framework.LEVELS_MAX) {
			throw ProblemException.invalid("levels", "competencies.levels.count", Framework.LEVELS_MIN,
					Framework.LEVELS_MAX);
		}
		List<Level> scale = new ArrayList<>();
		for (int i = 0; i < levels.size(); i++) {
			Level level = levels.get(i);
			String field = "levels[" + i + "]";
			if (level == null) {
				throw ProblemException.invalid(field, "competencies.level.name.missing");
			}
			if (level.level() != 0 && level.level() != i + 1) {
				throw ProblemException.invalid(field + ".level", "competencies.level.order", i + 1);
			}
			String name = text(level.name(), field + ".name", Framework.LEVEL_NAME_MAX, true);
			String description = text(level.description(), field + ".description", Framework.LEVEL_DESCRIPTION_MAX, false);
			scale.add(new Level(i + 1, name, description));
		}
		if (profiles.size() > Framework.PROFILES_MAX) {
			throw ProblemException.invalid("profiles", "competencies.profiles.many", Framework.PROFILES_MAX);
		}
		List<Profile> roles = new ArrayList<>();
		Set<String> profileCodes = new HashSet<>();
		for (int i = 0; i < profiles.size(); i++) {
			Profile profile = profiles.get(i);
			String field = "profiles[" + i + "]";
			String code = profile == null || profile.code() == null ? "" : profile.code().strip();
			if (code.length() > Framework.PROFILE_CODE_MAX || !PROFILE_CODE.matcher(code).matches()) {
				throw ProblemException.invalid(field + ".code", "competencies.profile.code", Framework.PROFILE_CODE_MAX);
			}
			if (!profileCodes.add(code)) {
				throw ProblemException.invalid(field + ".code", "competencies.profile.code.taken");
			}
			roles.add(new Profile(code, text(profile.name(), field + ".name", Framework.PROFILE_NAME_MAX, true)));
		}
		if (competencies.size() > Framework.COMPETENCIES_MAX) {
			throw ProblemException.invalid("competencies", "competencies.competencies.many", Framework.COMPETENCIES_MAX);
		}
		List<Competency> checked = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < competencies.size(); i++) {
			Competency c = competencies.get(i);
			String field = "competencies[" + i + "]";
			String code = c == null || c.code() == null ? "" : c.code().strip();
			if (code.length() > Framework.CODE_MAX || !CODE.matcher(code).matches()) {
				throw ProblemException.invalid(field + ".code", "competencies.competency.code", Framework.CODE_MAX);
			}
			if (!codes.add(code)) {
				throw ProblemException.invalid(field + ".code", "competencies.competency.code.taken");
			}
			String name = text(c.name(), field + ".name", Framework.NAME_MAX, true);
			String description = text(c.description(), field + ".description", Framework.DESCRIPTION_MAX, false);
			List<String> indicators = new ArrayList<>();
			List<String> given = c.indicators() == null ? List.of() : c.indicators();
			for (int j = 0; j < given.size(); j++) {
				String indicator = text(given.get(j), field + ".indicators[" + j + "]", Framework.INDICATOR_MAX, false);
				if (!indicator.isEmpty()) {
					indicators.add(indicator);
				}
			}
			if (indicators.size() > Framework.INDICATORS_MAX) {
				throw ProblemException.invalid(field + ".indicators", "competencies.indicators.many",
						Framework.INDICATORS_MAX);
			}
			Map<String, Integer> required = new LinkedHashMap<>();
			if (c.required() != null) {
				for (var entry : c.required().entrySet()) {
					String profile = entry.getKey() == null ? "" : entry.getKey().strip();
					if (!profileCodes.contains(profile)) {
						throw ProblemException.invalid(field + ".required." + profile, "competencies.required.profile");
					}
					Integer level = entry.getValue();
					if (level == null || level < 0 || level > scale.size()) {
						throw ProblemException.invalid(field + ".required." + profile, "competencies.required.level",
								scale.size());
					}
					if (level > 0) {
						required.put(profile, level);
					}
				}
			}
			List<String> kinds = new ArrayList<>();
			for (String kind : c.evidenceKinds() == null ? List.<String>of() : c.evidenceKinds()) {
				String k = kind == null ? "" : kind.strip();
				if (k.isEmpty()) {
					continue;
				}
				if (k.length() > Framework.EVIDENCE_KIND_MAX || !CODE.matcher(k).matches()) {
					throw ProblemException.invalid(field + ".evidenceKinds", "competencies.evidenceKind",
							Framework.EVIDENCE_KIND_MAX);
				}
				if (!kinds.contains(k)) {
					kinds.add(k);
				}
			}
			if (kinds.size() > Framework.EVIDENCE_KINDS_MAX) {
				throw ProblemException.invalid(field + ".evidenceKinds", "competencies.evidenceKinds.many",
						Framework.EVIDENCE_KINDS_MAX);
			}
			checked.add(new Competency(code, name, description, List.copyOf(indicators), required, List.copyOf(kinds)));
		}
		return new Definition(List.copyOf(scale), List.copyOf(roles), List.copyOf(checked));
	}

	private static String text(String raw, String field, int max, boolean required) {
		String text = raw == null ? "" : raw.strip();
		if (required && text.isEmpty()) {
			throw ProblemException.invalid(field, "competencies.text.missing");
		}
		if (text.length() > max) {
			throw ProblemException.invalid(field, "competencies.text.long", max);
		}
		return text;
	}
}
