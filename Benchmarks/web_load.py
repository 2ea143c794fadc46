"""Load test of the web app: N panel members scoring at once for D seconds.

Sets up the sample tender's bids with a panel of N members in a fresh store (through the
`tenderscore` binary): a new SQLite file, or with --store a PostgreSQL database that does not
hold the sample tender yet (it may hold others; the password is never printed), invites everyone, starts `tenderscore serve`, and has one thread per
member sign in through their invitation, declare, then save whole bids' scoring pages in a loop,
alternating the scores so that every acknowledged save changes all six scores. Afterwards it
proves nothing was lost: each member's score events in the history equal 6 x their
acknowledged saves (plus nothing), and `audit verify` passes.

Usage: python3 Benchmarks/web_load.py [--binary .build/release/tenderscore] [--members 50] [--seconds 60] [--think 0]
                                      [--store postgresql://USER:PASSWORD@HOST:PORT/DATABASE]

With `--think 0` every member saves again the moment a save is acknowledged: the server is
saturated and latency is mostly queueing, which measures how many saves a second it can take.
With `--think S` each member pauses between saves for a time drawn evenly between 0.5 S and
1.5 S (so that fifty people do not save in step), which is how people use it: nobody reads six
answers and writes six reasons in a few seconds.
"""
import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRITERIA = ["local-assets", "local-insights", "working-together", "innovation", "long-term", "principles"]
BIDS = [f"BID-00{n}" for n in range(1, 8)]
ROLES = ["expert-by-experience", "carer", "practitioner", "commissioner", "finance", "independent"]


def environment(store, tender):
    """The store and tender go in the environment, so a URL's password is not in `ps`."""
    return dict(os.environ, TENDERSCORE_STORE=store, TENDERSCORE_TENDER=tender)


def run(binary, *arguments, store, tender="TND-2026-014"):
    return subprocess.run([binary, *arguments], cwd=ROOT, check=True, capture_output=True, text=True,
                          env=environment(store, tender)).stdout


def redacted(store):
    return re.sub(r"^(postgres(?:ql)?://[^:/@]*):[^@]*@", r"\1:***@", store)


class Member:
    def __init__(self, port, member, link):
        self.port, self.member, self.link = port, member, link
        self.cookies = {}
        self.latencies, self.acknowledged, self.failed = [], 0, 0

    def request(self, method, path, fields=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            fields = list(fields) + [("csrf", self.cookies.get("ts-form", ""))]
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
        headers["Host"] = f"127.0.0.1:{self.port}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status

    def run(self, deadline, tender, think):
        self.request("GET", "/sign-in")
        path = urllib.parse.urlparse(self.link).path
        assert self.request("POST", path, [("password", "load-test-password"), ("confirm", "load-test-password")]) == 303
        assert self.request("POST", f"/tenders/{tender}/declaration", [(f"conflict-{bid}", "no") for bid in BIDS]) == 303
        round_number = 0
        while time.monotonic() < deadline:
            value = str(2 + round_number % 2)
            for bid in BIDS:
                if time.monotonic() >= deadline:
                    break
                fields = []
                for criterion in CRITERIA:
                    fields += [(f"score-{criterion}", value), (f"rationale-{criterion}", f"Round {round_number}: {value}.")]
                start = time.monotonic()
                status = self.request("POST", f"/tenders/{tender}/submissions/{bid}/score", fields)
                elapsed = time.monotonic() - start
                if status == 303:
                    self.latencies.append(elapsed)
                    self.acknowledged += 1
                else:
                    self.failed += 1
                if think > 0:
                    time.sleep(min(think * random.uniform(0.5, 1.5), max(0.0, deadline - time.monotonic())))
            round_number += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/tenderscore"))
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=8181)
    parser.add_argument("--think", type=float, default=0.0, help="seconds each member pauses between saves, on average")
    parser.add_argument("--store", help="a postgresql:// URL (default: a new SQLite file in a temporary folder)")
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="tenderscore-load-")
    store = options.store or os.path.join(folder, "tender.sqlite")
    tender = "TND-2026-014"
    members = [f"m-{n:02d}" for n in range(1, options.members + 1)]
    panel = os.path.join(folder, "panel.xml")
    with open(panel, "w", encoding="utf-8") as handle:
        handle.write(f'<panel xmlns="urn:tenderscore:panel:1" tender="{tender}">\n')
        for index, member in enumerate(members):
            handle.write(f'  <member id="{member}" role="{ROLES[index % len(ROLES)]}">Member {index + 1}</member>\n')
        handle.write("</panel>\n")
    run(options.binary, "init", "--tender", tender, "--criteria", "Criteria/coproduction-commissioning.xml", "--as", "load", store=store)
    run(options.binary, "panel", "import", panel, "--as", "load", store=store)
    run(options.binary, "submissions", "import", "Samples/bids", "--as", "load", store=store)
    base = f"http://127.0.0.1:{options.port}"
    links = {m: run(options.binary, "users", "invite", m, "--base-url", base, "--as", "load", store=store).strip() for m in members}
    server = subprocess.Popen([options.binary, "serve", "--port", str(options.port)], cwd=ROOT,
                              env=environment(store, tender), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", options.port, timeout=1).request("GET", "/sign-in")
                break
            except OSError:
                time.sleep(0.1)
        people = [Member(options.port, m, links[m]) for m in members]
        deadline = time.monotonic() + options.seconds
        threads = [threading.Thread(target=p.run, args=(deadline, tender, options.think)) for p in people]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait()
    latencies = sorted(l for p in people for l in p.latencies)
    saves = sum(p.acknowledged for p in people)
    history = json.loads(run(options.binary, "audit", "log", "--format", "json", "--as", "load", store=store))
    lost = []
    for person in people:
        events = sum(1 for e in history if e["kind"] in ("score.given", "score.changed") and e["actor"] == person.member)
        if events != 6 * person.acknowledged:
            lost.append((person.member, person.acknowledged, events))
    verify = subprocess.run([options.binary, "audit", "verify"], cwd=ROOT, capture_output=True, text=True,
                            env=environment(store, tender))
    percentile = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    print(json.dumps({
        "members": options.members, "think_seconds": options.think, "seconds": round(elapsed, 1), "acknowledged_saves": saves,
        "failed_saves": sum(p.failed for p in people),
        "saves_per_second": round(saves / elapsed, 1),
        "p50_ms": round(percentile(0.50), 1), "p99_ms": round(percentile(0.99), 1),
        "mean_ms": round(statistics.mean(latencies) * 1000, 1),
        "history_matches_acknowledged_saves": not lost, "mismatches": lost[:5],
        "audit_verify_exit": verify.returncode, "store": redacted(store), "binary": options.binary,
    }, indent=2))
    return 0 if not lost and verify.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
