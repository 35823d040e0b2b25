#!/usr/bin/env python3
"""Mixed traffic of several accounts against a running multi-user DebtShield (issue 19).

Each account logs in, opens its own case and records a loan; then, for the given seconds, each
account's workers send a mix of reads and changes of their own case, and now and then a request
for another account's case (which must be refused). At the end every request sent is matched to
its audit line in PostgreSQL: same login, method, path, the case the request was about (none for
a refused foreign case) and the status answered.

    multi_user_load.py BASE_URL ADMIN_EMAIL PASSWORD PSQL_CONN [SECONDS] [WORKERS_PER_ACCOUNT]

Standard library only; talks to 127.0.0.1 only; prints a summary as JSON.
"""
import http.client
import json
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


class Session:
    """One keep-alive connection with its cookies, as a browser or script would hold it."""

    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        self.cookies = {}

    def send(self, method, path, body=None, content_type=None, accept=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        data = body.encode("utf-8") if isinstance(body, str) else body
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                payload = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                if attempt == 2:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                self.cookies[key.strip()] = val.strip()
        return response.status, payload

    def login(self, email, password):
        status, html = self.send("GET", "/account/login")
        token = TOKEN.search(html.decode("utf-8")).group(1)
        form = urllib.parse.urlencode({"Email": email, "Password": password, "__RequestVerificationToken": token})
        status, _ = self.send("POST", "/account/login", form, "application/x-www-form-urlencoded")
        if status != 302:
            raise SystemExit(f"login of {email} answered {status}")


def main():
    base, admin, password, conn = sys.argv[1:5]
    seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 60
    workers = int(sys.argv[6]) if len(sys.argv) > 6 else 4
    root = Session(base)
    root.login(admin, password)
    accounts = []
    for n in range(3):
        email = f"load-{n}@example.org"
        status, _ = root.send("POST", "/api/v1/admin/accounts", json.dumps({"email": email, "password": password, "role": "case_worker"}), "application/json")
        assert status == 201, status
        session = Session(base)
        session.login(email, password)
        status, body = session.send("POST", "/api/v1/cases", json.dumps({"title": "张三"}), "application/json")  # the same title for all three
        assert status == 201, (status, body)
        case = json.loads(body)["id"]
        loan = {"id": f"速借-{n}", "lender": "速借", "kind": "online_platform", "contractDate": "2026-01-05", "principal": "5000",
                "instalments": 6, "amount": "950", "firstDue": "2026-02-05"}
        status, body = session.send("POST", f"/api/v1/loans?case={case}", json.dumps(loan), "application/json")
        assert status in (200, 201), (status, body)
        accounts.append((email, case))
    start_id = int(psql(conn, 'SELECT COALESCE(MAX("Id"), 0) FROM accounts."AuditEntries"'))

    # The mix: API and page reads, a chain check (a change), and one request in twenty for another account's case.
    mix = [("GET", "/api/v1/loans", None, 30), ("GET", "/api/v1/evidence", None, 20), ("GET", "/api/v1/plan", None, 10),
           ("GET", "/loans", "text/html", 15), ("GET", "/evidence", "text/html", 10), ("POST", "/api/v1/evidence/verify", None, 10),
           ("FOREIGN", "/api/v1/loans", None, 5)]
    weights = [m[3] for m in mix]
    sent = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(index, email, case):
        session = Session(base)
        session.login(email, password)
        rng = random.Random(index)
        mine = []
        while time.monotonic() < deadline:
            method, path, accept, _ = rng.choices(mix, weights)[0]
            about = case
            if method == "FOREIGN":
                method, about = "GET", rng.choice([c for e, c in accounts if c != case])
            began = time.perf_counter()
            try:
                status, _ = session.send(method, f"{path}?case={about}", accept=accept)
            except OSError:
                status = 0
            mine.append((email, method, path, about if about == case else None, status, time.perf_counter() - began, about != case))
        with lock:
            sent.extend(mine)

    threads = [threading.Thread(target=worker, args=(i * 10 + w, e, c)) for i, (e, c) in enumerate(accounts) for w in range(workers)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    time.sleep(1)  # the last audit lines are written after the response

    rows = psql(conn, f'SELECT "UserName", "Method", "Route", COALESCE("CaseId"::text, \'-\'), COALESCE("Status", 0) FROM accounts."AuditEntries" '
                      f'WHERE "Id" > {start_id} AND "Action" IN (\'read\', \'change\')').splitlines()
    logged = {}
    for row in rows:
        key = tuple(row.split("|"))
        logged[key] = logged.get(key, 0) + 1
    expected = {}
    for email, method, path, case, status, _, _ in sent:
        key = (email, method, path, case or "-", str(status))
        expected[key] = expected.get(key, 0) + 1
    missing = {"|".join(k): v - logged.get(k, 0) for k, v in expected.items() if logged.get(k, 0) < v}
    extra = {"|".join(k): v - expected.get(k, 0) for k, v in logged.items() if expected.get(k, 0) < v}

    latencies = sorted(s[5] for s in sent)
    def pct(p):
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1)
    own = [s for s in sent if not s[6]]
    foreign = [s for s in sent if s[6]]
    print(json.dumps({
        "seconds": round(elapsed, 1), "accounts": len(accounts), "connections": len(threads), "requests": len(sent),
        "throughput_per_s": round(len(sent) / elapsed, 1),
        "latency_ms": {"p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99), "max": round(latencies[-1] * 1000, 1)},
        "errors": sum(1 for s in own if s[4] != 200), "foreign_requests": len(foreign),
        "foreign_not_refused_404": sum(1 for s in foreign if s[4] != 404),
        "by_path": {f"{m} {p}": sum(1 for s in sent if (s[1], s[2]) == (m, p)) for m, p in sorted({(s[1], s[2]) for s in sent})},
        "audit_lines": len(rows), "requests_without_their_audit_line": sum(missing.values()), "audit_lines_without_a_request": sum(extra.values()),
        "mismatches": dict(list(missing.items())[:5]) | dict(list(extra.items())[:5]),
    }, ensure_ascii=False, indent=1))


def psql(conn, sql):
    return subprocess.run(["psql", conn, "-At", "-c", sql], check=True, capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    main()
