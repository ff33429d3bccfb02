package org.tacit.library.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tacit.library.ItemStatus;
import org.tacit.library.internal.Item;
import org.tacit.library.internal.ItemService;
import org.tacit.library.internal.ItemStore;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.WorkSource;
import org.tacit.shared.Paging;

/** The library's part of "My work": items to review, own items past their review date, own drafts. */
@Component
@Order(10)
class LibraryWork implements WorkSource {

	private final ItemService items;

	LibraryWork(ItemService items) {
		this.items = items;
	}

	@Override
	public List<WorkItem> workFor(OrgAccess access, int limit) {
		Paging first = new Paging(0, Math.min(limit, Paging.MAX_SIZE));
		List<WorkItem> work = new ArrayList<>();
		items.list(access, new ItemStore.Filter(null, null, ItemStatus.IN_REVIEW, null, null, null, ItemStore.Sort.UPDATED),
				first)
			.items()
			.stream()
			.filter(Item::canReview)
			.forEach(item -> work.add(entry("mywork.library.review", item)));
		items.list(access, new ItemStore.Filter(null, null, null, null, access.personId(), true, ItemStore.Sort.REVIEW_BY),
				first)
			.items()
			.forEach(item -> work.add(new WorkItem("mywork.library.stale", item.title(), "items/" + item.id(),
					item.reviewBy(), "mywork.library.stale.since", null)));
		items.list(access, new ItemStore.Filter(null, null, ItemStatus.DRAFT, null, access.personId(), null,
				ItemStore.Sort.UPDATED), first)
			.items()
			.forEach(item -> work.add(entry("mywork.library.drafts", item)));
		return work;
	}

	private static WorkItem entry(String section, Item item) {
		return new WorkItem(section, item.title(), "items/" + item.id(), null, "mywork.library.in", item.spaceName());
	}
}
