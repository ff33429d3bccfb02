package org.tacit.support;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Spaces and items for a test of any module, made through the REST API as a client would: a space
 * made by the organization's administrator, items created, submitted and approved.
 */
public final class LibraryFixture {

	private final int port;
	private final TestData.Org org;
	private final String base;

	public LibraryFixture(int port, TestData.Org org) {
		this.port = port;
		this.org = org;
		this.base = "/api/v1/orgs/" + org.slug();
	}

	/** A space open to the whole organization, made by its administrator. */
	public String space(String key) {
		return space(key, false);
	}

	/** A space made by the administrator, who becomes its editor; members-only if asked. */
	public String space(String key, boolean membersOnly) {
		Http.Response created = Http.api(port, org.admin().token())
			.post(base + "/spaces", Map.of("key", key, "name", "Space " + key, "visibility",
					membersOnly ? "MEMBERS" : "ORGANIZATION"));
		check(created, 201);
		return key;
	}

	/** A draft item by {@code author}. */
	public JsonNode draft(TestData.Person author, String space, String kind, String title, String body,
			List<String> tags) {
		Http.Response created = Http.api(port, author.token())
			.post(base + "/items", Map.of("space", space, "kind", kind, "title", title, "summary", "Summary of " + title,
					"body", body, "tags", tags));
		check(created, 201);
		return created.json();
	}

	/** Submits and approves an item as {@code editor} (an editor of its space). */
	public JsonNode publish(TestData.Person editor, String id) {
		Http api = Http.api(port, editor.token());
		check(api.post(base + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW")), 200);
		Http.Response published = api.post(base + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED"));
		check(published, 200);
		return published.json();
	}

	/** An item created and published by the administrator. */
	public JsonNode published(String space, String kind, String title, String body, String... tags) {
		JsonNode draft = draft(org.admin(), space, kind, title, body, List.of(tags));
		return publish(org.admin(), draft.get("id").asString());
	}

	private static void check(Http.Response response, int expected) {
		if (response.status() != expected) {
			throw new IllegalStateException("Expected " + expected + ": " + response);
		}
	}
}
