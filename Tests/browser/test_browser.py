"""Browser tests: Kembar in a real headless Chromium, driven by Selenium.

Run by scripts/test after `swift test`. Starts `kembar serve` on a fresh SQLite file (founding dataset loaded),
walks the founding case as a newcomer would, and fails on any browser console error. Screenshots of every page,
at desktop and phone width in both languages, are saved in $KEMBAR_ARTIFACTS (default: artifacts/screenshots).
"""
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
KEMBAR = ROOT / ".build" / "debug" / "kembar"
SHOTS = pathlib.Path(os.environ.get("KEMBAR_ARTIFACTS", ROOT / "artifacts")) / "screenshots"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = free_port()
    folder = tempfile.mkdtemp(prefix="kembar-browser-")
    process = subprocess.Popen(
        [str(KEMBAR), "serve", "--port", str(port), "--database", f"sqlite://{folder}/kembar.sqlite"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError("kembar serve did not start: " + process.stdout.read().decode())
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    yield driver
    driver.quit()


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def shoot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, label in [(1280, "desktop"), (390, "phone")]:
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(width, min(max(height, 600), 6000))
        driver.save_screenshot(str(SHOTS / f"{name}-{label}.png"))
    driver.set_window_size(1280, 900)


def wait_for(driver, condition):
    return WebDriverWait(driver, 15).until(condition)


def open_page(driver, url):
    driver.get(url)
    assert console_errors(driver) == [], f"console errors on {url}"


def test_newcomer_reads_the_founding_case(server, browser):
    open_page(browser, server + "/?lang=en")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    table = browser.find_element(By.ID, "partnership-table")
    assert "Surabaya – Liverpool" in table.text
    shoot(browser, "dashboard-en")

    browser.find_element(By.ID, "lang-switch").click()
    wait_for(browser, EC.url_contains("lang=id"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
    assert "Kemitraan" in browser.page_source
    shoot(browser, "dashboard-id")
    # The choice is remembered: a plain link opens in Indonesian.
    open_page(browser, server + "/cities")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id"
    shoot(browser, "cities-id")

    open_page(browser, server + "/partnerships/surabaya-liverpool?lang=en")
    timeline = browser.find_element(By.CSS_SELECTOR, "#timeline svg")
    assert len(timeline.find_elements(By.CSS_SELECTOR, "circle, rect, line")) > 10
    wheel = browser.find_element(By.CSS_SELECTOR, "#framework svg")
    assert len(wheel.find_elements(By.CSS_SELECTOR, "polygon, path, line")) > 5
    assert "19 March 2018" in browser.page_source
    shoot(browser, "partnership-en")
    open_page(browser, server + "/partnerships/surabaya-liverpool?lang=id")
    assert "19 Maret 2018" in browser.page_source
    shoot(browser, "partnership-id")

    for path, name in [("/cities/surabaya", "city"), ("/activities/sbylpl-2018-u14-football-delegation", "activity"),
                       ("/organisations/st-vincents-school", "organisation"), ("/sources/handayani-zahidi-2024", "source"),
                       ("/frameworks/cohen-smart-city-wheel", "framework"), ("/initiatives/wargaku", "initiative")]:
        for lang in ["en", "id"]:
            open_page(browser, f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
            assert browser.find_element(By.TAG_NAME, "h1").text
            shoot(browser, f"{name}-{lang}")

    # Changing records needs an account: a new server's first administrator is made on this computer, once.
    open_page(browser, server + "/new/activities?partnership=surabaya-liverpool&lang=en")
    assert "/login" in browser.current_url
    open_page(browser, server + "/setup?lang=id")
    shoot(browser, "setup-id")
    open_page(browser, server + "/setup?lang=en")
    shoot(browser, "setup-en")
    browser.find_element(By.ID, "f-name").send_keys("Office administrator")
    browser.find_element(By.ID, "f-email").send_keys("admin@surabaya.go.id")
    browser.find_element(By.ID, "f-new").send_keys("correct horse battery")
    browser.find_element(By.ID, "f-again").send_keys("correct horse battery")
    browser.find_element(By.ID, "create-administrator").click()
    wait_for(browser, EC.url_contains("/login"))
    shoot(browser, "login-en")
    browser.find_element(By.ID, "f-email").send_keys("admin@surabaya.go.id")
    browser.find_element(By.ID, "f-password").send_keys("correct horse battery")
    browser.find_element(By.ID, "sign-in").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "sign-out")))
    assert "Office administrator" in browser.find_element(By.ID, "account-link").text
    open_page(browser, server + "/account?lang=en")
    assert "administrator (everything)" in browser.page_source
    shoot(browser, "account-en")

    for path, name in [("/import", "import"), ("/new/activities?partnership=surabaya-liverpool", "form")]:
        for lang in ["en", "id"]:
            open_page(browser, f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
            assert browser.find_element(By.TAG_NAME, "h1").text
            shoot(browser, f"{name}-{lang}")


def test_add_an_activity_and_see_the_evaluation_change(server, browser):
    open_page(browser, server + "/partnerships/surabaya-liverpool?lang=en")
    before = browser.find_element(By.ID, "framework").text

    # Only choices, rows and checkboxes: no key to invent, no list syntax.
    open_page(browser, server + "/new/activities?partnership=surabaya-liverpool&lang=en")
    browser.find_element(By.ID, "f-title_en").send_keys("Port management study visit to Liverpool")
    browser.find_element(By.ID, "f-start-day").send_keys("10")
    Select(browser.find_element(By.ID, "f-start-month")).select_by_value("5")
    browser.find_element(By.ID, "f-start-year").send_keys("2023")
    browser.find_element(By.ID, "f-end-year").send_keys("soon")  # not a year: refused
    Select(browser.find_element(By.ID, "f-travel")).select_by_value("from-city")
    Select(browser.find_element(By.ID, "f-venue")).select_by_value("partner-city")
    Select(browser.find_element(By.ID, "f-status")).select_by_value("completed")
    browser.find_element(By.ID, "f-participants-0-role").send_keys("official")
    browser.find_element(By.ID, "f-participants-0-count").send_keys("four")  # not a number: refused
    browser.find_element(By.ID, "more-participants").click()
    wait_for(browser, EC.presence_of_element_located((By.ID, "f-participants-1-role"))).send_keys("coach")
    browser.find_element(By.ID, "f-participants-1-count").send_keys("2")
    browser.find_element(By.ID, "f-participants-1-approximate").click()
    Select(browser.find_element(By.ID, "f-organisations-0-organisation")).select_by_value("surabaya-city-government")
    Select(browser.find_element(By.ID, "f-organisations-0-role")).select_by_value("sender")
    browser.find_element(By.ID, "more-organisations").click()
    Select(wait_for(browser, EC.presence_of_element_located((By.ID, "f-organisations-1-organisation")))
           ).select_by_value("tranmere-rovers-fc")
    Select(browser.find_element(By.ID, "f-organisations-1-role")).select_by_value("host")
    browser.find_element(By.NAME, "fields.check.port-management").click()
    browser.find_element(By.ID, "f-tags").send_keys("cohen-smart-city-wheel:economy")
    browser.find_element(By.ID, "f-sources-0-key").send_keys("handayani-zahidi-2024")
    shoot(browser, "form-rows-en")
    browser.find_element(By.ID, "save").click()

    # Three mistakes (no kind, a count in words, an end that is no date): all three at once, in a summary that has
    # the focus and links to each field.
    summary = wait_for(browser, EC.visibility_of_element_located((By.ID, "error-summary")))
    links = summary.find_elements(By.CSS_SELECTOR, "li a")
    assert sorted(link.get_attribute("href").split("#")[1] for link in links) == ["f-end", "f-kind", "f-participants"]
    assert browser.execute_script("return document.activeElement.id") == "error-summary"
    # The input is kept, rows included.
    assert browser.find_element(By.ID, "f-title_en").get_attribute("value") == "Port management study visit to Liverpool"
    assert browser.find_element(By.ID, "f-participants-1-role").get_attribute("value") == "coach"
    assert browser.find_element(By.ID, "f-participants-1-approximate").is_selected()
    shoot(browser, "form-error-en")

    Select(browser.find_element(By.ID, "f-kind")).select_by_value("delegation-visit")
    count = browser.find_element(By.ID, "f-participants-0-count")
    count.clear()
    count.send_keys("4")
    year = browser.find_element(By.ID, "f-end-year")
    year.clear()
    year.send_keys("2023")
    Select(browser.find_element(By.ID, "f-end-month")).select_by_value("5")
    browser.find_element(By.ID, "f-end-day").send_keys("1")  # before the start: refused by the rules
    browser.find_element(By.ID, "save").click()
    wait_for(browser, EC.visibility_of_element_located((By.ID, "e-end")))
    assert "cannot end before it starts" in browser.find_element(By.ID, "e-end").text
    day = browser.find_element(By.ID, "f-end-day")
    day.clear()
    day.send_keys("14")
    browser.find_element(By.ID, "save").click()
    wait_for(browser, EC.url_contains("/activities/port-management-study-visit-to-liverpool"))
    assert "saved" in browser.current_url
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Tranmere Rovers Football Club" in page and "Surabaya City Government" in page
    assert "~2" in page or "about 2" in page or "2 coach" in page

    open_page(browser, server + "/partnerships/surabaya-liverpool?lang=en")
    after = browser.find_element(By.ID, "framework").text
    assert after != before
    assert "Port management" in after or "port management" in after


def test_plan_a_target_deliver_it_and_see_progress_change(server, browser):
    # A planned action with a target, made with boxes, choices and rows only.
    open_page(browser, server + "/new/actions?partnership=surabaya-liverpool&lang=en")
    browser.find_element(By.ID, "f-title_en").send_keys("Sightbox teacher training")
    Select(browser.find_element(By.ID, "f-agreement")).select_by_value("sbylpl-2018-mou")
    Select(browser.find_element(By.ID, "f-start-month")).select_by_value("1")
    browser.find_element(By.ID, "f-start-year").send_keys("2025")
    browser.find_element(By.ID, "f-end-year").send_keys("2026")
    browser.find_element(By.NAME, "fields.check.hr-development").click()
    browser.find_element(By.ID, "f-targets-0-indicator_en").send_keys("Teachers trained in sightbox teaching")
    Select(browser.find_element(By.ID, "f-targets-0-measure")).select_by_value("participants")
    browser.find_element(By.ID, "f-targets-0-roles").send_keys("teacher")
    browser.find_element(By.ID, "f-targets-0-unit").send_keys("teachers")
    browser.find_element(By.ID, "f-targets-0-value").send_keys("40")
    browser.find_element(By.ID, "f-targets-0-date").send_keys("2026")
    browser.find_element(By.ID, "f-budget_amount").send_keys("75000000")
    browser.find_element(By.ID, "f-budget_currency").send_keys("IDR")
    shoot(browser, "plan-form-en")
    browser.find_element(By.ID, "save").click()
    wait_for(browser, EC.url_contains("/actions/sightbox-teacher-training"))
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Teachers trained in sightbox teaching" in page and "0 teachers" in page
    assert "IDR 75,000,000" in page

    # An activity delivering it, ticked by the plan's title.
    open_page(browser, server + "/new/activities?partnership=surabaya-liverpool&lang=en")
    browser.find_element(By.ID, "f-title_en").send_keys("Sightbox workshop for inclusive-school teachers")
    Select(browser.find_element(By.ID, "f-kind")).select_by_value("training")
    Select(browser.find_element(By.ID, "f-start-month")).select_by_value("6")
    browser.find_element(By.ID, "f-start-year").send_keys("2025")
    Select(browser.find_element(By.ID, "f-travel")).select_by_value("none")
    Select(browser.find_element(By.ID, "f-venue")).select_by_value("online")
    Select(browser.find_element(By.ID, "f-status")).select_by_value("completed")
    browser.find_element(By.ID, "f-participants-0-role").send_keys("teacher")
    browser.find_element(By.ID, "f-participants-0-count").send_keys("30")
    browser.find_element(By.NAME, "delivers.check.sightbox-teacher-training").click()
    browser.find_element(By.ID, "save").click()
    wait_for(browser, EC.url_contains("/activities/sightbox-workshop-for-inclusive-school-teachers"))

    # The progress changes: 30 of 40 teachers, 75 %, and the activity is listed behind the figure.
    open_page(browser, server + "/actions/sightbox-teacher-training?lang=en")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "30 teachers" in page and "75 %" in page
    assert "Sightbox workshop for inclusive-school teachers" in page
    assert browser.find_elements(By.CSS_SELECTOR, "#targets svg title")
    shoot(browser, "plan-progress-en")
    open_page(browser, server + "/partnerships/surabaya-liverpool?lang=id")
    assert "3 dari 5 rencana aksi terlaksana." in browser.find_element(By.TAG_NAME, "main").text


def test_create_a_city_from_the_gazetteer_in_both_languages(server, browser):
    # Found by another of its names, chosen, saved: country, province, position and population come with it.
    for lang, typed, name, country, province in [
        ("en", "Kota Medan", "Medan", "Indonesia", "Sumatera Utara"),
        ("id", "Kairo", "Cairo", "Mesir", "Al Qāhirah"),
    ]:
        open_page(browser, f"{server}/new/cities?lang={lang}")
        browser.find_element(By.ID, "find-place").click()
        wait_for(browser, EC.url_contains("/places"))
        box = browser.find_element(By.CSS_SELECTOR, "form[role=search] input[name=q]")
        box.send_keys(typed)
        box.submit()
        wait_for(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#places table")))
        shoot(browser, f"places-{lang}")
        browser.find_element(By.LINK_TEXT, name).click()
        wait_for(browser, EC.url_contains("/new/cities?"))
        assert browser.find_element(By.ID, "f-name_en").get_attribute("value") == name
        assert browser.find_element(By.ID, "f-latitude").get_attribute("value") != ""
        assert int(browser.find_element(By.ID, "f-population").get_attribute("value")) > 1_000_000
        browser.find_element(By.ID, "save").click()
        wait_for(browser, EC.url_contains(f"/cities/{name.lower()}"))
        page = browser.find_element(By.TAG_NAME, "main").text
        assert country in page and province in page, page
        assert "GeoNames" in page
        assert console_errors(browser) == []

    # A country code that ISO 3166-1 does not have is refused, said beside the field.
    open_page(browser, f"{server}/new/cities?lang=en")
    browser.find_element(By.ID, "f-name_en").send_keys("Atlantis")
    browser.find_element(By.ID, "f-country").send_keys("QQ")
    Select(browser.find_element(By.ID, "f-admin_level")).select_by_value("city")
    browser.find_element(By.ID, "save").click()
    error = wait_for(browser, EC.presence_of_element_located((By.ID, "e-country")))
    assert "no country has this code in ISO 3166-1" in error.text


def test_import_a_csv_with_a_bad_row(server, browser):
    bad = ROOT / "Tests" / "Fixtures" / "activities-bad.csv"
    open_page(browser, server + "/import?lang=en")
    browser.find_element(By.ID, "files").send_keys(str(bad))
    browser.find_element(By.ID, "import-button").click()
    errors = wait_for(browser, EC.visibility_of_element_located((By.ID, "import-errors")))
    assert "activities-bad.csv:3" in errors.text
    assert "activities-bad.csv:4" in errors.text
    assert "Nothing was imported" in errors.text
    shoot(browser, "import-errors-en")
    good = ROOT / "Tests" / "Fixtures" / "activities-good.csv"
    browser.find_element(By.ID, "files").send_keys(str(good))
    browser.find_element(By.ID, "import-button").click()
    # First a preview of what would change; nothing is written until it is confirmed.
    preview = wait_for(browser, EC.visibility_of_element_located((By.ID, "import-preview")))
    assert "1 would be added" in preview.text
    shoot(browser, "import-preview-en")
    browser.find_element(By.ID, "confirm-import-button").click()
    assert "1 new" in wait_for(browser, EC.visibility_of_element_located((By.ID, "import-summary"))).text


PUBLIC_PAGES = [
    "/", "/cities", "/organisations", "/sources", "/frameworks", "/index", "/login",
    "/partnerships/surabaya-liverpool", "/partnerships/surabaya-kitakyushu", "/cities/surabaya", "/cities/liverpool",
    "/cities/kitakyushu", "/activities/sbylpl-2018-u14-football-delegation", "/organisations/st-vincents-school",
    "/sources/handayani-zahidi-2024", "/frameworks/cohen-smart-city-wheel", "/frameworks/itu-u4ssc-kpis",
    "/initiatives/wargaku", "/partnerships/surabaya-liverpool/report", "/actions/sbylpl-plan-youth-football",
    "/agreements/sbylpl-2018-mou", "/map", "/map?country=ID", "/places?q=surabaya",
]


def test_no_page_scrolls_sideways_on_a_phone_or_a_tablet(server, browser):
    try:
        for width in [390, 820]:
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
            for path in PUBLIC_PAGES:
                for lang in ["en", "id"]:
                    open_page(browser, f"{server}{path}?lang={lang}")
                    wide = browser.execute_script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                    assert wide <= 0, f"{path} in {lang} scrolls {wide} px sideways at {width} px"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_partnership_page_starts_with_its_status(server, browser):
    open_page(browser, server + "/partnerships/surabaya-liverpool?lang=en&asOf=2019-12-31")
    first = browser.find_elements(By.CSS_SELECTOR, "main section")[0]
    assert first.get_attribute("id") == "status"
    text = first.text
    assert "Status now" in text and "active" in text
    assert "Memorandum of Understanding on sister-city cooperation" in text
    open_page(browser, server + "/partnerships/surabaya-kitakyushu?lang=id")
    text = browser.find_elements(By.CSS_SELECTOR, "main section")[0].text
    assert "penjajakan" in text and "tidak ada yang berlaku" in text


def test_the_report_prints_from_its_button_and_leads_back(server, browser):
    open_page(browser, server + "/partnerships/surabaya-liverpool/report?lang=id")
    button = browser.find_element(By.ID, "print")
    # The button's script runs under the page's policy (allowed by its hash), so the button is shown.
    assert button.is_displayed() and button.text == "Cetak"
    back = browser.find_element(By.CSS_SELECTOR, "p.back a")
    assert back.text == "← Kembali ke kemitraan"
    back.click()
    assert browser.current_url.endswith("/partnerships/surabaya-liverpool?lang=id")


def test_axe_finds_no_accessibility_violation(server, browser):
    """axe-core (from PyPI's axe-selenium-python) on every kind of page, public and signed in, in both languages."""
    from axe_selenium_python import Axe
    signed_in = [
        "/new/activities?partnership=surabaya-liverpool", "/edit/agreements/sbylpl-2018-mou",
        "/new/actions?partnership=surabaya-liverpool", "/edit/partnerships/surabaya-liverpool",
        "/delete/partnerships/surabaya-kitakyushu", "/import", "/account", "/users",
        "/history/partnerships/surabaya-liverpool", "/nowhere",
    ]
    found = []
    for path in PUBLIC_PAGES + signed_in:
        for lang in ["en", "id"]:
            browser.get(f"{server}{path}{'&' if '?' in path else '?'}lang={lang}")
            axe = Axe(browser)
            axe.inject()
            for violation in axe.run()["violations"]:
                found.append(f"{path} ({lang}): {violation['id']} at {violation['nodes'][0]['target']}")
    assert found == [], "\n".join(found)
