#!/usr/bin/env bash
# The browser harness: every page type at 1280 and 375 px with axe-core, the Nu HTML Checker, and the main
# flows by keyboard, against `kennis serve` with the demo content. Screenshots go to screenshots/browser/.
# Usage: tests/browser/run.sh [PATH_TO_KENNIS_BINARY]     (default .build/debug/kennis)
# Exit status: pytest's (0 when every check passes).
set -euo pipefail
cd "$(dirname "$0")/../.."

binary="${1:-.build/debug/kennis}"
case "$binary" in /*) ;; *) binary="$PWD/$binary" ;; esac

# Installs Debian packages, refreshing the package lists once if they are stale (as scripts/test.sh does).
install_debian() {
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null; }
}

[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || install_debian chromium chromium-driver
command -v java >/dev/null || install_debian default-jre-headless

# The pinned Python packages, installed only when missing or at another version.
requirements=tests/browser/requirements.txt
missing="$(python3 - "$requirements" <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, pinned = line.split("==")
    try:
        if version(name) == pinned:
            continue
    except PackageNotFoundError:
        pass
    print(line)
PY
)"
for requirement in $missing; do
    case "$requirement" in
        axe-playwright-python==*) python3 -m pip install --quiet --no-deps "$requirement" ;;
        *) python3 -m pip install --quiet "$requirement" ;;
    esac
done

export KENNIS_BIN="$binary"
exec python3 -m pytest tests/browser -q "${@:2}"
