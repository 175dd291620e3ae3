"""Fixtures: one `kennis serve` with the demo content for the whole session, one browser per width, and a
record of every finding (written to screenshots/browser/findings.md at the end)."""

import os
import shutil
from pathlib import Path

import pytest

from harness import REPO, SHOTS, Browsers, HTTPClient, start_site, stop_site


def pytest_configure(config):
    if not Path("/usr/bin/chromium").exists() or not Path("/usr/bin/chromedriver").exists():
        raise pytest.UsageError("needs Debian's chromium and chromium-driver (tests/browser/run.sh installs them)")


@pytest.fixture(scope="session")
def kennis_binary():
    binary = Path(os.environ.get("KENNIS_BIN", REPO / ".build" / "debug" / "kennis"))
    binary = binary if binary.is_absolute() else REPO / binary
    if not binary.exists():
        pytest.exit(f"kennis binary not found: {binary} (set KENNIS_BIN or pass it to tests/browser/run.sh)",
                    returncode=2)
    return binary


@pytest.fixture(scope="session", autouse=True)
def screenshot_folder():
    """screenshots/browser/ (git-ignored), emptied at the start so that it shows this run only."""
    if SHOTS.exists():
        shutil.rmtree(SHOTS)
    SHOTS.mkdir(parents=True)
    return SHOTS


@pytest.fixture(scope="session")
def site(kennis_binary):
    """The server on a free port, a fresh SQLite database in a temporary folder, the demo content, a
    beheerder+redacteur (Anna) and a second redacteur (Bram). Stopped and removed at the end."""
    site = start_site(kennis_binary)
    yield site
    stop_site(site)


@pytest.fixture(scope="session")
def browsers(site):
    browsers = Browsers(site)
    yield browsers
    browsers.close()


@pytest.fixture(scope="session")
def anonymous_http(site):
    return HTTPClient(site.base)


@pytest.fixture(scope="session")
def staff_http(site):
    client = HTTPClient(site.base)
    client.sign_in(site.admin)
    return client


class Findings:
    """What the checks found, by kind and page, for a summary after the run."""

    def __init__(self):
        self.entries = []

    def add(self, kind, where, lines):
        self.entries.append((kind, where, list(lines)))

    def write(self, path):
        if not self.entries:
            path.write_text("# Browser harness findings\n\nNone.\n", encoding="utf-8")
            return
        out = ["# Browser harness findings", ""]
        for kind in dict.fromkeys(kind for kind, _, _ in self.entries):
            out += [f"## {kind}", ""]
            for entry_kind, where, lines in self.entries:
                if entry_kind != kind:
                    continue
                out.append(f"### {where}")
                out.append("")
                out += [f"    {line}" for line in lines]
                out.append("")
        path.write_text("\n".join(out), encoding="utf-8")


@pytest.fixture(scope="session")
def findings(screenshot_folder):
    record = Findings()
    yield record
    record.write(screenshot_folder / "findings.md")
