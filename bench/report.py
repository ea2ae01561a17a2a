#!/usr/bin/env python3
"""Turns bench/run.sh's results.jsonl into the markdown report: one row per scenario and N, the processes'
peak RSS and start-up time, and the issue's targets with whether each holds.

    python3 bench/report.py bench/results/<run>/results.jsonl [environment.txt]
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
    ("service", "search_rare", "GET /posts?q=zyzzyva (100 posts)", "get_one"),
    ("service", "search_common", "GET /posts?q=wyvern (10% of posts)", "get_one"),
    ("service", "create", "POST /posts (Basic auth)", "insert"),
    ("baseline", "get_one", "baseline: GET one row by id", None),
    ("baseline", "insert", "baseline: one INSERT", None),
]

# At the largest N, p50 may be at most this many times its value at the smallest N.
SCALING_SCENARIOS = ["get_one", "list_first", "list_page50", "author", "search_rare"]

FEW_REQUESTS = 100   # a run with fewer completed requests is flagged
ALONE_MIN_TICKS = 20  # the one-at-a-time CPU is shown only above this many clock ticks


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def rps(r):
    # wrk's own Requests/sec: completed requests over the run's duration
    return r["requests"] * 1e6 / r["duration_us"]


def cpu_per_request(r):
    return r["server_cpu_us"] / r["requests"] if r["requests"] else float("inf")


def ms(us):
    value = us / 1000
    return f"{value:.2f}" if value < 100 else f"{value:,.0f}"


def size(n):
    return f"{n:,}"


def main():
    records = load(sys.argv[1])
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            print("```\n" + f.read().rstrip() + "\n```\n")

    runs = {(r["n"], r["target"], r["scenario"]): r for r in records if r["kind"] == "wrk"}
    processes = {(r["n"], r["target"]): r for r in records if r["kind"] == "process"}
    seeds = {r["n"]: r for r in records if r["kind"] == "seed"}
    matches = {r["n"]: r for r in records if r["kind"] == "matches"}
    sizes = sorted({r["n"] for r in records if "n" in r})

    print("## Throughput and latency\n")
    print("| N | scenario | requests | req/s | p50 ms | p99 ms | errors | CPU µs/req | req/s vs baseline "
          "| CPU/req vs baseline | alone ms | alone CPU µs/req | other cores |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    few = False
    for n in sizes:
        for target, scenario, label, against in SCENARIOS:
            r = runs.get((n, target, scenario))
            if r is None:
                continue
            socket = r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"]
            base = runs.get((n, "baseline", against)) if against else None
            done = r["requests"] > 0
            ratio = f"{rps(r) / rps(base):.2f}×" if base else ""
            cpu_ratio = f"{cpu_per_request(r) / cpu_per_request(base):.2f}×" if base and done else "–" if base else ""
            other = (r["machine_busy_us"] - r["server_cpu_us"]) / r["duration_us"]
            mark = ""
            if r["requests"] < FEW_REQUESTS:
                mark, few = " †", True
            alone_cpu = (f"{r['alone_cpu_us'] / r['alone_count']:,.0f}"
                         if r["alone_cpu_ticks"] >= ALONE_MIN_TICKS else "–")
            p50, p99, cpu = ((ms(r["p50_us"]), ms(r["p99_us"]), f"{cpu_per_request(r):,.0f}") if done
                             else ("–", "–", "–"))
            print(f"| {size(n)} | {label}{mark} | {r['requests']:,} | {rps(r):,.1f} | {p50} | {p99} | "
                  f"{r['status_errors']} / {socket} | {cpu} | {ratio} | {cpu_ratio} | {r['alone_ms']:,.2f} | "
                  f"{alone_cpu} | {other:.2f} |")
    print("\n*requests*: completed in the measured run. *errors*: responses with status ≥ 400 / socket errors and "
          "timeouts (3xx are not errors; the If-None-Match scenario's 304 is its expected answer). *CPU µs/req*: "
          "the server's user+system CPU during the run divided by completed requests. *alone*: the median latency "
          "of requests sent one at a time to the idle server, and the server's CPU per such request (– when "
          "they used too little CPU to measure with 10 ms clock ticks). *other cores*: CPU used on the machine "
          "during the run by everything but the server (wrk itself, and whatever else ran).")
    if few:
        print(f"\n† Fewer than {FEW_REQUESTS} requests completed in the run: its req/s, percentiles and CPU/req "
              "rest on few samples (requests still running when wrk stopped used CPU but are not counted); "
              "*alone* is the better measure of one request's cost.")

    print("\n## Processes and data\n")
    print("| N | posts seeded in | db size | service peak RSS | baseline peak RSS | service start-up | baseline start-up | matches (rare word / common word / author) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in sizes:
        s, b, seed, m = processes.get((n, "service")), processes.get((n, "baseline")), seeds.get(n), matches.get(n)
        print(f"| {size(n)} | {seed['seed_ms'] / 1000:.1f} s | {seed['db_bytes'] / 2**20:,.0f} MiB | "
              f"{s['peak_rss_kb'] / 1024:,.0f} MiB | {b['peak_rss_kb'] / 1024:,.0f} MiB | "
              f"{s['startup_ms']:,} ms | {b['startup_ms']:,} ms | "
              f"{m['rare']} / {m['common']:,} / {m['author']} |" if s and b and seed and m else f"| {size(n)} | incomplete |")

    print("\n## Targets\n")
    print("| target | N | measured | limit | holds |")
    print("|---|---:|---:|---:|:---:|")

    def check(name, n, value, limit, fmt, holds):
        shown = fmt(value) if value is not None else "no request completed"
        print(f"| {name} | {size(n)} | {shown} | {fmt(limit)} | {'yes' if holds else '**no**'} |")

    times = lambda x: f"{x:.2f}×"  # noqa: E731
    for n in sizes:
        get, base_get = runs.get((n, "service", "get_one")), runs.get((n, "baseline", "get_one"))
        if get and base_get:
            value = rps(get) / rps(base_get)
            check("GET one: req/s ≥ 60% of baseline GET", n, value, 0.6, times, value >= 0.6)
            value = cpu_per_request(get) / cpu_per_request(base_get) if get["requests"] else None
            check("GET one: CPU/req ≤ 1.7× baseline GET", n, value, 1.7, times, value is not None and value <= 1.7)
        create, insert = runs.get((n, "service", "create")), runs.get((n, "baseline", "insert"))
        if create and insert:
            value = rps(create) / rps(insert)
            check("create: req/s ≥ 50% of baseline INSERT", n, value, 0.5, times, value >= 0.5)
        s, b = processes.get((n, "service")), processes.get((n, "baseline"))
        if s and b:
            value = s["peak_rss_kb"] / b["peak_rss_kb"]
            check("peak RSS ≤ 2× baseline", n, value, 2, times, value <= 2)
            value = s["startup_ms"] / b["startup_ms"]
            check("start-up ≤ 2× baseline", n, value, 2, times, value <= 2)
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        for scenario in SCALING_SCENARIOS:
            a, z = runs.get((small, "service", scenario)), runs.get((large, "service", scenario))
            if a and z:
                value = z["p50_us"] / a["p50_us"] if a["requests"] and z["requests"] else None
                label = next(label for _, s, label, _ in SCENARIOS if s == scenario)
                check(f"{label}: p50 at N={size(large)} ≤ 1.3× p50 at N={size(small)}", large, value, 1.3, times,
                      value is not None and value <= 1.3)
    else:
        print("| p50 at N=1,000,000 ≤ 1.3× N=1,000 | – | needs two sizes | | – |")


if __name__ == "__main__":
    main()
