package org.tacit.distribution.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.communities.AnswerAccepted;
import org.tacit.communities.MemberJoined;
import org.tacit.distribution.AnnouncementPublished;
import org.tacit.lessons.LessonEmbedded;
import org.tacit.lessons.LessonValidated;
import org.tacit.lessons.LessonsLearned;
import org.tacit.lessons.LinkedRecord;
import org.tacit.library.ItemPublished;
import org.tacit.library.ItemUpdated;
import org.tacit.library.ItemVerified;
import org.tacit.library.ItemsWentStale;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.Organizations;
import org.tacit.processes.ProcessMaps;
import org.tacit.processes.ProcessPublished;
import org.tacit.processes.ProcessStatus;
import org.tacit.processes.ProcessVersionUploaded;

/**
 * Other modules' events as occurrences to distribute: which follows lead to each record, and who did it.
 * The default follows come from here too: an owner follows their published items, a member their
 * communities.
 */
@Component
class Distributor {

	private final Notifier notifier;
	private final FollowService follows;
	private final KnowledgeLibrary library;
	private final LessonsLearned lessons;
	private final Announcements announcements;
	private final ProcessMaps processes;
	private final Organizations organizations;

	Distributor(Notifier notifier, FollowService follows, KnowledgeLibrary library, LessonsLearned lessons,
			Announcements announcements, ProcessMaps processes, Organizations organizations) {
		this.notifier = notifier;
		this.follows = follows;
		this.library = library;
		this.lessons = lessons;
		this.announcements = announcements;
		this.processes = processes;
		this.organizations = organizations;
	}

	private static String today() {
		return LocalDate.now(ZoneOffset.UTC).toString();
	}

	private List<Occurrence.Match> itemMatches(KnowledgeLibrary.ItemRef item) {
		List<Occurrence.Match> matches = new ArrayList<>();
		matches.add(new Occurrence.Match(FollowKind.ITEM, item.id().toString()));
		matches.add(new Occurrence.Match(FollowKind.SPACE, item.spaceKey()));
		item.tags().forEach(tag -> matches.add(new Occurrence.Match(FollowKind.TAG, tag)));
		if (item.owner() != null) {
			matches.add(new Occurrence.Match(FollowKind.PERSON, item.owner().toString()));
		}
		return matches;
	}

	@ApplicationModuleListener
	void on(ItemPublished event) {
		library.itemOf(event.org(), event.item()).ifPresent(item -> {
			follows.followByDefault(event.org(), event.owner(), FollowKind.ITEM, item.id().toString());
			// one publication a day per item: a replay of the same event delivers nothing twice
			notifier.deliver(new Occurrence(event.org(), NotificationKind.ITEM_PUBLISHED,
					"item.published:" + item.id() + ":" + today(), "item", item.id().toString(), itemMatches(item), Set.of(),
					event.approvedBy(), item.summary()));
		});
	}

	@ApplicationModuleListener
	void on(ItemUpdated event) {
		if (!event.published() || event.message() == null || event.message().isBlank()) {
			return;
		}
		library.itemOf(event.org(), event.item()).ifPresent(item -> notifier.deliver(new Occurrence(event.org(),
				NotificationKind.ITEM_UPDATED, "item.updated:" + item.id() + ":" + event.version(), "item",
				item.id().toString(), itemMatches(item), Set.of(), event.by(), event.message())));
	}

	@ApplicationModuleListener
	void on(ItemVerified event) {
		library.itemOf(event.org(), event.item()).ifPresent(item -> notifier.deliver(new Occurrence(event.org(),
				NotificationKind.ITEM_VERIFIED, "item.verified:" + item.id() + ":" + today(), "item", item.id().toString(),
				List.of(new Occurrence.Match(FollowKind.ITEM, item.id().toString()),
						new Occurrence.Match(FollowKind.SPACE, item.spaceKey())),
				Set.of(), event.verifiedBy(), null)));
	}

	/**
	 * Items gone stale: their owners hear of it (nobody else), once per review-by date; the owner's
	 * preference for "going stale" decides the channel, and the record is checked as the owner sees it.
	 */
	@ApplicationModuleListener
	void on(ItemsWentStale event) {
		for (ItemsWentStale.StaleItem stale : event.items()) {
			String reviewBy = stale.reviewBy() == null ? "" : Long.toString(stale.reviewBy().toEpochMilli());
			notifier.deliver(new Occurrence(event.org(), NotificationKind.ITEM_STALE,
					"item.stale:" + stale.item().value() + ":" + reviewBy, "item", stale.item().value().toString(), List.of(),
					Set.of(stale.owner()), null, null));
		}
	}

	@ApplicationModuleListener
	void on(LessonValidated event) {
		List<Occurrence.Match> matches = new ArrayList<>();
		matches.add(new Occurrence.Match(FollowKind.PERSON, event.author().toString()));
		lessons.validated(event.org(), event.lesson())
			.ifPresent(credit -> credit.tags().forEach(tag -> matches.add(new Occurrence.Match(FollowKind.TAG, tag))));
		notifier.deliver(new Occurrence(event.org(), NotificationKind.LESSON_VALIDATED,
				"lesson.validated:" + event.lesson().value(), "lesson", event.lesson().value().toString(), matches, Set.of(),
				event.validatedBy(), null));
	}

	@ApplicationModuleListener
	void on(LessonEmbedded event) {
		List<Occurrence.Match> matches = new ArrayList<>();
		matches.add(new Occurrence.Match(FollowKind.PERSON, event.author().toString()));
		StringBuilder key = new StringBuilder("lesson.embedded:" + event.lesson().value());
		for (LinkedRecord link : event.links()) {
			String parent = link.id().contains("/") ? link.id().substring(0, link.id().indexOf('/')) : link.id();
			key.append(':').append(link.type()).append('=').append(link.id());
			switch (link.type()) {
				case "item", "checklist-step" -> matches.add(new Occurrence.Match(FollowKind.ITEM, parent));
				case "process-step" -> matches.add(new Occurrence.Match(FollowKind.PROCESS, parent));
				default -> {
					// a link of a kind nobody follows
				}
			}
		}
		notifier.deliver(new Occurrence(event.org(), NotificationKind.LESSON_EMBEDDED, Notifier.cut(key.toString(), 200),
				"lesson", event.lesson().value().toString(), matches, Set.of(), event.embeddedBy(), null));
	}

	@ApplicationModuleListener
	void on(AnswerAccepted event) {
		List<Occurrence.Match> matches = new ArrayList<>();
		matches.add(new Occurrence.Match(FollowKind.COMMUNITY, event.community().value().toString()));
		event.tags().forEach(tag -> matches.add(new Occurrence.Match(FollowKind.TAG, tag)));
		matches.add(new Occurrence.Match(FollowKind.PERSON, event.answerAuthor().toString()));
		notifier.deliver(new Occurrence(event.org(), NotificationKind.ANSWER_ACCEPTED,
				"answer.accepted:" + event.question().value() + ":" + event.answer().value(), "question",
				event.question().value().toString(), matches, Set.of(), event.acceptedBy(), null));
	}

	@ApplicationModuleListener
	void on(ProcessPublished event) {
		notifier.deliver(new Occurrence(event.org(), NotificationKind.PROCESS_PUBLISHED,
				"process.published:" + event.process().value() + ":" + today(), "process", event.process().value().toString(),
				List.of(new Occurrence.Match(FollowKind.PROCESS, event.process().value().toString()),
						new Occurrence.Match(FollowKind.PERSON, event.owner().toString())),
				Set.of(), event.by(), null));
	}

	/**
	 * A new version of a process that is published already: its followers hear of the version (a version
	 * uploaded to a draft is heard of when the process is published).
	 */
	@ApplicationModuleListener
	void on(ProcessVersionUploaded event) {
		organizations.memberAccess(event.org(), event.by())
			.flatMap(uploader -> processes.process(uploader, event.process()))
			.filter(process -> process.status() == ProcessStatus.PUBLISHED && process.version() == event.version())
			.ifPresent(process -> notifier.deliver(new Occurrence(event.org(), NotificationKind.PROCESS_PUBLISHED,
					"process.published:" + event.process().value() + ":v" + event.version(), "process",
					event.process().value().toString(),
					List.of(new Occurrence.Match(FollowKind.PROCESS, event.process().value().toString())), Set.of(),
					event.by(), null)));
	}

	@ApplicationModuleListener
	void on(MemberJoined event) {
		follows.followByDefault(event.org(), event.person(), FollowKind.COMMUNITY, event.community().value().toString());
	}

	@ApplicationModuleListener
	void on(AnnouncementPublished event) {
		notifier.deliver(new Occurrence(event.org(), NotificationKind.ANNOUNCEMENT, "announcement:" + event.announcement(),
				"announcement", event.announcement().toString(), List.of(),
				announcements.recipients(event.org(), event.announcement()), event.author(), null));
	}
}
