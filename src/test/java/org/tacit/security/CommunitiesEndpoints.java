package org.tacit.security;

import static org.tacit.organizations.Role.CONTRIBUTOR;
import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tacit.security.MatrixFixture.Call;
import org.tacit.security.MatrixFixture.Caller;
import org.tacit.support.Http;
import org.tacit.support.TestData;

/**
 * Communities of practice: the directory, charters, members, deliverables, threads and posts.
 *
 * <p>The fixture's community is open to the whole organization, proposed by the organization's
 * administrator, who is its sponsor and leader, with a complete charter and launched. Stewards are
 * therefore the knowledge managers and administrators ({@code KNOWLEDGE_MANAGER}). Posting needs
 * membership of the community, which any member of the organization may take: every caller of the
 * organization (and the site administrator) joins it, so that the role decides. Accepting an answer is
 * the asker's, and editing a post its author's: each caller who may succeed gets a question or a post
 * of their own ({@code fresh()}).
 */
final class CommunitiesEndpoints {

	private CommunitiesEndpoints() {
	}

	static void declare() {
		// --- the directory and proposals ---
		Endpoints.declare("GET /o/{org}/communities", member(VIEWER));
		Endpoints.declare("GET /o/{org}/communities/new", member(CONTRIBUTOR));
		Endpoints.declare("POST /o/{org}/communities", member(CONTRIBUTOR));
		Endpoints.declare("POST /o/{org}/communities/preview", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/communities", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/communities", member(CONTRIBUTOR));

		// --- a community, its details, lifecycle and health (stewards change them) ---
		Endpoints.declare("GET /o/{org}/communities/{id}", member(VIEWER));
		Endpoints.declare("GET /o/{org}/communities/{id}/edit", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/communities/{id}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/communities/{id}/launch", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/communities/{id}/retire", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/communities/{id}/status", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/communities/{id}", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/communities/{id}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /api/v1/orgs/{org}/communities/{id}/launch", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /api/v1/orgs/{org}/communities/{id}/status", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/communities/{id}/health", member(VIEWER));

		// --- the charter, its versions and deliverables ---
		Endpoints.declare("GET /o/{org}/communities/{id}/charter", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/communities/{id}/charter", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/communities/{id}/charter/versions", member(VIEWER));
		Endpoints.declare("GET /o/{org}/communities/{id}/deliverables/{deliverable}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/communities/{id}/deliverables/{deliverable}", member(KNOWLEDGE_MANAGER));
		// {} would be an empty charter, refused with 422 after launch; an unknown role is refused with 400
		Endpoints.declare("PUT /api/v1/orgs/{org}/communities/{id}/charter", member(KNOWLEDGE_MANAGER)
			.body("{\"roles\":[{\"role\":\"NO_SUCH_ROLE\"}]}"));
		Endpoints.declare("GET /api/v1/orgs/{org}/communities/{id}/charter/versions", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/communities/{id}/charter/versions/{version}", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/communities/{id}/deliverables/{deliverable}", member(KNOWLEDGE_MANAGER));

		// --- members: anyone of the organization joins and leaves; stewards invite, admit and remove ---
		Endpoints.declare("POST /o/{org}/communities/{id}/join", member(VIEWER));
		Endpoints.declare("GET /o/{org}/communities/{id}/leave", member(VIEWER));
		Endpoints.declare("POST /o/{org}/communities/{id}/leave", member(VIEWER).fresh());
		Endpoints.declare("GET /o/{org}/communities/{id}/members", member(VIEWER));
		Endpoints.declare("POST /o/{org}/communities/{id}/members", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/communities/{id}/members/{person}/remove", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/communities/{id}/members/{person}/remove", member(KNOWLEDGE_MANAGER).fresh());
		Endpoints.declare("GET /api/v1/orgs/{org}/communities/{id}/members", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/communities/{id}/members", member(VIEWER)); // {}: the caller joins
		Endpoints.declare("DELETE /api/v1/orgs/{org}/communities/{id}/members/{person}", member(KNOWLEDGE_MANAGER).fresh());

		// --- threads and posts (members of the community post; the fixture's callers have joined) ---
		Endpoints.declare("GET /o/{org}/communities/{id}/threads", member(VIEWER));
		Endpoints.declare("GET /o/{org}/communities/{id}/threads/new", member(VIEWER));
		Endpoints.declare("POST /o/{org}/communities/{id}/threads", member(VIEWER));
		Endpoints.declare("GET /o/{org}/communities/{id}/similar", member(VIEWER));
		Endpoints.declare("GET /o/{org}/threads/{id}", member(VIEWER));
		Endpoints.declare("POST /o/{org}/threads/{id}/posts", member(VIEWER));
		Endpoints.declare("GET /o/{org}/posts/{id}/edit", member(VIEWER).fresh()); // the caller's own post
		Endpoints.declare("POST /o/{org}/posts/{id}", member(VIEWER).fresh()); // the caller's own post
		Endpoints.declare("POST /o/{org}/posts/{id}/accept", member(VIEWER).fresh()); // an answer to the caller's question
		Endpoints.declare("POST /o/{org}/posts/{id}/promote", member(KNOWLEDGE_MANAGER).fresh()); // once per answer
		Endpoints.declare("POST /o/{org}/posts/{id}/vote", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/communities/{id}/threads", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/communities/{id}/threads", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/threads/{id}", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/threads/{id}/posts", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/posts/{id}", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/posts/{id}", member(VIEWER).fresh());
		Endpoints.declare("POST /api/v1/orgs/{org}/posts/{id}/accept", member(VIEWER).fresh());
		Endpoints.declare("POST /api/v1/orgs/{org}/posts/{id}/promote", member(KNOWLEDGE_MANAGER).fresh());
		Endpoints.declare("POST /api/v1/orgs/{org}/posts/{id}/votes", member(VIEWER));
		Endpoints.declare("DELETE /api/v1/orgs/{org}/posts/{id}/votes", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/questions/similar", member(VIEWER).query("text=matrix"));

		Endpoints.UNPAGED.put("GET /api/v1/orgs/{org}/questions/similar", "at most 5 (ThreadService.SIMILAR)");

		MatrixFixture.filler("communities/{id}", (f, call) -> call.filled().computeIfAbsent("{community}",
				k -> call.fresh() && call.pattern().endsWith("/leave") ? communityJoinedBy(f, call.caller())
						: community(f)));
		MatrixFixture.filler("deliverables/{deliverable}", (f, call) -> deliverable(f));
		MatrixFixture.filler("threads/{id}", (f, call) -> question(f));
		MatrixFixture.filler("posts/{id}", CommunitiesEndpoints::post);
		// a community's member, or (as before) a member of the library's space
		MatrixFixture.Filler spaceMember = MatrixFixture.FILLERS.get("person");
		MatrixFixture.filler("members/{person}", (f, call) -> call.pattern().contains("/communities/")
				? communityMember(f, call) : spaceMember.fill(f, call));
	}

	// ---- the records (fixture.once must not be called inside another once: each make below calls none)

	/** The shared community, launched, which every caller of the organization and the site administrator joined. */
	private static String community(MatrixFixture f) {
		String id = f.once("community", () -> launched(f));
		f.once("community joined", () -> {
			for (Caller caller : f.callers) {
				if (!caller.anonymous() && (caller.sameOrg() || caller.siteAdmin())) {
					join(f, caller.api(), id);
				}
			}
			return "";
		});
		return id;
	}

	private static String launched(MatrixFixture f) {
		String id = propose(f);
		TestData.Person admin = f.org.admin();
		MatrixFixture.check(f.admin().put(communities(f) + "/" + id + "/charter", Map.of("purpose", "Share what works",
				"roles", List.of(
						Map.of("role", "SPONSOR", "person", admin.email(), "responsibilities", "Backs the community"),
						Map.of("role", "LEADER", "person", admin.email(), "responsibilities", "Runs the meetings")),
				"deliverables", List.of(Map.of("description", "A playbook", "targetDate", "2030-06-30")),
				"capabilityIntent", "", "rhythm", "Monthly")), 200);
		MatrixFixture.check(f.admin().post(communities(f) + "/" + id + "/launch", Map.of()), 200);
		return id;
	}

	/** A new proposal of the organization's administrator, open to everyone. */
	private static String propose(MatrixFixture f) {
		Http.Response created = f.admin().post(communities(f), Map.of("name", "Matrix " + UUID.randomUUID(),
				"description", "A community of the permission matrix", "domain", List.of("matrix")));
		MatrixFixture.check(created, 201);
		return created.json().get("id").asString();
	}

	/** A new community the caller belongs to, for a call that makes them leave it. */
	private static String communityJoinedBy(MatrixFixture f, Caller caller) {
		String id = propose(f);
		join(f, caller.api(), id);
		return id;
	}

	private static void join(MatrixFixture f, Http api, String community) {
		MatrixFixture.check(api.post(communities(f) + "/" + community + "/members", Map.of()), 200);
	}

	private static String deliverable(MatrixFixture f) {
		String community = community(f);
		return f.once("community deliverable", () -> f.admin()
			.get(communities(f) + "/" + community)
			.json()
			.get("charter")
			.get("deliverables")
			.get(0)
			.get("id")
			.asString());
	}

	/** The shared question, asked by the organization's administrator. */
	private static String question(MatrixFixture f) {
		String community = community(f);
		return f.once("community question", () -> ask(f, f.admin(), community));
	}

	/** The shared answer to the shared question, by another member: never accepted or promoted. */
	private static String answer(MatrixFixture f) {
		String question = question(f);
		String community = community(f);
		return f.once("community answer", () -> {
			TestData.Person answerer = f.data.member(f.org, "CONTRIBUTOR");
			Http api = Http.api(f.port, answerer.token());
			join(f, api, community);
			return reply(f, api, question);
		});
	}

	private static String ask(MatrixFixture f, Http api, String community) {
		Http.Response asked = api.post(communities(f) + "/" + community + "/threads", Map.of("title",
				"Matrix question " + UUID.randomUUID(), "body", "How does the matrix check a question?", "question", true));
		MatrixFixture.check(asked, 201);
		return asked.json().get("id").asString();
	}

	private static String reply(MatrixFixture f, Http api, String thread) {
		Http.Response replied = api.post(f.base + "/threads/" + thread + "/posts", Map.of("body", "By calling it."));
		MatrixFixture.check(replied, 201);
		return replied.json().get("id").asString();
	}

	/**
	 * A post for the call: for a caller who may succeed, an answer to their own question (accept), a new
	 * answer (promote) or their own reply (edit); otherwise the shared answer.
	 */
	private static String post(MatrixFixture f, Call call) {
		String shared = answer(f);
		if (!call.fresh()) {
			return shared;
		}
		String pattern = call.pattern();
		if (pattern.endsWith("/accept")) {
			return reply(f, f.admin(), ask(f, call.caller().api(), community(f)));
		}
		if (pattern.endsWith("/promote")) {
			return reply(f, f.admin(), question(f));
		}
		return reply(f, call.caller().api(), question(f));
	}

	/** A member of the shared community who holds no charter role: new for a call that removes them. */
	private static String communityMember(MatrixFixture f, Call call) {
		String community = call.filled().computeIfAbsent("{community}", k -> community(f));
		if (call.fresh()) {
			return newCommunityMember(f, community);
		}
		return f.once("community member", () -> newCommunityMember(f, community));
	}

	private static String newCommunityMember(MatrixFixture f, String community) {
		TestData.Person person = f.data.member(f.org, "VIEWER");
		join(f, Http.api(f.port, person.token()), community);
		return person.id().toString();
	}

	private static String communities(MatrixFixture f) {
		return f.base + "/communities";
	}
}
