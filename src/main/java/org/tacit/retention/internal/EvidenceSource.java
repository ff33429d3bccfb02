package org.tacit.retention.internal;

import java.util.Set;
import java.util.function.Consumer;

import org.tacit.organizations.OrgId;

/**
 * A module's records as evidence of expertise, given again for a rebuild of the derived expertise. Its
 * listeners keep the evidence current as events arrive; a rebuild replaces every row of its record type
 * and kinds with what {@link #forEach} gives, so the projection can always be derived again.
 */
interface EvidenceSource {

	/** The record type the evidence points to ({@code item}). */
	String recordType();

	/** The kinds of evidence this source gives. */
	Set<EvidenceKind> kinds();

	/** Every piece of evidence of the organization, as of now. */
	void forEach(OrgId org, Consumer<Evidence> sink);
}
