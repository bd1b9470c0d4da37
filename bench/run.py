"""Benchmarks: extraction and ingest throughput, store size, peak memory, and query latency
on the embedded Oxigraph store versus rdflib's in-memory store, at several corpus sizes.

    python bench/run.py                       # 1k articles
    python bench/run.py --sizes 1000,10000    # what the README reports
    python bench/run.py --sizes 1000 --json   # JSON only

Each size runs in a fresh child process, so peak RSS is that size's own. The query latencies
are timed in one more process that opens the finished store afresh, as each CLI call does.
Prints a table and writes the figures as JSON (bench/results.json unless --out says otherwise).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _pct(samples: list[float], p: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def _latency(fn, runs: int) -> dict:
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(_pct(samples, 50), 2), "p95_ms": round(_pct(samples, 95), 2)}


def one(n: int, rdflib_max: int, runs: int) -> dict:
    from corpus import write_corpus

    from anhui_kg.documents import article_paths, load_article
    from anhui_kg.extraction import extract, load_aliases
    from anhui_kg.pipeline import default_jobs, ingest
    from anhui_kg.store import open_store

    out: dict = {"articles": n}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(n, folder)

        # ingest first, in a fresh process, so its peak RSS is its own
        store_path = Path(tmp) / "store"
        store = open_store(store_path)
        t = time.perf_counter()
        out["jobs"] = jobs = default_jobs()
        report = ingest([folder], store, validate_shapes=False, jobs=jobs)
        wall = time.perf_counter() - t
        out["ingest_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        # the extraction workers are processes of their own: the largest one's peak
        out["worker_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)

        # extraction alone, one article at a time, in this process (CPU time per core)
        aliases = load_aliases()
        files = article_paths([folder])
        extract(load_article(files[0]), aliases)  # compile the grammar once
        size, cpu = 0, 0.0
        for f in files:
            a = load_article(f)
            size += len(a.text.encode("utf-8"))
            t0 = time.process_time()
            extract(a, aliases)
            cpu += time.process_time() - t0
        out["text_kb"] = round(size / 1024)
        out["extraction_kb_per_s_per_core"] = round(size / 1024 / cpu)
        print(json.dumps({"progress": out}), file=sys.stderr, flush=True)

        quads = len(store)
        out["ingest_s"] = round(wall, 1)
        out["ingest_articles_per_s"] = round(n / wall, 1)
        out["ingest_triples_per_s"] = round(quads / wall)
        out["quads"] = quads
        out["deals"] = report.deals
        store.close()
        out["store_mb"] = round(sum(f.stat().st_size for f in store_path.rglob("*") if f.is_file()) / 2**20, 1)
        store = open_store(store_path)

        # incremental ingest: one new article into the full store; the stored articles are
        # resolved with it again, but read from the extraction cache, not re-extracted
        extra = Path(tmp) / "extra"
        [one_new] = write_corpus(1, extra, seed=n + 1)
        one_new.rename(extra / "added_one.txt")
        (extra / "manifest.json").unlink()
        t = time.perf_counter()
        ingest([extra], store, validate_shapes=False, jobs=jobs)
        out["add_one_article_s"] = round(time.perf_counter() - t, 1)

        print(json.dumps({"progress": out}), file=sys.stderr, flush=True)
        store.close()
        # the queries run in a process of their own that opens the store afresh, as each
        # `anhui-kg partners` call does; the process that has just built the store is not
        # what a user queries
        proc = subprocess.run(
            [sys.executable, __file__, "--queries", str(store_path), "--rdflib-max", str(rdflib_max),
             "--runs", str(runs), "--articles", str(n)],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        if proc.returncode != 0:
            raise RuntimeError(f"query timing at {n} articles failed:\n{proc.stderr}")
        out.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    out["ingest_process_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def queries(store_path: Path, n: int, rdflib_max: int, runs: int) -> dict:
    """Latencies of `partners` and of the same SPARQL on rdflib, on a store opened afresh."""
    from anhui_kg.queries import load_query
    from anhui_kg.store import open_store
    from anhui_kg.views import partners

    out: dict = {}
    store = open_store(store_path)
    # the busiest company (one aggregate query), and a two-year window
    top = store.select(
        "PREFIX akg: <https://w3id.org/anhui-kg/ontology#>\n"
        "SELECT ?p (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d akg:party ?p } GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1")
    company = str(top[0]["p"]).rsplit("/", 1)[-1]
    out["busiest_company_deals"] = int(top[0]["n"])
    out["partners_one_company"] = _latency(lambda: partners(store, company), runs)
    # and a company with the median number of deals
    counts = store.select(
        "PREFIX akg: <https://w3id.org/anhui-kg/ontology#>\n"
        "SELECT ?p (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d akg:party ?p } GROUP BY ?p ORDER BY ?n ?p")
    median = counts[len(counts) // 2]
    typical = str(median["p"]).rsplit("/", 1)[-1]
    out["median_company_deals"] = int(median["n"])
    out["partners_median_company"] = _latency(lambda: partners(store, typical), runs)
    # a two-year window returns a fifth of all deals (3,000 at 10k articles): fewer runs
    out["partners_date_range"] = _latency(lambda: partners(store, since="2020", until="2021"),
                                          max(5, runs // 10))

    # the same SPARQL on rdflib's in-memory store, up to the size it can manage
    sparql = load_query("partners").replace(
        "WHERE {", "WHERE {\n  VALUES ?party { <https://w3id.org/anhui-kg/entity/%s> }" % company, 1)
    if n <= rdflib_max:  # the same SPARQL on both stores, for the ratio
        out["oxigraph_partners_sparql"] = _latency(lambda: store.select(sparql), max(5, runs // 10))
        import rdflib

        ds = store.dataset()
        union = rdflib.Graph()
        for g in ds.graphs():
            for triple in g:
                union.add(triple)
        out["rdflib_partners_sparql"] = _latency(lambda: list(union.query(sparql)), 3)  # slow: 3 runs
        out["speedup_vs_rdflib"] = round(
            out["rdflib_partners_sparql"]["p50_ms"] / max(out["oxigraph_partners_sparql"]["p50_ms"], 0.01), 1)
    store.close()
    out["peak_rss_mb"] = _own_peak_rss_mb()
    return out


def _own_peak_rss_mb() -> int:
    """This process's peak RSS since it started. On Linux ru_maxrss survives exec, so a
    child started by a large process reports its parent's size; the kernel's VmHWM of the
    new address space does not, and is read where there is one."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def table(rows: list[dict]) -> str:
    cols = [
        ("articles", "articles"), ("text_kb", "text KB"),
        ("extraction_kb_per_s_per_core", "extract KB/s/core"), ("ingest_s", "ingest s"),
        ("ingest_articles_per_s", "articles/s"), ("ingest_triples_per_s", "triples/s"),
        ("store_mb", "store MB"), ("add_one_article_s", "add 1 article s"), ("ingest_peak_rss_mb", "ingest peak RSS MB"), ("worker_peak_rss_mb", "worker peak RSS MB"), ("ingest_process_peak_rss_mb", "build process peak RSS MB (ingest, then add 1)"), ("peak_rss_mb", "query process peak RSS MB (with rdflib)"),
        ("partners_one_company", "partners busiest p50/p95 ms"), ("partners_median_company", "partners median p50/p95 ms"), ("partners_date_range", "date range p50/p95 ms"),
        ("oxigraph_partners_sparql", "SPARQL oxigraph p50 ms"), ("rdflib_partners_sparql", "SPARQL rdflib p50 ms"),
        ("speedup_vs_rdflib", "× faster"),
    ]

    def cell(v):
        if isinstance(v, dict):
            return f"{v['p50_ms']}/{v['p95_ms']}" if "p95_ms" in v else str(v)
        return "-" if v is None else str(v)

    head = [c[1] for c in cols]
    body = [[cell(r.get(k)) for k, _ in cols] for r in rows]
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(b, widths)) for b in body]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000", help="comma-separated corpus sizes")
    ap.add_argument("--rdflib-max", type=int, default=10000, help="largest size to also run on rdflib")
    ap.add_argument("--runs", type=int, default=50, help="query repetitions for the latencies")
    ap.add_argument("--out", default=str(HERE / "results.json"))
    ap.add_argument("--json", action="store_true", help="print JSON only")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--queries", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.queries:
        print(json.dumps(queries(args.queries, args.articles, args.rdflib_max, args.runs)))
        return
    if args.one:
        print(json.dumps(one(args.one, args.rdflib_max, args.runs)))
        return
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        if not args.json:
            print(f"running {n} articles ...", file=sys.stderr)
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--rdflib-max", str(args.rdflib_max), "--runs", str(args.runs)],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        if not args.json:
            sys.stderr.write(proc.stderr)
        if proc.returncode != 0:
            sys.exit(f"benchmark at {n} articles failed:\n{proc.stderr}")
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    Path(args.out).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(rows, indent=2) if args.json else table(rows))


if __name__ == "__main__":
    main()
