#!/usr/bin/python3
"""web_browser.py: the site in a real browser and a strict HTML parser.

  web_browser.py validate FILE...
      html5lib strict parse of every file: no parse error.
  web_browser.py index URL SHOTPREFIX ID... [--overdue ID] [--rejected ID]
      headless Chromium opens the index: every deal listed, overdue and
      rejected marked, sorting by client and filtering (status, search)
      work, no console error, no request but the page itself;
      screenshots at 375 and 1440 px.
  web_browser.py page URL SHOTPREFIX TEXT...
      a deal or audit page: the texts are on it, "Internal" is on screen,
      no console error, no other request; screenshots.
  web_browser.py live URL FILE OLD NEW
      open URL (served by handoff serve), replace OLD by NEW in FILE and
      wait until the page shows NEW without being reloaded by us.
Prints PASS/FAIL lines; exit 1 on any failure."""
import json
import sys
import time

failed = False


def result(name, ok, detail=""):
    global failed
    print(("PASS " if ok else "FAIL ") + name)
    if not ok:
        failed = True
        if detail:
            print("  " + str(detail)[:2000])


def validate(files):
    import html5lib
    for f in files:
        p = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            with open(f, "rb") as fp:
                p.parse(fp)
            result("html5lib-strict " + f.split("/")[-2] + "/" +
                   f.split("/")[-1], not p.errors, p.errors)
        except Exception as e:  # strict mode raises on the first error
            result("html5lib-strict " + f, False, repr(e))


def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    o = Options()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu",
              "--disable-dev-shm-usage", "--disable-extensions",
              "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync"):
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    o.set_capability("goog:loggingPrefs",
                     {"browser": "ALL", "performance": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_page_load_timeout(20)
    return d


def requests(d):
    """URLs the page asked for since the last call (performance log)."""
    urls = []
    for e in d.get_log("performance"):
        m = json.loads(e["message"])["message"]
        if m.get("method") == "Network.requestWillBeSent":
            urls.append(m["params"]["request"]["url"])
    return urls


def console_errors(d):
    return [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]


def shots(d, url, prefix):
    for w in (375, 1440):
        d.set_window_size(w, 900)
        d.get(url)
        time.sleep(0.2)
        d.save_screenshot("%s-%d.png" % (prefix, w))
        h = d.execute_script("return document.documentElement.scrollHeight")
        sw = d.execute_script("return document.documentElement.scrollWidth")
        # the page itself never scrolls sideways (wide tables scroll
        # inside their own box)
        result("no-sideways-scroll-%d %s" % (w, prefix.split("/")[-1]),
               sw <= w + 1, "scrollWidth %d at %d" % (sw, w))
        d.set_window_size(w, min(h, 6000))
        time.sleep(0.1)
        d.save_screenshot("%s-%d-full.png" % (prefix, w))


def own_only(url, reqs):
    """Requests other than the page itself (file://) or, served, other
    than its own origin (the live-reload poll of /_version)."""
    base = url.split("#")[0]
    if url.startswith("http://"):
        origin = "/".join(url.split("/")[:3]) + "/"
        return [u for u in reqs if not u.startswith(origin)]
    return [u for u in reqs if u.split("#")[0] != base]


def index(url, prefix, args):
    ids, overdue, rejected = [], [], []
    while args:
        a = args.pop(0)
        if a == "--overdue":
            overdue.append(args.pop(0))
        elif a == "--rejected":
            rejected.append(args.pop(0))
        else:
            ids.append(a)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    d = driver()
    try:
        d.set_window_size(1440, 900)
        d.get(url)
        rows = d.find_elements(By.CSS_SELECTOR, "#deals tbody tr")
        text = [r.text for r in rows]
        have = [r.get_attribute("data-id") for r in rows]
        miss = [i for i in ids if i not in have]
        result("index-every-deal-listed", len(rows) == len(ids) and not miss,
               "rows %d want %d, missing %s" % (len(rows), len(ids), miss))
        for i in overdue:
            r = [x for x in rows if x.get_attribute("data-status") == "overdue"
                 and x.get_attribute("data-id") == i]
            col = r[0].find_element(By.CSS_SELECTOR, ".badge").value_of_css_property(
                "color") if r else ""
            result("index-overdue-marked " + i, bool(r) and "Overdue" in r[0].text
                   and col.startswith("rgba(179, 38, 30"), col)
        for i in rejected:
            r = [x for x in rows if x.get_attribute("data-status") == "rejected"
                 and x.get_attribute("data-id") == i]
            result("index-rejected-with-reason " + i, bool(r) and
                   len(r[0].find_elements(By.CSS_SELECTOR, ".reason")) == 1)
        # sorting: click Client twice
        btn = d.find_element(By.CSS_SELECTOR, "#deals thead th button")
        btn.click()
        names = [r.find_element(By.TAG_NAME, "th").text.lower() for r in
                 d.find_elements(By.CSS_SELECTOR, "#deals tbody tr")]
        btn.click()
        back = [r.find_element(By.TAG_NAME, "th").text.lower() for r in
                d.find_elements(By.CSS_SELECTOR, "#deals tbody tr")]
        result("index-sort-by-client", names == sorted(names) and
               back == sorted(names, reverse=True) and len(names) > 1,
               "%s / %s" % (names, back))
        # filtering by status
        Select(d.find_element(By.ID, "status")).select_by_value("overdue")
        vis = [r for r in d.find_elements(By.CSS_SELECTOR, "#deals tbody tr")
               if r.is_displayed()]
        result("index-filter-status", len(vis) == len(overdue) and all(
            r.get_attribute("data-status") == "overdue" for r in vis),
            "%d visible" % len(vis))
        Select(d.find_element(By.ID, "status")).select_by_value("")
        q = d.find_element(By.ID, "q")
        q.send_keys("harbourview")
        vis = [r for r in d.find_elements(By.CSS_SELECTOR, "#deals tbody tr")
               if r.is_displayed()]
        result("index-search", len(vis) == 1 and "Harbourview" in vis[0].text,
               [v.text for v in vis])
        result("index-no-console-error", not console_errors(d),
               console_errors(d))
        result("index-no-external-request", not own_only(url, requests(d)),
               own_only(url, requests(d)))
        banner = d.find_element(By.CSS_SELECTOR, ".internal")
        d.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        result("index-internal-on-screen", banner.is_displayed() and
               d.execute_script("return arguments[0].getBoundingClientRect()"
                                ".top", banner) == 0)
        shots(d, url, prefix)
        requests(d)
    finally:
        d.quit()


def page(url, prefix, texts):
    from selenium.webdriver.common.by import By
    d = driver()
    try:
        d.set_window_size(1440, 900)
        d.get(url)
        body = d.find_element(By.TAG_NAME, "body").text
        miss = [t for t in texts if t not in body]
        name = prefix.split("/")[-1]
        result("page-content " + name, not miss, "missing %s" % miss)
        result("page-no-console-error " + name, not console_errors(d),
               console_errors(d))
        result("page-no-external-request " + name,
               not own_only(url, requests(d)), own_only(url, requests(d)))
        svgs = d.find_elements(By.CSS_SELECTOR, "svg[role=img]")
        result("page-charts-titled " + name, all(
            s.get_attribute("aria-label") or
            s.find_elements(By.TAG_NAME, "title") for s in svgs))
        d.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        banner = d.find_element(By.CSS_SELECTOR, ".internal")
        result("page-internal-on-screen " + name, banner.is_displayed() and
               "Internal" in banner.text)
        shots(d, url, prefix)
    finally:
        d.quit()


def live(url, path, old, new):
    from selenium.webdriver.common.by import By
    d = driver()
    try:
        d.get(url)
        before = d.find_element(By.TAG_NAME, "body").text
        d.execute_script("window.__marker = 1")
        with open(path, encoding="utf-8") as f:
            s = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(s.replace(old, new))
        ok = False
        for _ in range(40):
            time.sleep(0.25)
            try:
                if new in d.find_element(By.TAG_NAME, "body").text:
                    ok = True
                    break
            except Exception:
                pass
        result("serve-live-refresh", old in before and ok,
               "before had old: %s" % (old in before))
        result("serve-live-no-console-error", not console_errors(d),
               console_errors(d))
        reqs = [u for u in requests(d) if not u.startswith(url.split("/")[0]
                                                            + "//" + url.split("/")[2])]
        result("serve-live-no-external-request", not reqs, reqs)
    finally:
        d.quit()


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "validate":
        validate(args)
    elif mode == "index":
        index(args[0], args[1], args[2:])
    elif mode == "page":
        page(args[0], args[1], args[2:])
    elif mode == "live":
        live(*args)
    sys.exit(1 if failed else 0)


main()
