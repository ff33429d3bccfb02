package org.tacit.processes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.processes.ProcessChanged;
import org.tacit.processes.ProcessId;
import org.tacit.processes.ProcessStatus;
import org.tacit.search.SearchDocument;
import org.tacit.search.SearchIndex;
import org.tacit.search.SearchSource;

/**
 * Keeps processes and the steps of their current version in the search index: a process is found by
 * its name, description and tags; a step by its name, lane and the titles and notes of its links, and
 * the hit opens the map at that step. Drafts are found only by those who see drafts (their owner,
 * editors). The database stays the source: {@link SearchSource} gives everything for a rebuild.
 */
@Component
class ProcessSearch implements SearchSource {

	private static final int BATCH = 200;

	private final JdbcClient jdbc;
	private final SearchIndex index;
	private final ProcessService processes;
	private final LinkService links;
	private final Organizations organizations;

	ProcessSearch(JdbcClient jdbc, SearchIndex index, ProcessService processes, LinkService links,
			Organizations organizations) {
		this.jdbc = jdbc;
		this.index = index;
		this.processes = processes;
		this.links = links;
		this.organizations = organizations;
	}

	@ApplicationModuleListener
	void on(ProcessChanged event) {
		index.inStep(event.org().value(), event.process().toString(), () -> {
			List<SearchDocument> documents = documents(event.org(), event.process());
			// the steps are replaced as a whole: a new version may have removed any of them
			index.removeChildren(event.org().value(), event.process().toString());
			if (documents.isEmpty()) {
				index.remove(event.org().value(), ProcessRecords.PROCESS, event.process().toString());
			}
			documents.forEach(index::put);
		});
	}

	/** The process's entry and one per step of its current version; empty if the process is gone. */
	List<SearchDocument> documents(OrgId org, ProcessId id) {
		Optional<ProcessView> found = processes.anyOf(org, id);
		if (found.isEmpty()) {
			return List.of();
		}
		ProcessView p = found.get();
		String base = "/o/" + organizations.slug(org).orElse("") + "/";
		List<String> tags = jdbc.sql("SELECT tags FROM processes_process WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.optional()
			.filter(t -> !t.isEmpty())
			.map(t -> List.of(t.split(",")))
			.orElse(List.of());
		String owner = organizations.names(List.of(p.ownerId())).getOrDefault(p.ownerId(), "");
		boolean published = p.status() != ProcessStatus.DRAFT;
		List<SearchDocument> documents = new ArrayList<>();
		List<BpmnReader.Step> steps = processes.stepsOf(id, p.version());
		StringBuilder text = new StringBuilder(p.description());
		steps.forEach(s -> text.append('\n').append(s.label()));
		documents.add(new SearchDocument(org.value(), ProcessRecords.PROCESS, id.toString(), null,
				base + ProcessPaths.process(id), p.name(), text.toString(), tags, null, p.status().name(), null, null,
				p.ownerId().value(), owner, published, false, false, null, p.updatedAt()));
		List<LinkView> attached = links.attachedLinks(id);
		for (BpmnReader.Step step : steps) {
			StringBuilder stepText = new StringBuilder(step.label()).append('\n').append(step.typeWords());
			if (step.lane() != null) {
				stepText.append('\n').append(step.lane());
			}
			if (step.pool() != null) {
				stepText.append('\n').append(step.pool());
			}
			attached.stream()
				.filter(l -> l.stepId().equals(step.id()))
				.forEach(l -> stepText.append('\n').append(l.title()).append(' ').append(l.note()));
			documents.add(new SearchDocument(org.value(), ProcessRecords.STEP, id + "/" + step.id(), id.toString(),
					base + ProcessPaths.step(id, step.id()), step.label() + " — " + p.name(), stepText.toString(), tags,
					null, p.status().name(), null, null, p.ownerId().value(), owner, published, false, false, null,
					p.updatedAt()));
		}
		return documents;
	}

	@Override
	public String name() {
		return "process maps";
	}

	@Override
	public long count() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM processes_process) + (SELECT COUNT(*) FROM processes_step s
				  JOIN processes_process p ON p.id = s.process_id AND s.version = p.current_version)""")
			.query(Long.class)
			.single();
	}

	@Override
	public void forEach(Consumer<SearchDocument> sink) {
		for (int offset = 0;; offset += BATCH) {
			List<ProcessKey> keys = jdbc.sql("SELECT id, org_id FROM processes_process ORDER BY id LIMIT ? OFFSET ?")
				.params(BATCH, offset)
				.query((rs, n) -> new ProcessKey(new OrgId(rs.getObject("org_id", UUID.class)),
						new ProcessId(rs.getObject("id", UUID.class))))
				.list();
			keys.forEach(k -> documents(k.org(), k.id()).forEach(sink));
			if (keys.size() < BATCH) {
				return;
			}
		}
	}

	private record ProcessKey(OrgId org, ProcessId id) {
	}

}
