package org.tacit.retention.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.organizations.MembershipChanged;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonDeactivated;
import org.tacit.organizations.PersonId;
import org.tacit.retention.ExpertiseChanged;
import org.tacit.search.SearchDocument;
import org.tacit.search.SearchIndex;
import org.tacit.search.SearchSource;
import org.tacit.shared.Sql;

/**
 * People in the one search box (type {@code person}): members with a declared profile or derived
 * expertise, found by name and by what they know, leading to their profile page. Every member of the
 * organization may find them. Risk entries are never indexed: who is at risk of leaving is private.
 */
@Component
class PeopleSearch implements SearchSource {

	static final String TYPE = "person";
	/** Tags a person's search entry carries: their declared areas first, then what their work shows. */
	static final int TAGS_MAX = 40;

	private final JdbcClient jdbc;
	private final SearchIndex index;
	private final Organizations organizations;
	private final ExpertiseService expertise;

	PeopleSearch(JdbcClient jdbc, SearchIndex index, Organizations organizations, ExpertiseService expertise) {
		this.jdbc = jdbc;
		this.index = index;
		this.organizations = organizations;
		this.expertise = expertise;
	}

	@ApplicationModuleListener
	void on(ExpertiseChanged event) {
		refresh(event.org(), event.person());
	}

	/** Someone who left is no longer found; someone who joined or changed role keeps their entry up to date. */
	@ApplicationModuleListener
	void on(MembershipChanged event) {
		refresh(event.orgId(), event.personId());
	}

	@ApplicationModuleListener
	void on(PersonDeactivated event) {
		expertise.organizationsOf(event.personId()).forEach(org -> refresh(org, event.personId()));
	}

	private void refresh(OrgId org, PersonId person) {
		index.inStep(org.value(), person.toString(), () -> {
			Optional<String> slug = organizations.slug(org);
			Optional<SearchDocument> document = slug.flatMap(s -> document(org, s, person));
			if (document.isPresent()) {
				index.put(document.get());
			}
			else {
				index.remove(org.value(), TYPE, person.toString());
			}
		});
	}

	@Override
	public String name() {
		return "people";
	}

	/** Exactly as many as {@link #forEach} gives: the people with a profile or evidence who are active members. */
	@Override
	public long count() {
		long count = 0;
		for (OrgId org : expertise.organizationsWithPeople()) {
			if (organizations.slug(org).isEmpty()) {
				continue;
			}
			for (PersonId person : expertise.people(org)) {
				if (organizations.findMember(org, person.toString()).filter(Organizations.Member::active).isPresent()) {
					count++;
				}
			}
		}
		return count;
	}

	@Override
	public void forEach(Consumer<SearchDocument> sink) {
		for (OrgId org : expertise.organizationsWithPeople()) {
			Optional<String> slug = organizations.slug(org);
			if (slug.isEmpty()) {
				continue;
			}
			for (PersonId person : expertise.people(org)) {
				document(org, slug.get(), person).ifPresent(sink);
			}
		}
	}

	/** The entry of an active member with something to show; empty for anyone else. */
	Optional<SearchDocument> document(OrgId org, String slug, PersonId person) {
		Optional<Organizations.Member> member = organizations.findMember(org, person.toString())
			.filter(Organizations.Member::active);
		if (member.isEmpty()) {
			return Optional.empty();
		}
		List<Profile.Area> areas = expertise.areas(org, person);
		Set<String> tags = new LinkedHashSet<>();
		areas.forEach(area -> tags.add(area.tag()));
		derivedTags(org, person).forEach(tags::add);
		record Declared(String ask, String languages, String location, Instant updatedAt) {
		}
		Optional<Declared> declared = jdbc.sql("SELECT * FROM retention_profile WHERE org_id = ? AND person_id = ?")
			.params(org.value(), person.value())
			.query((rs, n) -> new Declared(rs.getString("ask_me_about"), rs.getString("languages"),
					rs.getString("location"), Sql.instant(rs, "updated_at")))
			.optional();
		if (tags.isEmpty() && declared.isEmpty()) {
			return Optional.empty();
		}
		List<String> text = new ArrayList<>();
		declared.ifPresent(d -> {
			text.add(d.ask());
			text.add(d.location());
			text.add(d.languages().replace(",", ", "));
		});
		text.add(String.join(" ", tags).replace('-', ' '));
		List<String> tagList = tags.stream().limit(TAGS_MAX).toList();
		return Optional.of(new SearchDocument(org.value(), TYPE, person.toString(), null,
				"/o/" + slug + "/people/" + person, member.get().name(), String.join("\n", text), tagList, null, null,
				null, null, null, null, true, false, false, null, declared.map(Declared::updatedAt).orElse(null)));
	}

	/** Tags of the person's evidence, the most shown first. */
	private List<String> derivedTags(OrgId org, PersonId person) {
		return jdbc.sql("""
				SELECT tag, COUNT(*) AS n FROM retention_evidence WHERE org_id = ? AND person_id = ?
				GROUP BY tag ORDER BY n DESC, tag""")
			.params(org.value(), person.value())
			.query((rs, n) -> rs.getString("tag"))
			.list();
	}
}
