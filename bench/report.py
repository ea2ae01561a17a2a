#!/usr/bin/env python3
"""Turns bench/run.sh's results.jsonl into the markdown report: per N and engine, each service scenario beside the
baseline's figure for the same request (measured in the same run, on the same engine) and the ratio; the baseline's
own rows; the processes' peak RSS and start-up time; and issue 13's targets, each held or not, with its numbers.

    python3 bench/report.py bench/results/<run>/results.jsonl [environment.txt]   # report.md
    python3 bench/report.py --readme bench/results/<run>/results.jsonl            # README.md's tables

The baseline (bench/Baseline) is what a careful hand-written app does for the same request on the same database: its
GET by id, first page, q search and create. A service scenario the baseline has no twin for (page 50, author, tag,
comments) is shown beside the baseline's first page. On PostgreSQL, CPU per request is the service's plus the
database server's (its processes' CPU during the run), since the work SQLite does inside the service is done there
in other processes.
"""
import json
import sys

DEFAULT_CONNECTIONS = 16  # runs before the connections field was recorded used wrk -c16

SERVICE_SCENARIOS = [
    # (scenario, label, the baseline scenario it is shown beside)
    ("get_one", "GET /posts/{id}", "get_one"),
    ("get_one_304", "GET /posts/{id}, If-None-Match → 304", "get_one"),
    ("list_first", "GET /posts (first page, size 20)", "list_first"),
    ("list_page50", "GET /posts page 50 (followed `next`)", "list_first"),
    ("author", "GET /posts?author=rarebird (100 posts)", "list_first"),
    ("tag_filter", "GET /posts?tag=quokka (100 posts)", "list_first"),
    ("comment_page", "GET /posts/{id}/comments (first page of 200)", "list_first"),
    ("search_rare", "GET /posts?q=zyzzyva (100 posts)", "search_rare"),
    ("search_common", "GET /posts?q=wyvern (10% of posts)", "search_common"),
    ("create", "POST /posts (Basic auth)", "insert"),
]
SERVICE_LABELS = {s: label for s, label, _ in SERVICE_SCENARIOS}

BASELINE_SCENARIOS = [
    ("get_one", "GET /posts/{id} (minimal API)"),
    ("get_one_mvc", "GET /mvc/posts/{id} (bare MVC controller)"),
    ("list_first", "GET /posts (first page, 20, with count)"),
    ("search_rare", "GET /posts?q= rare word"),
    ("search_common", "GET /posts?q= common word"),
    ("insert", "POST /posts (create)"),
]
BASELINE_LABELS = dict(BASELINE_SCENARIOS)

ENGINES = [("sqlite", "SQLite"), ("postgres", "PostgreSQL")]
YARDSTICK = "sqlite"  # the engine a PostgreSQL baseline row is compared with (what the engine alone costs)

# Issue 13's targets.
GET_RPS, GET_CPU = 0.5, 2.0            # GET one: ≥ 0.5× the baseline's req/s, CPU/req ≤ 2×
LIST_RPS = 0.5                         # first page: ≥ 0.5× the baseline's first page
PAGE_P50 = 1.3                         # page 50, author, rare q: p50 ≤ 1.3× the first page's
PAGE_SCENARIOS = {"list_page50": "page 50", "author": "author", "search_rare": "rare-word q"}
COMMON_P50_MS, COMMON_AT_N = 50, 1_000_000  # common q at 1M: p50 ≤ 50 ms
CREATE_RPS, CREATE_P99_MS, CREATE_P99_CONNECTIONS = 0.6, 50, 64  # create: ≥ 0.6× baseline, p99 ≤ 50 ms at 64
PROCESS_RATIO = 2.0                    # start-up and peak RSS ≤ 2× the baseline's
# Issue 5's: at the largest N, p50 at most this many times its value at the smallest N.
SCALING_RATIO = 1.3
SCALING_SCENARIOS = ["get_one", "list_first", "list_page50", "author", "tag_filter", "comment_page", "search_rare"]

FEW_REQUESTS = 100   # a run with fewer completed requests is flagged
ALONE_MIN_TICKS = 20  # the one-at-a-time CPU is shown only above this many clock ticks


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def rps(r):
    # wrk's own Requests/sec: completed requests over the run's duration
    return r["requests"] * 1e6 / r["duration_us"]


def cpu_us(r):
    """The CPU the request cost: the service's, plus the database server's where it is a server and was measured."""
    return r["server_cpu_us"] + (r.get("db_cpu_us") or 0)


def cpu_per_request(r):
    return cpu_us(r) / r["requests"] if r["requests"] else float("inf")


def db_unmeasured(r):
    return r.get("db", "sqlite") == "postgres" and r.get("db_cpu_us") is None


def ms(us):
    value = us / 1000
    return f"{value:.2f}" if value < 100 else f"{value:,.0f}"


def rate(r):
    value = rps(r)
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def cpu(r):
    return f"{cpu_per_request(r):,.0f}" if r["requests"] else "–"


def size(n):
    return f"{n:,}"


def times(x):
    return f"{x:.2f}×"


def ratios(r, base):
    """req/s and CPU/req of r against base, as text ('' without a base, '–' when either completed nothing)."""
    if not base:
        return "", ""
    if not (r["requests"] and base["requests"]):
        return "–", "–"
    return times(rps(r) / rps(base)), times(cpu_per_request(r) / cpu_per_request(base))


class Results:
    def __init__(self, records):
        for r in records:
            r.setdefault("db", "sqlite")  # runs before PostgreSQL was benchmarked
            if r["kind"] in ("wrk", "skipped"):
                r.setdefault("connections", DEFAULT_CONNECTIONS)
        wrk = [r for r in records if r["kind"] == "wrk"]
        self.runs = {(r["n"], r["db"], r["target"], r["scenario"], r["connections"]): r for r in wrk}
        self.processes = {(r["n"], r["db"], r["target"]): r for r in records if r["kind"] == "process"}
        self.seeds = {(r["n"], r["db"]): r for r in records if r["kind"] == "seed"}
        self.matches = {(r["n"], r["db"]): r for r in records if r["kind"] == "matches"}
        # Scenarios whose endpoint the service did not have (run.sh checks before measuring): why
        self.skipped = {(r["n"], r["db"], r["target"], r["scenario"], r["connections"]): r["reason"]
                        for r in records if r["kind"] == "skipped"}
        self.sizes = sorted({r["n"] for r in records if "n" in r})
        present = {r["db"] for r in records if r["kind"] in ("wrk", "skipped")}
        self.engines = [(db, name) for db, name in ENGINES if db in present]
        # The usual wrk -c first, then the higher one(s)
        counts = sorted({r["connections"] for r in wrk})
        self.connections = ([DEFAULT_CONNECTIONS] if DEFAULT_CONNECTIONS in counts else []) + \
            [c for c in counts if c != DEFAULT_CONNECTIONS]

    def run(self, n, db, target, scenario, connections):
        return self.runs.get((n, db, target, scenario, connections))

    def baseline_of(self, n, db, scenario, connections):
        """The baseline run a service run is shown beside: the same request, or the first page, on its own engine."""
        against = dict((s, b) for s, _, b in SERVICE_SCENARIOS)[scenario]
        return self.run(n, db, "baseline", against, connections)

    def reference_of(self, n, db, scenario, connections):
        """What a baseline row is compared with: the minimal GET for the MVC GET, the SQLite baseline for PostgreSQL."""
        if scenario == "get_one_mvc":
            return self.run(n, db, "baseline", "get_one", connections), "minimal API"
        if db != YARDSTICK:
            return self.run(n, YARDSTICK, "baseline", scenario, connections), "SQLite"
        return None, ""


def throughput(results):
    print("## Throughput and latency\n")
    print("Per N and engine: each service scenario, with the baseline's figures for the same request in the same run on "
          "the same engine (*beside*), then the baseline's own rows.\n")
    print("| N | engine | scenario | conns | requests | req/s | p50 ms | p99 ms | errors | CPU µs/req "
          "| of which PostgreSQL | beside | beside req/s | beside CPU µs/req | req/s vs it | CPU/req vs it "
          "| alone ms | alone CPU µs/req | other cores |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    flags = set()
    for n in results.sizes:
        for db, engine in results.engines:
            for scenario, label, against in SERVICE_SCENARIOS:
                for c in results.connections:
                    r = results.run(n, db, "service", scenario, c)
                    if r is None:
                        reason = results.skipped.get((n, db, "service", scenario, c))
                        if reason:
                            print(f"| {size(n)} | {engine} | {label} | {c} | skipped: {reason} |" + " |" * 14)
                        continue
                    base = results.baseline_of(n, db, scenario, c)
                    beside = f"baseline {against}" if base else ""
                    row(n, engine, label, r, base, beside, flags)
            for scenario, label in BASELINE_SCENARIOS:
                for c in results.connections:
                    r = results.run(n, db, "baseline", scenario, c)
                    if r is None:
                        continue
                    ref, beside = results.reference_of(n, db, scenario, c)
                    row(n, engine, f"baseline: {label}", r, ref, beside if ref else "", flags)
    print("\n*conns*: wrk's connections. *requests*: completed in the measured run. *errors*: responses with status "
          "≥ 400 / socket errors and timeouts (3xx are not errors; the If-None-Match scenario's 304 is its expected "
          "answer). *CPU µs/req*: the server's user+system CPU during the run divided by completed requests; on "
          "PostgreSQL the service's plus the database server's (all its processes), which *of which PostgreSQL* "
          "shows alone. *beside*: the run a row is compared with: for a service row, the baseline's same request on "
          "the same engine and connections (its first page for page 50, author, tag and comments, which it does not "
          "have); for the baseline's MVC GET, its minimal-API GET (what MVC costs); for a PostgreSQL baseline row, the "
          "SQLite baseline's (what the engine costs). *alone*: the median latency of requests sent one at a time to "
          "the idle server, and the server's CPU per such request (– when they used too little CPU to measure with "
          "10 ms clock ticks). *other cores*: CPU used on the machine during the run by everything but the server "
          "and its database (wrk itself, and whatever else ran).")
    if "few" in flags:
        print(f"\n† Fewer than {FEW_REQUESTS} requests completed in the run: its req/s, percentiles and CPU/req "
              "rest on few samples (requests still running when wrk stopped used CPU but are not counted); "
              "*alone* is the better measure of one request's cost.")
    if "unmeasured" in flags:
        print("\n‡ The PostgreSQL server was given (BENCH_POSTGRES), so its CPU was not measured: the CPU columns are "
              "the service's alone.")


def row(n, engine, label, r, base, beside, flags):
    socket = r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"]
    done = r["requests"] > 0
    mark = ""
    if r["requests"] < FEW_REQUESTS:
        mark += " †"
        flags.add("few")
    if db_unmeasured(r):
        mark += " ‡"
        flags.add("unmeasured")
    alone_ticks = r["alone_cpu_ticks"] + (r.get("alone_db_cpu_ticks") or 0)
    alone_cpu = (f"{(r['alone_cpu_us'] + (r.get('alone_db_cpu_us') or 0)) / r['alone_count']:,.0f}"
                 if alone_ticks >= ALONE_MIN_TICKS else "–")
    p50, p99 = (ms(r["p50_us"]), ms(r["p99_us"])) if done else ("–", "–")
    of_db = f"{r['db_cpu_us'] / r['requests']:,.0f}" if done and r.get("db_cpu_us") is not None else ""
    other = (r["machine_busy_us"] - cpu_us(r)) / r["duration_us"]
    base_rate, base_cpu = (rate(base), cpu(base)) if base else ("", "")
    ratio, cpu_ratio = ratios(r, base)
    print(f"| {size(n)} | {engine} | {label}{mark} | {r['connections']} | {r['requests']:,} | {rps(r):,.1f} | {p50} | "
          f"{p99} | {r['status_errors']} / {socket} | {cpu(r)} | {of_db} | {beside} | {base_rate} | {base_cpu} | "
          f"{ratio} | {cpu_ratio} | {r['alone_ms']:,.2f} | {alone_cpu} | {other:.2f} |")


def processes_table(results):
    processes, seeds, matches = results.processes, results.seeds, results.matches
    print("\n## Processes and data\n")
    print("| N | engine | posts seeded in | db size | service peak RSS | baseline peak RSS | service start-up "
          "| baseline start-up | matches (rare word / common word / author / rare tag / common tag / comments) "
          "| post tags / comments seeded |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---|---|")

    def count(m, key):
        # None: the service had no such endpoint (the scenario was skipped), or the run predates it
        return "–" if m.get(key) is None else f"{m[key]:,}"

    for n in results.sizes:
        for db, engine in results.engines:
            s, b = processes.get((n, db, "service")), processes.get((n, db, "baseline"))
            seed, m = seeds.get((n, db)), matches.get((n, db))
            print(f"| {size(n)} | {engine} | {seed['seed_ms'] / 1000:.1f} s | {seed['db_bytes'] / 2**20:,.0f} MiB | "
                  f"{s['peak_rss_kb'] / 1024:,.0f} MiB | {b['peak_rss_kb'] / 1024:,.0f} MiB | "
                  f"{s['startup_ms']:,} ms | {b['startup_ms']:,} ms | "
                  f"{m['rare']} / {m['common']:,} / {m['author']} / {count(m, 'rare_tag')} / {count(m, 'common_tag')} / "
                  f"{count(m, 'comments')} | {count(seed, 'post_tags')} / {count(seed, 'comments')} |"
                  if s and b and seed and m
                  else f"| {size(n)} | {engine} | incomplete |")
    if any(db == "postgres" for db, _ in results.engines):
        print("\nOn PostgreSQL the peak RSS is the service's alone (the server's processes share their buffers and "
              "are not counted); db size is `pg_database_size`, tables and indexes.")


def targets(results, heading="##"):
    """Issue 13's targets, each service against the baseline on its own engine, measured in the same run."""
    processes = results.processes
    print(f"\n{heading} Targets (issue 13)\n")
    print("Each service against the baseline on its own engine, in the same run.\n")
    print("| target | engine | N | conns | measured | limit | held |")
    print("|---|---|---:|---:|---|---:|:---:|")
    tally = {"held": 0, "not held": 0}

    def check(name, engine, n, c, shown, limit, holds):
        verdict = "held" if holds else "not held"
        tally[verdict] += 1
        print(f"| {name} | {engine} | {size(n)} | {c} | {shown} | {limit} | {verdict if holds else '**not held**'} |")

    def missing(name, engine, n, c, why):
        print(f"| {name} | {engine} | {size(n) if n else '–'} | {c} | {why} | | – |")

    def versus(r, base, per):
        """'0.42× (7,347 vs 17,500 req/s)' for a ratio of r to base; per is 'req/s' or 'CPU µs/req'."""
        if not (r["requests"] and base["requests"]):
            return None, "no request completed"
        if per == "req/s":
            value, a, b = rps(r) / rps(base), rate(r), rate(base)
        else:
            value, a, b = cpu_per_request(r) / cpu_per_request(base), cpu(r), cpu(base)
        return value, f"{times(value)} ({a} vs {b} {per})"

    for db, engine in results.engines:
        for n in results.sizes:
            for c in results.connections:
                get, base = results.run(n, db, "service", "get_one", c), results.run(n, db, "baseline", "get_one", c)
                if get and base:
                    value, shown = versus(get, base, "req/s")
                    check("GET one: req/s ≥ 0.5× baseline", engine, n, c, shown, times(GET_RPS),
                          value is not None and value >= GET_RPS)
                    value, shown = versus(get, base, "CPU µs/req")
                    check("GET one: CPU/req ≤ 2× baseline", engine, n, c, shown, times(GET_CPU),
                          value is not None and value <= GET_CPU)
            for c in results.connections:
                first = results.run(n, db, "service", "list_first", c)
                base = results.run(n, db, "baseline", "list_first", c)
                if first and base:
                    value, shown = versus(first, base, "req/s")
                    check("first page: req/s ≥ 0.5× baseline first page", engine, n, c, shown, times(LIST_RPS),
                          value is not None and value >= LIST_RPS)
                elif first:
                    missing("first page: req/s ≥ 0.5× baseline first page", engine, n, c, "no baseline first page in this run")
            c = DEFAULT_CONNECTIONS if DEFAULT_CONNECTIONS in results.connections else results.connections[0]
            first = results.run(n, db, "service", "list_first", c)
            for scenario in PAGE_SCENARIOS:
                r = results.run(n, db, "service", scenario, c)
                if not (r and first):
                    continue
                name = f"{PAGE_SCENARIOS[scenario]}: p50 ≤ 1.3× first page p50"
                if r["requests"] and first["requests"]:
                    value = r["p50_us"] / first["p50_us"]
                    check(name, engine, n, c, f"{times(value)} ({ms(r['p50_us'])} vs {ms(first['p50_us'])} ms)",
                          times(PAGE_P50), value <= PAGE_P50)
                else:
                    check(name, engine, n, c, "no request completed", times(PAGE_P50), False)
            common = results.run(n, db, "service", "search_common", c)
            if common and n >= COMMON_AT_N:
                shown = f"{ms(common['p50_us'])} ms" if common["requests"] else "no request completed"
                check("common-word q: p50 ≤ 50 ms", engine, n, c, shown, f"{COMMON_P50_MS} ms",
                      common["requests"] > 0 and common["p50_us"] <= COMMON_P50_MS * 1000)
            for c in results.connections:
                create, base = results.run(n, db, "service", "create", c), results.run(n, db, "baseline", "insert", c)
                if create and base:
                    value, shown = versus(create, base, "req/s")
                    check("create: req/s ≥ 0.6× baseline create", engine, n, c, shown, times(CREATE_RPS),
                          value is not None and value >= CREATE_RPS)
                if create and c == CREATE_P99_CONNECTIONS:
                    shown = f"{ms(create['p99_us'])} ms" if create["requests"] else "no request completed"
                    if base and base["requests"]:
                        shown += f" (baseline {ms(base['p99_us'])} ms)"
                    check("create: p99 ≤ 50 ms at 64 connections", engine, n, c, shown, f"{CREATE_P99_MS} ms",
                          create["requests"] > 0 and create["p99_us"] <= CREATE_P99_MS * 1000)
            if not any(results.run(n, db, "service", "create", c) for c in results.connections if c == CREATE_P99_CONNECTIONS):
                missing("create: p99 ≤ 50 ms at 64 connections", engine, n, CREATE_P99_CONNECTIONS, "not measured at 64 connections")
            s, b = processes.get((n, db, "service")), processes.get((n, db, "baseline"))
            if s and b:
                value = s["startup_ms"] / b["startup_ms"]
                check("start-up ≤ 2× baseline", engine, n, "", f"{times(value)} ({s['startup_ms']:,} vs {b['startup_ms']:,} ms)",
                      times(PROCESS_RATIO), value <= PROCESS_RATIO)
                value = s["peak_rss_kb"] / b["peak_rss_kb"]
                check("peak RSS ≤ 2× baseline", engine, n, "",
                      f"{times(value)} ({s['peak_rss_kb'] / 1024:,.0f} vs {b['peak_rss_kb'] / 1024:,.0f} MiB)",
                      times(PROCESS_RATIO), value <= PROCESS_RATIO)
        if not any(n >= COMMON_AT_N for n in results.sizes):
            missing("common-word q: p50 ≤ 50 ms", engine, None, "", f"measured only at N={size(COMMON_AT_N)}")
    print(f"\n{tally['held']} held, {tally['not held']} not held.")

    if len(results.sizes) > 1:
        small, large = results.sizes[0], results.sizes[-1]
        print(f"\n{heading}# Scaling (issue 5): p50 at N={size(large)} ≤ {SCALING_RATIO}× p50 at N={size(small)}\n")
        print("| scenario | engine | conns | measured | held |")
        print("|---|---|---:|---|:---:|")
        c = DEFAULT_CONNECTIONS if DEFAULT_CONNECTIONS in results.connections else results.connections[0]
        for db, engine in results.engines:
            for scenario in SCALING_SCENARIOS:
                a, z = results.run(small, db, "service", scenario, c), results.run(large, db, "service", scenario, c)
                if a and z:
                    if a["requests"] and z["requests"]:
                        value = z["p50_us"] / a["p50_us"]
                        shown, holds = f"{times(value)} ({ms(z['p50_us'])} vs {ms(a['p50_us'])} ms)", value <= SCALING_RATIO
                    else:
                        shown, holds = "no request completed", False
                    print(f"| {SERVICE_LABELS[scenario]} | {engine} | {c} | {shown} | {'held' if holds else '**not held**'} |")


def report(results, environment):
    if environment:
        print("```\n" + environment.rstrip() + "\n```\n")
    throughput(results)
    processes_table(results)
    targets(results)


README_LABELS = {
    "get_one": "GET /posts/{id}",
    "get_one_304": "GET /posts/{id}, If-None-Match → 304",
    "list_first": "GET /posts (first page, 20)",
    "list_page50": "GET /posts page 50 (via `next`)",
    "author": "GET /posts?author= (100 posts)",
    "tag_filter": "GET /posts?tag= rare tag (100 posts)",
    "comment_page": "GET /posts/{id}/comments (first page of 200)",
    "search_rare": "GET /posts?q= rare word (100 posts)",
    "search_common": "GET /posts?q= common word ({common} posts)",
    "create": "POST /posts (Basic auth)",
}


def readme(results):
    """The README's condensed tables: each service scenario beside its baseline, the processes, and the targets."""
    processes, seeds, matches = results.processes, results.seeds, results.matches
    pg = any(db == "postgres" for db, _ in results.engines)
    print("| N | engine | scenario | conns | req/s | p50 ms | p99 ms | non-2xx | CPU µs/req"
          + (" | of which PostgreSQL" if pg else "") + " | baseline req/s | baseline CPU µs/req | vs baseline req/s "
          "| vs baseline CPU |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|" + ("---:|" if pg else "") + "---:|---:|---:|---:|")

    def cells(r):
        done = r["requests"] > 0
        return {
            "p50": ms(r["p50_us"]) if done else "–",
            "p99": ms(r["p99_us"]) if done else "–",
            "errors": str(r["status_errors"] + r["connect_errors"] + r["read_errors"] + r["write_errors"]
                          + r["timeouts"]),
            "db": f"{r['db_cpu_us'] / r['requests']:,.0f}" if done and r.get("db_cpu_us") is not None else "",
        }

    def line(n, engine, label, c, r, base):
        x = cells(r)
        ratio, cpu_ratio = ratios(r, base)
        print(f"| {size(n)} | {engine} | {label} | {c} | {rate(r)} | {x['p50']} | {x['p99']} | {x['errors']} | {cpu(r)}"
              + (f" | {x['db']}" if pg else "")
              + f" | {rate(base) if base else ''} | {cpu(base) if base else ''} | {ratio} | {cpu_ratio} |")

    for n in results.sizes:
        for db, engine in results.engines:
            m = matches.get((n, db)) or {}
            for scenario, _, against in SERVICE_SCENARIOS:
                label = README_LABELS[scenario].replace("{common}", f"{m['common']:,}" if "common" in m else "10%")
                if against != scenario and against != "insert" and scenario != "get_one_304":
                    label += " ¹"
                for c in results.connections:
                    r = results.run(n, db, "service", scenario, c)
                    if r is None:
                        if (n, db, "service", scenario, c) in results.skipped:
                            print(f"| {size(n)} | {engine} | {label} | {c} | skipped |" + " |" * (9 if pg else 8))
                        continue
                    line(n, engine, label, c, r, results.baseline_of(n, db, scenario, c))
            for c in results.connections:
                mvc = results.run(n, db, "baseline", "get_one_mvc", c)
                if mvc:
                    line(n, engine, "baseline: GET /posts/{id} through a bare MVC controller ²", c, mvc,
                         results.run(n, db, "baseline", "get_one", c))
    print("\n¹ beside the baseline's first page (the baseline has no page 50, author, tag or comment page). "
          "² beside the baseline's minimal-API GET: what MVC itself costs.")

    print()
    print("| N | engine | service peak RSS | baseline peak RSS | service start-up | baseline start-up | db size | seeded in |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for n in results.sizes:
        for db, engine in results.engines:
            s, b, seed = processes.get((n, db, "service")), processes.get((n, db, "baseline")), seeds.get((n, db))
            if s and b and seed:
                print(f"| {size(n)} | {engine} | {s['peak_rss_kb'] / 1024:,.0f} MiB | {b['peak_rss_kb'] / 1024:,.0f} MiB | "
                      f"{s['startup_ms']:,} ms | {b['startup_ms']:,} ms | {seed['db_bytes'] / 2**20:,.0f} MiB | "
                      f"{seed['seed_ms'] / 1000:,.0f} s |")
    targets(results, heading="###")


def main():
    args = sys.argv[1:]
    as_readme = "--readme" in args
    args = [a for a in args if a != "--readme"]
    results = Results(load(args[0]))
    if as_readme:
        readme(results)
        return
    environment = None
    if len(args) > 1:
        with open(args[1], encoding="utf-8") as f:
            environment = f.read()
    report(results, environment)


if __name__ == "__main__":
    main()
