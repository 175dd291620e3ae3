"""Shared parts of the browser harness: the page types, the server, HTTP clients, browsers, axe, focus checks.

Elements are found by stable attributes (ids, name=, href, type=submit, roles), not by Dutch visible text,
because the interface text is moving to a message catalogue and its wording may change.
"""

from __future__ import annotations

import base64
import http.cookiejar
import importlib.util
import json
import os
import random
import re
import shutil
import socket
import string
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "screenshots" / "browser"
DEMO = REPO / "demo" / "kennisbank.jsonl"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WAIT = 15  # seconds for any single page or element
WIDTHS = (1280, 375)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# --------------------------------------------------------------------------------------------
# The page types


@dataclass(frozen=True)
class PageType:
    """One kind of page. `path` may hold {placeholders} that are filled in once the server runs (see Site)."""

    id: str
    path: str
    staff: bool = False  # needs a signed-in beheerder+redacteur
    expect: tuple = (200,)  # the HTTP status it should answer
    skip_on_404: bool = False  # not built yet: skipped while it answers 404, counted as soon as it exists
    action: str | None = None  # a page reached by posting a form, not by its address alone


PAGES = [
    # The public site.
    PageType("home", "/"),
    PageType("themas", "/thema"),
    PageType("thema", "/thema/{theme}"),
    PageType("type-lijst", "/type/publicatie"),
    PageType("item", "/kennis/{item}"),
    PageType("evenement", "/kennis/{event}"),
    PageType("agenda", "/agenda"),
    PageType("zoeken", "/zoeken?q=integratie"),
    PageType("zoeken-facet", "/zoeken?q=integratie&thema={theme}"),
    PageType("zoeken-nul", "/zoeken?q=qwxzvbnmkjh"),
    PageType("404", "/kennis/deze-pagina-bestaat-niet", expect=(404,)),
    # Before sign-in.
    PageType("inloggen", "/inloggen"),
    PageType("inloggen-fout", "/inloggen", expect=(422,), action="failed-login"),
    PageType("wachtwoord-vergeten", "/wachtwoord-vergeten"),
    # Staff.
    PageType("beheer", "/beheer", staff=True),
    PageType("items", "/beheer/items", staff=True),
    PageType("item-nieuw", "/beheer/items/nieuw", staff=True),
    PageType("item-bewerken", "/beheer/items/{item}", staff=True),
    PageType("item-fouten", "/beheer/items/nieuw", staff=True, expect=(422,), action="empty-item-form"),
    PageType("item-voorbeeld", "/beheer/items/{item}/voorbeeld", staff=True),
    PageType("review", "/beheer/review", staff=True),
    PageType("versies", "/beheer/items/{compare}/versies", staff=True),
    PageType("vergelijken", "/beheer/items/{compare}/versies/vergelijk?van=1&naar=2", staff=True),
    PageType("gebruikers", "/beheer/gebruikers", staff=True),
    PageType("gebruiker", "/beheer/gebruikers/{user}", staff=True),
    PageType("taxonomie", "/beheer/taxonomie", staff=True),
    PageType("synoniemen", "/beheer/synoniemen", staff=True),
    PageType("audit", "/beheer/audit", staff=True),
    PageType("instellingen", "/beheer/instellingen", staff=True),
    PageType("account", "/beheer/account", staff=True),
    # The statements.
    PageType("toegankelijkheid", "/toegankelijkheid"),
    PageType("privacy", "/privacy"),
    # English.
    PageType("en-home", "/en/"),
    PageType("en-item", "/en/kennis/{item}"),
    PageType("en-zoeken", "/en/zoeken?q=integratie"),
    PageType("en-404", "/en/kennis/deze-pagina-bestaat-niet", expect=(404,)),
    PageType("en-inloggen", "/en/inloggen"),
    PageType("en-item-bewerken", "/en/beheer/items/{item}", staff=True),
    PageType("en-toegankelijkheid", "/en/toegankelijkheid"),
]


def page_order(page):
    """Anonymous pages first, then the staff pages: one sign-in per browser."""
    return 1 if page.staff else 0


# --------------------------------------------------------------------------------------------
# Demo content


def demo_items():
    with open(DEMO, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def first_of_type(items, item_type, skip=()):
    for item in items:
        if item["type"] == item_type and item.get("status", "gepubliceerd") == "gepubliceerd" \
                and item.get("language", "nl") == "nl" and item["slug"] not in skip:
            return item
    raise RuntimeError(f"demo/kennisbank.jsonl has no published Dutch item of type {item_type}")


# --------------------------------------------------------------------------------------------
# HTTP without a browser (the raw source as served)


class FormFields(HTMLParser):
    """The hidden inputs of the form whose action is `action` (e.g. its csrf token)."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action = action
        self.inside = False
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("action") == self.action
        elif tag == "input" and self.inside and attrs.get("type") == "hidden" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def hidden_fields(html, action):
    parser = FormFields(action)
    parser.feed(html)
    if "csrf" not in parser.fields:
        raise RuntimeError(f"no form with action {action} and a csrf field on the page")
    return parser.fields


@dataclass
class Answer:
    status: int
    url: str  # after redirects
    body: bytes
    headers: object

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


class HTTPClient:
    """A visitor with its own cookie jar: anonymous until `sign_in`."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path, data=None, headers=None, method=None, timeout=30):
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {}, method=method)
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return Answer(response.status, response.geturl(), response.read(), response.headers)
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.geturl(), error.read(), error.headers)

    def get(self, path):
        return self.request(path)

    def post_form(self, page_path, action, values):
        """Loads `page_path`, copies the hidden fields of the form posting to `action`, posts them with `values`."""
        page = self.get(page_path)
        fields = hidden_fields(page.text, action)
        fields.update(values)
        return self.request(action, data=fields)

    def sign_in(self, person):
        answer = self.post_form("/inloggen", "/inloggen", {"email": person["email"], "password": person["password"]})
        if urllib.parse.urlsplit(answer.url).path != "/beheer":
            raise RuntimeError(f"signing in {person['email']} over HTTP ended on {answer.url} ({answer.status})")
        return answer


def fetch_page(site, client, page):
    """The page's source as the server sends it: (Answer, path)."""
    path = site.resolve(page.path)
    if page.action == "failed-login":
        return client.post_form(path, "/inloggen", {"email": site.stranger["email"], "password": "fout-wachtwoord"}), path
    if page.action == "empty-item-form":
        return client.post_form(path, "/beheer/items", {}), path
    return client.get(path), path


# --------------------------------------------------------------------------------------------
# The server


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_environment(**extra):
    """This process's environment without any KENNIS_* setting of the machine, plus `extra`."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("KENNIS_")}
    env.update(extra)
    return env


@dataclass
class Site:
    base: str
    binary: Path
    folder: Path
    database: str
    admin: dict
    editor: dict
    stranger: dict
    admin_token: str
    slugs: dict = field(default_factory=dict)
    server: subprocess.Popen | None = None
    log_path: Path | None = None

    def url(self, path):
        return self.base + path

    def resolve(self, path):
        return path.format(**self.slugs)

    def log_tail(self, lines=30):
        if self.log_path and self.log_path.exists():
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        return ""


def add_user(binary, database, env, person, roles):
    result = subprocess.run(
        [str(binary), "user", "add", "--database", database, "--email", person["email"], "--name", person["name"],
         "--role", roles, "--password-stdin"],
        input=person["password"] + "\n", text=True, capture_output=True, timeout=120, env=env,
    )
    if result.returncode != 0:
        raise RuntimeError(f"kennis user add {person['email']} failed ({result.returncode}): "
                           f"{result.stderr.strip() or result.stdout.strip()}")


def wait_for_health(site, deadline_seconds=90):
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if site.server.poll() is not None:
            raise RuntimeError(f"kennis serve stopped during start-up with status {site.server.returncode}:\n"
                               + site.log_tail())
        try:
            with urllib.request.urlopen(site.url("/healthz"), timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        time.sleep(0.25)  # polling loop: the server migrates and imports before it listens
    raise RuntimeError(f"{site.base}/healthz did not answer 200 within {deadline_seconds} s:\n" + site.log_tail())


def start_site(binary):
    folder = Path(tempfile.mkdtemp(prefix="kennis-browser-"))
    suffix = "".join(random.choice(string.ascii_lowercase) for _ in range(8))
    site = Site(
        base="", binary=binary, folder=folder, database=f"sqlite:{folder / 'kennis.sqlite'}",
        admin={"name": "Anna Beheer", "email": "anna@example.nl", "password": "anna-wachtwoord-" + suffix},
        editor={"name": "Bram Redactie", "email": "bram@example.nl", "password": "bram-wachtwoord-" + suffix},
        # Not an account: failed sign-ins count against the address only, so no account gets locked.
        stranger={"name": "Onbekend", "email": "niemand@example.nl", "password": "fout-wachtwoord-" + suffix},
        admin_token="".join(random.choice(string.hexdigits.lower()) for _ in range(48)),
    )
    env = clean_environment(KENNIS_LOG_LEVEL="warning", KENNIS_DATA_DIR=str(folder / "data"),
                            KENNIS_ADMIN_TOKEN=site.admin_token)
    add_user(binary, site.database, env, site.admin, "beheerder,redacteur")
    add_user(binary, site.database, env, site.editor, "redacteur")
    port = free_port()
    site.base = f"http://127.0.0.1:{port}"
    site.log_path = folder / "server.log"
    with open(site.log_path, "wb") as log:
        site.server = subprocess.Popen(
            [str(binary), "serve", "--database", site.database, "--host", "127.0.0.1", "--port", str(port),
             "--import", str(DEMO)],
            cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        wait_for_health(site)
        prepare_content(site)
    except BaseException:
        stop_site(site)
        raise
    return site


def prepare_content(site):
    """Chooses the demo items the pages show, and gives one a second revision (for the comparison page and
    the review queue) through the API with the operator token."""
    items = demo_items()
    item = first_of_type(items, "publicatie")
    event = first_of_type(items, "evenement")
    compare = first_of_type(items, "interventie")
    edit = first_of_type(items, "praktijkvoorbeeld")
    site.slugs.update(item=item["slug"], event=event["slug"], compare=compare["slug"], edit=edit["slug"],
                      theme=item["themes"][0])
    changed = dict(compare, summary=compare["summary"] + " Aangevuld door de browsertests.")
    client = HTTPClient(site.base)
    answer = client.request(f"/api/v1/items/{compare['slug']}", data=json.dumps(changed).encode(), method="PUT",
                            headers={"Content-Type": "application/json",
                                     "Authorization": f"Bearer {site.admin_token}"})
    if answer.status != 200:
        raise RuntimeError(f"PUT /api/v1/items/{compare['slug']} answered {answer.status}: {answer.text[:500]}")
    staff = HTTPClient(site.base)
    staff.sign_in(site.admin)
    users = staff.get("/beheer/gebruikers")
    ids = re.findall(r'href="/beheer/gebruikers/([^"/?#]+)"', users.text)
    if users.status != 200 or not ids:
        raise RuntimeError(f"/beheer/gebruikers ({users.status}) links to no user page")
    site.slugs["user"] = ids[-1]


def stop_site(site):
    server = site.server
    if server is not None and server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)
    shutil.rmtree(site.folder, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Browsers


def new_browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--lang=nl-NL", "--disable-gpu", "--hide-scrollbars", "--force-prefers-reduced-motion"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nl-NL,nl"})
    service = Service(CHROMEDRIVER, env=dict(os.environ, LANGUAGE="nl", LANG="nl_NL.UTF-8"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(90)
    if width >= 1024:
        driver.set_window_size(width, 900)
    else:
        # A phone: 375 CSS pixels wide, device pixel ratio 2, mobile viewport rules (meta viewport honoured).
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 812, "deviceScaleFactor": 2, "mobile": True})
    return driver


class Browsers:
    """One browser per width for the whole session, signed in or out on demand (through the form)."""

    def __init__(self, site):
        self.site = site
        self.drivers = {}
        self.signed_in = {}

    def get(self, width, staff=False):
        driver = self.drivers.get(width)
        if driver is None:
            driver = self.drivers[width] = new_browser(width)
            self.signed_in[width] = False
        if staff and not self.signed_in[width]:
            sign_in_with_form(driver, self.site, self.site.admin)
            self.signed_in[width] = True
        elif not staff and self.signed_in[width]:
            self.sign_out(width)
        return driver

    def sign_out(self, width):
        driver = self.drivers[width]
        driver.get(self.site.url("/healthz"))  # same origin, so the cookies can be removed
        driver.delete_all_cookies()
        self.signed_in[width] = False

    def note_signed_in(self, width, signed_in=True):
        self.signed_in[width] = signed_in

    def close(self):
        for driver in self.drivers.values():
            try:
                driver.quit()
            except WebDriverException:
                pass
        self.drivers.clear()


def wait_until(driver, condition, message, timeout=WAIT):
    try:
        return WebDriverWait(driver, timeout).until(condition)
    except TimeoutException:
        raise AssertionError(f"{message} (now on {driver.current_url})") from None


def wait_loaded(driver):
    wait_until(driver, lambda d: d.execute_script("return document.readyState") == "complete",
               "the page did not finish loading")


def mark_page(driver):
    """Tags the current document, so that `wait_for_new_page` can tell when another one has replaced it."""
    token = "".join(random.choice(string.ascii_letters) for _ in range(12))
    driver.execute_script("window.__harnessPage = arguments[0]", token)
    return token


def wait_for_new_page(driver, token, description):
    def replaced(d):
        try:
            return d.execute_script(
                "return window.__harnessPage !== arguments[0] && document.readyState === 'complete'", token)
        except WebDriverException:  # in the middle of navigating
            return False
    wait_until(driver, replaced, f"no new page after {description}")


def current_path(driver):
    parts = urllib.parse.urlsplit(driver.current_url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def response_status(driver):
    """The HTTP status of the document the browser shows (Navigation Timing Level 2, Chromium 109+)."""
    return driver.execute_script(
        "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null")


def sign_in_with_form(driver, site, person):
    driver.get(site.url("/inloggen"))
    wait_loaded(driver)
    email = driver.find_element(By.CSS_SELECTOR, "form[action='/inloggen'] input[name='email']")
    password = driver.find_element(By.CSS_SELECTOR, "form[action='/inloggen'] input[name='password']")
    email.clear()
    email.send_keys(person["email"])
    password.clear()
    password.send_keys(person["password"])
    token = mark_page(driver)
    driver.execute_script("arguments[0].form.requestSubmit()", password)
    wait_for_new_page(driver, token, "submitting the sign-in form")
    if urllib.parse.urlsplit(driver.current_url).path != "/beheer":
        raise AssertionError(f"signing in as {person['email']} ended on {driver.current_url}, not /beheer")


def open_page(driver, site, page):
    """Shows the page type in the browser (posting a form when it needs one); returns its HTTP status."""
    path = site.resolve(page.path)
    driver.get(site.url(path))
    wait_loaded(driver)
    if page.action == "failed-login":
        form = "form[action='/inloggen']"
        driver.find_element(By.CSS_SELECTOR, f"{form} input[name='email']").send_keys(site.stranger["email"])
        password = driver.find_element(By.CSS_SELECTOR, f"{form} input[name='password']")
        password.send_keys("fout-wachtwoord")
        token = mark_page(driver)
        driver.execute_script("arguments[0].form.requestSubmit()", password)
        wait_for_new_page(driver, token, "submitting a wrong password")
    elif page.action == "empty-item-form":
        form = driver.find_element(By.CSS_SELECTOR, "form[action='/beheer/items']")
        token = mark_page(driver)
        driver.execute_script("arguments[0].requestSubmit()", form)
        wait_for_new_page(driver, token, "submitting the empty item form")
    return response_status(driver), path


def screenshot(driver, name):
    """A screenshot of the whole page (up to 8000 CSS pixels tall) in screenshots/browser/."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    try:
        width, height, viewport = driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight, "
            "window.innerWidth]")
        data = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": max(width, viewport), "height": min(max(height, 600), 8000),
                     "scale": 1},
        })["data"]
        path.write_bytes(base64.b64decode(data))
    except WebDriverException:
        driver.save_screenshot(str(path))
    return path


# --------------------------------------------------------------------------------------------
# axe-core


def axe_source_path():
    """axe.min.js as bundled by the pinned axe-playwright-python (installed with --no-deps: only this file
    is used). Found without importing the package, which would want Playwright."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("axe-playwright-python is not installed (tests/browser/run.sh installs it)")
    path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    if not path.exists():
        raise RuntimeError(f"{path} is missing")
    return path


_AXE = {}


def axe_source():
    if "source" not in _AXE:
        source = axe_source_path().read_text(encoding="utf-8")
        match = re.search(r"axe v(\d+\.\d+\.\d+)", source[:200])
        _AXE["source"] = source
        _AXE["file_version"] = match.group(1) if match else None
    return _AXE["source"]


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({version: axe.version, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html, summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


def run_axe(driver):
    """axe-core's violations of WCAG 2.0/2.1 A and AA on the current page: (version, violations)."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source())
    result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
    if result.get("error"):
        raise RuntimeError(f"axe.run failed: {result['error']}")
    return result["version"], result["violations"]


def describe_violations(violations, nodes_shown=3):
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} element"
                     f"{'' if len(v['nodes']) == 1 else 's'}) {v['helpUrl']}")
        for node in v["nodes"][:nodes_shown]:
            html = re.sub(r"\s+", " ", node["html"])
            lines.append(f"    at {' > '.join(node['target'])}: {html[:160]}")
            if node.get("summary"):
                summary = re.sub(r"\s+", " ", node["summary"])
                lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > nodes_shown:
            lines.append(f"    … and {len(v['nodes']) - nodes_shown} more")
    return lines


# --------------------------------------------------------------------------------------------
# Layout and focus


OVERFLOW = """
const root = document.documentElement, limit = root.clientWidth + 1;
const wide = [];
if (root.scrollWidth > limit) {
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > limit + window.scrollX) {
      const parentWide = el.parentElement && el.parentElement.getBoundingClientRect().right > limit + window.scrollX;
      if (!parentWide || wide.length === 0) {
        let name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
          (el.classList.length ? '.' + [...el.classList].join('.') : '');
        wide.push(name + ' (right edge ' + Math.round(r.right) + ' px)');
      }
    }
    if (wide.length >= 5) break;
  }
}
return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide};
"""


def horizontal_overflow(driver):
    """None when the page fits its width, else a description of what sticks out."""
    result = driver.execute_script(OVERFLOW)
    if result["scrollWidth"] <= result["clientWidth"] + 1:
        return None
    return (f"scrollWidth {result['scrollWidth']} px > clientWidth {result['clientWidth']} px; widest: "
            + ("; ".join(result["wide"]) or "(not found)"))


FOCUS = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return {focused: false};
const s = getComputedStyle(el);
const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
const shadow = !!s.boxShadow && s.boxShadow !== 'none';
let name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '') +
  (el.getAttribute('type') && el.tagName !== 'BUTTON' ? '[type=' + el.getAttribute('type') + ']' : '') +
  (el.getAttribute('href') ? '[href=' + el.getAttribute('href') + ']' : '') +
  (el.classList.length ? '.' + [...el.classList].join('.') : '');
// A date or time field's calendar button is inside the browser's own shadow tree: the field is then the
// active element without matching :focus, and the page's styles cannot reach the button.
const inner = !el.matches(':focus');
return {focused: true, visible: outline || shadow, name: name + (inner ? ' (its built-in picker button)' : ''),
        style: 'outline: ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + '; box-shadow: ' + s.boxShadow +
               (inner ? "; the field itself does not match :focus, so only the browser's default ring shows" : '')};
"""


def focus_state(driver):
    return driver.execute_script(FOCUS)
