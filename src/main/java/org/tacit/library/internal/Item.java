package org.tacit.library.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tacit.library.ItemId;
import org.tacit.library.ItemStatus;
import org.tacit.library.Kind;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;

/**
 * A knowledge item as the caller sees it: {@code role} is their effective role in its space and
 * {@code stale} says whether it is past its review-by date now.
 */
public record Item(ItemId id, OrgId org, UUID spaceId, String spaceKey, String spaceName, boolean membersOnly,
		Kind kind, ItemStatus status, String title, String summary, String body, List<String> tags, PersonId ownerId,
		String ownerName, int version, Integer reviewDays, Instant reviewBy, Instant verifiedAt, long views,
		Instant createdAt, Instant updatedAt, boolean stale, Role role, PersonId viewer) {

	/** Editors edit everything in their spaces; contributors edit what they own. */
	public boolean canEdit() {
		return role != null && (role.atLeast(Role.EDITOR) || role.atLeast(Role.CONTRIBUTOR) && ownerId.equals(viewer));
	}

	/** Approving, sending back, archiving and restoring are for editors. */
	public boolean canReview() {
		return role != null && role.atLeast(Role.EDITOR);
	}

	public boolean canVerify() {
		return status == ItemStatus.PUBLISHED && (canReview() || ownerId.equals(viewer));
	}

	/** The workflow steps this caller may take now. */
	public List<ItemStatus> transitions() {
		return status.next().stream().filter(this::mayGoTo).sorted().toList();
	}

	boolean mayGoTo(ItemStatus next) {
		if (!status.canGoTo(next)) {
			return false;
		}
		return status == ItemStatus.DRAFT ? canEdit() : canReview();
	}
}
