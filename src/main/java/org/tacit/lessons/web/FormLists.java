package org.tacit.lessons.web;

import java.util.Arrays;
import java.util.List;

/** Lists typed into one form field: tags or email addresses, separated by commas, semicolons or new lines. */
final class FormLists {

	private FormLists() {
	}

	static List<String> split(String field) {
		return field == null ? List.of()
				: Arrays.stream(field.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	static String join(List<String> values) {
		return String.join(", ", values);
	}
}
