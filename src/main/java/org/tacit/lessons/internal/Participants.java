package org.tacit.lessons.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;

/** Who takes part in an activity or a review: one row per person, shown by name. */
@Component
class Participants {

	/** The tables, with the column of what the people take part in; fixed here, never from a request. */
	enum Of {

		ACTIVITY("lessons_activity_participant", "activity_id"), REVIEW("lessons_review_participant", "review_id");

		private final String table;
		private final String key;

		Of(String table, String key) {
			this.table = table;
			this.key = key;
		}
	}

	private final JdbcClient jdbc;
	private final People people;

	Participants(JdbcClient jdbc, People people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	/** Replaces the participants of the record. */
	void set(Of of, UUID record, List<PersonId> participants) {
		jdbc.sql("DELETE FROM " + of.table + " WHERE " + of.key + " = ?").param(record).update();
		for (PersonId person : participants) {
			jdbc.sql("INSERT INTO " + of.table + " (" + of.key + ", person_id) VALUES (?, ?)")
				.params(record, person.value())
				.update();
		}
	}

	/** The participants of the record, by name. */
	List<Person> of(Of of, UUID record) {
		List<PersonId> ids = jdbc.sql("SELECT person_id FROM " + of.table + " WHERE " + of.key + " = ?")
			.param(record)
			.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
			.list();
		List<Person> named = new ArrayList<>(people.named(ids));
		named.sort(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER));
		return named;
	}
}
