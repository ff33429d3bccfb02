package org.tacit.recognition.internal;

import java.util.Set;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgId;
import org.tacit.retention.KnowledgeRetention;
import org.tacit.retention.TransferTaskCompleted;

/** Knowledge transfer: each done task of a transfer plan credits the person it was assigned to. */
@Component
class RetentionLedger implements LedgerSource {

	static final String TYPE = "plan";

	private final KnowledgeRetention retention;
	private final Ledger ledger;

	RetentionLedger(KnowledgeRetention retention, Ledger ledger) {
		this.retention = retention;
		this.ledger = ledger;
	}

	@ApplicationModuleListener
	void on(TransferTaskCompleted event) {
		ledger.append(event.org(), retention.doneTasks(event.org())
			.stream()
			.filter(task -> task.task().equals(event.task()))
			.map(RetentionLedger::entry)
			.toList());
	}

	private static Entry entry(KnowledgeRetention.DoneTask task) {
		return new Entry(task.owner(), EntryKind.TRANSFER_TASK_DONE, TYPE, task.plan().toString(), null, null, task.doneAt(),
				"task:" + task.task());
	}

	@Override
	public Set<EntryKind> kinds() {
		return Set.of(EntryKind.TRANSFER_TASK_DONE);
	}

	@Override
	public void forEach(OrgId org, Consumer<Entry> sink) {
		retention.doneTasks(org).forEach(task -> sink.accept(entry(task)));
	}
}
