"""Visits the web app's pages in headless Chromium as real people would, runs axe-core on each,
and takes screenshots at 390 px and 1280 px wide.

Usage: axe_pages.py BASE_URL PLAN.json SCREENSHOT_DIR
PLAN.json: {"people": [{"invitation": "/invitations/…", "password": "…", "steps": [STEP, …]}]}
STEP: {"name": "…", "get": "/path"} or {"name": "…", "submit": "button text"}
      or {"name": "…", "choose": ["input-id", …], "then_submit": "button text"}
Prints one JSON object: {"pages": [{"name", "url", "violations": [{"id", "impact", "help", "nodes"}]}]}.
Exits 1 when any page has a violation, 2 when the browser could not be driven.
"""
import json
import os
import sys
import time

from axe_selenium_python import Axe
from browser_start import start_chromium
from selenium import webdriver
from selenium.webdriver.common.by import By


where = "starting"


def browser():
    return start_chromium(390)

def check(driver, name, shots, report):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    report.append({
        "name": name,
        "url": driver.current_url,
        "title": driver.title,
        "violations": [
            {"id": v["id"], "impact": v.get("impact"), "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results["violations"]
        ],
    })
    for width in (390, 1280):
        driver.set_window_size(width, 900)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(shots, f"{name}-{width}.png"))
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(max(height, 600), 6000))
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(shots, f"{name}-{width}-full.png"))
    driver.set_window_size(390, 900)


def submit(driver, text):
    for button in driver.find_elements(By.CSS_SELECTOR, "main button"):
        if " ".join((button.get_attribute("textContent") or "").split()) == text:
            button.click()
            return
    raise RuntimeError(f"no button '{text}' on {driver.current_url}")


def main():
    base, plan_file, shots = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(shots, exist_ok=True)
    with open(plan_file, encoding="utf-8") as handle:
        plan = json.load(handle)
    report = []
    global where
    for person in plan["people"]:
        where = f"starting the browser for {person['name']}"
        try:
            driver = browser()
        except Exception:  # a busy machine can time chromedriver out once; try again
            time.sleep(2)
            driver = browser()
        try:
            driver.get(base + person["invitation"])
            check(driver, person["name"] + "-invitation", shots, report)
            driver.find_element(By.ID, "password").send_keys(person["password"])
            driver.find_element(By.ID, "confirm").send_keys(person["password"])
            submit(driver, "Save password and continue")
            for step in person["steps"]:
                where = f"{step['name']} at {driver.current_url}"
                if "get" in step:
                    driver.get(base + step["get"])
                for element in step.get("choose", []):
                    driver.find_element(By.ID, element).click()
                for field, text in step.get("type", {}).items():
                    box = driver.find_element(By.ID, field)
                    box.clear()
                    box.send_keys(text)
                if "submit" in step:
                    submit(driver, step["submit"])
                check(driver, step["name"], shots, report)
        finally:
            driver.quit()
    print(json.dumps({"pages": report}, indent=2))
    return 1 if any(page["violations"] for page in report) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # the browser could not be driven: say so, never pass
        print(json.dumps({"error": repr(error), "where": where}))
        sys.exit(2)
