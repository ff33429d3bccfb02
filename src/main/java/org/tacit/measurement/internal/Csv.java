package org.tacit.measurement.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The figures and the value register as CSV (RFC 4180, a header line, CRLF). Text cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) get a leading apostrophe.
 */
public final class Csv {

	private Csv() {
	}

	public static String figures(FigureService.Report report, java.util.function.Function<Figure, List<FigureService.Part>> parts) {
		StringBuilder out = new StringBuilder();
		line(out, "metric", "source", "unit", "from", "to", "value", "previous_from", "previous_to", "previous_value",
				"target_direction", "target_value", "status", "by", "part", "part_label");
		for (Figure f : report.figures()) {
			Metric m = f.metric();
			String[] head = { m.key(), m.source().name(), m.unit().name(), report.period().from().toString(),
					report.period().to().toString() };
			line(out, head[0], head[1], head[2], head[3], head[4], number(f.value()),
					m.periodic() ? report.previous().from().toString() : "", m.periodic() ? report.previous().to().toString() : "",
					number(f.previous()), f.target() == null ? "" : f.target().direction().name(),
					f.target() == null ? "" : number(f.target().value()), f.status().name(), "", "", "");
			for (FigureService.Part part : parts.apply(f)) {
				line(out, head[0], head[1], head[2], head[3], head[4], number(part.value()), "", "", number(part.previous()),
						"", "", "", byOf(m), part.key(), part.label());
			}
		}
		return out.toString();
	}

	/** The breakdown written for each figure: the first it has (space before kind, then community). */
	public static String byOf(Metric metric) {
		if (metric.breakdowns().contains("space")) {
			return "space";
		}
		return metric.breakdowns().contains("community") ? "community" : "";
	}

	public static String stories(List<Story> stories, java.util.function.Function<Story, String> reporter,
			java.util.function.Function<Story, String> confirmer) {
		StringBuilder out = new StringBuilder();
		line(out, "id", "occurred_on", "title", "story", "hours_saved", "cost_amount", "cost_currency", "effect",
				"innovation", "innovation_kind", "innovation_note", "knowledge", "reported_by", "reported_at",
				"confirmed_by", "confirmed_at");
		for (Story s : stories) {
			String knowledge = s.links()
				.stream()
				.filter(Story.Link::visible)
				.map(l -> l.type() + ": " + l.title())
				.collect(Collectors.joining("; "));
			line(out, s.id().toString(), s.occurredOn().toString(), s.title(), s.story(), decimal(s.hoursSaved()),
					s.costAvoided() == null ? "" : decimal(s.costAvoided().amount()),
					s.costAvoided() == null ? "" : s.costAvoided().currency(), nullToEmpty(s.effect()),
					Boolean.toString(s.innovation()), s.innovationKind() == null ? "" : s.innovationKind().name(),
					nullToEmpty(s.innovationNote()), knowledge, reporter.apply(s), s.reportedAt().toString(),
					s.confirmedBy() == null ? "" : confirmer.apply(s), s.confirmedAt() == null ? "" : s.confirmedAt().toString());
		}
		return out.toString();
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	static String number(Double value) {
		if (value == null) {
			return "";
		}
		BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
		return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
	}

	private static String decimal(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	private static void line(StringBuilder out, String... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(cell(cells[i]));
		}
		out.append("\r\n");
	}

	static String cell(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	private static boolean isNumber(String text) {
		return text.matches("-?\\d+(\\.\\d+)?");
	}
}
