package org.tacit.library.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The steps of a checklist: the items of the lists at the top level of its Markdown body, in order.
 * Nested lists are details of their step, not steps. A task-list marker ({@code [ ]} or {@code [x]})
 * at the start of an item is not part of its text. Each step remembers the heading it stands under.
 */
public final class ChecklistSteps {

	public static final int MAX_STEPS = 500;
	public static final int STEP_MAX = 4000;
	public static final int SECTION_MAX = 200;

	private static final Pattern TASK_MARKER = Pattern.compile("^\\[[ xX]\\](\\s+|$)");
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	/** One step: its text, and the heading above its list (null if none). */
	public record Step(String section, String text) {
	}

	private ChecklistSteps() {
	}

	public static List<Step> of(String markdown) {
		Node document = PARSER.parse(markdown == null ? "" : markdown);
		List<Step> steps = new ArrayList<>();
		String section = null;
		for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
			if (block instanceof Heading heading) {
				section = limit(plain(heading), SECTION_MAX);
			}
			else if (block instanceof ListBlock list) {
				for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
					if (item instanceof ListItem listItem) {
						String text = stepText(listItem);
						if (!text.isEmpty()) {
							steps.add(new Step(section == null || section.isEmpty() ? null : section, text));
						}
					}
				}
			}
		}
		return steps;
	}

	/** The words of the item without its nested lists and without a task-list marker. */
	private static String stepText(ListItem item) {
		StringBuilder text = new StringBuilder();
		boolean first = true;
		for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof ListBlock) {
				continue;
			}
			if (first && child instanceof Paragraph paragraph) {
				stripTaskMarker(paragraph);
			}
			first = false;
			unwrapLinks(child);
			String part = plain(child);
			if (!part.isEmpty()) {
				text.append(text.isEmpty() ? "" : " ").append(part);
			}
		}
		return text.toString();
	}

	private static void stripTaskMarker(Paragraph paragraph) {
		if (paragraph.getFirstChild() instanceof Text first) {
			first.setLiteral(TASK_MARKER.matcher(first.getLiteral()).replaceFirst(""));
		}
	}

	/** A link becomes its words followed by the address in brackets, so the address is not lost. */
	private static void unwrapLinks(Node node) {
		List<Link> links = new ArrayList<>();
		node.accept(new AbstractVisitor() {

			@Override
			public void visit(Link link) {
				links.add(link);
			}
		});
		for (Link link : links) {
			StringBuilder words = new StringBuilder();
			for (Node child = link.getFirstChild(); child != null;) {
				Node next = child.getNext();
				words.append(TEXT.render(child));
				link.insertBefore(child);
				child = next;
			}
			if (!words.toString().strip().equals(link.getDestination())) {
				link.insertBefore(new Text(" (" + link.getDestination() + ")"));
			}
			link.unlink();
		}
	}

	private static String plain(Node node) {
		return SPACES.matcher(TEXT.render(node)).replaceAll(" ").strip();
	}

	private static String limit(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
