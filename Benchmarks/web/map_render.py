#!/usr/bin/env python3
"""How long headless Chromium takes to show Kembar's world map, against a ceiling measured in the same run.

    python3 Benchmarks/web/map_render.py http://127.0.0.1:8080 [runs]

The server should hold the world's twinning links (`kembar import --skip-invalid-rows
../shared/data/world-twin-links.csv`). For each page, one load warms the server's page cache, then `runs` loads
are timed with the browser's Navigation Timing: from the request to the load event (the SVG parsed, laid out and
painted once), and the page's size. The ceiling is `/healthz`, the smallest page the server answers. Results go in
docs/PERFORMANCE.md as ratios; nothing here is a pass/fail check.
"""
import statistics
import sys

from selenium import webdriver

base = sys.argv[1].rstrip("/")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
# The load event (the page and its SVG parsed and laid out); two animation frames later (the frame with the map
# painted has been produced); the response's end; the body's size.
TIMING = """const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => {
  const t = performance.getEntriesByType('navigation')[0];
  done([t.loadEventEnd - t.startTime, performance.now() - t.startTime, t.responseEnd - t.startTime, t.decodedBodySize]);
}));"""
print("| page | load event, median | painted, median | response | bytes | ÷ ceiling (painted) |")
print("|---|---|---|---|---|---|")
ceiling = None
for path in ["/healthz", "/map", "/map?country=ID", "/cities/surabaya"]:
    driver.get(base + path)
    samples = []
    for _ in range(runs):
        driver.get(base + path)
        samples.append(driver.execute_async_script(TIMING))
    load = statistics.median(s[0] for s in samples)
    paint = statistics.median(s[1] for s in samples)
    response = statistics.median(s[2] for s in samples)
    size = samples[-1][3]
    ceiling = ceiling or paint
    print(f"| `{path}` | {load:.0f} ms | {paint:.0f} ms | {response:.0f} ms | {size:,} | {paint / ceiling:.1f} |")
driver.quit()
