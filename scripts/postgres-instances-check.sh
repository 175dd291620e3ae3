#!/usr/bin/env bash
# Checks what a multi-instance PostgreSQL deployment relies on, against real processes:
#   1. two `kennis serve` instances on one database see each other's writes at once;
#   2. one instance keeps working when the other is stopped;
#   3. while PostgreSQL restarts, pages and API answer 503 quickly and /healthz says so; the app recovers
#      by itself, and every write that was acknowledged is still there.
# Usage: scripts/with-test-postgres.sh scripts/postgres-instances-check.sh PATH-TO-KENNIS
# Restarts the machine's PostgreSQL cluster: run it when nothing else uses that cluster.
set -uo pipefail
kennis="${1:?usage: postgres-instances-check.sh PATH-TO-KENNIS}"
url="${KENNIS_TEST_POSTGRES_URL:?run this under scripts/with-test-postgres.sh}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
token="instances-check-token-0123456789abcdef"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    # Never leave the machine's PostgreSQL stopped, even when interrupted during the restart check.
    [ -n "${cluster:-}" ] && ! pg_lsclusters -h | awk -v c="$cluster" '$1 " " $2 == c && $4 ~ /^online/' | grep -q . && pg_ctlcluster $cluster start
    rm -rf "$work"
}
trap cleanup EXIT
source "$root/scripts/lib/check.sh"
free_port() { for port in $(seq "$1" $(($1 + 100))); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }; done; }
start() {  # start NAME PORT
    KENNIS_DATABASE="$url" KENNIS_ADMIN_TOKEN="$token" "$kennis" serve --port "$2" >"$work/$1.log" 2>&1 &
    pids+=($!)
    eval "pid_$1=$!"
    for _ in $(seq 1 100); do curl -sf -m 2 -o /dev/null "http://127.0.0.1:$2/healthz" && return 0; sleep 0.1; done
    echo "instance $1 did not start:"; cat "$work/$1.log"; return 1
}
item() {  # item SLUG: a minimal valid item
    printf '{"slug":"%s","type":"nieuws","title":"Test %s","summary":"Samenvatting.","body":"Tekst.","themes":["participatie"],"published":"2026-11-29"}' "$1" "$1"
}
status() { curl -s -o /dev/null -w "%{http_code}" -m 10 "http://127.0.0.1:$1$2"; }
cluster="$(pg_lsclusters -h | awk -v p="$(echo "$url" | sed -E 's|.*:([0-9]+)/.*|\1|')" '$3 == p { print $1 " " $2; exit }')"

a=$(free_port 18300); start a "$a" || exit 1
b=$(free_port $((a + 1))); start b "$b" || exit 1

check "a write on instance A is readable on instance B at once" \
    bash -c "test \"\$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' -d '$(item een)' http://127.0.0.1:$a/api/v1/items)\" = 201 &&
             test \"\$(curl -s -m 10 -o /dev/null -w '%{http_code}' http://127.0.0.1:$b/kennis/een)\" = 200"
check "a write on instance B is readable on instance A at once" \
    bash -c "test \"\$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' -d '$(item twee)' http://127.0.0.1:$b/api/v1/items)\" = 201 &&
             test \"\$(curl -s -m 10 -o /dev/null -w '%{http_code}' http://127.0.0.1:$a/api/v1/items/twee)\" = 200"
curl -s -m 10 -o /dev/null "http://127.0.0.1:$a/kennis/een"   # instance A now has the page in its cache
check "instance A serves a public page from its cache the second time" \
    bash -c "curl -s -m 10 -D - -o /dev/null http://127.0.0.1:$a/kennis/een | grep -qi '^x-cache: hit'"
changed="$(item een | sed 's/"title":"Test een"/"title":"Gewijzigd op B"/')"
check "a change on instance B shows at once on instance A's cached page (NOTIFY empties A's cache)" \
    bash -c "test \"\$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X PUT -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' -d '$changed' http://127.0.0.1:$b/api/v1/items/een)\" = 200 &&
             curl -s -m 10 http://127.0.0.1:$a/kennis/een | grep -q 'Gewijzigd op B'"
kill -TERM "$pid_a"; wait "$pid_a" 2>/dev/null
check "instance A stops gracefully on SIGTERM and B keeps serving and writing" \
    bash -c "grep -q 'Stopped' '$work/a.log' && test \"\$(curl -s -m 10 -o /dev/null -w '%{http_code}' http://127.0.0.1:$b/kennis/een)\" = 200 &&
             test \"\$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' -d '$(item drie)' http://127.0.0.1:$b/api/v1/items)\" = 201"

pg_ctlcluster $cluster stop -m fast
now() { date +%s.%N; }
elapsed() { awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.2f", to - from }'; }
down_start=$(now)
check "while PostgreSQL is down, a page answers 503 with the Dutch message and Retry-After (within 5 s)" \
    bash -c "curl -s -m 5 -D '$work/page-headers' -o '$work/page' -w '%{http_code}' http://127.0.0.1:$b/kennis/een | grep -q 503 &&
             grep -q 'Tijdelijk niet beschikbaar' '$work/page' && grep -qi '^retry-after: 5' '$work/page-headers'"
check "while PostgreSQL is down, the API answers 503 problem+json" \
    bash -c "curl -s -m 5 -D '$work/headers' -o '$work/problem' http://127.0.0.1:$b/api/v1/items >/dev/null &&
             grep -qi '^content-type: application/problem+json' '$work/headers' && grep -q '\"status\":503' '$work/problem'"
check "while PostgreSQL is down, /healthz says so" \
    bash -c "curl -s -m 5 http://127.0.0.1:$b/healthz | grep -q '\"database\":\"unreachable\"'"
check "while PostgreSQL is down, a write is refused with 503, not acknowledged" \
    bash -c "test \"\$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' -d '$(item verloren)' http://127.0.0.1:$b/api/v1/items)\" = 503"
down_seconds=$(elapsed "$down_start")
pg_ctlcluster $cluster start
up_start=$(now)
recovered=""
for _ in $(seq 1 300); do
    [ "$(status "$b" /healthz)" = 200 ] && { recovered=$(elapsed "$up_start"); break; }
    sleep 0.1
done
check "after PostgreSQL is back, the app recovers by itself within 10 seconds" \
    bash -c "test -n '$recovered' && awk -v s='$recovered' 'BEGIN { exit !(s < 10) }'"
check "every acknowledged write survived the restart, and the refused one is absent" \
    bash -c "for slug in een twee drie; do test \"\$(curl -s -m 10 -o /dev/null -w '%{http_code}' http://127.0.0.1:$b/api/v1/items/\$slug)\" = 200 || exit 1; done;
             test \"\$(curl -s -m 10 -o /dev/null -w '%{http_code}' http://127.0.0.1:$b/api/v1/items/verloren)\" = 404"
check "writes work again after the restart" \
    bash -c "test \"\$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' -d '$(item vier)' http://127.0.0.1:$b/api/v1/items)\" = 201"

printf 'restart: the four outage checks took %.1f s; /healthz was 200 again %.2f s after PostgreSQL started\n' "$down_seconds" "${recovered:-0}"
echo "instances: $passed passed, $failed failed"
test "$failed" -eq 0
