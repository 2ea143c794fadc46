"""Starts headless Chromium through chromedriver, as every browser script here does."""
import os
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def start_chromium(width):
    options = Options()
    options.binary_location = os.environ.get("TENDERSCORE_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900"):
        options.add_argument(argument)
    service = Service(os.environ.get("TENDERSCORE_CHROMEDRIVER", "/usr/bin/chromedriver"))
    try:
        return webdriver.Chrome(service=service, options=options)
    except Exception:  # a busy machine can time chromedriver out once; try again
        time.sleep(2)
        return webdriver.Chrome(service=service, options=options)
