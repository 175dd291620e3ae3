#!/usr/bin/env python3
"""Time HTTP GETs one after another over one keep-alive connection; print p50/p99 as JSON.

    http-latency.py --port 18090 --paths paths.txt [--rounds 3]

One untimed warm-up round, then `--rounds` timed rounds over every path. Sequential on purpose:
this measures the latency one visitor sees, not throughput under load. Exits 1 on any non-200.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import time


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, -(-len(ordered) * fraction // 1) - 1))
    return ordered[int(index)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--paths", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with open(args.paths, encoding="utf-8") as handle:
        paths = [line.rstrip("\n") for line in handle if line.strip()]
    connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
    times: list[float] = []
    failures = 0
    for round_number in range(args.rounds + 1):
        for path in paths:
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            if response.status != 200:
                failures += 1
                print(f"http-latency: {response.status} for {path}", file=sys.stderr)
            if round_number > 0:
                times.append(elapsed)
    print(json.dumps({"p50_ms": round(percentile(times, 0.5), 3), "p99_ms": round(percentile(times, 0.99), 3),
                      "mean_ms": round(sum(times) / len(times), 3), "requests": len(times), "failures": failures}))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
