# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Headless Chromium (Debian's package) driven by Selenium, for the browser journeys.

Used by the addons' HttpCase tests and by tests/:

    from odoo.addons.coop_website.tests.browser import Browser

No Odoo import here, so plain pytest tests can use it too.
"""
import json
import os
import shutil
import tempfile
import time

CHROMIUM = os.environ.get("COOP_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("COOP_CHROMEDRIVER", "/usr/bin/chromedriver")
_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUTPUT = os.environ.get("COOP_TEST_OUTPUT", os.path.join(_ROOT, "test-output"))
AXE = os.path.join(os.environ.get("COOP_ROOT", _ROOT), "node_modules", "axe-core", "axe.min.js")


class Browser:
    """One headless Chromium with its own profile; close() removes the profile."""

    def __init__(self, width=1280, height=900):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="coop-chromium-")
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=%s" % self.profile,
                    "--window-size=%d,%d" % (width, height), "--lang=nl-BE"):
            opts.add_argument(arg)
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
        self.driver.set_page_load_timeout(60)
        self.driver.implicitly_wait(0)

    def get(self, url):
        self.driver.get(url)

    def wait_css(self, selector, timeout=30):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions as EC
        from selenium.webdriver.support.ui import WebDriverWait
        from selenium.common.exceptions import TimeoutException
        try:
            return WebDriverWait(self.driver, timeout).until(
                EC.visibility_of_element_located((By.CSS_SELECTOR, selector)))
        except TimeoutException:
            shot = self.screenshot("timeout-%d" % int(time.time() * 1000))
            raise AssertionError("%r not visible after %ss on %s (title %r); screenshot %s" % (
                selector, timeout, self.driver.current_url, self.driver.title, shot))

    def wait_text(self, selector, text, timeout=30):
        """Wait until an element matching selector shows text; return that element."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for el in self.css(selector):
                try:
                    if text in el.text:
                        return el
                except Exception:  # element replaced while reading: look again
                    continue
            time.sleep(0.2)
        shot = self.screenshot("timeout-%d" % int(time.time() * 1000))
        raise AssertionError("no %r showing %r after %ss on %s; screenshot %s" % (
            selector, text, timeout, self.driver.current_url, shot))

    def click_text(self, selector, text, timeout=30):
        """Click the visible element matching selector that shows text. Odoo's web client
        re-renders while it loads; an element replaced between finding and clicking is
        looked up again."""
        from selenium.common.exceptions import WebDriverException
        deadline = time.time() + timeout
        while time.time() < deadline:
            for el in self.css(selector):
                try:
                    if el.is_displayed() and text.lower() in el.text.lower():
                        el.click()
                        return
                except WebDriverException:  # stale, covered or not yet clickable: look again
                    break
            time.sleep(0.3)
        shot = self.screenshot("timeout-%d" % int(time.time() * 1000))
        raise AssertionError("could not click %r showing %r after %ss on %s; screenshot %s" % (
            selector, text, timeout, self.driver.current_url, shot))

    def pick_many2one(self, name, text, timeout=30):
        """Type text into the backend's many2one field `name` and choose the first
        suggestion that shows it."""
        field = self.wait_css('.o_field_many2one[name="%s"] input' % name)
        field.click()
        field.send_keys(text)
        self.click_text(".ui-autocomplete li a", text, timeout=timeout)

    def css(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def set_width(self, width, height=900):
        self.driver.set_window_size(width, height)

    def screenshot(self, name):
        """Save a PNG under test-output/screenshots/ and return its path."""
        folder = os.path.join(OUTPUT, "screenshots")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "%s.png" % name)
        self.driver.save_screenshot(path)
        return path

    def horizontal_overflow(self):
        """Pixels the page is wider than the window (0 = no horizontal scrolling)."""
        return self.driver.execute_script(
            "return Math.max(0, document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth);")

    def overflowing_elements(self, limit=5):
        """The innermost elements that reach past the window's right edge (what makes a
        page scroll sideways), as 'tag.class' strings."""
        return self.driver.execute_script("""
            var width = document.documentElement.clientWidth, out = [];
            document.querySelectorAll('body *').forEach(function (el) {
                var r = el.getBoundingClientRect();
                if (r.width && r.right > width + 1 && !Array.prototype.some.call(
                        el.children, function (c) {
                            return c.getBoundingClientRect().right > width + 1; })) {
                    out.push(el.tagName.toLowerCase() + '.' + (el.className || '').toString()
                             .trim().split(/\\s+/).join('.') + ' (' + Math.round(r.right) + 'px)');
                }
            });
            return out.slice(0, arguments[0]);""", limit)

    def cut_off_texts(self, selector="body"):
        """Texts inside selector that the page cuts off (an ellipsis, or hidden overflow
        of a line that may not wrap): a label a visitor cannot read in full."""
        return self.driver.execute_script("""
            var out = [];
            document.querySelectorAll(arguments[0] + ' *').forEach(function (el) {
                var cs = window.getComputedStyle(el);
                var clips = cs.textOverflow === 'ellipsis'
                    || (cs.overflowX === 'hidden' && cs.whiteSpace === 'nowrap');
                if (clips && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1
                        && (el.innerText || '').trim()) {
                    out.push((el.innerText || '').trim().slice(0, 80));
                }
            });
            return out;""", selector)

    def axe_violations(self, impacts=("serious", "critical")):
        """Run axe-core in the page; return the violations of the given impacts."""
        with open(AXE) as f:
            self.driver.execute_script(f.read())
        result = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(function (r) { done(JSON.stringify(r.violations)); })"
            ".catch(function (e) { done(JSON.stringify([{id: 'axe-error', impact: 'critical',"
            " description: String(e), nodes: []}])); });")
        return [v for v in json.loads(result) if v.get("impact") in impacts]

    def login(self, base_url, login, password):
        """Log in through Odoo's login form."""
        self.get(base_url + "/web/login")
        self.wait_css("input[name=login]").send_keys(login)
        self.css("input[name=password]")[0].send_keys(password)
        self.css("form.oe_login_form button[type=submit]")[0].click()

    def close(self):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)
