package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.tacit.support.Http;

/** A published process (with the order-handling diagram of the process tests), made through the API. */
final class ProcessFixture {

	private ProcessFixture() {
	}

	static byte[] diagram(String name) {
		try (InputStream in = ProcessFixture.class.getResourceAsStream("/processes/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing test file " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A process with a first version of its diagram, still a draft; returns its id. */
	static String draft(Http admin, String base, String name) {
		Http.Response created = admin.post(base + "/processes", Map.of("name", name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Http.Response uploaded = admin.postChunked(base + "/processes/" + id + "/versions?fileName=order.bpmn",
				"application/xml", diagram("order-v1.bpmn"));
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		return id;
	}

	/** Publishes a process. */
	static void publish(Http admin, String base, String id, String name) {
		Http.Response published = admin.put(base + "/processes/" + id, Map.of("name", name, "status", "PUBLISHED"));
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
	}
}
