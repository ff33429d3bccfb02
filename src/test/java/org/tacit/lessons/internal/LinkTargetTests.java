package org.tacit.lessons.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tacit.library.ItemId;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;

/**
 * What a link points to, checked through {@link Records} and the library: a process step goes to
 * whichever module answers for {@code process-step} (the process maps module, built in parallel, whose
 * lookup is stood in for here), a checklist step to the checklist's steps.
 */
class LinkTargetTests {

	private final Records records = mock(Records.class);
	private final KnowledgeLibrary library = mock(KnowledgeLibrary.class);
	private final LinkService links = new LinkService(null, null, records, library, null, null, Clock.systemUTC());
	private final OrgAccess me = new OrgAccess(OrgId.random(), "acme", "Acme", PersonId.random(), Role.EDITOR);

	private static ProblemException.FieldProblem problemOf(Runnable call) {
		try {
			call.run();
		}
		catch (ProblemException e) {
			assertThat(e.status().value()).isEqualTo(400);
			return e.fields().get(0);
		}
		throw new AssertionError("Expected a refusal");
	}

	@Test
	void aProcessStepIsFoundByTheModuleThatAnswersForProcessSteps() {
		when(records.types()).thenReturn(Set.of("item", "process-step"));
		when(records.require(me.orgId().value(), "process-step", "order-to-cash/approve", me.personId().value(), "processId"))
			.thenReturn(new RecordRef("process-step", "order-to-cash/approve", "Approve the order", "processes/order-to-cash"));

		LinkService.Target target = links.target(me, new LinkService.Input(null, null, " order-to-cash ", "approve", null));
		assertThat(target).isEqualTo(new LinkService.Target("process-step", "order-to-cash/approve", "Approve the order", null));
		assertThat(links.target(me, new LinkService.Input(null, null, null, null, "order-to-cash/approve"))).isEqualTo(target);
	}

	@Test
	void withoutProcessMapsAProcessStepIsRefusedOnItsField() {
		when(records.types()).thenReturn(Set.of("item", "space", "person"));

		assertThat(problemOf(() -> links.target(me, new LinkService.Input(null, null, "p", "s", null))))
			.satisfies(p -> {
				assertThat(p.field()).isEqualTo("processId");
				assertThat(p.messageKey()).isEqualTo("lessons.link.noProcesses");
			});
		verify(records, never()).require(any(), anyString(), anyString(), any(), anyString());
	}

	@Test
	void aLinkNamesOneTargetCompletely() {
		assertThat(problemOf(() -> links.target(me, new LinkService.Input("x", null, "p", "s", null))).field())
			.isEqualTo("itemId");
		assertThat(problemOf(() -> links.target(me, new LinkService.Input(null, null, null, null, null))).field())
			.isEqualTo("itemId");
		assertThat(problemOf(() -> links.target(me, new LinkService.Input(null, null, "p", " ", null))).field())
			.isEqualTo("stepId");
		assertThat(problemOf(() -> links.target(me, new LinkService.Input(null, null, null, null, "just-a-process"))).field())
			.isEqualTo("stepId");
	}

	@Test
	void aChecklistStepIsOneOfTheChecklistsSteps() {
		UUID item = UUID.randomUUID();
		when(records.require(eq(me.orgId().value()), eq("item"), eq(item.toString()), eq(me.personId().value()), eq("itemId")))
			.thenReturn(new RecordRef("item", item.toString(), "Shutdown checklist", "items/" + item));
		when(library.checklistSteps(me, new ItemId(item))).thenReturn(List.of("Drain", "Lock"));

		assertThat(links.target(me, LinkService.Input.item(item.toString(), 2)))
			.isEqualTo(new LinkService.Target("checklist-step", item + "/2", "Shutdown checklist", "Lock"));
		assertThat(links.target(me, LinkService.Input.item(item.toString(), null)))
			.isEqualTo(new LinkService.Target("item", item.toString(), "Shutdown checklist", null));
		assertThat(problemOf(() -> links.target(me, LinkService.Input.item(item.toString(), 3))).messageKey())
			.isEqualTo("lessons.link.step.range");
		assertThatThrownBy(() -> links.target(me, LinkService.Input.item(item.toString(), 0)))
			.isInstanceOf(ProblemException.class);
	}
}
