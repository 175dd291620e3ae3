"""What the site promises its visitors, checked as a visitor would meet it: no cookies for anyone who does not
sign in, pages that fit a 320 px phone, one stylesheet cached for a year with a print layout, and an
accessibility statement that names the axe-core version these tests really ran."""

import re
import urllib.request

import pytest

from harness import PAGES, _AXE, axe_source, horizontal_overflow, open_page, screenshot

PUBLIC = [page for page in PAGES if not page.staff and page.action is None and "inloggen" not in page.id
          and "wachtwoord" not in page.id]


def plain_get(site, path):
    """A request from a browser that has never been here: no cookies sent, none kept."""
    with urllib.request.urlopen(urllib.request.Request(site.url(path)), timeout=30) as response:
        return response.headers, response.read().decode()


@pytest.mark.parametrize("page", PUBLIC, ids=[page.id for page in PUBLIC])
def test_visitors_get_no_cookies(page, site):
    path = site.resolve(page.path)
    try:
        headers, _ = plain_get(site, path)
    except urllib.error.HTTPError as error:  # the 404 page types
        headers = error.headers
    assert headers.get_all("Set-Cookie") is None, f"{path} sets {headers.get_all('Set-Cookie')}"


@pytest.mark.parametrize("page", [p for p in PUBLIC if p.id in ("home", "item", "zoeken-facet", "agenda", "toegankelijkheid")],
                         ids=lambda p: p.id)
def test_fits_320_px(page, browsers, site):
    driver = browsers.get(375)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 320, "height": 640, "deviceScaleFactor": 2, "mobile": True})
    try:
        open_page(driver, site, page)
        screenshot(driver, f"{page.id}-320")
        overflow = horizontal_overflow(driver)
        assert overflow is None, f"{page.id} at 320 px: {overflow}"
    finally:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True})


def test_one_stylesheet_cached_for_a_year_with_print_rules(site):
    _, html = plain_get(site, "/")
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len(sheets) == 1, sheets
    assert not re.search(r'<script|https?://(?!127\.0\.0\.1)[^"]*\.(css|js|woff2?)', html), "external or script resources"
    headers, css = plain_get(site, sheets[0])
    assert "max-age=31536000" in headers["Cache-Control"] and "immutable" in headers["Cache-Control"]
    assert "@media print" in css
    assert len(css.encode()) < 30_000, f"the stylesheet grew to {len(css.encode())} bytes"


def test_statement_names_the_axe_version_that_ran(site):
    axe_source()
    _, html = plain_get(site, "/toegankelijkheid")
    assert f"axe-core {_AXE['file_version']}" in html, "the accessibility statement names another axe-core version"
