"""The whole sample tender through the web app in headless Chromium, as its people would do it.

Usage: panel_flow.py BASE_URL PLAN.json

Every panel member opens their invitation, sets a password (typed, then pasted into the second
box), signs out and signs in again (the password pasted), declares, scores every bid they may
score by clicking the radios and typing each rationale, checks the check-your-answers page
against what they typed, hands in and signs out. The commissioner then records the agreed score
for every item on the moderation list, finalises, and the ranking the web app serves is saved.

On every distinct page it visits the script runs axe-core, and checks the page by keyboard (Tab
reaches every link, button and field in document order, each with a visible focus indicator), at
390 px wide and at 200% zoom (a 1280 px window zoomed: 640 CSS px) for horizontal scrolling and
clipped content.

PLAN.json (written by BrowserPanelFlowTests.swift):
  {"tender": "TND-…", "password": "…", "criteria": [{"id", "title"}],
   "members": [{"id", "name", "invitation": "/invitations/…", "signInAs": "…",
                "bids": ["BID-001", …], "conflicted": ["BID-005"],
                "scores": {"BID-001": {"local-assets": {"value": 4, "rationale": "…"}}}}],
   "commissioner": {"id", "name", "invitation",
                    "moderation": [{"submission", "criterion", "score", "rationale", "attendees": [], "dissent": []}],
                    "reason": "…"},
   "ranking": "/path/to/write/ranking.json", "screenshots": "/dir" or null}

Prints one JSON object: {"pages": [...], "problems": ["what failed on which page", …]}.
Exits 1 when a check failed, 2 when the browser could not be driven (with where it stopped).
"""
import json
import os
import sys
import time
import urllib.request

from axe_selenium_python import Axe
from browser_start import start_chromium
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


where = "starting"
problems = []
pages = []
audited = set()
spent = {"checks": 0.0, "typing": 0.0, "passwords": 0.0}


def problem(text):
    problems.append(text)


def browser():
    return start_chromium(1280)

# --- Checks on one page -----------------------------------------------------------------------

TABBABLE = r"""
const all = Array.from(document.querySelectorAll('a[href], button, input, textarea, select, [tabindex]'));
const shown = el => {
  for (let e = el; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.display === 'none' || e.hidden || e.inert) return false;
  }
  return getComputedStyle(el).visibility !== 'hidden';
};
const groups = new Set();
const tabbable = [];
for (const el of all) {
  if (el.disabled || el.tabIndex < 0 || (el.type === 'hidden') || !shown(el)) continue;
  if (el.type === 'radio') {
    // A radio group is one stop: its checked radio, else its first.
    if (groups.has(el.name)) continue;
    groups.add(el.name);
    const group = all.filter(r => r.type === 'radio' && r.name === el.name && r.form === el.form);
    tabbable.push(group.find(r => r.checked) || el);
    continue;
  }
  tabbable.push(el);
}
window.__tabbable = tabbable;
const describe = el => {
  const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '') + (text ? ' "' + text + '"' : '');
};
window.__describe = describe;
return tabbable.map(describe);
"""

FOCUSED = r"""
const el = document.activeElement;
if (!el || el === document.body) return {index: -1, what: 'nothing (the page body)', visible: false};
const style = getComputedStyle(el);
const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
const shadow = style.boxShadow && style.boxShadow !== 'none';
const rect = el.getBoundingClientRect();
return {index: window.__tabbable.indexOf(el), what: window.__describe(el), visible: outline || shadow,
        onScreen: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0,
        style: 'outline ' + style.outlineStyle + ' ' + style.outlineWidth + ', box-shadow ' + style.boxShadow};
"""

REFLOW = r"""
// The viewport less any vertical scroll bar: content wider than this scrolls sideways.
const width = document.documentElement.clientWidth;
const result = {scrollWidth: document.documentElement.scrollWidth, width: width, wide: [], clipped: [], scrollers: []};
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
const inScroller = el => { for (let e = el.parentElement; e; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
for (const el of document.body.querySelectorAll('*')) {
  if (el.closest('.visually-hidden') || el.classList.contains('skip-link')) continue;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) continue;
  if (rect.right > width + 1 && !inScroller(el)) result.wide.push(describe(el) + ' reaches ' + Math.round(rect.right) + ' px');
  if ((style.overflowX === 'hidden' || style.overflowX === 'clip' || style.overflowY === 'hidden' || style.overflowY === 'clip')
      && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) result.clipped.push(describe(el));
  if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) result.scrollers.push(describe(el));
}
result.wide = result.wide.slice(0, 8);
return result;
"""


def keyboard(driver, name):
    """Tab from the top of the page: every tabbable element in document order, each with a
    visible focus indicator. Run straight after the page loads, before anything takes focus."""
    expected = driver.execute_script(TABBABLE)
    seen = []
    for step in range(len(expected)):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(FOCUSED)
        seen.append(focused["what"])
        if focused["index"] != step:
            problem(f"{name}: keyboard: Tab {step + 1} reached {focused['what']}, expected {expected[step]} "
                    f"(the order is {expected})")
            return len(seen)
        if not focused["visible"]:
            problem(f"{name}: keyboard: {focused['what']} has no visible focus indicator ({focused['style']})")
        if not focused["onScreen"]:
            problem(f"{name}: keyboard: {focused['what']} is focused but not on the screen")
    return len(seen)


def reflow(driver, name, width, height, scale, label):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False})
    try:
        result = driver.execute_script(REFLOW)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if result["scrollWidth"] > result["width"]:
        problem(f"{name}: {label}: the page scrolls sideways ({result['scrollWidth']} px wide in a {result['width']} px "
                f"viewport); too wide: {result['wide']}")
    if result["clipped"]:
        problem(f"{name}: {label}: content is cut off in {result['clipped']}")
    return result["scrollers"]


def axe(driver, name):
    checker = Axe(driver)
    checker.inject()
    results = checker.run()
    violations = [
        {"id": v["id"], "impact": v.get("impact"), "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
    ]
    for v in violations:
        problem(f"{name}: axe-core: {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}")
    return violations


def audit(driver, name, shots=None, shot_name=None):
    """Every check on the page just loaded, once per distinct page `name`."""
    global where
    where = f"checking {name} at {driver.current_url}"
    if name in audited:
        return
    audited.add(name)
    started = time.monotonic()
    tabs = keyboard(driver, name)
    scrollers = reflow(driver, name, 390, 844, 1, "390 px wide")
    scrollers_zoomed = reflow(driver, name, 640, 450, 2, "200% zoom")
    violations = axe(driver, name)
    pages.append({"name": name, "url": driver.current_url, "title": driver.title, "violations": violations, "tabStops": tabs,
                  "scrollsWithin": sorted(set(scrollers + scrollers_zoomed))})
    if shots and shot_name:
        screenshot(driver, shots, shot_name)
    spent["checks"] += time.monotonic() - started


def screenshot(driver, shots, name):
    for width, height in ((1280, 900), (390, 844)):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(shots, f"web-{name}-{width}.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# --- Acting as a person -------------------------------------------------------------------------

def text(element):
    return " ".join((element.get_attribute("textContent") or "").split())


def follow(driver, element):
    """Clicks a link or a submit button and waits until the next page has loaded: a click
    returns as soon as the browser has it, before the new page is there."""
    driver.execute_script("window.__leaving = true")
    element.click()

    def arrived(d):
        try:
            return d.execute_script("return window.__leaving === undefined && document.readyState === 'complete'")
        except WebDriverException:  # asked while the old page was being replaced
            return False

    WebDriverWait(driver, 60, poll_frequency=0.05).until(arrived)


def click_button(driver, label):
    for button in driver.find_elements(By.CSS_SELECTOR, "button"):
        if text(button) == label:
            follow(driver, button)
            return
    raise RuntimeError(f"no button '{label}' on {driver.current_url}")


def click_link(driver, label):
    for link in driver.find_elements(By.CSS_SELECTOR, "main a"):
        if text(link) == label:
            follow(driver, link)
            return
    raise RuntimeError(f"no link '{label}' on {driver.current_url}")


def heading(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "h1")
    return text(found[0]) if found else "(no heading)"


def error_summary(driver):
    return [text(e) for e in driver.find_elements(By.CSS_SELECTOR, ".error-summary li")]


def expect_path(driver, base, path, doing):
    current = driver.current_url[len(base):] if driver.current_url.startswith(base) else driver.current_url
    if current.split("?")[0] != path:
        main = driver.find_elements(By.CSS_SELECTOR, "main")
        shown = " ".join(text(main[0]).split())[:600] if main else driver.page_source[:600]
        raise RuntimeError(f"{doing}: expected {path}, got {current} ('{heading(driver)}'; problems shown: "
                           f"{error_summary(driver)}; the page says: {shown})")


def paste(driver, element, value):
    """Puts `value` on the clipboard and pastes it with Ctrl+V, as from a password manager."""
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": driver.execute_script("return location.origin"),
        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    error = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.writeText(arguments[0]).then(() => done(null), e => done(String(e)));", value)
    if error:
        raise RuntimeError(f"could not put the password on the clipboard: {error}")
    element.click()
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("v").key_up(Keys.CONTROL).perform()
    pasted = driver.execute_script("return arguments[0].value", element)
    if pasted != value:
        problem(f"{driver.current_url}: pasting into #{element.get_attribute('id')} gave {len(pasted)} characters, "
                f"not the {len(value)} pasted: the page must allow pasting")


def set_password(driver, base, person, password, shots_name):
    global where
    where = f"{person['id']}: opening the invitation"
    driver.get(base + person["invitation"])
    audit(driver, shots_name)
    where = f"{person['id']}: setting a password"
    driver.find_element(By.ID, "password").send_keys(password)
    paste(driver, driver.find_element(By.ID, "confirm"), password)
    started = time.monotonic()
    click_button(driver, "Save password and continue")
    spent["passwords"] += time.monotonic() - started


def sign_out(driver, base, name):
    click_button(driver, "Sign out")
    expect_path(driver, base, "/sign-in", f"{name} signing out")


def member_flow(driver, base, plan, member, first, shots):
    global where
    t = f"/tenders/{plan['tender']}"
    who = member["id"]
    password = plan["password"]
    set_password(driver, base, member, password, "invitation")
    expect_path(driver, base, t + "/", f"{who} after setting a password")
    audit(driver, "member-start-before-declaring")
    sign_out(driver, base, who)
    audit(driver, "signed-out")
    where = f"{who}: signing in"
    driver.find_element(By.ID, "person").send_keys(member["signInAs"])
    paste(driver, driver.find_element(By.ID, "password"), password)
    started = time.monotonic()
    click_button(driver, "Sign in")
    spent["passwords"] += time.monotonic() - started
    expect_path(driver, base, t + "/", f"{who} signing in as '{member['signInAs']}'")
    if driver.find_elements(By.PARTIAL_LINK_TEXT, "Score BID-"):
        problem(f"{who}: bids are offered before the conflict declaration")

    where = f"{who}: declaring"
    click_link(driver, "Declare any conflict of interest")
    expect_path(driver, base, t + "/declaration", f"{who} opening the declaration")
    audit(driver, f"declaration-{who}" if member["conflicted"] else "declaration")
    for bid in member["bids"]:
        driver.find_element(By.ID, f"conflict-{bid}").click()  # the "No" radio
    for bid in member["conflicted"]:
        if driver.find_elements(By.CSS_SELECTOR, f"input[name='conflict-{bid}']"):
            problem(f"{who}: the declaration asks about {bid}, a conflict already in the panel document")
    click_button(driver, "Send my declaration")
    expect_path(driver, base, t + "/", f"{who} sending the declaration")
    audit(driver, f"member-task-list-{who}" if member["conflicted"] else "member-task-list")

    offered = sorted(text(a).split(":")[0].replace("Score ", "") for a in driver.find_elements(By.PARTIAL_LINK_TEXT, "Score BID-"))
    if offered != sorted(member["bids"]):
        problem(f"{who}: the task list offers {offered}, expected {sorted(member['bids'])}")
    for index, bid in enumerate(member["bids"]):
        where = f"{who}: scoring {bid}"
        follow(driver, driver.find_element(By.PARTIAL_LINK_TEXT, f"Score {bid}:"))
        expect_path(driver, base, f"{t}/submissions/{bid}/score", f"{who} opening {bid}")
        audit(driver, f"score-{bid}", shots if first and index == 0 else None, "score")
        for criterion, given in member["scores"][bid].items():
            where = f"{who}: scoring {bid} {criterion}"
            driver.find_element(By.CSS_SELECTOR, f"input[name='score-{criterion}'][value='{given['value']}']").click()
            box = driver.find_element(By.ID, f"rationale-{criterion}")
            started = time.monotonic()
            box.send_keys(given["rationale"])
            spent["typing"] += time.monotonic() - started
        click_button(driver, "Save my scores")
        expect_path(driver, base, t + "/", f"{who} saving {bid}")
        status = driver.find_element(By.ID, f"task-{bid}-status")
        if text(status) != "Completed":
            problem(f"{who}: after saving {bid} the task list says '{text(status)}'")
        if first and index == 2:
            audit(driver, "member-task-list-in-progress", shots, "member-task-list")

    where = f"{who}: checking the answers"
    click_link(driver, "Check and hand in your scores")
    expect_path(driver, base, t + "/hand-in", f"{who} opening check your answers")
    audit(driver, "check-your-answers", shots if first else None, "check-your-answers")
    shown = driver.execute_script(r"""
        const rows = [];
        for (const h of document.querySelectorAll('main h2')) {
          const bid = h.textContent.split(':')[0].trim();
          let table = h.nextElementSibling;
          if (!table || !table.querySelector('table')) continue;
          for (const tr of table.querySelectorAll('tbody tr')) {
            const cell = tr.querySelector('td');
            const score = cell.querySelector('strong').textContent.trim().split(/\s/)[0];
            const rationale = cell.textContent.slice(cell.querySelector('strong').textContent.length);
            rows.push([bid, tr.querySelector('th').textContent.trim(), score, rationale.replace(/\s+/g, ' ').trim()]);
          }
        }
        return rows;""")
    titles = {c["title"]: c["id"] for c in plan["criteria"]}
    got = sorted((bid, titles.get(title, title), score, rationale) for bid, title, score, rationale in shown)
    want = sorted((bid, criterion, str(given["value"]), " ".join(given["rationale"].split()))
                  for bid, scores in member["scores"].items() for criterion, given in scores.items())
    if got != want:
        missing = [w for w in want if w not in got][:3]
        extra = [g for g in got if g not in want][:3]
        problem(f"{who}: check your answers shows {len(got)} scores, expected {len(want)}; "
                f"not shown as typed: {missing}; shown but not typed: {extra}")
    where = f"{who}: handing in"
    click_button(driver, "Hand in my scores")
    expect_path(driver, base, t + "/", f"{who} handing in")
    audit(driver, "member-start-handed-in")
    if first:
        click_link(driver, "See the items for the moderation meeting")
        expect_path(driver, base, t + "/moderation", f"{who} opening the moderation list")
        audit(driver, "member-moderation-list")
    sign_out(driver, base, who)


def commissioner_flow(driver, base, plan, shots):
    global where
    t = f"/tenders/{plan['tender']}"
    person = plan["commissioner"]
    set_password(driver, base, person, plan["password"], "invitation")
    expect_path(driver, base, t + "/", "the commissioner after setting a password")
    audit(driver, "commissioner-start")
    progress = driver.execute_script(
        "return Array.from(document.querySelectorAll('main tbody tr')).map(tr => Array.from(tr.children).map(c => c.textContent.trim()))")
    for row in progress:
        if row[-1] != "Yes":
            problem(f"the commissioner's progress table says {row[0]} has handed in: '{row[-1]}'")
    if len(progress) != len(plan["members"]):
        problem(f"the commissioner's progress table has {len(progress)} members, expected {len(plan['members'])}")

    where = "the commissioner: opening the moderation list"
    click_link(driver, "Moderation meeting")
    expect_path(driver, base, t + "/moderation", "opening the moderation list")
    audit(driver, "moderation-list", shots, "moderation")
    listed = sorted(
        tuple(a.get_attribute("href").split("/moderation/")[1].split("/"))
        for a in driver.find_elements(By.CSS_SELECTOR, "main td a"))
    if "0 questions are waiting" in text(driver.find_element(By.TAG_NAME, "main")):
        problem("the moderation list says 0 questions are waiting: say nothing when none are")
    decided = sorted((d["submission"], d["criterion"]) for d in person["moderation"])
    if listed != decided:
        problem(f"the moderation list shows {listed}; the sample's moderation decided {decided}")
    for index, decision in enumerate(person["moderation"]):
        item = f"{decision['submission']}/{decision['criterion']}"
        where = f"the commissioner: moderating {item}"
        driver.get(f"{base}{t}/moderation/{item}")
        audit(driver, f"moderation-item-{item}", shots if index == 0 else None, "moderation-item")
        driver.find_element(By.CSS_SELECTOR, f"input[name='score'][value='{decision['score']}']").click()
        box = driver.find_element(By.ID, "rationale")
        box.clear()
        box.send_keys(decision["rationale"])
        for field in ("attendees", "dissent"):
            for box in driver.find_elements(By.CSS_SELECTOR, f"input[name='{field}']"):
                if box.is_selected() != (box.get_attribute("value") in decision[field]):
                    box.click()
        click_button(driver, "Record the agreed score")
        expect_path(driver, base, t + "/moderation", f"recording the agreed score for {item}")
        row = driver.execute_script(
            "const a = document.querySelector(\"main td a[href$='/moderation/" + item + "']\");"
            "return a ? a.closest('tr').lastElementChild.textContent.trim() : null;")
        if row is None or str(decision["score"]) not in row:
            problem(f"after recording {item} the moderation list says '{row}', not the agreed {decision['score']}")
    audit(driver, "moderation-list-agreed")

    where = "the commissioner: finalising"
    click_link(driver, "Finalise the tender")
    expect_path(driver, base, t + "/finalise", "opening the finalise page")
    audit(driver, "finalise")
    driver.find_element(By.ID, "reason").send_keys(person["reason"])
    click_button(driver, "Finalise the tender")
    if "The tender is finalised" not in heading(driver):
        raise RuntimeError(f"finalising answered '{heading(driver)}' (problems shown: {error_summary(driver)})")
    audit(driver, "finalised")

    where = "the commissioner: downloading ranking.json"
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(f"{base}{t}/ranking.json", headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
    with open(plan["ranking"], "wb") as handle:
        handle.write(body)


def main():
    base, plan_file = sys.argv[1], sys.argv[2]
    with open(plan_file, encoding="utf-8") as handle:
        plan = json.load(handle)
    shots = plan.get("screenshots")
    if shots:
        os.makedirs(shots, exist_ok=True)
    global where
    driver = browser()
    try:
        for index, member in enumerate(plan["members"]):
            started = time.monotonic()
            member_flow(driver, base, plan, member, index == 0, shots)
            print(f"{member['id']}: {time.monotonic() - started:.1f} s", file=sys.stderr)
        started = time.monotonic()
        commissioner_flow(driver, base, plan, shots)
        print(f"commissioner: {time.monotonic() - started:.1f} s", file=sys.stderr)
        print(", ".join(f"{k}: {v:.1f} s" for k, v in spent.items()), file=sys.stderr)
    finally:
        driver.quit()
    print(json.dumps({"pages": pages, "problems": problems}, indent=2))
    return 1 if problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # the browser could not be driven: say so, never pass
        import traceback
        traceback.print_exc()
        print(json.dumps({"error": repr(error), "where": where, "pages": pages, "problems": problems}, indent=2))
        sys.exit(2)
