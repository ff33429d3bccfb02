package org.tacit.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * A structural check of HTML that Tacit renders from what people write, parsed as a browser parses it
 * (jsoup follows the HTML5 parsing rules, independently of the sanitizer): no element that runs or loads
 * code or changes where forms and links go, no event handler, and links and images only to http, https,
 * mailto or relative addresses.
 */
public final class SafeHtml {

	private static final Set<String> FORBIDDEN = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
			"applet", "style", "link", "form", "base", "meta", "svg", "math", "template", "noscript", "textarea",
			"button", "select", "option", "video", "audio", "source", "track", "isindex", "portal", "param", "title");
	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
			"poster", "background", "data", "cite", "longdesc", "srcset", "ping", "codebase", "dynsrc", "lowsrc");
	private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
	private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

	private SafeHtml() {
	}

	/** What is unsafe in the HTML; empty when it is safe. */
	public static List<String> problems(String html) {
		List<String> problems = new ArrayList<>();
		for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
			String tag = element.normalName();
			if (FORBIDDEN.contains(tag)) {
				problems.add("element <" + tag + ">");
			}
			if (tag.equals("input") && (!element.attr("type").equalsIgnoreCase("checkbox") || !element.hasAttr("disabled"))) {
				problems.add("an input that is not a disabled checkbox: " + element);
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				String value = attribute.getValue();
				if (name.startsWith("on")) {
					problems.add("event handler " + name + " on <" + tag + ">");
				}
				if (name.startsWith("hx-") || name.startsWith("data-hx-") || name.startsWith("th:")
						|| name.startsWith("data-th-")) {
					problems.add("active attribute " + name + " on <" + tag + ">");
				}
				if (name.equals("style") && value.toLowerCase(Locale.ROOT).replaceAll("\\s", "").matches(
						".*(url\\(|expression\\(|javascript:|@import|behavior:).*")) {
					problems.add("active style " + value);
				}
				if (URL_ATTRIBUTES.contains(name)) {
					for (String url : name.equals("srcset") ? value.split(",") : new String[] { value }) {
						// browsers drop ASCII whitespace and control characters before reading the scheme
						String cleaned = url.replaceAll("[\\u0000-\\u0020\\u007f]", "");
						var scheme = SCHEME.matcher(cleaned);
						if (scheme.find() && !SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
							problems.add(name + "=" + value + " on <" + tag + ">");
						}
						if (cleaned.startsWith("//") && tag.equals("base")) {
							problems.add("base " + value);
						}
					}
				}
			}
		}
		return problems;
	}
}
