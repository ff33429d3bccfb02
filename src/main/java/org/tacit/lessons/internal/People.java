package org.tacit.lessons.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.ProblemException;

/** The people named on activities, reviews, lessons and actions: active members of the organization only. */
@Component
public class People {

	private final Organizations organizations;

	People(Organizations organizations) {
		this.organizations = organizations;
	}

	/** An active member, by id or email; 400 on {@code field} for anyone else. */
	PersonId member(OrgId org, String field, String idOrEmail) {
		if (idOrEmail == null || idOrEmail.isBlank()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		return organizations.findMember(org, idOrEmail.strip())
			.filter(Organizations.Member::active)
			.map(Organizations.Member::id)
			.orElseThrow(() -> ProblemException.invalid(field, "lessons.person.notMember", idOrEmail.strip()));
	}

	/** As {@link #member}, or {@code fallback} when nobody is named. */
	PersonId memberOr(OrgId org, String field, String idOrEmail, PersonId fallback) {
		return idOrEmail == null || idOrEmail.isBlank() ? fallback : member(org, field, idOrEmail);
	}

	/** Active members, each once, in the order given; at most {@link Checks#PEOPLE_MAX}. */
	List<PersonId> members(OrgId org, String field, Collection<String> idsOrEmails) {
		Set<PersonId> people = new LinkedHashSet<>();
		for (String one : idsOrEmails == null ? List.<String>of() : idsOrEmails) {
			if (one != null && !one.isBlank()) {
				people.add(member(org, field, one));
			}
		}
		if (people.size() > Checks.PEOPLE_MAX) {
			throw ProblemException.invalid(field, "lessons.people.tooMany", Checks.PEOPLE_MAX);
		}
		return new ArrayList<>(people);
	}

	/** The people with their names; people who left keep their name. */
	List<Person> named(Collection<PersonId> people) {
		Map<PersonId, String> names = organizations.names(people.stream().filter(Objects::nonNull).distinct().toList());
		return people.stream().map(p -> p == null ? null : new Person(p, names.getOrDefault(p, ""))).toList();
	}

	Person named(PersonId person) {
		return person == null ? null : named(List.of(person)).get(0);
	}

	/** The emails of the people, for the forms that name them; people who left are left out. */
	public List<String> emails(OrgId org, Collection<PersonId> people) {
		return people.stream()
			.map(p -> organizations.findMember(org, p.toString()).map(Organizations.Member::email).orElse(null))
			.filter(Objects::nonNull)
			.toList();
	}

	Map<PersonId, String> names(Collection<PersonId> people) {
		return organizations.names(people.stream().filter(Objects::nonNull).distinct().toList());
	}
}
