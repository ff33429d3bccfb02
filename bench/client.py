#!/usr/bin/env python3
"""Small HTTP and file helpers of bench/run (standard library only).

  client.py paths QUERIES ORG MODE PHASE [SEARCH]  request paths of the search API for wrk, one a line
  client.py login BASE EMAIL PASSWORD             signs in like a browser; prints the Cookie header
  client.py items BASE ORG TOKEN QUERIES N        the paths of N item pages, spread over the corpora
  client.py relevance BASE ORG TOKEN QUERIES CORPUS [SEARCH]   known-item MRR@10 and Success@10 through
                                                  the API (JSON)
  client.py hits BASE ORG TOKEN QUERIES           each query's total through the API (JSON)
  client.py serverlog ACCESS_LOG                  server time per phase from Tomcat's access log (JSON)
  client.py metric BASE TOKEN NAME [TAG]          one actuator metric's value (bytes, seconds...)
  client.py vectors BASE TOKEN [FILE]             the health endpoint's vectors component, one line:
                                                  STATUS OTHERS_UP PENDING PASSAGES EMBEDDED ENABLED AVAILABLE
                                                  (the whole answer to FILE); exit 1 if no answer

Every search path carries a "b=PHASE" parameter that the application ignores; it tells the phases
apart in the access log. SEARCH (keyword, semantic or hybrid) is sent as the API's "mode" parameter;
without it the request has no mode and the API uses its default.
"""
import http.cookiejar
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


def queries(path):
    out = []
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        kind, q, target, filt = line.rstrip("\n").split("\t")
        out.append((kind, q, target, filt))
    return out


def search_path(org, q, filt, phase, size=None, search=None):
    query = "q=" + urllib.parse.quote(q, safe="")
    if filt:
        query += "&" + filt
    if size:
        query += f"&size={size}"
    if search:
        query += "&mode=" + urllib.parse.quote(search, safe="")
    return f"/api/v1/orgs/{org}/search?{query}&b={phase}"


def get(base, path, token=None, opener=None):
    request = urllib.request.Request(base + path, headers={"Accept": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with (opener or urllib.request.build_opener()).open(request, timeout=120) as response:
        return json.loads(response.read())


def paths(args):
    qs, org, mode, phase = args[:4]
    search = args[4] if len(args) > 4 else None
    for kind, q, target, filt in queries(qs):
        print(search_path(org, q, filt if mode == "filtered" else "", phase, search=search))


def login(args):
    base, email, password = args
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login", timeout=60).read().decode("utf-8")
    csrf = re.search(r'name="_csrf"\s+value="([^"]+)"', page) or re.search(r'value="([^"]+)"\s+name="_csrf"', page)
    form = urllib.parse.urlencode({"email": email, "password": password, "_csrf": csrf.group(1)}).encode()
    opener.open(urllib.request.Request(base + "/login", data=form), timeout=60).read()
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
    home = opener.open(base + "/", timeout=60)
    if "/login" in home.geturl():
        sys.exit("bench: signing in failed")
    print(cookies)


def items(args):
    """The pages of the items that the heading and headword queries find first: spread over the corpora."""
    base, org, token, qs, n = args
    urls = []
    for kind, q, target, filt in queries(qs):
        if target and len(urls) < int(n):
            found = get(base, search_path(org, q, "", "items", 1), token)["hits"]
            if found and found[0]["url"] not in urls:
                urls.append(found[0]["url"])
    print("\n".join(urls))


def title_of(corpus, target):
    with open(os.path.join(corpus, target + ".md"), encoding="utf-8") as f:
        f.readline()
        for line in f:
            if line.startswith("title:"):
                value = line[len("title:"):].strip()
                return value[1:-1] if value.startswith('"') and value.endswith('"') else value
    return None


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip().lower()


def relevance(args):
    base, org, token, qs, corpus = args[:5]
    search = args[5] if len(args) > 5 else None
    by_kind, ranks, modes, notes = {}, {}, {}, {}
    for kind, q, target, filt in queries(qs):
        if not target:
            continue
        # titles are unique among the items (corpus.py chooses only such queries): the title names the item
        want = norm(title_of(corpus, target))
        answer = get(base, search_path(org, q, "", "relevance" + ("-" + search if search else ""), 10, search), token)
        hits = answer["hits"]
        # the mode the API says it used, and its notes (a fallback to keywords, for instance): counted
        used = str(answer.get("mode"))
        modes[used] = modes.get(used, 0) + 1
        for note in answer.get("notes") or []:
            notes[note] = notes.get(note, 0) + 1
        rank = next((i + 1 for i, h in enumerate(hits) if h["type"] == "item" and norm(h["title"]) == want), 0)
        k = by_kind.setdefault(kind, [0, 0.0, 0])
        k[0] += 1
        k[1] += 1 / rank if rank else 0
        k[2] += 1 if rank else 0
        ranks[q] = rank
    n = sum(k[0] for k in by_kind.values())
    extra = {"mode_requested": search, "modes_used": modes, "notes": notes} if search else {}
    print(json.dumps({
        **extra,
        "queries": n,
        "mrr10": round(sum(k[1] for k in by_kind.values()) / max(1, n), 4),
        "success10": round(sum(k[2] for k in by_kind.values()) / max(1, n), 4),
        "by_kind": {kind: {"queries": k[0], "mrr10": round(k[1] / k[0], 4), "success10": round(k[2] / k[0], 4)}
                    for kind, k in by_kind.items()},
        "ranks": ranks,
    }))


def hits(args):
    base, org, token, qs = args
    print(json.dumps({q: get(base, search_path(org, q, "", "hits"), token)["total"] for _, q, _, _ in queries(qs)}))


def pct(values, p):
    if not values:
        return 0
    values = sorted(values)
    rank = max(1, -(-len(values) * p // 100))
    return values[int(rank) - 1]


def serverlog(args):
    (log,) = args
    phases = {}
    for line in open(log, encoding="utf-8", errors="replace"):
        # pattern "%r %s %{us}T": GET /path?...&b=phase HTTP/1.1 200 1234
        m = re.match(r"\S+ (\S+) \S+ (\d{3}) (\d+)$", line.strip())
        if not m:
            continue
        path, status, micros = m.group(1), int(m.group(2)), int(m.group(3))
        phase = re.search(r"[?&]b=([\w.-]+)", path)
        if not phase:
            continue
        p = phases.setdefault(phase.group(1), {"times": [], "errors": 0})
        p["times"].append(micros / 1000)
        p["errors"] += status >= 400
    print(json.dumps({name: {"requests": len(p["times"]), "errors": p["errors"],
                             "p50_ms": round(pct(p["times"], 50), 3), "p95_ms": round(pct(p["times"], 95), 3),
                             "p99_ms": round(pct(p["times"], 99), 3),
                             "mean_ms": round(sum(p["times"]) / max(1, len(p["times"])), 3)}
                      for name, p in phases.items()}))


def metric(args):
    base, token, name = args[:3]
    tag = ("?tag=" + urllib.parse.quote(args[3])) if len(args) > 3 else ""
    m = get(base, f"/actuator/metrics/{name}{tag}", token)
    print(next(x["value"] for x in m["measurements"] if x["statistic"] in ("VALUE", "COUNT")))


def vectors(args):
    """The semantic-search queue's state from /actuator/health. A 503 is an answer too (a component is
    down, perhaps the vectors while they catch up): OTHERS_UP says whether every other component is up."""
    base, token = args[:2]
    request = urllib.request.Request(base + "/actuator/health", headers={"Accept": "application/json",
                                                                        "Authorization": "Bearer " + token})
    try:
        with urllib.request.build_opener().open(request, timeout=30) as response:
            body = response.read()
    except urllib.error.HTTPError as e:
        body = e.read()
    except (OSError, ValueError):
        sys.exit(1)
    try:
        health = json.loads(body)
    except ValueError:
        sys.exit(1)
    if len(args) > 2:
        with open(args[2], "w", encoding="utf-8") as f:
            json.dump(health, f, indent=2)
    components = health.get("components") or {}
    v = components.get("vectors") or {}
    d = v.get("details") or {}
    others = all((c or {}).get("status") == "UP" for name, c in components.items() if name != "vectors")

    def field(name):
        value = d.get(name)
        return "-" if value is None else str(value).lower()
    print(health.get("status", "-"), str(others).lower(), field("pending"), field("passages"), field("embedded"),
          field("enabled"), field("available") if v else "none")


if __name__ == "__main__":
    command, rest = sys.argv[1], sys.argv[2:]
    {"paths": paths, "login": login, "items": items, "relevance": relevance, "hits": hits,
     "serverlog": serverlog, "metric": metric, "vectors": vectors}[command](rest)
