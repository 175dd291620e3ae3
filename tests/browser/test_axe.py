"""Every page type at 1280 px and at 375 px: axe-core (WCAG 2.0 and 2.1, A and AA) finds nothing, and at
375 px nothing sticks out sideways. A full-page screenshot of each goes to screenshots/browser/."""

import urllib.parse

import pytest

from harness import (PAGES, WIDTHS, _AXE, axe_source, current_path, describe_violations, horizontal_overflow,
                     open_page, page_order, run_axe, screenshot)

CASES = [(page, width) for width in WIDTHS for page in sorted(PAGES, key=page_order)]


def test_axe_core_is_4x(browsers, site):
    """The bundled axe-core is a 4.x version, in the file and in the browser."""
    axe_source()
    assert (_AXE["file_version"] or "").startswith("4."), f"axe.min.js header says version {_AXE['file_version']}"
    driver = browsers.get(WIDTHS[0])
    driver.get(site.url("/healthz"))
    driver.execute_script(axe_source())
    version = driver.execute_script("return axe.version")
    assert version.startswith("4."), f"axe.version in the browser is {version}"
    assert version == _AXE["file_version"]


@pytest.mark.parametrize("page,width", CASES, ids=[f"{p.id}-{w}" for p, w in CASES])
def test_page(page, width, browsers, site, findings):
    driver = browsers.get(width, staff=page.staff)
    status, path = open_page(driver, site, page)
    where = f"{page.id} at {width} px ({path})"
    if status == 404 and page.skip_on_404:
        pytest.skip(f"{path} answers 404: not built yet")
    shot = screenshot(driver, f"{page.id}-{width}")

    problems = []
    if status not in page.expect:
        problems.append(f"HTTP status {status}, expected {' or '.join(map(str, page.expect))}")
    landed = current_path(driver)
    if page.action is None and urllib.parse.urlsplit(landed).path != urllib.parse.urlsplit(path).path:
        problems.append(f"ended on {landed} instead of {path} (redirected)")
    if problems:
        findings.add("Page did not load as expected", where, problems)
        pytest.fail(f"{where}: " + "; ".join(problems) + f"\n  screenshot: {shot}", pytrace=False)

    _, violations = run_axe(driver)
    overflow = horizontal_overflow(driver) if width < 1024 else None

    report = []
    if violations:
        lines = describe_violations(violations)
        findings.add("axe-core violations (WCAG 2.0/2.1 A and AA)", where, lines)
        report += [f"{len(violations)} axe-core violation(s):"] + ["  " + line for line in lines]
    if overflow:
        findings.add(f"Horizontal overflow at {width} px", where, [overflow])
        report.append(f"horizontal overflow at {width} px: {overflow}")
    if report:
        pytest.fail(f"{where}:\n" + "\n".join(report) + f"\n  screenshot: {shot}", pytrace=False)
