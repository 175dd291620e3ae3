#!/usr/bin/env bash
# Knowledge base benchmark on SQLite and PostgreSQL side by side, in one run: builds ONE corpus,
# runs scripts/benchmark/knowledge-base.sh on a fresh SQLite file and then on a fresh, empty
# PostgreSQL database (created and dropped by scripts/with-test-postgres.sh), and prints one
# Markdown report: a side-by-side table, then the two full reports.
#
# Usage: scripts/benchmark/both-databases.sh [--items 10000] [--duration 10s] [--seed 42]
#
#   --items N          corpus size (default 10000)
#   --duration D       length of each wrk run, as wrk takes it: 10s, 1m (default 10s)
#   --seed N           corpus seed (default 42)
#
# Environment: as knowledge-base.sh (KENNIS_BIN, NGINX_BIN, KENNIS_READY_TIMEOUT). Needs what
# knowledge-base.sh needs, plus the machine's PostgreSQL 15 and psql (see
# scripts/with-test-postgres.sh). Everything listens on 127.0.0.1. The report goes to stdout,
# progress to stderr. Exit status 1 when either run fails or has non-2xx responses under load;
# the report is still printed, with what there is.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
ORIGINAL_ARGS=("$@")

ITEMS=10000
DURATION=10s
SEED=42

log() { printf 'both-databases: %s\n' "$*" >&2; }
die() { printf 'both-databases: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

while (($#)); do
    case $1 in
        --items) ITEMS=${2:?--items needs a value}; shift 2 ;;
        --duration) DURATION=${2:?--duration needs a value}; shift 2 ;;
        --seed) SEED=${2:?--seed needs a value}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
[[ $ITEMS =~ ^[1-9][0-9]*$ ]] || die "--items must be a positive integer, not $ITEMS"
[[ $DURATION =~ ^[1-9][0-9]*[smh]?$ ]] || die "not a duration: $DURATION (use e.g. 10s or 1m)"
[[ $SEED =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"

KENNIS_BIN=${KENNIS_BIN:-$ROOT/.build/release/kennis}
[[ -x $KENNIS_BIN ]] || die "kennis binary not found or not executable at $KENNIS_BIN (swift build -c release, or set KENNIS_BIN)"
export KENNIS_BIN
for tool in python3 psql awk sha256sum; do
    command -v "$tool" >/dev/null || die "$tool not found on PATH"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kennis-both-databases.XXXXXX")
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- One corpus for both runs ----------------------------------------------------------------

CORPUS=$WORK/corpus.jsonl
log "generating $ITEMS items (seed $SEED) in $WORK"
python3 "$SCRIPT_DIR/make-corpus.py" --items "$ITEMS" --seed "$SEED" --output "$CORPUS"
CORPUS_BYTES=$(stat -c %s "$CORPUS")
CORPUS_SHA=$(sha256sum "$CORPUS" | awk '{ print substr($1, 1, 16) }')
log "corpus: $CORPUS_BYTES bytes, sha256 $CORPUS_SHA…"

COMMON=(--corpus "$CORPUS" --duration "$DURATION")

# Run knowledge-base.sh: report (stdout) to $WORK/$1.md, figures to $WORK/$1.tsv, progress to
# stderr (and $WORK/$1.err). Sets STATUS_<name>.
run() {
    local name=$1 status
    shift
    log "=== $name run ==="
    set +e
    { "$@" --results "$WORK/$name.tsv" 2>&1 1>&3 3>&- | tee "$WORK/$name.err" >&2; } 3>"$WORK/$name.md"
    status=${PIPESTATUS[0]}
    set -e
    printf -v "STATUS_$name" '%s' "$status"
    log "=== $name run: exit status $status ==="
}

run sqlite "$SCRIPT_DIR/knowledge-base.sh" --database sqlite "${COMMON[@]}"
# with-test-postgres.sh exports the URL of its fresh database; the inner shell hands it on.
run postgres "$ROOT/scripts/with-test-postgres.sh" \
    bash -c 'exec "$0" --database "$KENNIS_TEST_POSTGRES_URL" "$@"' "$SCRIPT_DIR/knowledge-base.sh" "${COMMON[@]}"

# --- Combined report -------------------------------------------------------------------------

value() {  # value RUN KEY: the figure from RUN's results, or "failed"
    local file=$WORK/$1.tsv v
    v=$([[ -s $file ]] && awk -F'\t' -v k="$2" '$1 == k { print $2; exit }' "$file" || true)
    echo "${v:-failed}"
}
ratio() {  # PostgreSQL / SQLite, when both are numbers
    awk -v p="$1" -v s="$2" 'BEGIN {
        if (p !~ /^[0-9.]+$/ || s !~ /^[0-9.]+$/ || s + 0 == 0) { print "n/a"; exit }
        printf "%.2f", p / s
    }'
}
row() {  # row LABEL KEY [DISPLAY-KEY]: one table row, the ratio from KEY
    local s p
    s=$(value sqlite "$2"); p=$(value postgres "$2")
    printf '| %s | %s | %s | %s |\n' "$1" "$(value sqlite "${3:-$2}")" "$(value postgres "${3:-$2}")" "$(ratio "$p" "$s")"
}

FAILURES=()
for name in sqlite postgres; do
    status_var=STATUS_$name
    label=$([[ $name == sqlite ]] && echo SQLite || echo PostgreSQL)
    if [[ ${!status_var} != 0 ]]; then
        reason=$(grep -E '(knowledge-base|with-test-postgres): ' "$WORK/$name.err" | grep -i 'error' | tail -n 1 || true)
        FAILURES+=("$label run exited with status ${!status_var}${reason:+: $reason}")
    elif [[ $(value "$name" non2xx) != 0 ]]; then
        FAILURES+=("$label run had $(value "$name" non2xx) non-2xx responses under load")
    fi
done

COMMAND=scripts/benchmark/both-databases.sh
((${#ORIGINAL_ARGS[@]})) && COMMAND+=$(printf ' %q' "${ORIGINAL_ARGS[@]}")
[[ $KENNIS_BIN != "$ROOT/.build/release/kennis" ]] && COMMAND="KENNIS_BIN=$(printf '%q' "${KENNIS_BIN#"$ROOT"/}") $COMMAND"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
if [[ $COMMIT != "no commit" && -n $(git -C "$ROOT" status --porcelain 2>/dev/null) ]]; then COMMIT+=" (uncommitted changes)"; fi
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
PG_SERVER=$(value postgres server_version)
[[ $PG_SERVER == failed ]] && PG_SERVER="?"
PAGE=$(value sqlite page)
[[ $PAGE == failed ]] && PAGE=$(value postgres page)
[[ $PAGE == failed ]] && PAGE="?"

cat <<EOF
## Knowledge base on SQLite and PostgreSQL, side by side

\`$COMMAND\`

$(date -u '+%Y-%m-%d %H:%M UTC') · commit $COMMIT · nproc $(nproc) · ${CPU:-unknown CPU} · $(uname -sm) · PostgreSQL $PG_SERVER

| $ITEMS items | SQLite | PostgreSQL | PostgreSQL/SQLite |
| --- | ---: | ---: | ---: |
EOF
row "import s" import_s
row "import items/s" import_rate
row "database size" db_bytes db_size
row "app req/s" app_rps
row "nginx req/s" nginx_rps
row "app/nginx" ratio
row "app p50 ms" app_p50
row "app p99 ms" app_p99
cat <<EOF

- One corpus for both runs: $ITEMS items, seed $SEED, $CORPUS_BYTES bytes, sha256 \`$CORPUS_SHA…\`; the page is its middle item, \`$PAGE\`.
- The runs follow each other: SQLite (a fresh file), then PostgreSQL (a fresh database from \`scripts/with-test-postgres.sh\`, dropped afterwards). Each has its own nginx baseline on the same page; the two nginx figures show how much the machine itself varied between the runs.
- Load per run: \`wrk -t2 -c64 -d$DURATION --latency\` against the app, nginx, the app again, after a warm-up; app figures are the mean of the two app runs (drift SQLite $(value sqlite drift) %, PostgreSQL $(value postgres drift) %).
- PostgreSQL runs on the same $(nproc) cores as the app, nginx and wrk. Its database size is \`pg_database_size\`, which includes the system catalogs of an empty database (see its report); the SQLite size is the file plus its WAL.
EOF
if ((${#FAILURES[@]})); then
    printf -- '- **FAILED**: %s\n' "${FAILURES[@]}"
fi
for name in sqlite postgres; do
    label=$([[ $name == sqlite ]] && echo SQLite || echo PostgreSQL)
    echo
    echo "---"
    echo
    echo "#### Full report: $label"
    echo
    if [[ -s $WORK/$name.md ]]; then
        cat "$WORK/$name.md"
    else
        echo "(no report; the last lines it wrote to stderr:)"
        echo
        tail -n 20 "$WORK/$name.err" | sed 's/^/    /'
    fi
done

if ((${#FAILURES[@]})); then
    printf 'both-databases: error: %s\n' "${FAILURES[@]}" >&2
    exit 1
fi
