package org.tacit.recognition.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.lessons.LessonCaptured;
import org.tacit.lessons.LessonEmbedded;
import org.tacit.lessons.LessonId;
import org.tacit.lessons.LessonValidated;
import org.tacit.lessons.LessonsLearned;
import org.tacit.organizations.OrgId;

/** The lessons' credits to their authors: captured, validated, embedded (with {@code process} when it changed one). */
@Component
class LessonLedger implements LedgerSource {

	static final String TYPE = "lesson";
	static final String PROCESS = "process";

	private final LessonsLearned lessons;
	private final Ledger ledger;

	LessonLedger(LessonsLearned lessons, Ledger ledger) {
		this.lessons = lessons;
		this.ledger = ledger;
	}

	@ApplicationModuleListener
	void on(LessonCaptured event) {
		credit(event.org(), event.lesson());
	}

	@ApplicationModuleListener
	void on(LessonValidated event) {
		credit(event.org(), event.lesson());
	}

	@ApplicationModuleListener
	void on(LessonEmbedded event) {
		credit(event.org(), event.lesson());
	}

	private void credit(OrgId org, LessonId lesson) {
		List<Entry> entries = new ArrayList<>();
		lessons.lessonCredits(org, lesson).forEach(credit -> entries(credit, entries::add));
		ledger.append(org, entries);
	}

	private static void entries(LessonsLearned.LessonCredit credit, Consumer<Entry> sink) {
		String id = credit.lesson().toString();
		sink.accept(new Entry(credit.author(), EntryKind.LESSON_CAPTURED, TYPE, id, null, null, credit.capturedAt(),
				"lesson-captured:" + id));
		if (credit.validatedAt() != null) {
			sink.accept(new Entry(credit.author(), EntryKind.LESSON_VALIDATED, TYPE, id, null, null, credit.validatedAt(),
					"lesson-validated:" + id));
		}
		if (credit.embeddedAt() != null) {
			sink.accept(new Entry(credit.author(), EntryKind.LESSON_EMBEDDED, TYPE, id, null,
					credit.changedProcess() ? PROCESS : null, credit.embeddedAt(), "lesson-embedded:" + id));
		}
	}

	@Override
	public Set<EntryKind> kinds() {
		return Set.of(EntryKind.LESSON_CAPTURED, EntryKind.LESSON_VALIDATED, EntryKind.LESSON_EMBEDDED);
	}

	@Override
	public void forEach(OrgId org, Consumer<Entry> sink) {
		lessons.lessonCredits(org, null).forEach(credit -> entries(credit, sink));
	}
}
