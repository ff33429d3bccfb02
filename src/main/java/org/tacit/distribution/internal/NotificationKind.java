package org.tacit.distribution.internal;

/** What a notification is about; each kind has its own preference and webhook event name. */
public enum NotificationKind {

	ITEM_PUBLISHED("item.published"), ITEM_UPDATED("item.updated"), ITEM_VERIFIED("item.verified"), ITEM_STALE("item.stale"),
	LESSON_VALIDATED("lesson.validated"), LESSON_EMBEDDED("lesson.embedded"), ANSWER_ACCEPTED("answer.accepted"),
	PROCESS_PUBLISHED("process.published"), ANNOUNCEMENT("announcement.published");

	private final String event;

	NotificationKind(String event) {
		this.event = event;
	}

	/** The name of the event in webhook payloads and the {@code X-Tacit-Event} header. */
	public String event() {
		return event;
	}

	public static java.util.Optional<NotificationKind> ofEvent(String event) {
		for (NotificationKind kind : values()) {
			if (kind.event.equals(event)) {
				return java.util.Optional.of(kind);
			}
		}
		return java.util.Optional.empty();
	}
}
