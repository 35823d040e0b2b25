"""Drives headless Chromium over its DevTools protocol to take the guide's screenshots of our own
pages (run by tools/guide-screenshots.sh, which starts the app and the browser and shrinks the PNGs).

Each picture is taken in zh-CN and in English (NAME-zh-CN.png, NAME-en.png). The pairing picture
presses "在手机上打开" for a fresh QR code; the phone picture follows that pairing link at 360 px, as
a phone's browser would, and shows the evidence page through the phone listener.
"""

import argparse
import base64
import json
import re
import time
import urllib.request

import websocket


# Unfolds the two upload forms (backups, screenshots; folded once a case holds evidence) and marks the first.
OPEN_UPLOADS = """
const forms = ["Import", "Screenshots"].map(h => document.querySelector(`form[action*='handler=${h}']`).closest('details'));
forms.forEach(d => d.open = true);
forms[0].id = 'upload';
"""


class Tab:
    """One page of the browser, spoken to over the DevTools protocol."""

    def __init__(self, debug_port):
        with urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json/version", timeout=10) as answer:
            browser = json.load(answer)["webSocketDebuggerUrl"]
        self.browser = websocket.create_connection(browser, timeout=60, suppress_origin=True)
        self.next_id = 0
        target = self.call("Target.createTarget", {"url": "about:blank"}, self.browser)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, self.browser)["sessionId"]
        self.call("Page.enable")

    def call(self, method, params=None, socket=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if socket is None and session:
            message["sessionId"] = self.session
        connection = socket or self.browser
        connection.send(json.dumps(message))
        while True:
            answer = json.loads(connection.recv())
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def evaluate(self, script):
        result = self.call("Runtime.evaluate", {"expression": script, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{script}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def size(self, width, height, mobile):
        self.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def wait_loaded(self):
        for _ in range(200):
            if self.evaluate("document.readyState") == "complete":
                return
            time.sleep(0.1)
        raise RuntimeError("the page did not load")

    def go(self, url):
        self.call("Page.navigate", {"url": url})
        time.sleep(0.3)
        self.wait_loaded()

    def submit(self, selector):
        """Presses a form's button and waits for the page it answers with."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).click()")
        time.sleep(0.5)
        self.wait_loaded()

    def shoot(self, path, top_selector=None, height=None):
        """The viewport from the top of top_selector (or the page's top), as a PNG."""
        top = 0
        if top_selector:
            top = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(top_selector)}); return e.getBoundingClientRect().top + window.scrollY - 8; }})()")
        metrics = self.call("Page.getLayoutMetrics")["cssContentSize"]
        view = self.evaluate("[window.innerWidth, window.innerHeight]")
        clip = {"x": 0, "y": max(0, top), "width": view[0], "height": min(height or view[1], metrics["height"] - max(0, top)), "scale": 1}
        data = self.call("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--debug-port", required=True, type=int)
    parser.add_argument("--out", required=True)
    arguments = parser.parse_args()
    site, out = arguments.site, arguments.out

    for _ in range(100):
        try:
            tab = Tab(arguments.debug_port)
            break
        except OSError:
            time.sleep(0.2)
    else:
        raise RuntimeError("chromium's DevTools do not answer")

    for language in ("zh-CN", "en"):
        tab.size(1000, 760, mobile=False)
        tab.go(f"{site}/?lang={language}")

        # The evidence page's import form, opened (it is folded once a case holds evidence).
        tab.go(f"{site}/evidence")
        tab.evaluate(OPEN_UPLOADS)
        tab.shoot(f"{out}/evidence-import-{language}.png", "#upload", 560)

        # 在手机上打开: the listener started and a fresh pairing QR code.
        tab.go(f"{site}/phone")
        tab.submit("form[action*='handler=Start'] button")
        link = tab.evaluate("document.querySelector('img.pairing') && document.querySelector('p.muted code').textContent")
        if not link or not re.match(r"https://127\.0\.0\.2:\d+/", link):
            raise RuntimeError(f"no pairing link on the phone page ({link!r})")
        tab.shoot(f"{out}/phone-pairing-{language}.png", "h1", 760)

        # The plan page's calendar: the download and the subscription address.
        tab.go(f"{site}/plan")
        tab.shoot(f"{out}/plan-calendar-{language}.png", "a[href*='handler=Calendar']", 200)

        # The phone: follow the pairing link at 360 px, then the evidence page's upload forms.
        tab.size(360, 780, mobile=True)
        tab.go(link)
        phone = re.match(r"https://[^/]+", link).group(0)
        tab.go(f"{phone}/evidence?lang={language}")
        if "details" not in tab.evaluate("document.body.innerHTML"):
            raise RuntimeError("the phone was not let in: " + tab.evaluate("document.title"))
        tab.evaluate(OPEN_UPLOADS)
        tab.shoot(f"{out}/phone-upload-{language}.png", "#upload", 780)


if __name__ == "__main__":
    main()
