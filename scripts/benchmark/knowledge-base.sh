#!/usr/bin/env bash
# Knowledge base benchmark: how fast `kennis import` loads a generated corpus, and how many item
# pages per second `kennis serve` delivers compared with nginx serving the same page as a file.
#
# Usage: scripts/benchmark/knowledge-base.sh [--items 10000] [--duration 10s] [options]
#
#   --items N          corpus size (default 10000)
#   --corpus FILE      use this JSON Lines corpus (checked, not regenerated) instead of generating
#                      one; --items is then its line count and --seed is ignored
#   --database DB      `sqlite` (default: a fresh SQLite file in the temporary directory) or a
#                      postgres://user:password@host:port/db URL of an EMPTY database, which the
#                      import fills and the server serves from (needs psql; the script leaves the
#                      data there: drop the database afterwards, see scripts/with-test-postgres.sh)
#   --duration D       length of each wrk run, as wrk takes it: 10s, 1m (default 10s)
#   --warmup D         unreported wrk run against the app before the first measurement
#                      (default 2s; 0 to skip)
#   --connections N    wrk connections (default 64)
#   --threads N        wrk threads (default 2)
#   --seed N           corpus seed (default 42)
#   --keep             keep the temporary directory (corpus, database, logs, wrk output)
#   --results FILE     also write the figures as KEY<TAB>VALUE lines to FILE (for
#                      scripts/benchmark/both-databases.sh), also when runs had non-2xx responses
#
# Environment: KENNIS_BIN (default <repo>/.build/release/kennis; build it with
# `swift build -c release`), NGINX_BIN (default: nginx on PATH or /usr/sbin/nginx),
# KENNIS_READY_TIMEOUT (seconds to wait for /healthz, default 60).
#
# Needs python3, curl, wrk, nginx and coreutils `timeout`. Everything listens on 127.0.0.1 only;
# every wait is bounded. The Markdown report goes to stdout (progress to stderr), ready for
# docs/BENCHMARKS.md. Exit status 1 when anything fails, including non-2xx responses under load.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
ORIGINAL_ARGS=("$@")

ITEMS=10000
DURATION=10s
WARMUP=2s
CONNECTIONS=64
THREADS=2
SEED=42
KEEP=0
CORPUS_ARG=
DATABASE=sqlite
RESULTS=
ITEMS_GIVEN=0
APP_PORT_FIRST=18080
NGINX_PORT_FIRST=18081
READY_TIMEOUT=${KENNIS_READY_TIMEOUT:-60}  # seconds for /healthz after `kennis serve` starts
IMPORT_TIMEOUT=3600   # seconds for `kennis import`
NGINX_WORKERS=2       # the same core count the app gets

log() { printf 'knowledge-base: %s\n' "$*" >&2; }
die() { printf 'knowledge-base: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

while (($#)); do
    case $1 in
        --items) ITEMS=${2:?--items needs a value}; ITEMS_GIVEN=1; shift 2 ;;
        --corpus) CORPUS_ARG=${2:?--corpus needs a value}; shift 2 ;;
        --database) DATABASE=${2:?--database needs a value}; shift 2 ;;
        --results) RESULTS=${2:?--results needs a value}; shift 2 ;;
        --duration) DURATION=${2:?--duration needs a value}; shift 2 ;;
        --warmup) WARMUP=${2:?--warmup needs a value}; shift 2 ;;
        --connections) CONNECTIONS=${2:?--connections needs a value}; shift 2 ;;
        --threads) THREADS=${2:?--threads needs a value}; shift 2 ;;
        --seed) SEED=${2:?--seed needs a value}; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done

# Seconds in a wrk duration ("10", "10s", "2m", "1h"), for the timeouts around wrk.
duration_seconds() {
    [[ $1 =~ ^([0-9]+)([smh]?)$ ]] || die "not a duration: $1 (use e.g. 10s or 1m)"
    local n=${BASH_REMATCH[1]}
    case ${BASH_REMATCH[2]} in m) n=$((n * 60)) ;; h) n=$((n * 3600)) ;; esac
    echo "$n"
}
[[ $ITEMS =~ ^[1-9][0-9]*$ ]] || die "--items must be a positive integer, not $ITEMS"
[[ $CONNECTIONS =~ ^[1-9][0-9]*$ && $THREADS =~ ^[1-9][0-9]*$ ]] || die "--connections and --threads must be positive integers"
((CONNECTIONS >= THREADS)) || die "--connections must be at least --threads"
[[ $SEED =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"
DURATION_S=$(duration_seconds "$DURATION")
((DURATION_S > 0)) || die "--duration must be longer than 0"
WARMUP_S=$(duration_seconds "$WARMUP")
case $DATABASE in
    sqlite) DB_KIND=sqlite ;;
    postgres://*|postgresql://*) DB_KIND=postgres ;;
    *) die "--database must be sqlite or a postgres://user:password@host:port/db URL, not $DATABASE" ;;
esac
if [[ -n $CORPUS_ARG ]]; then
    [[ -f $CORPUS_ARG && -r $CORPUS_ARG ]] || die "--corpus $CORPUS_ARG is not a readable file"
    CORPUS_ARG=$(cd "$(dirname "$CORPUS_ARG")" && pwd)/$(basename "$CORPUS_ARG")
fi
if [[ -n $RESULTS ]]; then
    : >"$RESULTS" || die "cannot write --results $RESULTS"
fi

# --- Tools ----------------------------------------------------------------------------------

KENNIS_BIN=${KENNIS_BIN:-$ROOT/.build/release/kennis}
if [[ ! -x $KENNIS_BIN ]]; then
    die "kennis binary not found or not executable at $KENNIS_BIN
  build it first:  (cd $ROOT && swift build -c release)
  or point KENNIS_BIN at one:  KENNIS_BIN=/path/to/kennis $0 ${ORIGINAL_ARGS[*]}"
fi
NGINX_BIN=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}
[[ -x $NGINX_BIN ]] || die "nginx not found (apt-get install nginx-light, or set NGINX_BIN)"
for tool in python3 curl wrk timeout awk; do
    command -v "$tool" >/dev/null || die "$tool not found on PATH"
done
if [[ $DB_KIND == postgres ]]; then
    command -v psql >/dev/null || die "psql not found on PATH (apt-get install postgresql-client)"
fi

# --- Temporary directory and cleanup ---------------------------------------------------------

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kennis-benchmark.XXXXXX")
PIDS=()
cleanup() {
    local status=$? pid
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in {1..50}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if ((KEEP)); then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
tail_of() { [[ -s $1 ]] && { echo; tail -n 20 "$1" | sed 's/^/    /'; } || true; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The first port from $1 on (100 tries) that nothing listens on and that is not in $2….
free_port() {
    local port=$1 last=$(($1 + 100))
    shift
    for ((; port < last; port++)); do
        [[ " $* " == *" $port "* ]] && continue
        port_in_use "$port" || { echo "$port"; return 0; }
    done
    return 1
}

# Poll $1 until it answers 2xx; fail early when process $2 exits; give up after $3 seconds.
wait_ready() {
    local url=$1 pid=$2 limit=$3 name=$4 logfile=$5 deadline=$((SECONDS + $3))
    while ((SECONDS < deadline)); do
        kill -0 "$pid" 2>/dev/null || die "$name exited before answering $url$(tail_of "$logfile")"
        curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
        sleep 0.2
    done
    die "$name did not answer $url within ${limit}s$(tail_of "$logfile")"
}

# --- Corpus -----------------------------------------------------------------------------------

if [[ -n $CORPUS_ARG ]]; then
    CORPUS=$CORPUS_ARG
    given_items=$ITEMS
    ITEMS=$(awk 'NF { n++ } END { print n + 0 }' "$CORPUS")
    ((ITEMS > 0)) || die "--corpus $CORPUS holds no items"
    ((ITEMS_GIVEN == 0 || given_items == ITEMS)) || die "--items $given_items, but --corpus $CORPUS holds $ITEMS items"
    log "using the corpus $CORPUS ($ITEMS items, $(stat -c %s "$CORPUS") bytes); checking it"
    python3 "$SCRIPT_DIR/make-corpus.py" --check "$CORPUS" >&2 || die "corpus $CORPUS is invalid"
else
    CORPUS=$WORK/corpus.jsonl
    log "generating $ITEMS items (seed $SEED) in $WORK"
    t0=$(now)
    python3 "$SCRIPT_DIR/make-corpus.py" --items "$ITEMS" --seed "$SEED" --output "$CORPUS"
    python3 "$SCRIPT_DIR/make-corpus.py" --check "$CORPUS" >&2 || die "generated corpus is invalid"
    log "corpus ready in $(seconds_between "$t0" "$(now)")s, $(stat -c %s "$CORPUS") bytes"
fi

# --- Import -----------------------------------------------------------------------------------

# psql understands the URL without the platform's own query parameters (schema, max_connections);
# sslmode is kept. Never logged: it holds the password.
if [[ $DB_KIND == postgres ]]; then
    PSQL_URL=$(python3 -c '
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
q = [(k, v) for k, v in u.parse_qsl(p.query) if k == "sslmode"]
print(u.urlunsplit((p.scheme, p.netloc, p.path, u.urlencode(q), "")))' "$DATABASE") || die "cannot parse the --database URL"
    DB_SHOWN=$(python3 -c '
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
print("postgres://" + (p.username or "") + ":***@" + str(p.hostname) + ":" + str(p.port or 5432) + p.path)' "$DATABASE") || die "cannot parse the --database URL"
    PSQL_TIMEOUT=60
    pg_query() { PGCONNECT_TIMEOUT=10 timeout "$PSQL_TIMEOUT" psql "$PSQL_URL" -X -qtA -v ON_ERROR_STOP=1 -c "$1"; }
    user_tables=$(pg_query "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg_toast%'" 2>"$WORK/psql.err") \
        || die "cannot query $DB_SHOWN with psql$(tail_of "$WORK/psql.err")"
    [[ $user_tables == 0 ]] || die "$DB_SHOWN is not empty ($user_tables tables); the benchmark needs an empty database"
    PG_EMPTY_BYTES=$(pg_query "SELECT pg_database_size(current_database())" 2>>"$WORK/psql.err" || true)
    PG_VERSION=$(pg_query "SHOW server_version" 2>>"$WORK/psql.err" | awk '{ print $1 }' || true)
    export KENNIS_DATABASE=$DATABASE
    log "database: PostgreSQL ${PG_VERSION:-?} at $DB_SHOWN (empty, ${PG_EMPTY_BYTES:-?} bytes)"
else
    DB=$WORK/kennis.sqlite
    export KENNIS_DATABASE="sqlite:$DB"
fi
log "importing with $KENNIS_BIN"
t0=$(now)
if ! timeout "$IMPORT_TIMEOUT" "$KENNIS_BIN" import "$CORPUS" >"$WORK/import.out" 2>"$WORK/import.err"; then
    die "kennis import failed (or took over ${IMPORT_TIMEOUT}s)$(tail_of "$WORK/import.err")$(tail_of "$WORK/import.out")"
fi
t1=$(now)
IMPORT_S=$(seconds_between "$t0" "$t1")
IMPORT_RATE=$(awk -v n="$ITEMS" -v s="$IMPORT_S" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
IMPORT_SUMMARY=$(awk 'NF { line = $0 } END { print line }' "$WORK/import.out")
WAL_BYTES=0
if [[ $DB_KIND == postgres ]]; then
    DB_BYTES=$(pg_query "SELECT pg_database_size(current_database())" 2>>"$WORK/psql.err") || DB_BYTES=
    [[ $DB_BYTES =~ ^[0-9]+$ ]] || { log "could not read pg_database_size; reporting n/a"; DB_BYTES=; }
else
    [[ -f $DB ]] || die "kennis import succeeded but $DB does not exist (is KENNIS_DATABASE honoured?)"
    DB_BYTES=$(stat -c %s "$DB")
    [[ -f $DB-wal ]] && WAL_BYTES=$(stat -c %s "$DB-wal")
fi
log "imported in ${IMPORT_S}s ($IMPORT_RATE items/s): ${IMPORT_SUMMARY:-no summary line}"

# --- Servers ----------------------------------------------------------------------------------

APP_PORT=$(free_port "$APP_PORT_FIRST") || die "no free port from $APP_PORT_FIRST"
export KENNIS_HOST=127.0.0.1 KENNIS_PORT=$APP_PORT
"$KENNIS_BIN" serve --host 127.0.0.1 --port "$APP_PORT" >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
APP_PID=$!
log "kennis serve on 127.0.0.1:$APP_PORT (pid $APP_PID), waiting for /healthz"
wait_ready "http://127.0.0.1:$APP_PORT/healthz" "$APP_PID" "$READY_TIMEOUT" "kennis serve" "$WORK/serve.log"

SLUG=$(sed -n "$(((ITEMS + 1) / 2)){p;q}" "$CORPUS" | python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["slug"])')
[[ $SLUG =~ ^[a-z0-9]+(-[a-z0-9]+)*$ ]] || die "could not read a slug from the corpus"
PAGE_PATH=/kennis/$SLUG
APP_URL=http://127.0.0.1:$APP_PORT$PAGE_PATH
mkdir -p "$WORK/www/kennis"
PAGE_FILE=$WORK/www$PAGE_PATH
meta=$(curl -sS --max-time 10 -o "$PAGE_FILE" -w '%{http_code} %{content_type}' "$APP_URL") \
    || die "could not fetch $APP_URL$(tail_of "$WORK/serve.log")"
[[ ${meta%% *} == 200 ]] || die "$APP_URL answered ${meta%% *}, not 200$(tail_of "$WORK/serve.log")"
APP_CONTENT_TYPE=${meta#* }
PAGE_BYTES=$(stat -c %s "$PAGE_FILE")
((PAGE_BYTES > 0)) || die "$APP_URL returned an empty page"
log "page $PAGE_PATH: $PAGE_BYTES bytes, $APP_CONTENT_TYPE"

NGINX_PORT=$(free_port "$NGINX_PORT_FIRST" "$APP_PORT") || die "no free port from $NGINX_PORT_FIRST"
NGX=$WORK/nginx
mkdir -p "$NGX/tmp"
{
    echo "worker_processes $NGINX_WORKERS;"
    # A root master would otherwise run workers as nobody, who cannot read the 0700 temp dir.
    ((EUID == 0)) && echo "user root;"
    echo "daemon off;"
    echo "pid \"$NGX/nginx.pid\";"
    echo "error_log \"$NGX/error.log\" warn;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "    access_log off;"
    echo "    types { }"
    echo "    default_type text/html;"
    [[ $APP_CONTENT_TYPE == *charset=* ]] && echo "    charset ${APP_CONTENT_TYPE##*charset=};"
    echo "    sendfile on;"
    echo "    tcp_nopush on;"
    echo "    keepalive_timeout 65s;"
    echo "    keepalive_requests 1000000;"
    echo "    server_tokens off;"
    # Temp paths inside the work dir, so that nginx needs nothing under /var/lib/nginx.
    echo "    client_body_temp_path \"$NGX/tmp/body\";"
    nginx_build=$("$NGINX_BIN" -V 2>&1)
    for module in proxy fastcgi uwsgi scgi; do
        [[ $nginx_build == *"--without-http_${module}_module"* ]] || echo "    ${module}_temp_path \"$NGX/tmp/$module\";"
    done
    echo "    server {"
    echo "        listen 127.0.0.1:$NGINX_PORT;"
    echo "        root \"$WORK/www\";"
    echo "        location / { }"
    echo "    }"
    echo "}"
} >"$NGX/nginx.conf"
"$NGINX_BIN" -t -q -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" 2>"$NGX/test.log" \
    || die "nginx rejects $NGX/nginx.conf$(tail_of "$NGX/test.log")$(tail_of "$NGX/error.log")"
"$NGINX_BIN" -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" >"$NGX/stdout.log" 2>&1 &
PIDS+=($!)
NGINX_PID=$!
NGINX_URL=http://127.0.0.1:$NGINX_PORT$PAGE_PATH
log "nginx on 127.0.0.1:$NGINX_PORT (pid $NGINX_PID)"
wait_ready "$NGINX_URL" "$NGINX_PID" 10 "nginx" "$NGX/error.log"
curl -fsS --max-time 10 -o "$WORK/nginx-page.html" "$NGINX_URL" || die "could not fetch $NGINX_URL"
cmp -s "$PAGE_FILE" "$WORK/nginx-page.html" || die "nginx does not serve the saved page byte for byte"
NGINX_CONTENT_TYPE=$(curl -fsS --max-time 10 -o /dev/null -w '%{content_type}' "$NGINX_URL")

# --- Load -------------------------------------------------------------------------------------

WRK_ARGS=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)

# Milliseconds in a wrk latency such as 431.00us, 2.10ms, 1.02s or 1.50m.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v == "") { print "n/a"; exit }
        n = v + 0; unit = v; sub(/^[0-9.]+/, "", unit)
        f = (unit == "us") ? 0.001 : (unit == "ms") ? 1 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : -1
        if (f < 0) { print "n/a"; exit }
        printf "%.2f", n * f
    }'
}

# Run wrk against $2 and parse its report into R_<run>_<field> variables.
RUNS=()
run_wrk() {
    local run=$1 name=$2 url=$3 out=$WORK/wrk-$1.txt
    log "run $run: $name, wrk ${WRK_ARGS[*]} $url"
    timeout $((DURATION_S + 60)) wrk "${WRK_ARGS[@]}" "$url" >"$out" 2>&1 \
        || die "wrk against $name failed or hung$(tail_of "$out")"
    local rps p50 p99 requests non2xx sockerr
    rps=$(awk '$1 == "Requests/sec:" { printf "%.0f", $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    requests=$(awk '$2 == "requests" && $3 == "in" { print $1 }' "$out")
    non2xx=$(awk -F: '/Non-2xx or 3xx responses/ { gsub(/ /, "", $2); print $2 }' "$out")
    sockerr=$(awk '/Socket errors:/ { s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i; print s }' "$out")
    [[ -n $rps && -n $requests ]] || die "could not parse wrk output for $name$(tail_of "$out")"
    RUNS+=("$run")
    printf -v "R_${run}_name" '%s' "$name"
    printf -v "R_${run}_rps" '%s' "$rps"
    printf -v "R_${run}_p50" '%s' "$p50"
    printf -v "R_${run}_p99" '%s' "$p99"
    printf -v "R_${run}_requests" '%s' "$requests"
    printf -v "R_${run}_non2xx" '%s' "${non2xx:-0}"
    printf -v "R_${run}_sockerr" '%s' "${sockerr:-0}"
    log "run $run: $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx ${non2xx:-0}, socket errors ${sockerr:-0}"
}
field() { local var="R_$1_$2"; echo "${!var}"; }

if ((WARMUP_S > 0)); then
    log "warm-up: $WARMUP against the app (not reported)"
    timeout $((WARMUP_S + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$APP_URL" >"$WORK/wrk-warmup.txt" 2>&1 \
        || die "warm-up wrk run failed$(tail_of "$WORK/wrk-warmup.txt")"
fi
run_wrk 1 app "$APP_URL"
run_wrk 2 nginx "$NGINX_URL"
run_wrk 3 app "$APP_URL"
kill -0 "$APP_PID" 2>/dev/null || die "kennis serve died during the benchmark$(tail_of "$WORK/serve.log")"

# --- Report -----------------------------------------------------------------------------------

mean() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a") print "n/a"; else printf "%.2f", (a + b) / 2 }'; }
APP_RPS=$(awk -v a="$(field 1 rps)" -v b="$(field 3 rps)" 'BEGIN { printf "%.0f", (a + b) / 2 }')
NGINX_RPS=$(field 2 rps)
RATIO=$(awk -v a="$APP_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')
DRIFT=$(awk -v a="$(field 1 rps)" -v b="$(field 3 rps)" 'BEGIN { printf "%+.1f", (a > 0 ? (b - a) * 100 / a : 0) }')
human_bytes() { awk -v b="$1" 'BEGIN { printf (b >= 1048576 ? "%.1f MiB" : "%.1f KiB"), (b >= 1048576 ? b / 1048576 : b / 1024) }'; }
if [[ -n $DB_BYTES ]]; then DB_SIZE=$(human_bytes "$DB_BYTES"); else DB_SIZE=n/a; fi
((WAL_BYTES > 0)) && DB_SIZE="$DB_SIZE (+ $(human_bytes "$WAL_BYTES") WAL)"

COMMAND=scripts/benchmark/knowledge-base.sh
for arg in "${ORIGINAL_ARGS[@]}"; do
    # The report never shows the database password.
    if [[ $DB_KIND == postgres && $arg == "$DATABASE" ]]; then COMMAND+=" $DB_SHOWN"; continue; fi
    COMMAND+=$(printf ' %q' "$arg")
done
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
if [[ $COMMIT != "no commit" && -n $(git -C "$ROOT" status --porcelain 2>/dev/null) ]]; then COMMIT+=" (uncommitted changes)"; fi
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
WRK_VERSION=$(wrk -v 2>&1 | awk 'NR == 1 { print $2 }' || true)
NGINX_VERSION=$("$NGINX_BIN" -v 2>&1 | awk -F/ '{ print $2 }')

FAILURES=()
for run in "${RUNS[@]}"; do
    (($(field "$run" non2xx) == 0)) || FAILURES+=("run $run ($(field "$run" name)): $(field "$run" non2xx) non-2xx responses")
done

TITLE_SUFFIX=
[[ $DB_KIND == postgres ]] && TITLE_SUFFIX=" (PostgreSQL)"
cat <<EOF
### Knowledge base: import and item page throughput$TITLE_SUFFIX

\`$COMMAND\`

$(date -u '+%Y-%m-%d %H:%M UTC') · commit $COMMIT · nproc $(nproc) · ${CPU:-unknown CPU} · $(uname -sm) · wrk ${WRK_VERSION:-?} · nginx ${NGINX_VERSION:-?}

| items | import s | import items/s | database | app req/s | nginx req/s | app/nginx | app p50 ms | app p99 ms | nginx p50 ms | nginx p99 ms |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| $ITEMS | $IMPORT_S | $IMPORT_RATE | $DB_SIZE | $APP_RPS | $NGINX_RPS | $RATIO | $(mean "$(field 1 p50)" "$(field 3 p50)") | $(mean "$(field 1 p99)" "$(field 3 p99)") | $(field 2 p50) | $(field 2 p99) |

| run | server | req/s | p50 ms | p99 ms | requests | non-2xx | socket errors |
| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
for run in "${RUNS[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$run" "$(field "$run" name)" "$(field "$run" rps)" \
        "$(field "$run" p50)" "$(field "$run" p99)" "$(field "$run" requests)" "$(field "$run" non2xx)" "$(field "$run" sockerr)"
done
cat <<EOF

- Page: \`GET $PAGE_PATH\` (the middle item of the corpus), $PAGE_BYTES bytes; app \`${APP_CONTENT_TYPE}\`, nginx \`${NGINX_CONTENT_TYPE}\`.
- Load: \`wrk ${WRK_ARGS[*]}\`$( ((WARMUP_S > 0)) && echo " after a $WARMUP warm-up of the app"); app, nginx, app again. App figures are the mean of runs 1 and 3; drift between them $DRIFT %.
- nginx serves the page saved from the app as a static file: $NGINX_WORKERS workers, \`access_log off\`, \`sendfile on\`, \`keepalive_requests 1000000\`.
- Server and wrk share the same $(nproc) cores on 127.0.0.1.
EOF
if [[ $DB_KIND == postgres ]]; then
    PG_EMPTY_SIZE=n/a
    [[ $PG_EMPTY_BYTES =~ ^[0-9]+$ ]] && PG_EMPTY_SIZE=$(human_bytes "$PG_EMPTY_BYTES")
    cat <<EOF
- Import: \`kennis import\` into an empty PostgreSQL ${PG_VERSION:-?} database (\`$DB_SHOWN\`, on this machine), wall clock including process start; it printed: \`${IMPORT_SUMMARY:-(nothing)}\`
- Database size: \`pg_database_size(current_database())\` after the import; the empty database measured $PG_EMPTY_SIZE (system catalogs) before it. PostgreSQL runs on the same $(nproc) cores as the app and wrk.
EOF
else
    echo "- Import: \`kennis import\` of a fresh SQLite database, wall clock including process start; it printed: \`${IMPORT_SUMMARY:-(nothing)}\`"
fi
for run in "${RUNS[@]}"; do
    (($(field "$run" sockerr) == 0)) || echo "- Warning: run $run ($(field "$run" name)) had $(field "$run" sockerr) socket errors (see wrk's connect/read/write/timeout counts)."
done
if [[ -n $RESULTS ]]; then
    {
        printf 'database\t%s\n' "$DB_KIND"
        [[ $DB_KIND == postgres ]] && printf 'server_version\t%s\n' "${PG_VERSION:-?}"
        printf 'items\t%s\n' "$ITEMS"
        printf 'import_s\t%s\n' "$IMPORT_S"
        printf 'import_rate\t%s\n' "$IMPORT_RATE"
        printf 'db_bytes\t%s\n' "${DB_BYTES:+$((DB_BYTES + WAL_BYTES))}${DB_BYTES:-n/a}"
        printf 'db_size\t%s\n' "$DB_SIZE"
        printf 'app_rps\t%s\n' "$APP_RPS"
        printf 'nginx_rps\t%s\n' "$NGINX_RPS"
        printf 'ratio\t%s\n' "$RATIO"
        printf 'app_p50\t%s\n' "$(mean "$(field 1 p50)" "$(field 3 p50)")"
        printf 'app_p99\t%s\n' "$(mean "$(field 1 p99)" "$(field 3 p99)")"
        printf 'nginx_p50\t%s\n' "$(field 2 p50)"
        printf 'nginx_p99\t%s\n' "$(field 2 p99)"
        printf 'drift\t%s\n' "$DRIFT"
        printf 'page\t%s\n' "$PAGE_PATH"
        printf 'page_bytes\t%s\n' "$PAGE_BYTES"
        printf 'non2xx\t%s\n' "$(for run in "${RUNS[@]}"; do field "$run" non2xx; done | awk '{ s += $1 } END { print s + 0 }')"
        printf 'sockerr\t%s\n' "$(for run in "${RUNS[@]}"; do field "$run" sockerr; done | awk '{ s += $1 } END { print s + 0 }')"
    } >"$RESULTS"
fi
if ((${#FAILURES[@]})); then
    printf -- '- **FAILED**: %s\n' "${FAILURES[@]}"
    die "non-2xx responses under load (${#FAILURES[@]} of ${#RUNS[@]} runs); see the report"
fi
