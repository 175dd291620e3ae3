"""The main flows with the keyboard only (Tab, Shift+Tab, Enter, Space and typing; no clicks), from the top of
each page: the skip link, searching with a facet, signing in (and failing to), and editing and saving an item.
Every element reached with Tab must show where the focus is: an outline (style not 'none', width > 0) or a
box-shadow."""

import re
import urllib.parse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import WIDTHS, current_path, focus_state, mark_page, screenshot, wait_for_new_page, wait_loaded

DESKTOP = WIDTHS[0]
SEARCH_WORD = "integratie"


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


class Walk:
    """Moves through a page with the keyboard and remembers every element that got focus without showing it."""

    def __init__(self, driver, flow, findings):
        self.driver = driver
        self.flow = flow
        self.findings = findings
        self.trail = []
        self.invisible = {}

    def active_matches(self, selector):
        return self.driver.execute_script(
            "const el = document.activeElement; return !!el && el !== document.body && el.matches(arguments[0])",
            selector)

    def tab(self, backwards=False):
        if backwards:
            ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        else:
            press(self.driver, Keys.TAB)
        state = focus_state(self.driver)
        if not state["focused"]:
            self.trail.append("(nothing: focus left the page)")
            return state
        self.trail.append(state["name"])
        if not state["visible"] and state["name"] not in self.invisible:
            self.invisible[state["name"]] = f"{current_path(self.driver)}: {state['name']} — {state['style']}"
        return state

    def tab_to(self, selector, description, limit=200):
        for count in range(1, limit + 1):
            state = self.tab()
            if not state["focused"]:
                break
            if self.active_matches(selector):
                return count
        raise AssertionError(f"{self.flow}: Tab never reached {description} ({selector}) on "
                             f"{current_path(self.driver)}; last stops: {' → '.join(self.trail[-8:])}")

    def type(self, text):
        press(self.driver, text)

    def submit_with(self, key, description):
        token = mark_page(self.driver)
        press(self.driver, key)
        wait_for_new_page(self.driver, token, description)

    def report_focus(self):
        if self.invisible:
            self.findings.add("Focus not visible (keyboard flows)", self.flow, self.invisible.values())

    def assert_focus_visible(self):
        if self.invisible:
            pytest.fail(f"{self.flow}: {len(self.invisible)} element(s) reached with Tab show no focus (outline "
                        "style 'none' or width 0, and no box-shadow):\n  " + "\n  ".join(self.invisible.values()),
                        pytrace=False)


@pytest.fixture
def walk_factory(findings):
    walks = []

    def make(driver, flow):
        walk = Walk(driver, flow, findings)
        walks.append(walk)
        return walk

    yield make
    for walk in walks:
        walk.report_focus()


def start(driver, site, path):
    """Opens the page with nothing focused, as after following a link."""
    driver.get(site.url(path))
    wait_loaded(driver)
    driver.execute_script("if (document.activeElement && document.activeElement !== document.body) "
                          "document.activeElement.blur()")


def fail(findings, flow, message):
    findings.add("Keyboard flow failures", flow, [message])
    pytest.fail(f"{flow}: {message}", pytrace=False)


# --------------------------------------------------------------------------------------------


SKIP_TARGET = """
const link = document.activeElement;
if (!link || link.tagName !== 'A' || !(link.getAttribute('href') || '').startsWith('#')) return {skip: false};
const target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
const main = document.querySelector('main');
const r = link.getBoundingClientRect(), s = getComputedStyle(link);
const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
const hit = (cx >= 0 && cy >= 0 && cx < innerWidth && cy < innerHeight) ? document.elementFromPoint(cx, cy) : null;
return {skip: true, href: link.getAttribute('href'), target: !!target,
        leadsToMain: !!target && !!main && (target === main || main.contains(target) || target.contains(main)),
        visible: r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight &&
                 r.right <= innerWidth && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0 &&
                 !!hit && (hit === link || link.contains(hit)),
        rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)]};
"""


@pytest.mark.parametrize("width", WIDTHS)
def test_skip_link(width, browsers, site, findings, walk_factory):
    flow = f"skip link at {width} px"
    driver = browsers.get(width)
    start(driver, site, "/")
    walk = walk_factory(driver, flow)
    walk.tab()
    link = driver.execute_script(SKIP_TARGET)
    screenshot(driver, f"toetsenbord-skiplink-{width}")
    if not link["skip"]:
        fail(findings, flow, f"the first Tab focuses {walk.trail[-1]}, not a link to an anchor (a skip link)")
    if not link["target"] or not link["leadsToMain"]:
        fail(findings, flow, f"the skip link {link['href']} does not lead to the main content")
    if not link["visible"]:
        fail(findings, flow, f"the focused skip link is not visible in the viewport (box {link['rect']})")
    press(driver, Keys.ENTER)
    target_id = urllib.parse.unquote(link["href"][1:])
    moved = driver.execute_script(
        "const t = document.getElementById(arguments[0]), a = document.activeElement;"
        "return !!t && (a === t || t.contains(a))", target_id)
    if not moved:
        fail(findings, flow, f"Enter on the skip link leaves the focus on {focus_state(driver).get('name')}, "
                             f"not on #{target_id}")
    walk.tab()
    inside = driver.execute_script("const m = document.querySelector('main');"
                                   "return !!m && m.contains(document.activeElement)")
    if not inside:
        fail(findings, flow, f"the Tab after the skip link goes to {walk.trail[-1]}, outside <main>")
    walk.assert_focus_visible()


def result_count(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "main .result-count, main [role=status]")
    if found:
        match = re.search(r"\d[\d.]*", found[0].text)
        if match:
            return int(match.group(0).replace(".", ""))
    return len(driver.find_elements(By.CSS_SELECTOR, "main ol li article"))


@pytest.mark.parametrize("width", WIDTHS)
def test_search_with_facet(width, browsers, site, findings, walk_factory):
    flow = f"search with a facet at {width} px"
    driver = browsers.get(width)
    start(driver, site, "/")
    walk = walk_factory(driver, flow)
    try:
        walk.tab_to("form[action='/zoeken'] input[name='q']", "the site search box")
    except AssertionError as error:
        fail(findings, flow, str(error))
    walk.type(SEARCH_WORD)
    walk.submit_with(Keys.ENTER, "Enter in the search box")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)
    if urllib.parse.urlsplit(driver.current_url).path != "/zoeken" or query.get("q") != [SEARCH_WORD]:
        fail(findings, flow, f"Enter in the search box led to {current_path(driver)}, not /zoeken?q={SEARCH_WORD}")
    before = result_count(driver)
    if before == 0:
        fail(findings, flow, f"searching for {SEARCH_WORD} finds nothing in the demo content")

    try:
        walk.tab_to("form[action='/zoeken'] fieldset input[type='checkbox']:not(:checked), "
                    "form[action='/zoeken'] fieldset a[href*='=']", "a facet")
    except AssertionError as error:
        fail(findings, flow, str(error))
    facet = driver.execute_script(
        "const el = document.activeElement; return {tag: el.tagName, id: el.id, name: el.name, value: el.value,"
        " href: el.getAttribute('href')}")
    screenshot(driver, f"toetsenbord-facet-{width}")
    if facet["tag"] == "INPUT":
        press(driver, Keys.SPACE)
        if not driver.switch_to.active_element.is_selected():
            fail(findings, flow, f"Space did not tick the facet checkbox #{facet['id']}")
        try:
            walk.tab_to("form[action='/zoeken'] button[type='submit'], form[action='/zoeken'] input[type='submit']",
                        "the button that applies the filters")
        except AssertionError as error:
            fail(findings, flow, str(error))
        walk.submit_with(Keys.ENTER, "Enter on the apply button")
        expected = (facet["name"], facet["value"])
    else:
        walk.submit_with(Keys.ENTER, "Enter on the facet link")
        link_query = urllib.parse.parse_qs(urllib.parse.urlsplit(facet["href"]).query)
        expected = next(((k, v[0]) for k, v in link_query.items() if k not in ("q", "pagina", "sorteer")), None)

    after_query = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)
    screenshot(driver, f"toetsenbord-facet-toegepast-{width}")
    if expected is None or expected[1] not in after_query.get(expected[0], []):
        fail(findings, flow, f"after applying the facet the address is {current_path(driver)}, "
                             f"without {expected[0] if expected else '?'}={expected[1] if expected else '?'}")
    if after_query.get("q") != [SEARCH_WORD]:
        fail(findings, flow, f"applying the facet lost the search words: {current_path(driver)}")
    after = result_count(driver)
    if after > before:
        fail(findings, flow, f"the facet {expected[0]}={expected[1]} gives more results ({after}) than none ({before})")
    if facet["tag"] == "INPUT" and facet["id"]:
        box = driver.find_elements(By.ID, facet["id"])
        if not box or not box[0].is_selected():
            fail(findings, flow, f"the applied facet #{facet['id']} is not shown ticked on the results page")
    walk.assert_focus_visible()


def sign_in_by_keyboard(driver, site, walk, person, password):
    start(driver, site, "/inloggen")
    walk.tab_to("form[action='/inloggen'] input[name='email']", "the e-mail field")
    walk.type(person["email"])
    walk.tab()
    if not walk.active_matches("form[action='/inloggen'] input[name='password']"):
        raise AssertionError(f"the Tab after the e-mail field goes to {walk.trail[-1]}, not the password field")
    walk.type(password)
    walk.submit_with(Keys.ENTER, "Enter in the password field")


ERROR_TIES = """
const fields = [...document.querySelectorAll("form[action='/inloggen'] input[name='email'], "
                                            + "form[action='/inloggen'] input[name='password']")];
const described = [];
for (const f of fields) {
  for (const id of (f.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)) {
    const el = document.getElementById(id);
    if (el && el.innerText.trim() && el.getClientRects().length) described.push({field: f.name, id: id, text: el.innerText.trim()});
  }
}
const alerts = [...document.querySelectorAll('main [role=alert]')]
  .filter(el => el.innerText.trim() && el.getClientRects().length)
  .map(el => ({id: el.id, text: el.innerText.trim()}));
const invalid = fields.filter(f => f.getAttribute('aria-invalid') === 'true').map(f => f.name);
return {described: described, alerts: alerts, invalid: invalid};
"""


def test_failed_sign_in(browsers, site, findings, walk_factory):
    flow = "failed sign-in by keyboard"
    driver = browsers.get(DESKTOP)
    walk = walk_factory(driver, flow)
    try:
        sign_in_by_keyboard(driver, site, walk, site.stranger, site.stranger["password"])
    except AssertionError as error:
        fail(findings, flow, str(error))
    screenshot(driver, "toetsenbord-inloggen-fout")
    if urllib.parse.urlsplit(driver.current_url).path != "/inloggen":
        fail(findings, flow, f"a wrong password led to {current_path(driver)}, not back to /inloggen")
    ties = driver.execute_script(ERROR_TIES)
    # Shown, and tied to the field: a field's aria-describedby points at the message, or it is role=alert.
    if not ties["described"] and not ties["alerts"]:
        fail(findings, flow, "no error message is shown and tied to the fields: no visible role=alert in <main> "
                             "and no visible text referenced by the e-mail or password field's aria-describedby")
    print(f"{flow}: aria-describedby → {ties['described'] or 'none'}; role=alert → {ties['alerts'] or 'none'}; "
          f"aria-invalid on {ties['invalid'] or 'none'}")
    walk.assert_focus_visible()


def test_sign_in(browsers, site, findings, walk_factory):
    flow = "sign-in by keyboard"
    driver = browsers.get(DESKTOP)
    walk = walk_factory(driver, flow)
    try:
        sign_in_by_keyboard(driver, site, walk, site.admin, site.admin["password"])
    except AssertionError as error:
        fail(findings, flow, str(error))
    screenshot(driver, "toetsenbord-ingelogd")
    if urllib.parse.urlsplit(driver.current_url).path != "/beheer":
        fail(findings, flow, f"signing in with the keyboard led to {current_path(driver)}, not /beheer")
    browsers.note_signed_in(DESKTOP)
    walk.assert_focus_visible()


def test_edit_and_save(browsers, site, findings, walk_factory):
    flow = "edit and save an item by keyboard"
    driver = browsers.get(DESKTOP, staff=True)
    slug = site.slugs["edit"]
    path = f"/beheer/items/{slug}"
    start(driver, site, path)
    if urllib.parse.urlsplit(driver.current_url).path != path:
        fail(findings, flow, f"{path} led to {current_path(driver)}")
    walk = walk_factory(driver, flow)
    new_summary = "Samenvatting gewijzigd met alleen het toetsenbord in de browsertest."
    try:
        walk.tab_to(f"form[action='{path}'] textarea[name='summary']", "the summary field")
        ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()  # select all
        walk.type(new_summary)
        walk.tab_to(f"form[action='{path}'] button[type='submit'], form[action='{path}'] input[type='submit']",
                    "the save button")
        screenshot(driver, "toetsenbord-bewerken-voor-opslaan")
        walk.submit_with(Keys.ENTER, "Enter on the save button")
    except AssertionError as error:
        fail(findings, flow, str(error))
    screenshot(driver, "toetsenbord-bewerken-opgeslagen")
    if urllib.parse.urlsplit(driver.current_url).path != path:
        fail(findings, flow, f"saving led to {current_path(driver)}, not back to {path}")
    errors = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "main .error-summary, main [role=alert]")
              if e.text.strip()]
    if errors:
        fail(findings, flow, f"saving shows an error: {' | '.join(errors)}")
    notices = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "main [role=status]")
               if e.is_displayed() and e.text.strip()]
    if not notices:
        fail(findings, flow, "no success notice (role=status) after saving")
    saved = driver.find_element(By.CSS_SELECTOR, f"form[action='{path}'] textarea[name='summary']")
    if saved.get_attribute("value") != new_summary:
        fail(findings, flow, f"the summary after saving is {saved.get_attribute('value')!r}, not the typed text")
    print(f"{flow}: notice {notices[0]!r}")
    walk.assert_focus_visible()
