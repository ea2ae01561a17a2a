#!/usr/bin/env python3
"""Turns bench/run.sh's results.jsonl into the markdown report: one row per scenario, engine and N, the processes'
peak RSS and start-up time, and the issue's targets with whether each holds.

    python3 bench/report.py bench/results/<run>/results.jsonl [environment.txt]   # report.md
    python3 bench/report.py --readme bench/results/<run>/results.jsonl            # README.md's tables

Every ratio "vs baseline" is to the SQLite baseline of the same N and run (the one yardstick: raw
Microsoft.Data.Sqlite on the same hardware); the PostgreSQL baseline's own rows show what the engine alone costs
against it. The targets compare each service with the baseline on its own engine. On PostgreSQL, CPU per request is
the service's plus the database server's (its processes' CPU during the run), since the work SQLite does inside the
service is done there in other processes.
"""
import json
import sys

SCENARIOS = [
    # (target, scenario, label, baseline scenario it is compared with)
    ("service", "get_one", "GET /posts/{id}", "get_one"),
    ("service", "get_one_304", "GET /posts/{id}, If-None-Match → 304", "get_one"),
    ("service", "list_first", "GET /posts (first page, size 20)", "get_one"),
    ("service", "list_page50", "GET /posts page 50 (followed `next`)", "get_one"),
    ("service", "author", "GET /posts?author=rarebird (100 posts)", "get_one"),
    ("service", "tag_filter", "GET /posts?tag=quokka (100 posts)", "get_one"),
    ("service", "comment_page", "GET /posts/{id}/comments (first page of 200)", "get_one"),
    ("service", "search_rare", "GET /posts?q=zyzzyva (100 posts)", "get_one"),
    ("service", "search_common", "GET /posts?q=wyvern (10% of posts)", "get_one"),
    ("service", "create", "POST /posts (Basic auth)", "insert"),
    ("baseline", "get_one", "baseline: GET one row by id", "get_one"),
    ("baseline", "insert", "baseline: one INSERT", "insert"),
]

ENGINES = [("sqlite", "SQLite"), ("postgres", "PostgreSQL")]
ENGINE_NAMES = dict(ENGINES)
YARDSTICK = "sqlite"  # the baseline every ratio is taken to

# At the largest N, p50 may be at most this many times its value at the smallest N.
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


def size(n):
    return f"{n:,}"


class Results:
    def __init__(self, records):
        for r in records:
            r.setdefault("db", "sqlite")  # runs before PostgreSQL was benchmarked
        self.runs = {(r["n"], r["db"], r["target"], r["scenario"]): r for r in records if r["kind"] == "wrk"}
        self.processes = {(r["n"], r["db"], r["target"]): r for r in records if r["kind"] == "process"}
        self.seeds = {(r["n"], r["db"]): r for r in records if r["kind"] == "seed"}
        self.matches = {(r["n"], r["db"]): r for r in records if r["kind"] == "matches"}
        # Scenarios whose endpoint the service did not have (run.sh checks before measuring): why
        self.skipped = {(r["n"], r["db"], r["target"], r["scenario"]): r["reason"] for r in records if r["kind"] == "skipped"}
        self.sizes = sorted({r["n"] for r in records if "n" in r})
        present = {r["db"] for r in records if r["kind"] in ("wrk", "skipped")}
        self.engines = [(db, name) for db, name in ENGINES if db in present]

    def yardstick(self, n, against, db):
        """The baseline a row is compared with: SQLite's, or the row's own engine's when SQLite was not run."""
        return self.runs.get((n, YARDSTICK, "baseline", against)) or self.runs.get((n, db, "baseline", against))


def report(results, environment):
    runs, processes, seeds, matches = results.runs, results.processes, results.seeds, results.matches
    if environment:
        print("```\n" + environment.rstrip() + "\n```\n")

    print("## Throughput and latency\n")
    print("| N | scenario | engine | requests | req/s | p50 ms | p99 ms | errors | CPU µs/req | of which PostgreSQL "
          "| req/s vs baseline | CPU/req vs baseline | alone ms | alone CPU µs/req | other cores |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    few = unmeasured = False
    for n in results.sizes:
        for target, scenario, label, against in SCENARIOS:
            for db, engine in results.engines:
                r = runs.get((n, db, target, scenario))
                if r is None:
                    reason = results.skipped.get((n, db, target, scenario))
                    if reason:
                        print(f"| {size(n)} | {label} | {engine} | skipped: {reason} |" + " |" * 11)
                    continue
                socket = r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"]
                base = results.yardstick(n, against, db)
                if base is r:
                    base = None
                done = r["requests"] > 0
                ratio = f"{rps(r) / rps(base):.2f}×" if base else ""
                cpu_ratio = f"{cpu_per_request(r) / cpu_per_request(base):.2f}×" if base and done else "–" if base else ""
                other = (r["machine_busy_us"] - cpu_us(r)) / r["duration_us"]
                mark = ""
                if r["requests"] < FEW_REQUESTS:
                    mark, few = " †", True
                if db_unmeasured(r):
                    mark, unmeasured = mark + " ‡", True
                alone_ticks = r["alone_cpu_ticks"] + (r.get("alone_db_cpu_ticks") or 0)
                alone_cpu = (f"{(r['alone_cpu_us'] + (r.get('alone_db_cpu_us') or 0)) / r['alone_count']:,.0f}"
                             if alone_ticks >= ALONE_MIN_TICKS else "–")
                p50, p99, cpu = ((ms(r["p50_us"]), ms(r["p99_us"]), f"{cpu_per_request(r):,.0f}") if done
                                 else ("–", "–", "–"))
                of_db = (f"{r['db_cpu_us'] / r['requests']:,.0f}" if done and r.get("db_cpu_us") is not None
                         else "")
                print(f"| {size(n)} | {label}{mark} | {engine} | {r['requests']:,} | {rps(r):,.1f} | {p50} | {p99} | "
                      f"{r['status_errors']} / {socket} | {cpu} | {of_db} | {ratio} | {cpu_ratio} | "
                      f"{r['alone_ms']:,.2f} | {alone_cpu} | {other:.2f} |")
    print("\n*requests*: completed in the measured run. *errors*: responses with status ≥ 400 / socket errors and "
          "timeouts (3xx are not errors; the If-None-Match scenario's 304 is its expected answer). *CPU µs/req*: "
          "the server's user+system CPU during the run divided by completed requests; on PostgreSQL the service's "
          "plus the database server's (all its processes), which *of which PostgreSQL* shows alone. *vs baseline*: "
          "to the SQLite baseline of the same N (raw Microsoft.Data.Sqlite; its GET for reads, its INSERT for "
          "writes), for every engine. *alone*: the median latency of requests sent one at a time to the idle "
          "server, and the server's CPU per such request (– when they used too little CPU to measure with 10 ms "
          "clock ticks). *other cores*: CPU used on the machine during the run by everything but the server and "
          "its database (wrk itself, and whatever else ran).")
    if few:
        print(f"\n† Fewer than {FEW_REQUESTS} requests completed in the run: its req/s, percentiles and CPU/req "
              "rest on few samples (requests still running when wrk stopped used CPU but are not counted); "
              "*alone* is the better measure of one request's cost.")
    if unmeasured:
        print("\n‡ The PostgreSQL server was given (BENCH_POSTGRES), so its CPU was not measured: the CPU columns are "
              "the service's alone.")

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

    print("\n## Targets\n")
    print("Each service against the baseline on its own engine.\n")
    print("| target | engine | N | measured | limit | holds |")
    print("|---|---|---:|---:|---:|:---:|")

    def check(name, engine, n, value, limit, fmt, holds):
        shown = fmt(value) if value is not None else "no request completed"
        print(f"| {name} | {engine} | {size(n)} | {shown} | {fmt(limit)} | {'yes' if holds else '**no**'} |")

    times = lambda x: f"{x:.2f}×"  # noqa: E731
    for db, engine in results.engines:
        for n in results.sizes:
            get, base_get = runs.get((n, db, "service", "get_one")), runs.get((n, db, "baseline", "get_one"))
            if get and base_get:
                value = rps(get) / rps(base_get)
                check("GET one: req/s ≥ 60% of baseline GET", engine, n, value, 0.6, times, value >= 0.6)
                value = cpu_per_request(get) / cpu_per_request(base_get) if get["requests"] else None
                check("GET one: CPU/req ≤ 1.7× baseline GET", engine, n, value, 1.7, times,
                      value is not None and value <= 1.7)
            create, insert = runs.get((n, db, "service", "create")), runs.get((n, db, "baseline", "insert"))
            if create and insert:
                value = rps(create) / rps(insert)
                check("create: req/s ≥ 50% of baseline INSERT", engine, n, value, 0.5, times, value >= 0.5)
            s, b = processes.get((n, db, "service")), processes.get((n, db, "baseline"))
            if s and b:
                value = s["peak_rss_kb"] / b["peak_rss_kb"]
                check("peak RSS ≤ 2× baseline", engine, n, value, 2, times, value <= 2)
                value = s["startup_ms"] / b["startup_ms"]
                check("start-up ≤ 2× baseline", engine, n, value, 2, times, value <= 2)
        if len(results.sizes) > 1:
            small, large = results.sizes[0], results.sizes[-1]
            for scenario in SCALING_SCENARIOS:
                a, z = runs.get((small, db, "service", scenario)), runs.get((large, db, "service", scenario))
                if a and z:
                    value = z["p50_us"] / a["p50_us"] if a["requests"] and z["requests"] else None
                    label = next(label for _, s, label, _ in SCENARIOS if s == scenario)
                    check(f"{label}: p50 at N={size(large)} ≤ 1.3× p50 at N={size(small)}", engine, large, value,
                          1.3, times, value is not None and value <= 1.3)
        else:
            print(f"| p50 at N=1,000,000 ≤ 1.3× N=1,000 | {engine} | – | needs two sizes | | – |")


README_SCENARIOS = [
    ("get_one", "GET /posts/{id}", True),
    ("get_one_304", "GET /posts/{id}, If-None-Match → 304", True),
    ("list_first", "GET /posts (first page, 20)", False),
    ("list_page50", "GET /posts page 50 (via `next`)", False),
    ("author", "GET /posts?author= (100 posts)", False),
    ("tag_filter", "GET /posts?tag= rare tag (100 posts)", False),
    ("comment_page", "GET /posts/{id}/comments (first page of 200)", False),
    ("search_rare", "GET /posts?q= rare word (100 posts)", False),
    ("search_common", "GET /posts?q= common word ({common} posts)", False),
    ("create", "POST /posts (Basic auth)", True),
]


def readme(results):
    """The README's condensed tables: both engines' rows side by side, ratios for the rows the targets name."""
    runs, processes, seeds, matches = results.runs, results.processes, results.seeds, results.matches
    pg = any(db == "postgres" for db, _ in results.engines)
    print("| N | scenario | engine | req/s | p50 ms | p99 ms | non-2xx | CPU µs/req"
          + (" | of which PostgreSQL" if pg else "") + " | vs baseline req/s | vs baseline CPU |")
    print("|---:|---|---|---:|---:|---:|---:|---:|" + ("---:|" if pg else "") + "---:|---:|")

    def cells(r):
        done = r["requests"] > 0
        rate = f"{rps(r):,.0f}" if rps(r) >= 100 else f"{rps(r):,.1f}"
        return {
            "rps": rate,
            "p50": ms(r["p50_us"]) if done else "–",
            "p99": ms(r["p99_us"]) if done else "–",
            "errors": str(r["status_errors"] + r["connect_errors"] + r["read_errors"] + r["write_errors"]
                          + r["timeouts"]),
            "cpu": f"{cpu_per_request(r):,.0f}" if done else "–",
            "db": f"{r['db_cpu_us'] / r['requests']:,.0f}" if done and r.get("db_cpu_us") is not None else "",
        }

    for n in results.sizes:
        for scenario, label, ratios in README_SCENARIOS:
            for db, engine in results.engines:
                r = runs.get((n, db, "service", scenario))
                if r is None:
                    if (n, db, "service", scenario) in results.skipped:
                        print(f"| {size(n)} | {label} | {engine} | skipped |" + " |" * (7 if pg else 6))
                    continue
                m = matches.get((n, db)) or {}
                shown = label.replace("{common}", f"{m['common']:,}" if "common" in m else "10%")
                c = cells(r)
                base = results.yardstick(n, "insert" if scenario == "create" else "get_one", db)
                ratio = cpu_ratio = ""
                if ratios and base and r["requests"]:
                    ratio = f"{rps(r) / rps(base):.2f}×"
                    cpu_ratio = f"{cpu_per_request(r) / cpu_per_request(base):.2f}×"
                print(f"| {size(n)} | {shown} | {engine} | {c['rps']} | {c['p50']} | {c['p99']} | {c['errors']} | "
                      f"{c['cpu']}" + (f" | {c['db']}" if pg else "") + f" | {ratio} | {cpu_ratio} |")
        for db, engine in results.engines:
            get, insert = runs.get((n, db, "baseline", "get_one")), runs.get((n, db, "baseline", "insert"))
            if not (get and insert):
                continue
            g, i = cells(get), cells(insert)
            ratio = cpu_ratio = ""
            if db != YARDSTICK:
                yg, yi = results.yardstick(n, "get_one", db), results.yardstick(n, "insert", db)
                if yg and yi and yg is not get:
                    ratio = f"{rps(get) / rps(yg):.2f}× / {rps(insert) / rps(yi):.2f}×"
                    cpu_ratio = (f"{cpu_per_request(get) / cpu_per_request(yg):.2f}× / "
                                 f"{cpu_per_request(insert) / cpu_per_request(yi):.2f}×")
            db_cells = f" | {g['db']} / {i['db']}" if pg and g["db"] else " | " if pg else ""
            print(f"| {size(n)} | baseline GET by id / INSERT | {engine} | {g['rps']} / {i['rps']} | "
                  f"{g['p50']} / {i['p50']} | {g['p99']} / {i['p99']} | {int(g['errors']) + int(i['errors'])} | "
                  f"{g['cpu']} / {i['cpu']}{db_cells} | {ratio} | {cpu_ratio} |")

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
