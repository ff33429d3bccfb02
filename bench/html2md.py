#!/usr/bin/env python3
"""Converts the PostgreSQL HTML manual (Debian's postgresql-doc-15) into Markdown items.

Usage: html2md.py HTML_DIR OUT_DIR [--size N]

Every page is split into sections at its h1/h2/h3 headings (h4 and below stay inside their
section); sections with little text are merged into the one before them, so an item is a
realistic article. Each item is written as OUT_DIR/<page>-<n>.md with front matter giving
`title` (the heading) and `tags` (the chapter and the kind of page). Navigation, tables of
contents and footers are dropped. Only the standard library is used. Prints the item count.
"""
import html
import os
import re
import sys
from html.parser import HTMLParser

MIN_SECTION = 400        # characters of text below which a section joins the one before it
MAX_BODY = 190_000       # Tacit accepts bodies up to 200,000 characters
SKIP_CLASSES = {"navheader", "navfooter", "toc", "list-of-tables", "list-of-figures", "list-of-examples"}
BLOCKS = {"p", "div", "dl", "dd", "ul", "ol", "table", "blockquote", "section", "tr"}
SPLIT = {"h1", "h2", "h3"}
ADMONITIONS = {"note", "tip", "warning", "caution", "important"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.chapter = ""
        self.sections = []          # [heading, [text parts]]
        self.stack = []             # open tags: (tag, skipped)
        self.skip = 0
        self.in_title = False
        self.in_th_nav = False
        self.heading = None         # parts of the heading being read
        self.pre = 0
        self.cell = 0               # inside a table cell
        self.admonition = 0         # inside a note, tip, warning...
        self.cur = ["", []]
        self.sections.append(self.cur)

    # text sinks
    def out(self, s):
        if self.heading is not None:
            self.heading.append(s)
        else:
            self.cur[1].append(s)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag in ("br", "hr", "img", "meta", "link", "col"):
            if tag == "br":
                self.out("\n")
            return
        skipped = bool(classes & SKIP_CLASSES)
        kind = "admonition" if tag == "div" and classes & ADMONITIONS else tag
        # the chapter name is the centred header cell of the navigation bar
        if self.skip and tag == "th" and a.get("width") == "60%":
            self.in_th_nav = True
        self.stack.append((kind, skipped))
        if skipped:
            self.skip += 1
        if self.skip:
            return
        if tag == "title":
            self.in_title = True
        elif kind == "admonition":
            self.admonition += 1
            self.out("\n\n")
        elif tag in SPLIT and self.admonition:
            self.out("\n\n**")
        elif tag in SPLIT and "corpauthor" not in classes:
            self.heading = []
        elif tag in ("h4", "h5", "h6"):
            self.out("\n\n" + "#" * (int(tag[1]) - 1) + " ")
        elif tag == "pre":
            self.pre += 1
            self.out("\n\n```\n")
        elif tag == "li":
            self.out("\n- ")
        elif tag == "dt":
            self.out("\n\n**")
        elif tag in ("td", "th"):
            self.cell += 1
            self.out(" | ")
        elif tag == "code" and not self.pre and self.heading is None:
            self.out("`")
        elif tag == "tr":
            self.out("\n")
        elif tag in BLOCKS:
            self.out(" " if self.cell else "\n\n")

    def handle_endtag(self, tag):
        if tag in ("br", "hr", "img", "meta", "link", "col"):
            return
        # pop to the matching tag (the manual is XHTML, so this is nearly always the top)
        closed = None
        while self.stack:
            t, skipped = self.stack.pop()
            if skipped:
                self.skip -= 1
            if t == tag or (t == "admonition" and tag == "div"):
                closed = t
                break
        if tag == "th":
            self.in_th_nav = False
        if self.skip:
            return
        if tag == "title":
            self.in_title = False
        elif closed == "admonition":
            self.admonition -= 1
            self.out("\n\n")
        elif tag in SPLIT and self.admonition:
            self.out(":**\n\n")
        elif tag in SPLIT and self.heading is not None:
            text = norm(" ".join(self.heading))
            self.heading = None
            self.cur = [text, []]
            self.sections.append(self.cur)
        elif tag == "pre":
            self.pre -= 1
            self.out("\n```\n\n")
        elif tag == "dt":
            self.out("**\n")
        elif tag == "code" and not self.pre and self.heading is None:
            self.out("`")
        elif tag in ("td", "th"):
            self.cell -= 1
        elif tag in ("h4", "h5", "h6"):
            self.out("\n\n")
        elif tag == "tr":
            self.out(" |\n")
        elif tag in BLOCKS:
            self.out(" " if self.cell else "\n\n")

    def handle_data(self, data):
        if self.in_th_nav:
            self.chapter += data
        if self.in_title:
            self.title += data
            return
        if self.skip:
            return
        if self.pre:
            self.out(data)
        else:
            self.out(re.sub(r"\s+", " ", data))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def clean_body(parts):
    text = "".join(parts)
    out, in_code = [], False
    for line in text.split("\n"):
        if line.startswith("```"):
            in_code = not in_code
            out.append(line.strip())
        elif in_code:
            out.append(line.rstrip())
        else:
            out.append(line.strip())
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text[:MAX_BODY]


def chapter_tag(chapter):
    c = norm(chapter)
    c = re.sub(r"^((Chapter|Part|Appendix)\s+)?[0-9A-Z]+(\.[0-9]+)*\.\s+", "", c)
    c = re.sub(r"[^\w\s-]", "", c).strip()
    return c[:60]


def page_kind(name):
    if name.startswith("sql-"):
        return "sql-command"
    if name.startswith("app-"):
        return "application"
    if name.startswith("release"):
        return "release-notes"
    if name.startswith("functions"):
        return "functions"
    return "manual"


def convert(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    name = os.path.basename(path)[:-5]
    items = []
    for heading, parts in p.sections:
        body = clean_body(parts)
        page_title = norm(p.title)
        title = heading or page_title
        if not re.match(r"^[0-9A-Z]+(\.[0-9]+)*\.\s", title) and title != page_title:
            title = page_title + " — " + title   # "createdb — Options" rather than "Options"
        if not title and not body:
            continue
        if items and len(body) < MIN_SECTION:
            # too small to be an article of its own: append to the previous one
            prev = items[-1]
            prev[1] = (prev[1] + "\n\n## " + title + "\n\n" + body).strip()[:MAX_BODY]
            continue
        if not items and not body:
            items.append([title, ""])   # a page heading whose text is in the next section
            continue
        if items and not items[-1][1]:
            items[-1][1] = ("## " + title + "\n\n" + body) if title != items[-1][0] else body
            continue
        items.append([title, body])
    tags = [t for t in (chapter_tag(p.chapter), page_kind(name), "postgresql") if t]
    return name, [(t, b, tags) for t, b in items if b]


def main():
    args = sys.argv[1:]
    size = None
    if "--size" in args:
        i = args.index("--size")
        size = int(args[i + 1])
        del args[i:i + 2]
    src, dst = args
    os.makedirs(dst, exist_ok=True)
    count = 0
    chars = 0
    for fn in sorted(os.listdir(src)):
        if not fn.endswith(".html") or fn in ("bookindex.html",):
            continue
        name, items = convert(os.path.join(src, fn))
        for n, (title, body, tags) in enumerate(items):
            if size is not None and count >= size:
                break
            title = title[:200].replace('"', "'")
            with open(os.path.join(dst, f"{name}-{n:03d}.md"), "w", encoding="utf-8") as f:
                f.write("---\n")
                f.write(f'title: "{title}"\n')
                f.write("tags: [" + ", ".join(tags) + "]\n")
                f.write("---\n")
                f.write(body + "\n")
            count += 1
            chars += len(body)
        if size is not None and count >= size:
            break
    print(f"{count} {chars}")


if __name__ == "__main__":
    main()
