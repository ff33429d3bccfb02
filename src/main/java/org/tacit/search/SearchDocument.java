package org.tacit.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One searchable record, as a module hands it to the index.
 *
 * @param org the organization it belongs to; searches never cross organizations
 * @param type what kind of record: {@code item}, {@code attachment}, {@code comment}, ... (a later module adds its own)
 * @param id unique within the type
 * @param parentId the record the result leads to when it is part of another (an attachment's item), else null
 * @param url where the record's page is, relative to the application root ({@code /o/acme/items/...})
 * @param title shown as the result's heading; boosted
 * @param text the searchable body (plain text, not HTML)
 * @param tags boosted; also a facet
 * @param kind a facet: the library's item kind (ARTICLE, TEMPLATE, ...), a lesson's priority, ... or null
 * @param status a facet and filter: where the record is in its lifecycle (an item's PUBLISHED, a lesson's
 *        VALIDATED, ...), or null
 * @param spaceKey a facet and the visibility unit; null for records outside spaces
 * @param spaceName shown with the result
 * @param ownerId the accountable person, a facet
 * @param ownerName shown with the result
 * @param published whether readers who are not editors may see it
 * @param membersOnly whether only members of the space may see it
 * @param stale past its review-by date: marked and ranked lower
 * @param verifiedAt when it was last verified (recently verified ranks higher), or null
 * @param updatedAt last change, shown with the result
 */
public record SearchDocument(UUID org, String type, String id, String parentId, String url, String title, String text,
		List<String> tags, String kind, String status, String spaceKey, String spaceName, UUID ownerId, String ownerName,
		boolean published, boolean membersOnly, boolean stale, Instant verifiedAt, Instant updatedAt) {
}
