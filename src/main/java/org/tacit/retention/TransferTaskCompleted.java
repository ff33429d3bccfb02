package org.tacit.retention;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A task of a knowledge transfer plan was done; {@code owner} is the person it was assigned to. */
public record TransferTaskCompleted(OrgId org, PlanId plan, TaskId task, PersonId owner) {
}
