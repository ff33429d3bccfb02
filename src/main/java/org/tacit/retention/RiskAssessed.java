package org.tacit.retention;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * A risk entry was assessed: created, changed, or its attrition risk moved as the departure came
 * closer. {@code person} is null for an entry about a position.
 */
public record RiskAssessed(OrgId org, RiskId risk, PersonId person, int total, RiskBand band) {
}
