package org.tacit.lessons.web;

import java.util.UUID;

import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/** Refusals as the pages show them. */
final class PageErrors {

	private PageErrors() {
	}

	/** What to fix: the first field's message, or the refusal's own. */
	static String message(Texts texts, ProblemException e) {
		return e.fields().isEmpty() ? texts.get(e.messageKey(), e.arguments())
				: texts.get(e.fields().get(0).messageKey(), e.fields().get(0).arguments());
	}

	/** An id from the address; anything else is a page that does not exist. */
	static UUID id(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.notFound();
		}
	}

	/** Refusals a page shows beside its form; the others (403, 404) are error pages. */
	static boolean shownOnPage(ProblemException e) {
		return e.status().value() != 403 && e.status().value() != 404;
	}
}
