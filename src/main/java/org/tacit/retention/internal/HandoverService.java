package org.tacit.retention.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.HandoverSource;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.retention.HandoverCompleted;
import org.tacit.shared.ProblemException;

/**
 * When a person leaves: everything they hold, from every module that reports it ({@link HandoverSource}:
 * library items, community charter roles, open actions from lessons), listed and handed to
 * one successor in one step. Knowledge managers, administrators and the person's manager may; the
 * person may see their own list.
 */
@Service
public class HandoverService {

	private final ObjectProvider<HandoverSource> sources;
	private final Organizations organizations;
	private final RiskAccess access;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;

	HandoverService(ObjectProvider<HandoverSource> sources, Organizations organizations, RiskAccess access,
			AuditLog audit, ApplicationEventPublisher events) {
		this.sources = sources;
		this.organizations = organizations;
		this.access = access;
		this.audit = audit;
		this.events = events;
	}

	/** What a person holds, by section, in the sources' order. */
	public record Holdings(Organizations.Member person, Map<String, List<HandoverSource.Held>> sections) {

		public int count() {
			return sections.values().stream().mapToInt(List::size).sum();
		}
	}

	/** What was handed over: to whom, what was listed in each section, and how many things the modules moved. */
	public record Result(Organizations.Member to, Map<String, Integer> sections, int count) {
	}

	@Transactional(readOnly = true)
	public Holdings holdings(OrgAccess caller, String idOrEmail) {
		Organizations.Member person = member(caller, idOrEmail);
		if (!access.canSee(caller, person.id())) {
			throw ProblemException.forbidden();
		}
		Map<String, List<HandoverSource.Held>> sections = new LinkedHashMap<>();
		sources.orderedStream()
			.forEach(source -> source.heldBy(caller.orgId(), person.id())
				.forEach(held -> sections.computeIfAbsent(held.sectionKey(), k -> new ArrayList<>()).add(held)));
		return new Holdings(person, sections);
	}

	public boolean canHandOver(OrgAccess caller, Organizations.Member person) {
		return access.canManage(caller, person.id());
	}

	/** Hands everything over; if any module refuses, nothing moves anywhere. */
	@Transactional
	public Result handOver(OrgAccess caller, String idOrEmail, String toIdOrEmail) {
		Organizations.Member from = member(caller, idOrEmail);
		if (!canHandOver(caller, from)) {
			throw ProblemException.forbidden();
		}
		if (toIdOrEmail == null || toIdOrEmail.isBlank()) {
			throw ProblemException.invalid("to", "problem.field.required");
		}
		Organizations.Member to = organizations.findMember(caller.orgId(), toIdOrEmail.strip())
			.filter(Organizations.Member::active)
			.orElseThrow(() -> ProblemException.invalid("to", "retention.person.unknown"));
		if (to.id().equals(from.id())) {
			throw ProblemException.invalid("to", "retention.handover.self");
		}
		Map<String, Integer> sections = new LinkedHashMap<>();
		int count = 0;
		for (HandoverSource source : sources.orderedStream().toList()) {
			source.heldBy(caller.orgId(), from.id()).forEach(held -> sections.merge(held.sectionKey(), 1, Integer::sum));
			count += source.handOver(caller, from.id(), to.id());
		}
		audit.record(caller.orgId(), "person.handed-over", "person", from.id().toString(),
				count + " to " + to.email());
		events.publishEvent(new HandoverCompleted(caller.orgId(), from.id(), to.id(), count));
		return new Result(to, sections, count);
	}

	private Organizations.Member member(OrgAccess caller, String idOrEmail) {
		return organizations.findMember(caller.orgId(), idOrEmail).orElseThrow(ProblemException::notFound);
	}
}
