package org.tacit.support;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Communities for a test of any module, made through the REST API as a client would: proposed,
 * given a complete charter, launched, with questions and answers.
 */
public final class CommunityFixture {

	private final int port;
	private final String base;

	public CommunityFixture(int port, TestData.Org org) {
		this.port = port;
		this.base = "/api/v1/orgs/" + org.slug();
	}

	/** A proposal by {@code proposer} (a contributor or above), open to the whole organization. */
	public JsonNode propose(TestData.Person proposer, String name, String... domain) {
		return propose(proposer, name, false, domain);
	}

	public JsonNode propose(TestData.Person proposer, String name, boolean membersOnly, String... domain) {
		Http.Response created = Http.api(port, proposer.token())
			.post(base + "/communities", Map.of("name", name, "description", "About " + name, "domain", List.of(domain),
					"visibility", membersOnly ? "MEMBERS" : "ORGANIZATION"));
		check(created, 201);
		return created.json();
	}

	/** A complete charter: purpose, the sponsor and the leader with responsibilities, and one deliverable. */
	public static Map<String, Object> completeCharter(TestData.Person sponsor, TestData.Person leader) {
		return Map.of("purpose", "Share what works", "roles", List.of(
				Map.of("role", "SPONSOR", "person", sponsor.email(), "responsibilities", "Backs the community"),
				Map.of("role", "LEADER", "person", leader.email(), "responsibilities", "Runs the meetings")),
				"deliverables", List.of(Map.of("description", "A playbook", "targetDate", "2030-06-30")),
				"capabilityIntent", "", "rhythm", "Monthly");
	}

	/** A community proposed by the leader with a complete charter, launched; returns its id. */
	public String launched(TestData.Person sponsor, TestData.Person leader, String name, String... domain) {
		String id = propose(leader, name, domain).get("id").asString();
		Http api = Http.api(port, leader.token());
		check(api.put(base + "/communities/" + id + "/charter", completeCharter(sponsor, leader)), 200);
		check(api.post(base + "/communities/" + id + "/launch", Map.of()), 200);
		return id;
	}

	/** {@code person} joins an open community. */
	public void join(TestData.Person person, String community) {
		check(Http.api(port, person.token()).post(base + "/communities/" + community + "/members", Map.of()), 200);
	}

	/** A question asked by a member; returns the thread. */
	public JsonNode ask(TestData.Person asker, String community, String title, String body) {
		Http.Response asked = Http.api(port, asker.token())
			.post(base + "/communities/" + community + "/threads", Map.of("title", title, "body", body, "question", true));
		check(asked, 201);
		return asked.json();
	}

	/** An answer by a member; returns the post. */
	public JsonNode answer(TestData.Person author, String thread, String body) {
		Http.Response answered = Http.api(port, author.token())
			.post(base + "/threads/" + thread + "/posts", Map.of("body", body));
		check(answered, 201);
		return answered.json();
	}

	private static void check(Http.Response response, int expected) {
		if (response.status() != expected) {
			throw new IllegalStateException("Expected " + expected + ": " + response);
		}
	}
}
