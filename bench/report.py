#!/usr/bin/env python3
"""Writes results.json and results.md of a benchmark run from the files bench/run left in OUT.

Usage: report.py OUT
Reads OUT/facts.json (figures the shell script measured), OUT/tacit-*.json (wrk), OUT/serverlog.json,
OUT/relevance.json, OUT/raw.json and OUT/pg.json (when PostgreSQL was there), OUT/loadavg.log.
"""
import glob
import json
import os
import sys


def load(path, default=None):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def fmt(v, digits=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def ok(condition):
    return "–" if condition is None else ("yes" if condition else "**no**")


def main():
    out = sys.argv[1]
    facts = load(os.path.join(out, "facts.json"), {})
    server = load(os.path.join(out, "serverlog.json"), {})
    raw = load(os.path.join(out, "raw.json"))
    pg = load(os.path.join(out, "pg.json"))
    relevance = load(os.path.join(out, "relevance.json"))
    tacit = {}
    for path in sorted(glob.glob(os.path.join(out, "tacit-*.json"))):
        name = os.path.basename(path)[len("tacit-"):-len(".json")]   # plain-8
        mode, clients = name.rsplit("-", 1)
        r = load(path)
        if r:
            r["server"] = server.get(name)
            tacit[(mode, int(clients))] = r
    pages = {}
    for name in facts.get("pages", []):
        r = load(os.path.join(out, f"page-{name}.json"))
        if r:
            pages[name] = {"client": r, "server": server.get("page-" + name)}
    loads = []
    try:
        for line in open(os.path.join(out, "loadavg.log")):
            parts = line.split()
            if len(parts) >= 2:
                loads.append(float(parts[1]))
    except OSError:
        pass
    load_summary = {"samples": len(loads), "min": min(loads) if loads else None,
                    "mean": round(sum(loads) / len(loads), 2) if loads else None, "max": max(loads) if loads else None}

    def ref(results, mode, clients):
        if not results:
            return None
        return next((r for r in results["runs"] if r["mode"] == mode and r["clients"] == clients), None)

    runs = []
    for (mode, clients), t in sorted(tacit.items(), key=lambda kv: (kv[0][0] != "plain", kv[0][1])):
        r = ref(raw, mode, clients)
        rf = ref(raw, "facets", clients) if mode == "plain" else None
        p = ref(pg, mode, clients)
        runs.append({
            "mode": mode, "clients": clients,
            "tacit": t, "raw_lucene": r, "raw_lucene_with_facets": rf, "postgresql": p,
            "throughput_tacit_over_raw": round(t["rps"] / r["rps"], 3) if r and r["rps"] else None,
            "throughput_tacit_over_raw_with_facets": round(t["rps"] / rf["rps"], 3) if rf and rf["rps"] else None,
            "throughput_tacit_over_postgresql": round(t["rps"] / p["rps"], 3) if p and p["rps"] else None,
        })
    eight = next((r for r in runs if r["mode"] == "plain" and r["clients"] == 8), None)
    items = facts.get("items", 0)
    results = {
        "command": facts.get("command"), "date": facts.get("date"), "machine": {**facts.get("machine", {}),
                                                                                 "loadavg_1min": load_summary},
        "corpus": facts.get("corpus"), "items": items, "body_chars": facts.get("body_chars"),
        "import": facts.get("import"), "reindex": facts.get("reindex"), "startup": facts.get("startup"),
        "memory": facts.get("memory"), "disk": facts.get("disk"),
        "search": runs, "pages": pages,
        "relevance": {"tacit": relevance, "raw_lucene": raw and raw.get("relevance"),
                      "postgresql": pg and pg.get("relevance")},
        "references": {"raw_lucene_index": raw and {k: raw[k] for k in ("documents", "index_seconds", "index_items_per_s")},
                       "postgresql_load": pg and {k: v for k, v in pg.items() if k not in ("runs", "relevance")}},
        "hits": {"tacit": load(os.path.join(out, "hits.json")), "raw_lucene": raw and raw.get("hits")},
    }
    imp, rei, st, mem, disk = (results[k] or {} for k in ("import", "reindex", "startup", "memory", "disk"))
    goals = {
        "import_items_per_s": (imp.get("items_per_s"), ">= 1,000/s", imp.get("items_per_s") and imp["items_per_s"] >= 1000),
        "reindex_seconds": (rei.get("seconds"), "<= 60 s at 100k", rei.get("seconds") and rei["seconds"] <= 60 if items >= 100000 else None),
        "startup_seconds": (st.get("after_import_s"), "<= 5 s", st.get("after_import_s") and st["after_import_s"] <= 5),
        "p50_8_clients_ms": (eight and eight["tacit"]["p50_ms"], "<= 10 ms at 100k",
                             eight and eight["tacit"]["p50_ms"] <= 10 if items >= 100000 else None),
        "p99_8_clients_ms": (eight and eight["tacit"]["p99_ms"], "<= 50 ms at 100k",
                             eight and eight["tacit"]["p99_ms"] <= 50 if items >= 100000 else None),
        "throughput_over_raw_8_clients": (eight and eight["throughput_tacit_over_raw"], ">= 0.5",
                                          eight and eight["throughput_tacit_over_raw"] and eight["throughput_tacit_over_raw"] >= 0.5),
        "heap_max": (mem.get("max_heap"), "serves 100k within -Xmx512m",
                     facts.get("search_errors", 1) == 0 and mem.get("max_heap_mb", 1e9) <= 512 if items >= 100000 else None),
        "mrr10_tacit_vs_raw": ((relevance or {}).get("mrr10"), ">= raw Lucene BM25's",
                               relevance and raw and relevance["mrr10"] >= raw["relevance"]["mrr10"]),
    }
    results["goals"] = {k: {"value": v, "goal": g, "met": m} for k, (v, g, m) in goals.items()}
    with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)

    m = results["machine"]
    lines = [f"# Tacit benchmark, {results['date']}", "",
             f"Command: `{results['command']}`", "",
             f"Corpus: {results['corpus']}: **{items:,} items** ({results['body_chars']:,} characters of body).",
             f"Machine: {m.get('nproc')} CPUs ({m.get('cpu')}), {m.get('memory_gb')} GB memory, {m.get('jdk')}; "
             f"PostgreSQL {pg['server_version'] if pg else 'not measured'}.",
             f"1-minute load average during the run: min {fmt(load_summary['min'], 2)}, mean "
             f"{fmt(load_summary['mean'], 2)}, max {fmt(load_summary['max'], 2)} ({load_summary['samples']} samples, "
             "every 5 s; above ~1 other processes competed for the CPUs). Tacit ran with "
             f"`{facts.get('java_opts')}`; the load generator (wrk) shares the machine.", "",
             "## Goals", "",
             "| figure | measured | goal | met |", "| --- | ---: | --- | --- |"]
    names = {"import_items_per_s": "import, items/s (end to end)", "reindex_seconds": "full reindex, s",
             "startup_seconds": "start-up to healthy, s", "p50_8_clients_ms": "search p50, 8 clients, ms",
             "p99_8_clients_ms": "search p99, 8 clients, ms",
             "throughput_over_raw_8_clients": "search throughput, API / raw Lucene (8 clients)",
             "heap_max": "heap limit while serving", "mrr10_tacit_vs_raw": "known-item MRR@10, Tacit"}
    for k, g in results["goals"].items():
        lines.append(f"| {names[k]} | {fmt(g['value'], 3 if isinstance(g['value'], float) and g['value'] < 10 else 1)} "
                     f"| {g['goal']} | {ok(g['met'])} |")
    lines += ["", "## Search", "",
              "Throughput in requests/s; latency in ms as the client saw it (wrk for Tacit, in-process timing for "
              "the references), Tacit's server time from Tomcat's access log. Raw Lucene ranks the top 20 and "
              "reads their titles; \"+facets\" adds an exact count and facet counts, which Tacit's API computes "
              "on every request.", "",
              "| queries | clients | Tacit req/s | p50 | p95 | p99 | server p50 / p99 | raw Lucene req/s | p50 / p99 "
              "| Tacit / raw | raw+facets req/s | Tacit / raw+facets | PostgreSQL req/s | p50 / p99 |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in runs:
        t, rl, rf, p, s = r["tacit"], r["raw_lucene"], r["raw_lucene_with_facets"], r["postgresql"], r["tacit"]["server"]
        errors = sum(t["errors"].values())
        lines.append(
            f"| {r['mode']} | {r['clients']} | {fmt(t['rps'])}{' (' + str(errors) + ' errors)' if errors else ''} "
            f"| {fmt(t['p50_ms'], 2)} | {fmt(t['p95_ms'], 2)} | {fmt(t['p99_ms'], 2)} "
            f"| {fmt(s and s['p50_ms'], 2)} / {fmt(s and s['p99_ms'], 2)} "
            f"| {fmt(rl and rl['rps'])} | {fmt(rl and rl['p50_ms'], 2)} / {fmt(rl and rl['p99_ms'], 2)} "
            f"| {fmt(r['throughput_tacit_over_raw'], 3)} | {fmt(rf and rf['rps'])} "
            f"| {fmt(r['throughput_tacit_over_raw_with_facets'], 3)} | {fmt(p and p['rps'])} "
            f"| {fmt(p and p['p50_ms'], 2)} / {fmt(p and p['p99_ms'], 2)} |")
    lines += ["", "## Relevance (known item: the query is an item's title, the target is that item)", "",
              "| engine | queries | MRR@10 | Success@10 | headings MRR@10 | headwords MRR@10 |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, rel in (("Tacit (API)", relevance), ("raw Lucene BM25", raw and raw["relevance"]),
                      ("PostgreSQL ts_rank", pg and pg["relevance"])):
        if rel:
            bk = rel.get("by_kind", {})
            lines.append(f"| {name} | {rel['queries']} | {rel['mrr10']:.4f} | {rel['success10']:.4f} "
                         f"| {fmt(bk.get('heading', {}).get('mrr10'), 4)} | {fmt(bk.get('headword', {}).get('mrr10'), 4)} |")
    lines += ["", "## Pages (server time from the access log, one client)", "",
              "| page | requests | server p50, ms | server p95, ms | client p50, ms |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, pgs in pages.items():
        s = pgs["server"] or {}
        lines.append(f"| {name} | {fmt(pgs['client']['requests'])} | {fmt(s.get('p50_ms'), 2)} | {fmt(s.get('p95_ms'), 2)} "
                     f"| {fmt(pgs['client']['p50_ms'], 2)} |")
    lines += ["", "## Import, reindex, start-up, memory, disk", "",
              "| figure | value |", "| --- | ---: |",
              f"| import, s end to end (items/s) | {fmt(imp.get('seconds'), 1)} ({fmt(imp.get('items_per_s'))}) |",
              f"| of which the command's fixed cost, s (an empty folder, once per command) | {fmt(imp.get('empty_folder_s'), 2)} × {imp.get('commands')} |",
              f"| imported items skipped as invalid | {fmt(imp.get('skipped'))} |",
              f"| reindex, s end to end (rebuild alone) | {fmt(rei.get('seconds'), 1)} ({fmt(rei.get('rebuild_s'), 1)}), {fmt(rei.get('documents'))} documents |",
              f"| start-up to healthy, s: first start after import / after reindex | {fmt(st.get('after_import_s'), 2)} / {fmt(st.get('after_reindex_s'), 2)} |",
              f"| heap after import: used after a full GC / committed, MB (limit) | {fmt(mem.get('heap_live_mb'))} / {fmt(mem.get('heap_committed_mb'))} ({mem.get('max_heap')}) |",
              f"| RSS after import / after the search runs, MB | {fmt(mem.get('rss_after_import_mb'))} / {fmt(mem.get('rss_after_search_mb'))} |",
              f"| index on disk, MB; database on disk, MB | {fmt(disk.get('index_mb'))}; {fmt(disk.get('database_mb'))} |"]
    if raw:
        lines.append(f"| raw Lucene: indexing the same items, s (items/s) | {fmt(raw['index_seconds'], 1)} ({fmt(raw['index_items_per_s'])}) |")
    if pg:
        lines.append(f"| PostgreSQL: load with tsvector, GIN index, s | {fmt(pg['load_seconds'], 1)}, {fmt(pg['index_seconds'], 1)} |")
    with open(os.path.join(out, "results.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
