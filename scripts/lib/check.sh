# Sourced by the check scripts: `check DESCRIPTION COMMAND...` runs COMMAND, prints "ok" or "FAIL" with its
# output, and counts into $passed and $failed. The caller sets $work to a scratch folder.
passed=0 failed=0
check() {
    local description="$1"; shift
    if "$@" >"$work/out" 2>&1; then passed=$((passed + 1)); echo "ok   $description"
    else failed=$((failed + 1)); echo "FAIL $description"; sed 's/^/     /' "$work/out"; fi
}
