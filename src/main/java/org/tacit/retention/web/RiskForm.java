package org.tacit.retention.web;

import java.util.ArrayList;
import java.util.List;

import org.tacit.retention.internal.Input;
import org.tacit.retention.internal.Risk;
import org.tacit.retention.internal.RiskService;

/**
 * The risk entry form as typed, so that a refused form comes back as the person left it. Knowledge
 * areas are rows of a description and comma-separated tags.
 */
record RiskForm(String person, String position, List<AreaRow> areas, String departureType, String departureDate,
		String departureReason, String attritionRisk, String criticality, String uniqueness, String documentationGap,
		String positionRisk, String notes, String status) {

	/** Blank rows the form offers for more areas. */
	static final int BLANK_ROWS = 2;

	record AreaRow(String description, String tags) {
	}

	static RiskForm empty(String person) {
		return new RiskForm(person, "", withBlanks(List.of()), "RETIREMENT", "", "", "", "", "", "", "", "", "OPEN");
	}

	static RiskForm of(Risk risk, String personEmail) {
		return new RiskForm(personEmail, risk.position(), withBlanks(risk.areas()
			.stream()
			.map(a -> new AreaRow(a.description(), String.join(", ", a.tags())))
			.toList()), risk.departure().type().name(),
				risk.departure().date() == null ? "" : risk.departure().date().toString(), risk.departure().reason(),
				text(risk.attritionGiven()), text(risk.criticality()), text(risk.uniqueness()),
				text(risk.documentationGap()), String.valueOf(risk.positionRisk()), risk.notes(), risk.status().name());
	}

	/** The rows that hold something, in order, then blank rows to add more. */
	static List<AreaRow> rows(List<String> descriptions, List<String> tags) {
		List<AreaRow> rows = new ArrayList<>();
		List<String> d = descriptions == null ? List.of() : descriptions;
		for (int i = 0; i < d.size(); i++) {
			String t = tags != null && i < tags.size() ? tags.get(i) : "";
			if (!d.get(i).isBlank() || !t.isBlank()) {
				rows.add(new AreaRow(d.get(i), t));
			}
		}
		return rows;
	}

	static List<AreaRow> withBlanks(List<AreaRow> rows) {
		List<AreaRow> all = new ArrayList<>(rows);
		for (int i = 0; i < BLANK_ROWS && all.size() < RiskService.AREAS_MAX; i++) {
			all.add(new AreaRow("", ""));
		}
		return all;
	}

	RiskForm withBlankRows() {
		return new RiskForm(person, position, withBlanks(areas), departureType, departureDate, departureReason,
				attritionRisk, criticality, uniqueness, documentationGap, positionRisk, notes, status);
	}

	RiskService.RiskChange change() {
		return new RiskService.RiskChange(person, position,
				areas.stream().map(a -> new RiskService.AreaInput(a.description(), Input.split(a.tags()))).toList(),
				departureType, departureDate, departureReason, number("attritionRisk", attritionRisk),
				number("criticality", criticality), number("uniqueness", uniqueness),
				number("documentationGap", documentationGap), number("positionRisk", positionRisk), notes, status);
	}

	private static Integer number(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw org.tacit.shared.ProblemException.invalid(field, "retention.score.range");
		}
	}

	private static String text(Integer value) {
		return value == null ? "" : value.toString();
	}
}
