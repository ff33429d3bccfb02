package org.tacit.recognition.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A knowledge-sharing record as CSV (RFC 4180, one header line): one line per figure or example, with
 * the section it belongs to. Cells that a spreadsheet would run as a formula are prefixed with an
 * apostrophe.
 */
public final class RecordCsv {

	static final List<String> HEADER = List.of("person", "section", "what", "count", "points", "record", "link", "by", "at",
			"note");

	private RecordCsv() {
	}

	/** The records (one person, or a team) as one CSV document. */
	public static String of(List<KnowledgeRecord> records) {
		StringBuilder out = new StringBuilder();
		line(out, HEADER);
		for (KnowledgeRecord r : records) {
			String person = r.name();
			line(out, List.of(person, "period", r.from() + " to " + r.to(), "", r.points() == null ? "" : r.points().toString(),
					"", "", r.managerName() == null ? "" : r.managerName(), "", "manager"));
			for (KnowledgeRecord.KindCount c : r.contributions()) {
				line(out, List.of(person, "contributions", c.kind().name(), Long.toString(c.count()),
						c.points() == null ? "" : c.points().toString(), "", "", "", "", ""));
			}
			line(out, List.of(person, "reuse", "ITEM_REUSED", Long.toString(r.reuse().count()), "", "", "", "", "",
					r.reuse().people() + " people"));
			r.reuse().examples().forEach(s -> shown(out, person, "reuse", "ITEM_REUSED", s));
			for (KnowledgeRecord.LessonOutcome l : r.lessons()) {
				shown(out, person, "lesson", l.status(), l.lesson());
			}
			line(out, List.of(person, "answers", "ANSWER_ACCEPTED", Long.toString(r.answers().count()), "", "", "", "", "", ""));
			r.answers().examples().forEach(s -> shown(out, person, "answers", "ANSWER_ACCEPTED", s));
			r.roles().forEach(s -> shown(out, person, "roles", s.note() == null ? "" : s.note(), s));
			line(out, List.of(person, "kudos", "KUDOS_RECEIVED", Long.toString(r.kudos().count()), "", "", "", "", "", ""));
			for (KudosService.Kudos k : r.kudos().latest()) {
				line(out, List.of(person, "kudos", "KUDOS_RECEIVED", "", "",
						k.record() == null ? "" : title(k.record()), k.record() == null || k.record().path() == null ? "" : k.record().path(),
						k.fromName() == null ? "" : k.fromName(), at(k.at()), k.message()));
			}
			line(out, List.of(person, "owned", "PUBLISHED_ITEMS", Integer.toString(r.owned().published()), "", "", "", "", "",
					r.owned().current() + " current"));
			for (KnowledgeRecord.ExpectationResult e : r.expectations()) {
				line(out, List.of(person, "expectation", e.expectation().text(), number(e.actual()), "", "", "", "", "",
						(e.met() ? "met" : "not met") + " (" + e.expectation().measure() + " >= " + e.expectation().target() + ")"));
			}
			for (KnowledgeRecord.EarnedBadge b : r.badges()) {
				line(out, List.of(person, "badge", b.badge().name(), "", "", "", "", "", at(b.at()), ""));
			}
		}
		return out.toString();
	}

	private static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	private static String title(Shown s) {
		return s.title() == null ? "(not visible to you)" : s.title();
	}

	private static void shown(StringBuilder out, String person, String section, String what, Shown s) {
		line(out, List.of(person, section, what, "", "", title(s), s.path() == null ? "" : s.path(),
				s.byName() == null ? "" : s.byName(), at(s.at()), ""));
	}

	private static String at(Instant at) {
		return at == null ? "" : at.toString();
	}

	private static void line(StringBuilder out, List<String> cells) {
		List<String> escaped = new ArrayList<>();
		for (String cell : cells) {
			escaped.add(cell(cell == null ? "" : cell));
		}
		out.append(String.join(",", escaped)).append("\r\n");
	}

	static String cell(String value) {
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
			return "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}
}
