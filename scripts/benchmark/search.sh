#!/usr/bin/env bash
# Search benchmark: import rate with indexing, index size, and latency of a fixed mix of 200 queries
# through HTTP (API and search page), through the store directly, and as plain SQLite FTS5 MATCH on a
# plain FTS5 table of the same text (the floor); suggestions too. One run measures every corpus size
# on every database, so the ratios compare like with like on this noisy machine.
#
# Usage: scripts/benchmark/search.sh [--items 10000,100000] [--database both] [--rounds 3]
#
#   --items LIST     corpus sizes, comma-separated (default 10000,100000; 1000000 works, slowly)
#   --database DB    sqlite, postgres or both (default both). PostgreSQL runs on a fresh, empty
#                    database made by scripts/with-test-postgres.sh, one schema per size.
#   --rounds N       timed rounds over the 200 queries, after one warm-up round (default 3)
#   --keep           keep the temporary directory (corpora, databases, logs)
#
# Environment: KENNIS_BIN (default <repo>/.build-release/release/kennis; build it with
# `swift build -c release --scratch-path .build-release`). Needs python3, curl and coreutils.
# The Markdown table goes to stdout, progress to stderr. Exit status 1 when anything fails.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
ITEMS=10000,100000
DATABASES=both
ROUNDS=3
KEEP=0
PORT=18090

log() { printf 'search-bench: %s\n' "$*" >&2; }
die() { printf 'search-bench: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

ARGS=("$@")
while (($#)); do
    case $1 in
        --items) ITEMS=${2:?--items needs a value}; shift 2 ;;
        --database) DATABASES=${2:?--database needs a value}; shift 2 ;;
        --rounds) ROUNDS=${2:?--rounds needs a value}; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
[[ $ITEMS =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "--items must be a comma-separated list of sizes, not $ITEMS"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
case $DATABASES in
    sqlite) KINDS=(sqlite) ;;
    postgres) KINDS=(postgres) ;;
    both) KINDS=(sqlite postgres) ;;
    *) die "--database must be sqlite, postgres or both" ;;
esac
if [[ " ${KINDS[*]} " == *" postgres "* && -z ${KENNIS_TEST_POSTGRES_URL:-} ]]; then
    exec "$ROOT/scripts/with-test-postgres.sh" "${BASH_SOURCE[0]}" "${ARGS[@]}"
fi

KENNIS_BIN=${KENNIS_BIN:-$ROOT/.build-release/release/kennis}
[[ -x $KENNIS_BIN ]] || die "no kennis binary at $KENNIS_BIN (swift build -c release --scratch-path .build-release, or set KENNIS_BIN)"
for tool in python3 curl timeout; do command -v "$tool" >/dev/null || die "$tool not found on PATH"; done
if [[ " ${KINDS[*]} " == *" postgres "* ]]; then command -v psql >/dev/null || die "psql not found on PATH"; fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kennis-search-bench.XXXXXX")
SERVER_PID=
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    if ((KEEP)); then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

json() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }

# The query mix as URL paths: the API, the search page (Dutch parameter names) and suggestions.
make_paths() {
    python3 - "$1" "$2" <<'PY'
import sys, urllib.parse
queries, out = sys.argv[1], sys.argv[2]
dutch = {"type": "type", "theme": "thema"}
with open(queries, encoding="utf-8") as handle, open(out + ".api", "w") as api, \
        open(out + ".page", "w") as page, open(out + ".suggest", "w") as suggest:
    for line in handle:
        query, _, filters = line.rstrip("\n").partition("\t")
        pairs = [tuple(p.split("=", 1)) for p in filters.split("&") if p]
        api.write("/api/v1/search?" + urllib.parse.urlencode([("q", query)] + pairs) + "\n")
        page.write("/zoeken?" + urllib.parse.urlencode([("q", query)] + [(dutch[k], v) for k, v in pairs]) + "\n")
        word = query.strip('"*').split(" ")[0]
        suggest.write("/api/v1/suggest?" + urllib.parse.urlencode([("q", word[:4])]) + "\n")
PY
}

ROWS=()
for size in ${ITEMS//,/ }; do
    corpus=$WORK/corpus-$size.jsonl
    log "building a corpus of $size items"
    python3 "$SCRIPT_DIR/make-corpus.py" --items "$size" --output "$corpus" >&2
    python3 "$SCRIPT_DIR/search-queries.py" "$corpus" >"$WORK/queries-$size.tsv"
    make_paths "$WORK/queries-$size.tsv" "$WORK/paths-$size"
    for kind in "${KINDS[@]}"; do
        if [[ $kind == sqlite ]]; then
            location="sqlite:$WORK/kennis-$size.sqlite"
        else
            location="$KENNIS_TEST_POSTGRES_URL?schema=bench_$size"
        fi
        log "$kind, $size items: import"
        started=$(date +%s.%N)
        timeout 7200 "$KENNIS_BIN" import "$corpus" --database "$location" --log-level warning >&2
        import_seconds=$(python3 -c "import time; print(round(time.time() - $started, 2))")
        if [[ $kind == postgres ]]; then
            # As a settled installation would be: autovacuum would otherwise run during the measurements.
            psql -q "${KENNIS_TEST_POSTGRES_URL%%\?*}" -c "VACUUM ANALYZE" >&2
        fi
        log "$kind, $size items: store and floor"
        timeout 3600 "$KENNIS_BIN" bench search --database "$location" --queries "$WORK/queries-$size.tsv" \
            --rounds "$ROUNDS" --floor "$WORK/floor-$size.sqlite" --log-level warning >"$WORK/bench-$kind-$size.json"
        log "$kind, $size items: HTTP"
        "$KENNIS_BIN" serve --database "$location" --port "$PORT" --log-level warning >"$WORK/serve-$kind-$size.log" 2>&1 &
        SERVER_PID=$!
        for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
        curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null || die "kennis serve did not start (see $WORK/serve-$kind-$size.log)"
        for what in api page suggest; do
            timeout 3600 python3 "$SCRIPT_DIR/http-latency.py" --port "$PORT" --paths "$WORK/paths-$size.$what" \
                --rounds "$ROUNDS" >"$WORK/http-$what-$kind-$size.json"
        done
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=

        bench=$WORK/bench-$kind-$size.json
        ROWS+=("$(python3 - "$kind" "$size" "$import_seconds" "$bench" "$WORK/http-api-$kind-$size.json" \
            "$WORK/http-page-$kind-$size.json" "$WORK/http-suggest-$kind-$size.json" <<'PY'
import json, sys
kind, size, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
bench, api, page, suggest = (json.load(open(p)) for p in sys.argv[4:8])
store50, floor50 = float(bench["store_p50_ms"]), float(bench["floor_p50_ms"])
store99, floor99 = float(bench["store_p99_ms"]), float(bench["floor_p99_ms"])
print(" | ".join([
    f"| {kind} | {size:,}", f"{size / seconds:,.0f}", f"{int(bench['index_bytes']) / 1e6:,.0f} MB",
    f"{api['p50_ms']:.1f} / {api['p99_ms']:.1f}", f"{page['p50_ms']:.1f} / {page['p99_ms']:.1f}",
    f"{store50:.1f} / {store99:.1f}", f"{floor50:.2f} / {floor99:.2f}",
    f"{store50 / floor50:.1f}× / {store99 / floor99:.1f}×", f"{suggest['p50_ms']:.1f} / {suggest['p99_ms']:.1f} |",
]))
PY
)")
        log "${ROWS[-1]}"
    done
done

echo "Search benchmark, $(date -u +%Y-%m-%d), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores,"
echo "200 queries × $ROUNDS rounds (p50 / p99 in ms; HTTP sequential over one keep-alive connection)."
echo
echo "| database | items | import items/s | index size | API search | search page | store search | plain FTS5 floor | store ÷ floor | suggest (HTTP) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
