package org.tacit.processes.internal;

import java.util.Map;

/**
 * A step of a version with the number of links attached to it, by link type. A step without any link is
 * a knowledge gap: nobody has said what one needs to know to do it.
 */
public record StepView(String id, String name, String type, String lane, String pool, int position,
		Map<String, Integer> linkCounts) {

	public int links() {
		return linkCounts.values().stream().mapToInt(Integer::intValue).sum();
	}

	public boolean gap() {
		return links() == 0;
	}

	public String label() {
		return new BpmnReader.Step(id, name, type, lane, pool, position).label();
	}

	public String typeWords() {
		return new BpmnReader.Step(id, name, type, lane, pool, position).typeWords();
	}

	public int count(String linkType) {
		return linkCounts.getOrDefault(linkType, 0);
	}
}
