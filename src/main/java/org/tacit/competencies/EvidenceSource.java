package org.tacit.competencies;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * Where evidence of a competency comes from: a module that keeps records of what people did (targets
 * set, announcements published, kudos given) implements it as a bean, and the assessment form suggests
 * what it finds for each competency that names one of its kinds. Only records of the organization, by
 * the person, dated in the period.
 */
public interface EvidenceSource {

	/** The most evidence a source returns for one kind and period. */
	int LIMIT = 20;

	/** The kinds of evidence this source finds (slugs such as {@code targets-set}). */
	Set<String> kinds();

	/**
	 * The person's records of this kind from {@code from} (inclusive) to {@code to} (exclusive), newest
	 * first, at most {@link #LIMIT}; empty for a kind the source does not know.
	 */
	List<Evidence> find(OrgId org, PersonId person, String kind, Instant from, Instant to);

	/**
	 * One suggested piece of evidence.
	 *
	 * @param title what it is, as its record names it
	 * @param url the record's page ({@code /o/<org>/...})
	 * @param at when the person did it
	 */
	record Evidence(String kind, String title, String url, Instant at) {
	}
}
