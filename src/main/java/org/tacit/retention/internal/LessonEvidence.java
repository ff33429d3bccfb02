package org.tacit.retention.internal;

import java.util.Set;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.lessons.LessonRejected;
import org.tacit.lessons.LessonValidated;
import org.tacit.lessons.LessonsLearned;
import org.tacit.organizations.OrgId;

/**
 * Expertise that lessons show: whoever captured a lesson that was validated knows about its tags. A
 * lesson rejected later stops counting. (Lessons are read by every member, so all of them count.)
 */
@Component
class LessonEvidence implements EvidenceSource {

	static final String TYPE = "lesson";

	private final LessonsLearned lessons;
	private final ExpertiseEvidence evidence;

	LessonEvidence(LessonsLearned lessons, ExpertiseEvidence evidence) {
		this.lessons = lessons;
		this.evidence = evidence;
	}

	@ApplicationModuleListener
	void on(LessonValidated event) {
		lessons.validated(event.org(), event.lesson()).ifPresent(credit -> evidence.record(event.org(), of(credit)));
	}

	@ApplicationModuleListener
	void on(LessonRejected event) {
		evidence.forget(event.org(), TYPE, event.lesson().toString());
	}

	private static Evidence of(LessonsLearned.Credit credit) {
		return new Evidence(credit.author(), EvidenceKind.LESSON_VALIDATED, TYPE, credit.lesson().toString(),
				credit.tags(), credit.validatedAt());
	}

	@Override
	public String recordType() {
		return TYPE;
	}

	@Override
	public Set<EvidenceKind> kinds() {
		return Set.of(EvidenceKind.LESSON_VALIDATED);
	}

	@Override
	public void forEach(OrgId org, Consumer<Evidence> sink) {
		lessons.validatedLessons(org).forEach(credit -> sink.accept(of(credit)));
	}
}
