#!/usr/bin/env bash
# Runs the whole test suite: build, command-line checks, OpenAPI document check, and the Swift tests
# twice: on SQLite, then on a throwaway PostgreSQL database (started here; its absence is a failure).
# Usage: scripts/test.sh        (the README's test command; .ci/run calls it too)
set -euo pipefail
cd "$(dirname "$0")/.."

# Installs Debian packages the suite needs, refreshing the package lists once if they are stale.
install_debian() {
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null; }
}

echo "== tools"
# pdftotext (poppler-utils) reads the text of PDF attachments for search; the tests upload a PDF.
command -v pdftotext >/dev/null || install_debian poppler-utils
pdftotext -v 2>&1 | sed -n 1p   # sed reads to the end: head could end the pipe early (SIGPIPE under pipefail)

echo "== build"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! swift build --build-tests >"$log" 2>&1; then
    cat "$log"
    echo "build failed"
    exit 1
fi
grep -Ev "^\[[0-9]+/[0-9]+\]|Source files for target|unhandled; explicitly declare" "$log" || true

echo "== command line (SQLite and PostgreSQL)"
scripts/with-test-postgres.sh scripts/cli-test.sh .build/debug/kennis

echo "== OpenAPI document"
python3 - <<'PY'
import json, sys
doc = json.load(open("Sources/Web/Resources/openapi.json"))
try:
    from openapi_spec_validator import validate
except ImportError:
    import subprocess
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "openapi-spec-validator==0.7.1"], check=True)
    from openapi_spec_validator import validate
validate(doc)
print("openapi.json is a valid OpenAPI", doc["openapi"], "document")
PY

echo "== swift test on PostgreSQL"
# One test at a time: each test has its own schema and connection pool, and together they would
# exceed the server's max_connections.
KENNIS_TEST_DATABASE=postgres scripts/with-test-postgres.sh swift test --skip-build --no-parallel --filter "StorageTests|WebTests"

echo "== several instances on one PostgreSQL, and a PostgreSQL restart"
scripts/with-test-postgres.sh scripts/postgres-instances-check.sh .build/debug/kennis

echo "== swift test on SQLite (all tests)"
swift test --skip-build

echo "== browser: the editorial flow in headless Chromium"
# Debian's chromium and chromium-driver, and selenium from PyPI, installed when missing.
{ command -v chromium && command -v chromedriver; } >/dev/null || install_debian chromium chromium-driver
python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet "selenium==4.51.0" || install_debian python3-selenium
python3 scripts/browser/editorial_flow.py .build/debug/kennis

echo "== browser: every page type with axe-core and the Nu HTML Checker, keyboard flows (tests/browser)"
tests/browser/run.sh .build/debug/kennis
