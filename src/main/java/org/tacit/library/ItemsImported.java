package org.tacit.library;

import java.util.List;

import org.tacit.organizations.OrgId;

/**
 * A batch of a folder import created these items (at most a few hundred), published or as drafts. An
 * import announces this once per batch instead of an {@link ItemChanged} and an {@link ItemPublished}
 * per item, so that a hundred thousand files do not make a hundred thousand event publications per
 * listener: a module that reacts to published items listens to this too, and reads the batch's items.
 */
public record ItemsImported(OrgId org, List<ItemId> items) {
}
