package org.tacit.shared;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Markdown (CommonMark with tables, task lists and ~~strikethrough~~) to HTML that is safe to put in a page: whatever the author wrote,
 * the result passes the OWASP sanitizer, so no script, event handler or foreign frame survives.
 */
@Component
public class Markdown {

	private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create(),
			org.commonmark.ext.task.list.items.TaskListItemsExtension.create(),
			org.commonmark.ext.gfm.strikethrough.StrikethroughExtension.create());

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.TABLES)
		.and(Sanitizers.STYLES.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "del", "s").toFactory()))
		.and(new HtmlPolicyBuilder().allowElements("a")
			.allowUrlProtocols("http", "https", "mailto")
			.allowAttributes("href", "title")
			.onElements("a")
			.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
			.toFactory())
		.and(new HtmlPolicyBuilder().allowElements("img")
			.allowUrlProtocols("https")
			.allowAttributes("src", "alt", "title")
			.onElements("img")
			.toFactory())
		.and(new HtmlPolicyBuilder().allowAttributes("align").onElements("th", "td").toFactory())
		// task lists ("- [x] done"): a checkbox that shows the state and can do nothing else
		.and(new HtmlPolicyBuilder().allowElements(Markdown::disabledCheckbox, "input")
			.allowAttributes("type").matching(true, "checkbox").onElements("input")
			.allowAttributes("checked", "disabled").onElements("input")
			.toFactory());

	/** Keeps an input only as a checkbox, always disabled; any other input is dropped. */
	private static String disabledCheckbox(String element, List<String> attributes) {
		int type = attributes.indexOf("type");
		if (type < 0 || type % 2 != 0 || !"checkbox".equalsIgnoreCase(attributes.get(type + 1))) {
			return null;
		}
		if (!attributes.contains("disabled")) {
			attributes.add("disabled");
			attributes.add("disabled");
		}
		return element;
	}

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
	private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	/** Sanitized HTML of the Markdown source. */
	public String toHtml(String markdown) {
		return sanitize(html.render(parser.parse(markdown == null ? "" : markdown)));
	}

	/** The words of the Markdown without markup, for search and summaries. */
	public String toText(String markdown) {
		return plainText(markdown);
	}

	private static final Parser PLAIN_PARSER = Parser.builder().extensions(EXTENSIONS).build();
	private static final TextContentRenderer PLAIN = TextContentRenderer.builder().extensions(EXTENSIONS).build();

	/** The words of Markdown without markup and without any HTML written into it. */
	public static String plainText(String markdown) {
		org.commonmark.node.Node document = PLAIN_PARSER.parse(markdown == null ? "" : markdown);
		java.util.List<org.commonmark.node.Node> html = new java.util.ArrayList<>();
		document.accept(new org.commonmark.node.AbstractVisitor() {

			@Override
			public void visit(org.commonmark.node.HtmlInline node) {
				html.add(node);
			}

			@Override
			public void visit(org.commonmark.node.HtmlBlock node) {
				html.add(node);
			}
		});
		html.forEach(org.commonmark.node.Node::unlink);
		return PLAIN.render(document);
	}

	/**
	 * What the sanitizer would take out of the Markdown's HTML: elements as {@code <script>}, attributes as
	 * {@code img onerror}, in the order met, each once; empty when nothing would be. For input that is
	 * refused rather than silently changed. What the Markdown renderer itself writes and the policy
	 * drops (a code block's language class, an ordered list's start) does not count.
	 */
	public List<String> unsafeParts(String markdown) {
		java.util.Set<String> parts = new java.util.LinkedHashSet<>();
		POLICY.sanitize(html.render(parser.parse(markdown == null ? "" : markdown)),
				new org.owasp.html.HtmlChangeListener<java.util.Set<String>>() {

					@Override
					public void discardedTag(java.util.Set<String> found, String element) {
						found.add("<" + element + ">");
					}

					@Override
					public void discardedAttributes(java.util.Set<String> found, String element, String... attributes) {
						for (String attribute : attributes) {
							boolean rendererOwn = element.equals("code") && attribute.equals("class")
									|| element.equals("ol") && attribute.equals("start");
							if (!rendererOwn) {
								found.add(element + " " + attribute);
							}
						}
					}
				}, parts);
		return List.copyOf(parts);
	}

	/** Any HTML made safe with the same policy. */
	public static String sanitize(String html) {
		return POLICY.sanitize(html);
	}
}
