#!/usr/bin/env python3
"""Turns Debian's documentation and dictionary packages into Markdown items for the benchmark.

Usage: corpus.py OUT_DIR [--size N] [--jobs J] [--cache DIR] [--queries FILE]

Sources (each used when its package is installed):
  postgresql-doc-15  /usr/share/doc/postgresql-doc-15/html   the PostgreSQL manual (DocBook HTML)
  linux-doc-6.1      /usr/share/doc/linux-doc-6.1/html       the Linux kernel documentation (Sphinx HTML)
  python3.11-doc     /usr/share/doc/python3.11/html          the Python documentation (Sphinx HTML)
  dict-gcide         /usr/share/dictd/gcide.dict.dz           the GNU Collaborative International
                                                              Dictionary of English (dictd format)

HTML pages are split into sections at h1/h2/h3: a section with less than 400 characters of text joins
the one before it, and a section longer than 30,000 characters is cut at paragraph boundaries into
parts, so that items have the sizes of real articles. Navigation, tables of contents, sidebars and
permalink marks are dropped. Each dictionary entry (a headword with its senses) becomes an FAQ item
titled with the headword.

Every item is OUT_DIR/<corpus>/<corpus>-<name>.md with front matter (title, kind, tags). Without --size, all
items are written. With --size N, the documentation gives all its sections up to N/2 (an evenly spaced
sample of each manual when there are more) and the dictionary fills the rest with evenly spaced
entries, so any size has both kinds of text. Only real text is used: nothing is generated.

Also written: FILE (default OUT_DIR-queries.tsv), the benchmark's query set drawn from the items (see
choose_queries), and the item count and body characters on standard output ("ITEMS CHARS").
Only the standard library is used.
"""
import base64
import gzip
import hashlib
import html
import multiprocessing
import os
import pickle
import random
import re
import sys
from html.parser import HTMLParser

CONVERSION = 1           # the version of the conversion below: change it when its output changes (cache key)
MIN_SECTION = 400        # characters of text below which a section joins the one before it
MAX_SECTION = 30_000     # longer sections are cut into parts at paragraph boundaries
MAX_BODY = 190_000       # Tacit accepts bodies up to 200,000 characters
SPLIT = {"h1", "h2", "h3"}
VOID = {"br", "hr", "img", "meta", "link", "col", "input", "wbr", "area", "base", "source"}
BLOCKS = {"p", "div", "dl", "dd", "ul", "ol", "table", "blockquote", "section", "tr", "figure"}
ADMONITIONS = {"note", "tip", "warning", "caution", "important", "admonition", "seealso", "attention",
               "hint", "danger", "error"}
# DocBook (PostgreSQL) and Sphinx (Linux, Python) furniture that is not part of an article
SKIP_CLASSES = {"navheader", "navfooter", "toc", "list-of-tables", "list-of-figures", "list-of-examples",
                "headerlink", "sphinxsidebar", "related", "footer", "rst-footer-buttons", "toctree-wrapper",
                "contents", "wy-nav-side", "wy-nav-top", "linenos", "breadcrumbs"}

DOCS = {
    "pgdoc": ("/usr/share/doc/postgresql-doc-15/html", "docbook", "postgresql"),
    "linux": ("/usr/share/doc/linux-doc-6.1/html", "sphinx", "linux-kernel"),
    "python": ("/usr/share/doc/python3.11/html", "sphinx", "python"),
}
GCIDE = "/usr/share/dictd/gcide.dict.dz"
GCIDE_INDEX = "/usr/share/dictd/gcide.index"


class Page(HTMLParser):
    """One HTML page as sections: [heading, [text parts]]. Sphinx pages are read inside role=main only."""

    def __init__(self, sphinx):
        super().__init__(convert_charrefs=True)
        self.sphinx = sphinx
        self.inside_main = 0 if sphinx else 1   # depth of the main element; DocBook pages are all content
        self.title = ""
        self.chapter = ""
        self.sections = []
        self.stack = []             # open tags: (tag, skipped, main)
        self.skip = 0
        self.in_title = False
        self.in_th_nav = False
        self.heading = None
        self.pre = 0
        self.cell = 0
        self.admonition = 0
        self.cur = ["", []]
        self.sections.append(self.cur)

    def out(self, s):
        if self.heading is not None:
            self.heading.append(s)
        else:
            self.cur[1].append(s)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag in VOID:
            if tag == "br" and not self.skip and self.inside_main:
                self.out("\n")
            return
        main = self.sphinx and a.get("role") == "main"
        skipped = bool(classes & SKIP_CLASSES) or tag in ("script", "style", "nav")
        kind = "admonition" if tag in ("div", "aside") and classes & ADMONITIONS else tag
        if self.skip and tag == "th" and a.get("width") == "60%":
            self.in_th_nav = True        # DocBook: the chapter is the centred cell of the navigation bar
        self.stack.append((kind, skipped, main))
        if main:
            self.inside_main += 1
        if skipped:
            self.skip += 1
        if tag == "title" and not self.skip:
            self.in_title = True
            return
        if self.skip or not self.inside_main:
            return
        if kind == "admonition":
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
        if tag in VOID:
            return
        closed = None
        while self.stack:
            t, skipped, main = self.stack.pop()
            if skipped:
                self.skip -= 1
            if main:
                self.inside_main -= 1
            if t == tag or (t == "admonition" and tag in ("div", "aside")):
                closed = t
                break
        if tag == "th":
            self.in_th_nav = False
        if tag == "title":
            self.in_title = False
        if self.skip or not self.inside_main:
            return
        if closed == "admonition":
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
        if self.skip or not self.inside_main:
            return
        self.out(data if self.pre else re.sub(r"\s+", " ", data))


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
    text = re.sub(r"\*\*\s*\*\*", "", text)
    text = re.sub(r"\*\*[ \t]*([^*\n]+?)[ \t]*\*\*", r"**\1**", text)
    text = re.sub(r"``", "", text)
    text = re.sub(r"\n- *\n+", "\n- ", text)              # <li><p>: the item's text on the bullet's line
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def parts_of(body):
    """A long section as parts of at most MAX_SECTION characters, cut between paragraphs."""
    if len(body) <= MAX_SECTION:
        return [body]
    parts, cur = [], []
    size = 0
    for para in body.split("\n\n"):
        if size + len(para) > MAX_SECTION and cur:
            parts.append("\n\n".join(cur))
            cur, size = [], 0
        cur.append(para[:MAX_BODY])
        size += len(para) + 2
    if cur:
        parts.append("\n\n".join(cur))
    return parts


def chapter_tag(chapter):
    c = norm(chapter)
    c = re.sub(r"^((Chapter|Part|Appendix)\s+)?[0-9A-Z]+(\.[0-9]+)*\.\s+", "", c)
    return re.sub(r"[^\w\s-]", "", c).strip()[:60]


def pg_kind(name):
    for prefix, kind in (("sql-", "sql-command"), ("app-", "application"), ("release", "release-notes"),
                         ("functions", "functions")):
        if name.startswith(prefix):
            return kind
    return "manual"


def convert_page(job):
    """(corpus, root, style, product, relative path) -> [(name, title, body, tags)]."""
    corpus, root, style, product, rel = job
    page = Page(sphinx=style == "sphinx")
    try:
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            page.feed(f.read())
    except Exception:
        return []
    name = re.sub(r"[^\w.-]+", "_", rel[:-5])
    if style == "docbook":
        page_title = norm(page.title)
        tags = [chapter_tag(page.chapter), pg_kind(os.path.basename(rel)), product]
    else:
        # Sphinx: the page's own heading is its first section heading; the <title> carries the manual's name
        page_title = next((h for h, _ in page.sections if h), norm(page.title).split(" — ")[0])
        top = rel.split("/")[0] if "/" in rel else "general"
        tags = [top[:60], product]
    items = []
    for heading, parts in page.sections:
        body = clean_body(parts)
        title = heading or page_title
        if title != page_title and not re.match(r"^[0-9A-Z]+(\.[0-9]+)*\.\s", title):
            title = page_title + " — " + title       # "createdb — Options" rather than "Options"
        if not title and not body:
            continue
        if items and len(body) < MIN_SECTION:
            prev = items[-1]
            prev[1] = (prev[1] + "\n\n## " + title + "\n\n" + body).strip()
            continue
        if not items and not body:
            items.append([title, ""])
            continue
        if items and not items[-1][1]:
            items[-1][1] = ("## " + title + "\n\n" + body) if title != items[-1][0] else body
            continue
        items.append([title, body])
    out = []
    n = 0
    for title, body in items:
        if not body:
            continue
        parts = parts_of(body)
        for i, part in enumerate(parts):
            t = title if i == 0 else f"{title} (part {i + 1})"
            out.append((f"{name}-{n:03d}", t, part[:MAX_BODY], [t for t in tags if t]))
            n += 1
    return out


def html_pages(corpus, root, style, product):
    jobs = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("_"))
        for fn in sorted(filenames):
            if not fn.endswith(".html"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, fn), root)
            base = os.path.basename(rel)
            if rel.startswith("translations/"):
                continue                                  # the kernel's documentation in other languages
            if base in ("bookindex.html", "search.html", "genindex.html", "py-modindex.html", "contents.html") \
                    or base.startswith("genindex"):
                continue
            jobs.append((corpus, root, style, product, rel))
    return jobs


# --- the dictionary ---------------------------------------------------------------------------------

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def gcide_clean(text):
    """dictd's GCIDE markup as plain Markdown: {cross refs}, pronunciations, source lines dropped."""
    lines = []
    for line in text.split("\n"):
        s = line.strip()
        if re.fullmatch(r"\[[^\]]*(Webster|WordNet|PJC|Century|Chambers|RN|[0-9]{4})[^\]]*\]", s):
            continue                                   # "[1913 Webster]": where the text comes from
        lines.append(line.rstrip())
    text = "\n".join(lines)
    text = re.sub(r"\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\([^\\\n]{1,80})\\", lambda m: "/" + m.group(1).replace('"', "ˈ").replace("*", "·") + "/", text)
    # senses start "   1. ..."; keep the dictionary's own line structure as paragraphs
    text = re.sub(r"\n\s*\n+", "\n\n", text)
    text = re.sub(r"\n {2,}(\d+\.|Syn:|Usage:|Note:)", r"\n\n\1", text)
    text = re.sub(r"(?<!\n)\n(?!\n)\s*", " ", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


POS = {"n.": "noun", "v. t.": "verb", "v. i.": "verb", "a.": "adjective", "adv.": "adverb",
       "prep.": "preposition", "interj.": "interjection", "conj.": "conjunction", "pron.": "pronoun"}


def gcide_entries():
    """[(name, title, body, tags)] for every distinct entry of the dictionary, in its order."""
    if not (os.path.exists(GCIDE) and os.path.exists(GCIDE_INDEX)):
        return []
    data = gzip.decompress(open(GCIDE, "rb").read())
    seen = set()
    items = []
    with open(GCIDE_INDEX, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0].startswith("00-") or parts[0].startswith("00database"):
                continue
            word, off, length = parts[0], b64(parts[1]), b64(parts[2])
            if off in seen:
                continue
            seen.add(off)
            raw = data[off:off + length].decode("utf-8", errors="replace")
            body = gcide_clean(raw)
            if len(body) < 40 or not re.search(r"[A-Za-z]", word):
                continue
            # the headword as the entry spells it ("Abandon"), else the index's lower-case form
            m = re.match(r"\s*([^\\\n]+?)\s*\\", raw)
            title = norm(m.group(1)) if m and m.group(1).lower().replace("-", "") == word.lower().replace("-", "") \
                else word
            title = title[:200]
            tags = ["dictionary", "gcide"]
            for abbr, pos in POS.items():
                if re.search(r",\s*" + re.escape(abbr) + r"(\s|$|;|\[)", raw[:300]):
                    tags.append(pos)
                    break
            slug = re.sub(r"[^\w-]+", "_", word)[:60]
            items.append((f"{len(items):06d}-{slug}", title, body[:MAX_BODY], tags))
    return items


# --- the choice of items and queries ----------------------------------------------------------------

def spaced(items, n):
    """n items spread evenly over the list, in order."""
    if n >= len(items):
        return list(items)
    if n <= 0:
        return []
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def choose(docs, dictionary, size):
    """docs: {corpus: [items]}. Documentation up to size/2, the dictionary the rest (see the module doc)."""
    total_docs = sum(len(v) for v in docs.values())
    if size is None:
        return {**docs, "gcide": dictionary}
    want_docs = min(total_docs, max(size // 2, size - len(dictionary)))
    chosen = {}
    left = want_docs
    names = sorted(docs, key=lambda k: len(docs[k]))
    for i, corpus in enumerate(names):
        share = left if i == len(names) - 1 else round(want_docs * len(docs[corpus]) / max(1, total_docs))
        share = min(share, left, len(docs[corpus]))
        chosen[corpus] = spaced(docs[corpus], share)
        left -= len(chosen[corpus])
    chosen["gcide"] = spaced(dictionary, min(len(dictionary), size - (want_docs - left)))
    return chosen


def words(text):
    return re.findall(r"[A-Za-z][A-Za-z0-9_-]+", text)


PRODUCT_TAG = {"pgdoc": "postgresql", "linux": "linux-kernel", "python": "python", "gcide": "dictionary"}


def choose_queries(chosen, seed=4):
    """The fixed query set, drawn from the items themselves (same seed, same corpus: same queries).

    Kinds: heading (a section's title as typed), headword (a dictionary entry's word), phrase (two to
    four consecutive words of a text, quoted), words (two or three words of a text, unquoted), prefix
    (the first letters of a title word and *), typo (a title word with one letter dropped). Heading and
    headword queries name their item (a title no other item has): the known-item relevance figures use
    them. Each query also has a filter its source item matches (kind and tag), for the filtered runs.
    Returns [(kind, query, target or "", filter)].
    """
    rnd = random.Random(seed)
    queries = []
    docs = [(c, it) for c, items in chosen.items() if c != "gcide" for it in items]
    dictionary = [("gcide", it) for it in chosen.get("gcide", [])]

    def filter_of(c):
        return f"kind={'FAQ' if c == 'gcide' else 'ARTICLE'}&tag={PRODUCT_TAG[c]}"

    def count(kind):
        return len([q for q in queries if q[0] == kind])

    # a known-item query must name one item: titles that several items share are left out
    seen = {}
    for c, it in docs + dictionary:
        key = norm(it[1]).lower()
        seen[key] = seen.get(key, 0) + 1

    def usable_title(t):
        if " (part " in t or seen.get(norm(t).lower(), 0) != 1:
            return None
        t = re.sub(r"^[0-9A-Z]+(\.[0-9]+)*\.\s+", "", t)     # "25.3. Continuous Archiving": the words
        return t if 1 <= len(words(t)) <= 10 and len(t) <= 100 else None

    for kind, source, wanted in (("heading", docs, 100), ("headword", dictionary, 100)):
        for c, it in rnd.sample(source, min(len(source), 2000)):
            t = usable_title(it[1])
            if t and count(kind) < wanted:
                queries.append((kind, t, f"{c}/{c}-{it[0]}", filter_of(c)))
    pool = docs + dictionary
    for _ in range(20000):
        if count("phrase") >= 40 or not pool:
            break
        c, it = rnd.choice(pool)
        w = re.findall(r"[A-Za-z]+", it[2])          # words as they follow each other in the text
        if len(w) >= 6:
            i = rnd.randrange(0, len(w) - 4)
            run = w[i:i + rnd.choice((2, 3, 4))]
            if len(run[0]) > 2 and len(run[-1]) > 2:
                queries.append(("phrase", '"' + " ".join(run) + '"', "", filter_of(c)))
    for _ in range(20000):
        if count("words") >= 40 or not pool:
            break
        c, it = rnd.choice(pool)
        w = [x for x in words(it[2]) if len(x) > 3]
        if len(w) >= 6:
            queries.append(("words", " ".join(rnd.sample(w, rnd.choice((2, 3)))), "", filter_of(c)))
    for _ in range(20000):
        if count("prefix") >= 20 and count("typo") >= 20 or not docs:
            break
        c, it = rnd.choice(docs)
        w = [x for x in words(it[1]) if len(x) >= 7 and x.isalpha()]
        if not w:
            continue
        x = w[0].lower()
        if count("prefix") < 20:
            queries.append(("prefix", x[:5] + "*", "", filter_of(c)))
        elif count("typo") < 20:
            i = rnd.randrange(1, len(x) - 1)
            queries.append(("typo", x[:i] + x[i + 1:], "", filter_of(c)))
    return queries


def write(out, chosen):
    count = chars = 0
    for corpus, items in chosen.items():
        folder = os.path.join(out, corpus)
        os.makedirs(folder, exist_ok=True)
        kind = "FAQ" if corpus == "gcide" else "ARTICLE"
        for name, title, body, tags in items:
            # the corpus in the file name too: an import identifies a file by its path in the folder, within
            # the whole organization, so two corpora's "index.md" would be one item
            with open(os.path.join(folder, f"{corpus}-{name}.md"), "w", encoding="utf-8") as f:
                f.write("---\n")
                f.write('title: "' + title.replace('"', "'") + '"\n')
                f.write(f"kind: {kind}\n")
                f.write("tags: [" + ", ".join(t.replace(",", " ") for t in tags) + "]\n")
                f.write("---\n")
                f.write(body + "\n")
            count += 1
            chars += len(body)
    return count, chars


def load_all(jobs):
    """Every item of every installed source: ({corpus: [items]}, [dictionary items])."""
    docs = {}
    pages = []
    for corpus, (root, style, product) in DOCS.items():
        if os.path.isdir(root):
            pages += html_pages(corpus, root, style, product)
            docs[corpus] = []
    with multiprocessing.Pool(jobs) as pool:
        for job, items in zip(pages, pool.map(convert_page, pages, chunksize=16)):
            docs[job[0]].extend(items)
    return docs, gcide_entries()


def cached(cache, jobs):
    """load_all, kept in CACHE between runs: keyed by this script and the installed sources."""
    if not cache:
        return load_all(jobs)
    key = hashlib.sha1(f"conversion {CONVERSION}".encode())
    for path in [r for r, _, _ in DOCS.values()] + [GCIDE]:
        key.update(f"{path}:{os.stat(path).st_mtime if os.path.exists(path) else 0}".encode())
    path = os.path.join(cache, f"corpus-{key.hexdigest()[:16]}.pickle")
    if os.path.exists(path):
        with open(path, "rb") as f:
            return pickle.load(f)
    result = load_all(jobs)
    os.makedirs(cache, exist_ok=True)
    with open(path + ".tmp", "wb") as f:
        pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(path + ".tmp", path)
    return result


def main():
    args = sys.argv[1:]
    options = {"--size": None, "--jobs": os.cpu_count() or 1, "--cache": None, "--queries": None}
    for flag in list(options):
        if flag in args:
            i = args.index(flag)
            options[flag] = args[i + 1] if flag in ("--cache", "--queries") else int(args[i + 1])
            del args[i:i + 2]
    (out,) = args
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    docs, dictionary = cached(options["--cache"], options["--jobs"])
    chosen = choose(docs, dictionary, options["--size"])
    count, chars = write(out, chosen)
    with open(options["--queries"] or out + "-queries.tsv", "w", encoding="utf-8") as f:
        f.write("# kind\tquery\ttarget item (corpus/file without .md, or empty)\tfilter its source matches\n")
        for kind, q, target, filt in choose_queries(chosen):
            f.write(f"{kind}\t{q}\t{target}\t{filt}\n")
    sources = ", ".join(f"{c} {len(v)}" for c, v in chosen.items())
    print(f"{count} {chars} {sources}")


if __name__ == "__main__":
    main()
