#!/usr/bin/env python3
"""Paraphrased known-item queries for the semantic-search benchmark (bench/semantic).

Usage: paraphrase.py QUERIES [--out FILE] [--corpus DIR] [--seed N] [--wordnet DIR]

Reads the known-item queries of QUERIES (the queries.tsv that corpus.py writes: kind, query, target,
filter; the lines with a target are the section headings and dictionary headwords) and writes FILE
(default: paraphrased.tsv beside QUERIES) in the same format, with the same kinds, targets and filters,
each query's words replaced by synonyms from WordNet (Debian package wordnet-base, whose data files in
/usr/share/wordnet are read here directly):

- a content word is a word of letters (hyphens allowed) that stands alone (not part of "os.path",
  "pg_dump" or "3.2a"), is not a stop word, not in capitals only ("SQL") and has at least 3 letters;
  two or three consecutive words that WordNet knows as one expression ("ab initio") count as one;
- its base form comes from WordNet's exception lists and suffix rules (as WordNet's own "morphy");
- its part of speech is the one the dictionary entry gives (a headword, with --corpus) or else the one
  whose senses are the most frequent in WordNet's tagged texts (noun before verb, adjective, adverb);
- its replacement is another lemma of the word's first (most frequent) synset of that part of speech,
  or else of a synset the first one points to with the same meaning (similar to, verb group, see also;
  not a hypernym, which would make the query broader, not a paraphrase), chosen at
  random with a generator seeded by --seed (default 14) and the query itself: the same input gives the
  same output; a replacement that contains the word itself ("run" -> "run away") does not count;
- a plural noun or a verb ending in -s, -ed or -ing gets the same ending back, roughly;
- a query in which no word could be replaced is left out.

Every written query is preceded by a comment line with the original ("#\toriginal\tQUERY"), which the
readers of the format skip. Prints "KEPT TOTAL" (queries written, known-item queries read) on standard
output and a summary by kind on standard error. Only the standard library is used.
"""
import os
import random
import re
import sys

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
POS_ORDER = ("n", "v", "a", "r")
TAG_POS = {"noun": "n", "verb": "v", "adjective": "a", "adverb": "r"}
# the synsets whose lemmas still mean the same: similar to (adjectives), verb group, also see. Not hypernyms:
# "endosperm" -> "reproductive structure" or "Python" -> "boa" is not a paraphrase but a broader query
RELATED = ("&", "$", "^")

STOP = set("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either else etc few for from further
had has have having he her here hers him his how i if in into is it its itself just may me might more
most must my no nor not now of off on once one only or other our ours out over own per same she should
so some such than that the their theirs them then there these they this those through thus to too under
until up upon us very via vs was we were what when where whether which while who whom whose why will
with within without would yet you your yours
""".split())

# WordNet's suffix rules (morphy): surface ending -> base ending, per part of speech
DETACH = {
    "n": [("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
          ("ies", "y"), ("s", "")],
    "v": [("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
          ("s", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


class WordNet:
    def __init__(self, folder):
        self.folder = folder
        self.index = {}        # (lemma, pos) -> (tagsense_cnt, [synset offsets])
        self.exceptions = {}   # (surface, pos) -> [base forms]
        self.data = {}
        for pos, name in POS_FILES.items():
            with open(os.path.join(folder, "index." + name), encoding="utf-8") as f:
                for line in f:
                    if line.startswith(" "):
                        continue                        # the licence at the top of the file
                    fields = line.split()
                    lemma, p_cnt = fields[0], int(fields[3])
                    rest = fields[4 + p_cnt:]           # sense_cnt tagsense_cnt offsets...
                    self.index[(lemma, pos)] = (int(rest[1]), rest[2:])
            exc = os.path.join(folder, name + ".exc")
            if os.path.exists(exc):
                with open(exc, encoding="utf-8") as f:
                    for line in f:
                        fields = line.split()
                        if len(fields) >= 2:
                            self.exceptions.setdefault((fields[0], pos), []).extend(fields[1:])
            self.data[pos] = open(os.path.join(folder, "data." + name), "rb")

    def synset(self, pos, offset):
        """(lemmas, [(pointer symbol, pos, offset)]) of the synset at that byte offset of data.POS."""
        f = self.data["a" if pos == "s" else pos]
        f.seek(int(offset))
        fields = f.readline().decode("utf-8").split(" | ")[0].split()
        w_cnt = int(fields[3], 16)
        lemmas = [re.sub(r"\((a|p|ip)\)$", "", fields[4 + 2 * i]) for i in range(w_cnt)]
        i = 4 + 2 * w_cnt
        pointers = [(fields[i + 1 + 4 * k], fields[i + 3 + 4 * k], fields[i + 2 + 4 * k])
                    for k in range(int(fields[i]))]
        return lemmas, pointers

    def bases(self, surface, pos):
        """The base forms WordNet knows for a surface form, each with the ending it had: [(base, ending)]."""
        out = []
        if (surface, pos) in self.index:
            out.append((surface, ""))
        for base in self.exceptions.get((surface, pos), []):
            if (base, pos) in self.index and base not in [b for b, _ in out]:
                # an irregular form ("geese", "drugged", "running"): the regular ending of its kind
                ending = "s" if pos == "n" else next((e for e in ("ing", "ed") if surface.endswith(e)), "irregular")
                out.append((base, ending))
        for ending, replacement in DETACH[pos]:
            if surface.endswith(ending) and len(surface) > len(ending) + 1:
                base = surface[:-len(ending)] + replacement
                if (base, pos) in self.index and base not in [b for b, _ in out]:
                    out.append((base, ending))
        return out


def same_word(a, b):
    a, b = a.lower().replace("_", " "), b.lower().replace("_", " ")
    return a == b or a in b.split() or b in a.split() or a.replace("-", " ") == b.replace("-", " ")


def synonyms(wn, lemma, pos):
    """Other lemmas of the first synset, else of the synsets it points to (in the order of RELATED)."""
    first = wn.index[(lemma, pos)][1][0]
    lemmas, pointers = wn.synset(pos, first)
    found = [w for w in lemmas if not same_word(w, lemma)]
    if found:
        return found
    for symbol in RELATED:
        found = []
        for sym, p, offset in pointers:
            if sym == symbol:
                found += [w for w in wn.synset(p, offset)[0] if not same_word(w, lemma) and w not in found]
        if found:
            return found
    return []


def inflect(phrase, pos, ending):
    """The synonym (lemma, spaces for underscores) with the surface word's regular ending, roughly."""
    words = phrase.replace("_", " ").split(" ")
    if pos == "n" and ending in ("s", "es", "ies", "ses", "xes", "zes", "ches", "shes", "men"):
        w = words[-1]
        if re.search(r"(s|x|z|ch|sh)$", w):
            w += "es"
        elif re.search(r"[^aeiou]y$", w):
            w = w[:-1] + "ies"
        elif w.endswith("man"):
            w = w[:-3] + "men"
        else:
            w += "s"
        words[-1] = w
    elif pos == "v" and ending in ("s", "es", "ies", "ed", "ing"):
        w = words[0]
        if ending == "ing":
            w = (w[:-1] if w.endswith("e") and not w.endswith("ee") else w) + "ing"
        elif ending == "ed":
            w = w + "d" if w.endswith("e") else (w[:-1] + "ied" if re.search(r"[^aeiou]y$", w) else w + "ed")
        else:
            w = w + "es" if re.search(r"(s|x|z|ch|sh)$", w) else (w[:-1] + "ies" if re.search(r"[^aeiou]y$", w) else w + "s")
        words[0] = w
    return " ".join(words)


def match_case(original, replacement):
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# a word of letters (hyphens inside) that is not part of an identifier, a path or a number
TOKEN = re.compile(r"(?<![\w.$/\\-])[A-Za-z]+(?:-[A-Za-z]+)*(?![\w$/\\-]|\.\w)")


def choose_pos(wn, surface, preferred):
    """(pos, base, ending) for a word or expression in lower case, or None."""
    options = []
    for pos in POS_ORDER:
        for base, ending in wn.bases(surface, pos):
            options.append((pos, base, ending))
            break
    if not options:
        return None
    if preferred:
        for o in options:
            if o[0] == preferred:
                return o
    return max(options, key=lambda o: (wn.index[(o[1], o[0])][0], -POS_ORDER.index(o[0])))


def replaceable(word):
    return len(word) >= 3 and word.lower() not in STOP and not word.isupper()


def paraphrase(wn, query, rnd, preferred=None):
    """(new query, number of replaced words); the words of the query, the rest kept as it is."""
    tokens = list(TOKEN.finditer(query))
    out, last, replaced, i = [], 0, 0, 0
    while i < len(tokens):
        done = False
        # the longest expression first: up to three words separated by single spaces
        for n in (3, 2, 1):
            group = tokens[i:i + n]
            if len(group) < n or any(query[a.end():b.start()] != " " for a, b in zip(group, group[1:])):
                continue
            words = [t.group(0) for t in group]
            if n == 1 and not replaceable(words[0]):
                break
            if n > 1 and not any(replaceable(w) for w in words):
                continue
            surface = "_".join(w.lower() for w in words)
            choice = choose_pos(wn, surface, preferred)
            if not choice:
                continue
            pos, base, ending = choice
            candidates = synonyms(wn, base, pos)
            if not candidates:
                continue
            new = match_case(words[0], inflect(rnd.choice(candidates), pos, ending))
            out.append(query[last:group[0].start()])
            out.append(new)
            last = group[-1].end()
            replaced += 1
            i += n
            done = True
            break
        if not done:
            i += 1
    out.append(query[last:])
    return "".join(out), replaced


def headword_pos(corpus, target):
    """The part of speech in a dictionary item's tags (corpus.py writes it), or None."""
    if not corpus or not target:
        return None
    try:
        with open(os.path.join(corpus, target + ".md"), encoding="utf-8") as f:
            for number, line in enumerate(f):
                if line.startswith("tags:"):
                    for tag in re.findall(r"[\w-]+", line[5:]):
                        if tag in TAG_POS:
                            return TAG_POS[tag]
                if number > 0 and line.startswith("---"):
                    break                               # the end of the front matter
    except OSError:
        pass
    return None


def main():
    args = sys.argv[1:]
    options = {"--out": None, "--corpus": None, "--seed": "14", "--wordnet": "/usr/share/wordnet"}
    for flag in list(options):
        if flag in args:
            i = args.index(flag)
            options[flag] = args[i + 1]
            del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__.split("\n\n")[1])
    queries = args[0]
    out = options["--out"] or os.path.join(os.path.dirname(os.path.abspath(queries)), "paraphrased.tsv")
    if not os.path.exists(os.path.join(options["--wordnet"], "data.noun")):
        sys.exit(f"paraphrase: no WordNet in {options['--wordnet']} (apt-get install wordnet-base)")
    wn = WordNet(options["--wordnet"])
    counts = {}
    lines = []
    for line in open(queries, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        kind, q, target, filt = line.rstrip("\n").split("\t")
        if not target:
            continue
        c = counts.setdefault(kind, [0, 0, 0])
        c[0] += 1
        rnd = random.Random(f"{options['--seed']}\t{q}")
        new, n = paraphrase(wn, q, rnd, headword_pos(options["--corpus"], target) if kind == "headword" else None)
        if n == 0 or new.lower() == q.lower():
            continue
        c[1] += 1
        c[2] += n
        lines.append(f"#\toriginal\t{q}\n{kind}\t{new}\t{target}\t{filt}\n")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# kind\tquery (known-item query with WordNet synonyms, bench/paraphrase.py)\ttarget item\t"
                "filter its source matches\n")
        f.writelines(lines)
    kept, total = sum(c[1] for c in counts.values()), sum(c[0] for c in counts.values())
    for kind, (n, k, words) in counts.items():
        print(f"paraphrase: {kind}: {k} of {n} kept, {words} words replaced", file=sys.stderr)
    print(f"{kept} {total}")


if __name__ == "__main__":
    main()
