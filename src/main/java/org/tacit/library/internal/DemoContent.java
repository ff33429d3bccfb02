package org.tacit.library.internal;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.library.ItemStatus;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrganizationCreated;
import org.tacit.organizations.Organizations;

/**
 * The sample content of the demo organization that first-start setup can create: a space with a
 * few published items of different kinds, so a new installation has something to open, search and
 * change.
 */
@Component
class DemoContent {

	private final Organizations organizations;
	private final SpaceService spaces;
	private final ItemService items;

	DemoContent(Organizations organizations, SpaceService spaces, ItemService items) {
		this.organizations = organizations;
		this.spaces = spaces;
		this.items = items;
	}

	@ApplicationModuleListener
	void on(OrganizationCreated event) {
		if (!event.demo()) {
			return;
		}
		OrgAccess access = organizations.accessAs(event.slug(), event.createdBy().toString());
		spaces.create(access, "START", "Getting started",
				"Sample knowledge to explore: open, search, edit, review and verify it, then make your own spaces.", false);
		for (ItemService.Content content : samples()) {
			Item item = items.create(access, "START", content);
			items.transition(access, item.id(), ItemStatus.IN_REVIEW.name(), null);
			items.transition(access, item.id(), ItemStatus.PUBLISHED.name(), null);
		}
	}

	private static List<ItemService.Content> samples() {
		return List.of(
				new ItemService.Content("ARTICLE", "How this library works",
						"Spaces, kinds of knowledge, review before publishing, and review-by dates.", """
								## Where knowledge lives

								Each **space** belongs to a team, a community or a subject. A space can be open to the
								whole organization or only to its members.

								## What you can keep here

								| Kind | Use it for |
								|------|------------|
								| Guidance | how something is done, and why |
								| Template | a document to start from |
								| Checklist | steps to follow and tick, run by run |
								| Work sample | a real piece of work worth copying |
								| FAQ | a question people keep asking, answered once |

								## From draft to published

								Anyone who contributes writes a draft and submits it for review. An editor approves it
								or sends it back with a comment. Published knowledge has an owner and a date by which it
								is checked again; past that date it is marked **stale** until someone verifies it.
								""", List.of("getting-started", "library"), null, null, "Sample content"),
				new ItemService.Content("TEMPLATE", "After-action review",
						"Five questions to ask when an activity ends, while memories are fresh.", """
								Use this right after a project, an incident or an event. Keep it short and honest:
								the point is to learn, not to blame.

								1. **What was supposed to happen?** The objective and the plan.
								2. **What actually happened?** The facts, in order.
								3. **Why was there a difference?** Causes, not culprits.
								4. **What should we keep doing?** What worked and should be repeated.
								5. **What should we change?** Each change with an owner and a date.
								""", List.of("lessons-learned", "review"), null, null, "Sample content"),
				new ItemService.Content("CHECKLIST", "A new colleague's first week",
						"What a newcomer needs in their first days, so nobody has to remember it.", """
								- Accounts and equipment are ready on the first morning
								- Meet the team and a named buddy
								- Walk through the main processes and where their knowledge lives
								- Join the communities of practice that fit the role
								- Agree on the first goals with the manager by Friday
								""", List.of("onboarding", "people"), null, null, "Sample content"),
				new ItemService.Content("FAQ", "Who keeps a knowledge item up to date?",
						"Its owner, with the editors of its space.", """
								Every item has one accountable **owner**. The owner updates the item when things change
								and verifies it when its review date comes. Editors of the space can do the same, and
								approve what others contribute. If the owner leaves, give the item a new owner rather
								than letting it go stale.
								""", List.of("ownership", "library"), null, null, "Sample content"));
	}
}
