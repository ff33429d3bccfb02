package org.tacit.security;

import static org.tacit.organizations.Role.CONTRIBUTOR;
import static org.tacit.organizations.Role.EDITOR;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;
import static org.tacit.security.Endpoints.UNPAGED;
import static org.tacit.security.MatrixFixture.check;
import static org.tacit.security.MatrixFixture.filler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.tacit.security.MatrixFixture.Call;
import org.tacit.support.Http;

/**
 * The process maps' endpoints. The shared process is made by the organization's administrator (its
 * owner, none of the callers) and PUBLISHED, so every member sees it and only editors and above may
 * change it: version 1 (order-v1.bpmn) with a web link on Task_Check and one on Task_Ship, then version 2
 * (order-v2.bpmn), which drops Task_Check and orphans its link and adds Task_Verify, a step without links.
 * Calls that remove a link get a process of their own.
 */
final class ProcessesEndpoints {

	/** A step of the current version without links: replacing its links with none changes nothing. */
	static final String STEP = "Task_Verify";

	/** A process as the fixture makes it: its id, a link attached to a step, and an orphaned link. */
	record Made(String id, String attached, String orphan) {
	}

	private ProcessesEndpoints() {
	}

	static void declare() {
		Endpoints.declare("GET /api/v1/orgs/{org}/processes", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/processes", member(CONTRIBUTOR));
		Endpoints.declare("GET /api/v1/orgs/{org}/processes/{id}", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/processes/{id}", member(EDITOR));
		Endpoints.declare("GET /api/v1/orgs/{org}/processes/{id}/versions", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/processes/{id}/versions", member(EDITOR));
		Endpoints.declare("GET /api/v1/orgs/{org}/processes/{id}/versions/{version}/bpmn", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/processes/{id}/diff", member(VIEWER).query("from={version}&to={version}"));
		Endpoints.declare("GET /api/v1/orgs/{org}/processes/{id}/steps", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/processes/{id}/steps/{stepId}/links", member(EDITOR));
		Endpoints.declare("GET /api/v1/orgs/{org}/processes/{id}/orphans", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/processes/{id}/orphans/{linkId}", member(EDITOR));
		Endpoints.declare("DELETE /api/v1/orgs/{org}/processes/{id}/orphans/{linkId}", member(EDITOR).fresh());
		Endpoints.declare("GET /api/v1/orgs/{org}/processes/{id}/lessons", member(VIEWER));

		Endpoints.declare("GET /o/{org}/processes", member(VIEWER));
		Endpoints.declare("POST /o/{org}/processes", member(CONTRIBUTOR));
		Endpoints.declare("GET /o/{org}/processes/{id}", member(VIEWER));
		Endpoints.declare("GET /o/{org}/processes/{id}/diff", member(VIEWER).query("from={version}&to={version}"));
		Endpoints.declare("GET /o/{org}/processes/{id}/versions/{version}/bpmn", member(VIEWER));
		Endpoints.declare("POST /o/{org}/processes/{id}/edit", member(EDITOR));
		Endpoints.declare("POST /o/{org}/processes/{id}/status", member(EDITOR));
		Endpoints.declare("POST /o/{org}/processes/{id}/versions", member(EDITOR));
		Endpoints.declare("POST /o/{org}/processes/{id}/steps/{stepId}/links", member(EDITOR));
		Endpoints.declare("POST /o/{org}/processes/{id}/links/{linkId}/note", member(EDITOR));
		Endpoints.declare("POST /o/{org}/processes/{id}/links/{linkId}/move", member(EDITOR));
		Endpoints.declare("POST /o/{org}/processes/{id}/links/{linkId}/reattach", member(EDITOR));
		Endpoints.declare("POST /o/{org}/processes/{id}/links/{linkId}/remove", member(EDITOR).fresh());
		Endpoints.declare("POST /o/{org}/processes/{id}/links/{linkId}/drop", member(EDITOR).fresh());

		UNPAGED.put("GET /api/v1/orgs/{org}/processes/{id}/steps",
				"at most 5,000 steps a diagram (BpmnReader), each with at most 50 links");

		filler("processes/{id}", (f, call) -> process(f, call).id());
		filler("stepId", (f, call) -> STEP);
		// {linkId} is shared with the lessons module: LessonsEndpoints registers it and asks linkId() for processes
	}

	/** The link of a process call: the orphan for /orphans/{linkId}, an attached link otherwise. */
	static String linkId(MatrixFixture f, Call call) {
		Made made = process(f, call);
		return call.pattern().contains("/orphans/") ? made.orphan() : made.attached();
	}

	private static Made process(MatrixFixture f, Call call) {
		String key = "{process}";
		String id = call.filled().get(key);
		if (id == null) {
			Made made = call.fresh() ? newProcess(f) : shared(f);
			call.filled().put(key, made.id());
			call.filled().put("{processAttached}", made.attached());
			call.filled().put("{processOrphan}", made.orphan());
			return made;
		}
		return new Made(id, call.filled().get("{processAttached}"), call.filled().get("{processOrphan}"));
	}

	private static Made shared(MatrixFixture f) {
		String id = f.once("process", () -> {
			Made made = newProcess(f);
			return made.id() + " " + made.attached() + " " + made.orphan();
		});
		// once() keeps strings: the made process is kept as "id attached orphan"
		String[] parts = id.split(" ");
		return new Made(parts[0], parts[1], parts[2]);
	}

	static Made newProcess(MatrixFixture f) {
		String api = f.base + "/processes";
		Http admin = f.admin();
		Http.Response created = admin.post(api, Map.of("name", "Matrix process", "description", "How the matrix works"));
		check(created, 201);
		String id = created.json().get("id").asString();
		check(admin.postChunked(api + "/" + id + "/versions?fileName=order-v1.bpmn", "application/xml",
				bpmn("order-v1.bpmn")), 201);
		String orphan = link(admin, api + "/" + id + "/steps/Task_Check/links", "https://example.org/check");
		String attached = link(admin, api + "/" + id + "/steps/Task_Ship/links", "https://example.org/ship");
		check(admin.postChunked(api + "/" + id + "/versions?fileName=order-v2.bpmn", "application/xml",
				bpmn("order-v2.bpmn")), 201);
		check(admin.put(api + "/" + id, Map.of("name", "Matrix process", "status", "PUBLISHED")), 200);
		return new Made(id, attached, orphan);
	}

	private static String link(Http admin, String path, String url) {
		Http.Response linked = admin.put(path,
				Map.of("links", List.of(Map.of("type", "url", "url", url, "title", "A page", "note", "Why it helps"))));
		check(linked, 200);
		return linked.json().get(0).get("id").asString();
	}

	private static byte[] bpmn(String name) {
		try (InputStream in = ProcessesEndpoints.class.getResourceAsStream("/processes/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No test diagram " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
