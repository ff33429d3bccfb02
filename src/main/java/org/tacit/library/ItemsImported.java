package org.tacit.library;

import java.util.List;

import org.tacit.organizations.OrgId;

/**
 * A batch of a folder import created these items (at most a few hundred). An import publishes this once
 * per batch instead of one {@link ItemChanged} per item, so that a hundred thousand files do not make a
 * hundred thousand event publications; {@link ItemPublished} is still published for each item it publishes.
 */
public record ItemsImported(OrgId org, List<ItemId> items) {
}
