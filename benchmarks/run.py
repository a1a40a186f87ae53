"""Build a database of N synthetic letters and measure IMR Case Law against DESIGN.md section 10.

    .venv/bin/python benchmarks/run.py --letters 1000000 --database postgresql
    .venv/bin/python benchmarks/run.py --letters 100000 --database sqlite

One command, every step:

1. generate N letters (``manage.py generate_letters``, cached under
   ``benchmarks/data/letters-N-SEED/``);
2. create an empty database (PostgreSQL ``imrcases_bench_N`` at 127.0.0.1, or
   ``benchmarks/data/bench-N.sqlite3``), migrate, and time the bulk ingest
   (``manage.py ingest --workers W``): letters per second;
3. serve the app with gunicorn (production settings) and time every search
   of ``searches.SEARCHES`` through HTTP (whole page, p50 and p95), beside the
   naive SQL of the same search on the same data and the ratio of the two;
4. time letter pages (p95) and a CSV export of the whole corpus (rows per
   second, and the peak RSS of the worker that streamed it).

Prints a table and writes ``benchmarks/out/results-DATABASE-N.json``.
``--skip-build`` measures an existing database again. Outside the test suite:
speed targets are checked here, never by timed tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from searches import SEARCHES, naive_sql

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "benchmarks" / "data"
OUT = PROJECT / "benchmarks" / "out"
PYTHON = sys.executable
PORT = 8765
#: gunicorn workers of the server the searches and letter pages are timed on.
SERVER_WORKERS = 2
TARGETS = {
    "postgresql": {
        "ingest_letters_per_s": 1000,
        "search_p95_ms": 200,
        "letter_p95_ms": 50,
        "export_rows_per_s": 50_000,
    },
    "sqlite": {"search_p95_ms": 200, "letter_p95_ms": 50},
}
EXPORT_RSS_LIMIT_MB = 200


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, required=True)
    parser.add_argument("--database", choices=("postgresql", "sqlite"), required=True)
    parser.add_argument("--seed", default="bench")
    parser.add_argument("--workers", type=int, default=2, help="parsing processes for the bulk ingest")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per search")
    parser.add_argument("--skip-build", action="store_true", help="measure the existing database again")
    parser.add_argument(
        "--no-naive", action="store_true", help="leave out the naive SQL baseline (minutes a search at 1M letters)"
    )
    args = parser.parse_args()

    env = _environment(args.database, args.letters)
    results: dict = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": _machine(),
        "command": " ".join([Path(PYTHON).name, *sys.argv]),
        "database": args.database,
        "letters": args.letters,
    }
    if not args.skip_build:
        letters = _generate(args.letters, args.seed, args.workers)
        results["ingest"] = _build(letters, args, env)
    results["rows"] = _sizes(args.database, env)
    _prewarm(args.database, env, SEARCH_TABLES, "the search tables")
    with _server(env) as base:
        results["searches"] = _searches(base, args, env)
        results["letter_pages"] = _letter_pages(base, args, env)
    results["export"] = _export(env)
    if args.database == "postgresql":  # again with the decisions in memory, as a server exporting often keeps them
        _prewarm(args.database, env, EXPORT_TABLES, "the tables the export joins")
        results["export_warm"] = _export(env)
    results["targets"] = _verdicts(results, args.database)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"results-{args.database}-{args.letters}.json"
    path.write_text(json.dumps(results, indent=2, default=str))
    _print(results)
    print(f"\nwritten to {path.relative_to(PROJECT)}")
    return 0


def _environment(database: str, letters: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "benchmark-only-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_STATIC_ROOT": str(DATA / "static"),
        }
    )
    if database == "postgresql":
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/imrcases_bench_{letters}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{DATA / f'bench-{letters}.sqlite3'}"
    return env


def _machine() -> dict:
    memory = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, str(PROJECT / "manage.py"), *args], env=env, cwd=PROJECT, check=True)


def _generate(count: int, seed: str, workers: int) -> Path:
    folder = DATA / f"letters-{count}-{seed}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {count:,} letters into {folder.relative_to(PROJECT)} ...", flush=True)
        _manage("generate_letters", "--count", str(count), "--seed", seed, "--out", str(folder),
                "--workers", str(workers), env=dict(os.environ))  # fmt: skip
        done.write_text("")
    return folder


def _build(letters: Path, args: argparse.Namespace, env: dict[str, str]) -> dict:
    if args.database == "postgresql":
        name = env["DATABASE_URL"].rsplit("/", 1)[1]
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True
        )
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DATA / f'bench-{args.letters}.sqlite3'}{suffix}").unlink(missing_ok=True)
    _manage("migrate", "-v0", env=env)
    print(f"ingesting {letters.relative_to(PROJECT)} with {args.workers} workers ...", flush=True)
    started = time.perf_counter()
    _manage("ingest", "--workers", str(args.workers), str(letters), env=env)
    ingest_s = time.perf_counter() - started
    started = time.perf_counter()
    _analyze(args.database, env)
    analyze_s = time.perf_counter() - started
    return {
        "seconds": round(ingest_s, 1),
        "letters_per_s": round(args.letters / ingest_s, 1),
        "analyze_seconds": round(analyze_s, 1),
    }


def _analyze(database: str, env: dict[str, str]) -> None:
    if database == "postgresql":
        name = env["DATABASE_URL"].rsplit("/", 1)[1]
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", name, "-qc", "VACUUM ANALYZE"], check=True)
    else:
        with sqlite3.connect(_sqlite_path(env)) as db:
            db.execute("ANALYZE")


def _sqlite_path(env: dict[str, str]) -> str:
    return env["DATABASE_URL"].removeprefix("sqlite:///")


@contextmanager
def _connection(database: str, env: dict[str, str]):
    if database == "postgresql":
        import psycopg

        with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://"), autocommit=True) as db:
            yield db
    else:
        db = sqlite3.connect(_sqlite_path(env))
        try:
            yield db
        finally:
            db.close()


def _sizes(database: str, env: dict[str, str]) -> dict:
    with _connection(database, env) as db:
        letters = db.execute("SELECT count(*) FROM determinations_determination").fetchone()[0]
        decisions = db.execute("SELECT count(*) FROM determinations_searchentry").fetchone()[0]
    return {"letters": letters, "decisions": decisions}


#: What each measured step reads: the searches, the search rows and the phrase pairs (with their documents); the
#: export, the rows it joins to them for each decision's request and texts.
SEARCH_TABLES = ("determinations_searchentry", "determinations_phrasepairs")
EXPORT_TABLES = ("determinations_decision", "determinations_disputeditem")

_PREWARMED = """
SELECT sum(pg_prewarm(c.oid::regclass, 'read'))
FROM pg_class c
WHERE c.relname = ANY(%(tables)s)
   OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relname = ANY(%(tables)s))
   OR c.oid IN (SELECT indexrelid FROM pg_index JOIN pg_class t ON t.oid = indrelid WHERE t.relname = ANY(%(tables)s))
"""


def _prewarm(database: str, env: dict[str, str], tables: tuple[str, ...], what: str) -> None:
    """PostgreSQL: read ``tables``, their TOAST tables and their indexes into the OS cache before measuring.

    The database (26 GB at a million letters) is larger than the page cache, so what the last command read
    decided how fast the first searches ran; a server in use keeps its search table warm.
    """
    if database != "postgresql":
        return
    with _connection(database, env) as db:
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        blocks = db.execute(_PREWARMED, {"tables": list(tables)}).fetchone()[0]
    print(f"prewarmed {what}: {blocks * 8 // 1024:,} MB", flush=True)


@contextmanager
def _server(env: dict[str, str], workers: int = SERVER_WORKERS):
    """gunicorn serving the app (production settings) on 127.0.0.1:PORT."""
    _manage("collectstatic", "--no-input", "-v0", env=env)
    gunicorn = str(Path(PYTHON).with_name("gunicorn"))
    command = [gunicorn, "imrcases.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", str(workers), "--timeout", "600"]
    process = subprocess.Popen(command, env=env, cwd=PROJECT, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/letters/none/", timeout=5)
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.2)
        yield base, process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def _get(url: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:
        body = response.read()
    return (time.perf_counter() - started) * 1000, body


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _searches(server, args: argparse.Namespace, env: dict[str, str]) -> list[dict]:
    base, _ = server
    rows = []
    for search in SEARCHES:
        url = f"{base}/?{search.query_string}"
        _warm(url)
        times = [_get(url)[0] for _ in range(args.repeat)]
        naive = None if args.no_naive else _naive_ms(search, args.database, env)
        p50 = statistics.median(times)
        rows.append(
            {
                "search": search.name,
                "query": search.query_string,
                "p50_ms": round(p50, 1),
                "p95_ms": round(_percentile(times, 0.95), 1),
                "naive_sql_ms": round(naive, 1) if naive is not None else None,
                "speedup": round(naive / p50, 1) if naive else None,
            }
        )
        print(
            f"  {search.name:32s} p50 {p50:8.1f} ms  p95 {rows[-1]['p95_ms']:8.1f} ms  naive {rows[-1]['naive_sql_ms']}",
            flush=True,
        )
    return rows


def _naive_ms(search, database: str, env: dict[str, str]) -> float | None:
    """The naive SQL of one search page, run twice; the second (warm) time in ms, or None on timeout."""
    statements = naive_sql(search, database)
    with _connection(database, env) as db:
        if database == "postgresql":
            db.execute("SET statement_timeout = '120s'")
        elapsed = None
        for _ in range(2):
            started = time.perf_counter()
            try:
                for sql, params in statements:
                    db.execute(sql if database == "postgresql" else sql.replace("%s", "?"), params).fetchall()
            except Exception as error:  # a timeout or an FTS5 syntax error: report it, keep measuring
                print(f"    naive SQL failed: {error}", flush=True)
                return None
            elapsed = (time.perf_counter() - started) * 1000
        return elapsed


def _warm(url: str) -> None:
    """Request ``url`` once on each of the server's workers, so that no timed request is a worker's first of its
    kind: as many requests at once as there are workers, each taken by an idle one (sync workers serve one at a
    time). A worker's first search with a selected facet, say, opens its read thread's connection."""
    with ThreadPoolExecutor(SERVER_WORKERS) as pool:
        list(pool.map(_get, [url] * SERVER_WORKERS))


def _letter_pages(server, args: argparse.Namespace, env: dict[str, str], sample: int = 200) -> dict:
    base, _ = server
    with _connection(args.database, env) as db:
        total = db.execute("SELECT max(id) FROM determinations_determination").fetchone()[0]
        ids = random.Random(1).sample(range(1, total + 1), min(sample, total))
        marks = ", ".join("%s" if args.database == "postgresql" else "?" for _ in ids)
        rows = db.execute(f"SELECT case_number, sha256 FROM determinations_determination WHERE id IN ({marks})", ids)
        citation_ids = [case or f"sha-{sha[:12]}" for case, sha in rows.fetchall()]  # as the site cites them
    times = []
    for citation_id in citation_ids:
        _get(f"{base}/letters/{citation_id}/")
        times.append(_get(f"{base}/letters/{citation_id}/")[0])
    return {
        "pages": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(_percentile(times, 0.95), 1),
    }


def _export(env: dict[str, str]) -> dict:
    """Stream the whole corpus as CSV from a fresh one-worker server; rows/s and the worker's peak RSS.

    The file is read in blocks and its rows counted by their CRLF endings (ingested text breaks lines with bare
    LFs), as a download would take it: splitting 2.3 million lines in Python took a fifth of a core from
    the server it was measuring.
    """
    with _server(env, workers=1) as (base, process):
        worker = _gunicorn_worker(process.pid)
        started = time.perf_counter()
        rows, carried = 0, b""
        with urllib.request.urlopen(f"{base}/export.csv", timeout=3600) as response:
            while block := response.read(1 << 20):
                block = carried + block
                rows += block.count(b"\r\n")
                carried = block[-1:]  # the CR of a CRLF split between two blocks is counted with the next
        seconds = time.perf_counter() - started
        peak_kb = _peak_rss_kb(worker)
    return {
        "rows": rows - 1,
        "seconds": round(seconds, 1),
        "rows_per_s": round((rows - 1) / seconds),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


def _gunicorn_worker(master: int) -> int:
    for _ in range(50):
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("gunicorn started no worker")


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for process {pid}")


def _verdicts(results: dict, database: str) -> dict:
    targets = TARGETS[database]
    verdicts = {}
    if "ingest" in results and "ingest_letters_per_s" in targets:
        verdicts["ingest"] = results["ingest"]["letters_per_s"] >= targets["ingest_letters_per_s"]
    worst = max(row["p95_ms"] for row in results["searches"])
    verdicts["search_p95"] = worst <= targets["search_p95_ms"]
    verdicts["letter_p95"] = results["letter_pages"]["p95_ms"] <= targets["letter_p95_ms"]
    if "export_rows_per_s" in targets:
        for run in ("export", "export_warm"):
            verdicts[run] = (
                results[run]["rows_per_s"] >= targets["export_rows_per_s"]
                and results[run]["peak_rss_mb"] < EXPORT_RSS_LIMIT_MB
            )
    return verdicts


def _print(results: dict) -> None:
    print(f"\nIMR Case Law benchmark: {results['letters']:,} letters on {results['database']}, {results['date']}")
    print(f"machine: {results['machine']['cores']} cores, {results['machine']['memory_gb']} GB")
    print(f"rows: {results['rows']['letters']:,} letters, {results['rows']['decisions']:,} decisions")
    if "ingest" in results:
        ingest = results["ingest"]
        print(
            f"ingest: {ingest['letters_per_s']:,} letters/s ({ingest['seconds']} s, then ANALYZE {ingest['analyze_seconds']} s)"
        )
    print(f"\n{'search':32s} {'p50 ms':>9s} {'p95 ms':>9s} {'naive SQL ms':>13s} {'speedup':>8s}")
    for row in results["searches"]:
        naive = "-" if row["naive_sql_ms"] is None else f"{row['naive_sql_ms']:,.1f}"
        speedup = "" if row["speedup"] is None else f"{row['speedup']:,.1f}x"
        print(f"{row['search']:32s} {row['p50_ms']:9.1f} {row['p95_ms']:9.1f} {naive:>13s} {speedup:>8s}")
    pages = results["letter_pages"]
    print(f"\nletter pages: p50 {pages['p50_ms']} ms, p95 {pages['p95_ms']} ms over {pages['pages']} letters")
    for run, label in (("export", "CSV export"), ("export_warm", "CSV export, its tables in memory")):
        if run in results:
            export = results[run]
            print(f"{label}: {export['rows']:,} rows in {export['seconds']} s = {export['rows_per_s']:,} rows/s, "
                  f"peak RSS {export['peak_rss_mb']} MB")  # fmt: skip
    print("targets: " + ", ".join(f"{name} {'met' if ok else 'MISSED'}" for name, ok in results["targets"].items()))


if __name__ == "__main__":
    sys.exit(main())
