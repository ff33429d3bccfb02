package org.tacit.retention;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A knowledge transfer plan was made for a risk entry; {@code person} holds the knowledge (null for a position). */
public record TransferPlanCreated(OrgId org, PlanId plan, RiskId risk, PersonId person) {
}
