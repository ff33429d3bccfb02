package org.tacit.library.internal;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** The words of Markdown without markup and without any HTML written into it, for the search index. */
final class MarkdownText {

	private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
	private static final TextContentRenderer TEXT = TextContentRenderer.builder()
		.extensions(List.of(TablesExtension.create()))
		.build();

	private MarkdownText() {
	}

	static String of(String markdown) {
		Node document = PARSER.parse(markdown == null ? "" : markdown);
		List<Node> html = new ArrayList<>();
		document.accept(new AbstractVisitor() {

			@Override
			public void visit(HtmlInline node) {
				html.add(node);
			}

			@Override
			public void visit(HtmlBlock node) {
				html.add(node);
			}
		});
		html.forEach(Node::unlink);
		return TEXT.render(document).strip();
	}
}
