package org.tacit.recognition.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgId;
import org.tacit.training.Training;
import org.tacit.training.TrainingCompleted;

/** The training catalog: each completed assignment credits the person who completed the course, once. */
@Component
class TrainingLedger implements LedgerSource {

	static final String TYPE = "course";

	private final Training training;
	private final Ledger ledger;

	TrainingLedger(Training training, Ledger ledger) {
		this.training = training;
		this.ledger = ledger;
	}

	@ApplicationModuleListener
	void on(TrainingCompleted event) {
		ledger.append(event.org(), List.of(entry(event)));
	}

	private static Entry entry(TrainingCompleted completed) {
		return new Entry(completed.person(), EntryKind.TRAINING_COMPLETED, TYPE, completed.courseId().toString(), null, null,
				completed.at(), "training:" + completed.assignmentId());
	}

	@Override
	public Set<EntryKind> kinds() {
		return Set.of(EntryKind.TRAINING_COMPLETED);
	}

	@Override
	public void forEach(OrgId org, Consumer<Entry> sink) {
		training.completions(org).forEach(completed -> sink.accept(entry(completed)));
	}
}
