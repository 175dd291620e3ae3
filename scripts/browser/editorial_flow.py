#!/usr/bin/env python3
"""End-to-end browser check of the editorial flow, in headless Chromium.

Two editors (Anna and Bram) on a throwaway SQLite database with the demo content:
Anna creates an item, attaches a generated PDF that contains a made-up word and offers the item
for review (and cannot publish it herself: "vier ogen"); Bram publishes it from the review queue;
an anonymous visitor then finds the item by searching for the word that only occurs inside the PDF,
and downloads the PDF.

Usage (from anywhere; paths are relative to the repository root):
    python3 scripts/browser/editorial_flow.py [PATH_TO_KENNIS_BINARY]     (default .build/debug/kennis)

Needs selenium 4, /usr/bin/chromium and /usr/bin/chromedriver. Screenshots go to
screenshots/editorial-flow/. Exit status 0 when every check passes, 1 when a check fails, 2 when
the run itself broke (binary missing, server did not start, browser error).
"""

import base64
import os
import random
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "screenshots" / "editorial-flow"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WAIT = 15  # seconds for any single page or element
SEARCH_DEADLINE = 30  # seconds for the PDF text to become searchable

ANNA = {"name": "Anna", "email": "anna@example.nl", "password": "anna-wachtwoord-" + "x" * 8}
BRAM = {"name": "Bram", "email": "bram@example.nl", "password": "bram-wachtwoord-" + "y" * 8}


class CheckFailed(Exception):
    """A check in the flow did not hold; the message says what was expected and what was seen."""


# --------------------------------------------------------------------------------------------
# Test data


def make_pdf(lines):
    """A minimal valid one-page PDF (A4, Helvetica 12pt) showing `lines`, with a correct xref table."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 12 Tf", "16 TL", "72 770 Td"]
    for line in lines:
        ops.append(f"({escape(line)}) Tj T*")
    ops.append("ET")
    content = "\n".join(ops).encode("latin-1")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --------------------------------------------------------------------------------------------
# Server


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_user(binary, database, person):
    result = subprocess.run(
        [binary, "user", "add", "--database", database, "--email", person["email"], "--name", person["name"],
         "--role", "redacteur", "--password-stdin"],
        input=person["password"] + "\n", text=True, capture_output=True, timeout=60,
    )
    if result.returncode != 0:
        raise RuntimeError(f"kennis user add {person['email']} failed ({result.returncode}): "
                           f"{result.stderr.strip() or result.stdout.strip()}")


def http_get(url, timeout=10):
    """(status, headers, body) without cookies, i.e. as an anonymous visitor; errors are answers too."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url), timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_for_health(base, server, deadline_seconds=60):
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"kennis serve stopped during start-up with status {server.returncode}")
        try:
            status, _, _ = http_get(base + "/healthz", timeout=2)
            if status == 200:
                return
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        time.sleep(0.25)  # polling loop
    raise RuntimeError(f"{base}/healthz did not answer 200 within {deadline_seconds} s")


def stop_server(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)


# --------------------------------------------------------------------------------------------
# Browser


def new_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--lang=nl-NL", "--disable-gpu"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "nl-NL,nl"})
    # Dutch locale where available (Debian: chromium-l10n), so date fields show dd-mm-jjjj as editors see them.
    service = Service(CHROMEDRIVER, env=dict(os.environ, LANGUAGE="nl", LANG="nl_NL.UTF-8"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_window_size(1280, 900)
    driver.set_page_load_timeout(30)
    return driver


class Flow:
    def __init__(self, base, secret, pdf_path, pdf_bytes):
        self.base = base
        self.secret = secret
        self.pdf_path = pdf_path
        self.pdf_bytes = pdf_bytes
        self.suffix = secret[-6:]
        self.title = f"Proef redactiestroom {self.suffix}"
        self.slug = f"proef-redactiestroom-{self.suffix}"
        self.driver = None
        self.step_number = 0
        self.doing = "starting"
        self.shot_number = 0
        self.shots = []

    # --- reporting -------------------------------------------------------------------------

    def step(self, text):
        self.step_number += 1
        print(f"[{self.step_number:02d}] {text}", flush=True)

    def shot(self, name):
        """A screenshot of the whole page (not just the 1280x900 viewport)."""
        self.shot_number += 1
        path = SHOTS / f"{self.shot_number:02d}-{name}.png"
        try:
            width, height = self.driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            height = min(max(height, 900), 8000)
            data = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": max(width, 1280), "height": height, "scale": 1},
            })["data"]
            path.write_bytes(base64.b64decode(data))
        except WebDriverException:
            self.driver.save_screenshot(str(path))
        self.shots.append(path)
        return path

    # --- helpers ---------------------------------------------------------------------------

    def url(self, path):
        return self.base + path

    def wait(self, condition, message, timeout=WAIT):
        try:
            return WebDriverWait(self.driver, timeout).until(condition)
        except TimeoutException:
            raise CheckFailed(message) from None

    def open(self, path):
        self.driver.get(self.url(path))
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete", f"{path} did not load")

    def mark_page(self):
        """Tag the current document, so that `wait_for_new_page` can tell when another one has replaced it."""
        token = "".join(random.choice(string.ascii_letters) for _ in range(12))
        self.driver.execute_script("window.__editorialFlowPage = arguments[0]", token)
        return token

    def wait_for_new_page(self, token, description):
        def replaced(driver):
            try:
                return driver.execute_script(
                    "return window.__editorialFlowPage !== arguments[0] && document.readyState === 'complete'", token)
            except WebDriverException:  # in the middle of navigating
                return False
        self.wait(replaced, f"no new page after {description}")

    def press(self, element, description):
        """Click a button or link and wait until the next page has replaced this one."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        token = self.mark_page()
        element.click()
        self.wait_for_new_page(token, description)

    def button(self, label, scope=None):
        scope = scope or self.driver
        found = scope.find_elements(By.XPATH, f".//button[normalize-space()='{label}']")
        if not found:
            raise CheckFailed(f"no button “{label}” on the page")
        return found[0]

    def link(self, label, scope=None):
        scope = scope or self.driver
        found = scope.find_elements(By.XPATH, f".//a[normalize-space()='{label}']")
        if not found:
            raise CheckFailed(f"no link “{label}” on the page")
        return found[0]

    def expect_text(self, text, where="the page"):
        body = self.driver.find_element(By.TAG_NAME, "body").text
        if text not in body:
            raise CheckFailed(f"expected “{text}” on {where}")

    def expect_path(self, path, description):
        self.wait(lambda d: urllib.parse.urlsplit(d.current_url).path == path,
                  f"expected to be on {path} after {description}")

    def type_into(self, field_id, text):
        field = self.driver.find_element(By.ID, field_id)
        field.clear()
        field.send_keys(text)

    def check_box(self, element_id):
        """Tick a checkbox with the keyboard: focus it, press space."""
        box = self.driver.find_element(By.ID, element_id)
        self.driver.execute_script("arguments[0].focus()", box)
        box.send_keys(Keys.SPACE)
        if not box.is_selected():
            raise CheckFailed(f"checkbox #{element_id} did not tick with the space bar")

    def status_line(self):
        found = self.driver.find_elements(By.XPATH, "//main//p[starts-with(normalize-space(), 'Status:')]")
        return found[0].text if found else ""

    # --- the flow --------------------------------------------------------------------------

    def sign_in(self, person):
        self.open("/inloggen")
        self.type_into("email", person["email"])
        self.type_into("password", person["password"])
        token = self.mark_page()
        self.driver.find_element(By.ID, "password").send_keys(Keys.ENTER)  # submit with the keyboard
        self.wait_for_new_page(token, "pressing Enter in the password field")
        self.expect_path("/beheer", f"signing in as {person['name']}")
        self.expect_text(f"Ingelogd als {person['name']}", "the staff header")

    def sign_out(self, person):
        form = self.driver.find_element(By.CSS_SELECTOR, "form.signout")
        self.press(self.button("Uitloggen", form), "Uitloggen")
        body = self.driver.find_element(By.TAG_NAME, "body").text
        if f"Ingelogd als {person['name']}" in body:
            raise CheckFailed(f"still signed in as {person['name']} after Uitloggen")
        landed = self.driver.current_url
        self.shot(f"{person['name'].lower()}-uitgelogd")
        self.open("/beheer")
        self.expect_path("/inloggen", "opening /beheer after signing out")
        return landed

    def run(self):
        SHOTS.mkdir(parents=True, exist_ok=True)
        for old in SHOTS.glob("*.png"):
            old.unlink()

        self.driver = new_browser()

        # 1. The made-up word is nowhere yet.
        self.doing = "The made-up word is nowhere yet"
        self.open("/zoeken?q=" + urllib.parse.quote(self.secret))
        count = self.driver.find_element(By.CSS_SELECTOR, ".result-count").text
        self.shot("anoniem-zoeken-voor-publicatie")
        if count.strip() != "0 resultaten":
            raise CheckFailed(f"the made-up word {self.secret} already gives “{count}”")
        self.step(f"search for the made-up word ‘{self.secret}’ gives 0 results before the flow")

        # 2. Anna signs in with the form.
        self.doing = "Anna signs in with the form"
        self.open("/inloggen")
        self.shot("inloggen")
        self.sign_in(ANNA)
        self.shot("anna-overzicht")
        self.step("Anna signed in via /inloggen (Enter in the password field) and sees /beheer")

        # 3. Anna creates a new item via Kennisitems → Nieuw kennisitem.
        self.doing = "Anna creates a new item via Kennisitems → Nieuw kennisitem"
        self.press(self.link("Kennisitems", self.driver.find_element(By.CSS_SELECTOR, "nav.main-nav")),
                   "menu Kennisitems")
        self.expect_path("/beheer/items", "menu Kennisitems")
        self.press(self.link("Nieuw kennisitem"), "Nieuw kennisitem")
        self.expect_path("/beheer/items/nieuw", "Nieuw kennisitem")
        self.type_into("title", self.title)
        self.type_into("slug", self.slug)
        Select(self.driver.find_element(By.ID, "type")).select_by_value("publicatie")
        self.type_into("summary", "Een proefpublicatie om de redactiestroom van begin tot eind te controleren.")
        self.type_into("body", "## Inleiding\n\nDeze tekst noemt het bijzondere woord niet; dat staat alleen in de PDF-bijlage.")
        self.check_box("thema-participatie")
        self.check_box("doelgroep-gemeenten")
        self.type_into("authors", "Anna")
        self.shot("anna-nieuw-item-ingevuld")
        self.press(self.button("Aanmaken als concept"), "Aanmaken als concept")
        self.expect_path(f"/beheer/items/{self.slug}", "Aanmaken als concept")
        self.expect_text("Het kennisitem is aangemaakt als concept.", "the edit page after creating")
        if "concept" not in self.status_line():
            raise CheckFailed(f"new item's status line is “{self.status_line()}”, expected concept")
        self.shot("anna-item-aangemaakt")
        self.step(f"Anna created the draft ‘{self.title}’ (/beheer/items/{self.slug})")

        # 4. Anna uploads the PDF.
        self.doing = "Anna uploads the PDF"
        upload = self.driver.find_element(By.ID, "bestand")
        upload.send_keys(str(self.pdf_path))
        self.press(self.button("Bijlage toevoegen"), "Bijlage toevoegen")
        self.expect_path(f"/beheer/items/{self.slug}", "Bijlage toevoegen")
        self.expect_text("De bijlage is toegevoegd.", "the edit page after uploading")
        attachments = self.driver.find_element(By.CSS_SELECTOR, "section.attachments-editor").text
        if self.pdf_path.name not in attachments:
            raise CheckFailed(f"{self.pdf_path.name} is not listed under Bijlagen on the edit page: {attachments!r}")
        self.shot("anna-bijlage-toegevoegd")
        self.step(f"Anna uploaded {self.pdf_path.name} ({len(self.pdf_bytes)} bytes); it is listed under Bijlagen")

        # 5. Anna offers it for review and cannot publish it herself.
        self.doing = "Anna offers it for review and cannot publish it herself"
        self.press(self.button("Ter review aanbieden"), "Ter review aanbieden")
        self.expect_path(f"/beheer/items/{self.slug}", "Ter review aanbieden")
        if "ter review" not in self.status_line():
            raise CheckFailed(f"after Ter review aanbieden the status line is “{self.status_line()}”")
        self.expect_text("Het item staat nu ter review.", "the edit page after Ter review aanbieden")
        publish = self.button("Publiceren")
        if publish.is_enabled():
            raise CheckFailed("Anna's Publiceren button is enabled although she changed the item last (vier ogen)")
        explained_by = publish.get_attribute("aria-describedby") or ""
        explanation = self.driver.find_element(By.ID, explained_by).text if explained_by else ""
        if "Vier ogen" not in explanation:
            raise CheckFailed(f"the disabled Publiceren button has no vier-ogen explanation (got {explanation!r})")
        self.shot("anna-ter-review-publiceren-uit")
        self.step("Anna offered the item for review; her Publiceren button is disabled: " + explanation)

        status, _, _ = http_get(self.url(f"/kennis/{self.slug}"))
        if status != 404:
            raise CheckFailed(f"anonymous GET /kennis/{self.slug} before publication answered {status}, expected 404")
        self.step(f"anonymous /kennis/{self.slug} answers 404 while the item is under review")

        self.doing = "Anna signs out"
        landed = self.sign_out(ANNA)
        self.step(f"Anna signed out (landed on {urllib.parse.urlsplit(landed).path}); /beheer now asks to sign in")

        # 6. Bram publishes it from the review queue.
        self.doing = "Bram publishes it from the review queue"
        self.sign_in(BRAM)
        self.press(self.link("Reviewwachtrij", self.driver.find_element(By.CSS_SELECTOR, "nav.main-nav")),
                   "menu Reviewwachtrij")
        self.expect_path("/beheer/review", "menu Reviewwachtrij")
        self.shot("bram-reviewwachtrij")
        self.press(self.link(self.title, self.driver.find_element(By.TAG_NAME, "main")), "the item in the review queue")
        self.expect_path(f"/beheer/items/{self.slug}", "opening the item from the review queue")
        publish = self.button("Publiceren")
        if not publish.is_enabled():
            raise CheckFailed("Bram's Publiceren button is disabled although Anna changed the item last")
        self.shot("bram-item-voor-publiceren")
        self.press(publish, "Publiceren")
        self.expect_path(f"/beheer/items/{self.slug}", "Publiceren")
        if "gepubliceerd" not in self.status_line():
            raise CheckFailed(f"after Publiceren the status line is “{self.status_line()}”")
        self.expect_text("Het item is gepubliceerd en staat nu op de openbare site.", "the edit page after Publiceren")
        self.shot("bram-gepubliceerd")
        self.step("Bram opened the item from the review queue and published it")
        self.doing = "Bram signs out"
        self.sign_out(BRAM)
        self.step("Bram signed out")
        self.driver.quit()

        # 7. An anonymous visitor finds the item through the text of the PDF.
        self.doing = "An anonymous visitor finds the item through the text of the PDF"
        self.driver = new_browser()
        if self.driver.get_cookies():
            raise CheckFailed("the fresh browser session already has cookies")
        search_path = "/zoeken?q=" + urllib.parse.quote(self.secret)
        started = time.monotonic()
        hit = []
        while True:
            self.open(search_path)
            hit = self.driver.find_elements(By.CSS_SELECTOR, f".result-list a[href='/kennis/{self.slug}']")
            if hit or time.monotonic() - started > SEARCH_DEADLINE:
                break
            time.sleep(1)  # polling loop: PDF text extraction runs in the background
        waited = time.monotonic() - started
        self.shot("anoniem-zoekresultaat")
        if not hit:
            count = self.driver.find_element(By.CSS_SELECTOR, ".result-count").text
            raise CheckFailed(f"the item is not found by ‘{self.secret}’ after {SEARCH_DEADLINE} s (page says “{count}”)")
        self.step(f"anonymous search for the word from the PDF finds the item after {waited:.1f} s")

        self.press(hit[0], "the search result")
        self.expect_path(f"/kennis/{self.slug}", "opening the search result")
        heading = self.driver.find_element(By.TAG_NAME, "h1").text
        if heading.strip() != self.title:
            raise CheckFailed(f"public page heading is “{heading}”, expected “{self.title}”")
        pdf_links = self.driver.find_elements(
            By.XPATH, "//h2[normalize-space()='Bijlagen']/following::a[contains(@href, '.pdf') or "
                      f"contains(normalize-space(), '{self.pdf_path.stem}')]")
        self.shot("anoniem-publieke-pagina")
        if not pdf_links:
            raise CheckFailed("the public page lists no PDF under Bijlagen")
        href = pdf_links[0].get_attribute("href")
        self.step(f"the public page /kennis/{self.slug} lists the PDF under Bijlagen: “{pdf_links[0].text}”")

        status, headers, body = http_get(href)
        content_type = headers.get("Content-Type", "")
        if status != 200:
            raise CheckFailed(f"GET {href} answered {status}")
        if not content_type.startswith("application/pdf"):
            raise CheckFailed(f"GET {href} has Content-Type {content_type!r}, expected application/pdf")
        if body != self.pdf_bytes:
            raise CheckFailed(f"GET {href} returned {len(body)} bytes that differ from the uploaded PDF")
        self.step(f"GET {urllib.parse.urlsplit(href).path} → 200, {content_type}, the same {len(body)} bytes")


# --------------------------------------------------------------------------------------------


def main():
    binary = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / ".build" / "debug" / "kennis"
    binary = binary if binary.is_absolute() else (Path.cwd() / binary)
    if not binary.exists():
        print(f"kennis binary not found: {binary}", file=sys.stderr)
        return 2
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not Path(tool).exists():
            print(f"missing {tool}", file=sys.stderr)
            return 2

    data = Path(tempfile.mkdtemp(prefix="kennis-editorial-flow-"))
    database = f"sqlite:{data / 'kennis.sqlite'}"
    suffix = "".join(random.choice(string.ascii_lowercase) for _ in range(6))
    secret = "zwaluwstaartverbinding" + suffix
    pdf_path = data / f"proefbijlage-{suffix}.pdf"
    pdf_bytes = make_pdf([
        "Proefbijlage voor de redactiestroom",
        "",
        f"Deze bijlage bevat het verzonnen woord {secret} dat nergens anders voorkomt.",
    ])
    pdf_path.write_bytes(pdf_bytes)

    server = None
    flow = None
    server_log = data / "server.log"
    try:
        add_user(str(binary), database, ANNA)
        add_user(str(binary), database, BRAM)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = dict(os.environ, KENNIS_LOG_LEVEL="warning")
        with open(server_log, "wb") as log:
            server = subprocess.Popen(
                [str(binary), "serve", "--database", database, "--host", "127.0.0.1", "--port", str(port),
                 "--import", str(REPO / "demo" / "kennisbank.jsonl")],
                cwd=data, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        wait_for_health(base, server)
        print(f"server {base} (data in {data}), editors Anna and Bram created", flush=True)

        flow = Flow(base, secret, pdf_path, pdf_bytes)
        flow.run()
        print(f"PASS: editorial flow ({flow.step_number} steps, {len(flow.shots)} screenshots in "
              f"{SHOTS.relative_to(REPO)}/)")
        return 0
    except (CheckFailed, WebDriverException, RuntimeError, OSError, subprocess.SubprocessError) as error:
        kind = "FAIL" if isinstance(error, CheckFailed) else "ERROR"
        phase = f" (while: {flow.doing})" if flow is not None else ""
        print(f"{kind}{phase}: {error}", file=sys.stderr)
        if not isinstance(error, CheckFailed):
            traceback.print_exc()
        if flow is not None and flow.driver is not None:
            try:
                print(f"  current URL: {flow.driver.current_url}", file=sys.stderr)
                print(f"  screenshot: {flow.shot('FOUT')}", file=sys.stderr)
                heading = flow.driver.find_elements(By.TAG_NAME, "h1")
                if heading:
                    print(f"  page heading: {heading[0].text}", file=sys.stderr)
                said = [e.text.replace("\n", " / ") for e in flow.driver.find_elements(
                    By.CSS_SELECTOR, "main .notice, main [role=alert], main .error-summary, main .error") if e.text]
                if said:
                    print(f"  page says: {' | '.join(dict.fromkeys(said))}", file=sys.stderr)
            except WebDriverException:
                pass
        if server_log.exists():
            tail = server_log.read_text(errors="replace").splitlines()[-20:]
            if tail:
                print("  server log (last lines):", file=sys.stderr)
                for line in tail:
                    print("    " + line, file=sys.stderr)
        return 1 if isinstance(error, CheckFailed) else 2
    finally:
        sys.stdout.flush()
        if flow is not None and flow.driver is not None:
            try:
                flow.driver.quit()
            except WebDriverException:
                pass
        if server is not None:
            stop_server(server)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
