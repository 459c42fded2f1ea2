#!/usr/bin/env python3
"""Measures what 30 concurrent word diffs of large revisions cost a built server (issue 13, item 3).

    go build -o /tmp/iduit-new ./cmd/iduit
    python3 docs/perf/diff-budget.py /tmp/iduit-new

Starts the binary on a fresh SQLite file, saves 31 revisions of one section whose three long text fields
(100,000 characters each) differ in a middle of about 1,000 words (2,000 tokens with the spaces) between consecutive revisions (just
under the diff's quadratic bound, the worst case it accepts), then fires rounds of 30 concurrent diffs: one
viewer asking for 30 distinct pairs; 30 viewers asking for 30 other pairs; 30 viewers asking for one
new pair; the 30 viewers' pairs again. For each round it prints the answers by
status, the server's CPU seconds and its RSS before and after (and the peak, VmHWM).
"""
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

BIN = sys.argv[1]
ADDR = "127.0.0.1:%d" % (18200 + os.getpid() % 500)
BASE = "http://" + ADDR
FIELDS = ["punitive-laws", "policing-practices", "stigma-health-care"]


def call(method, path, token=None, body=None, headers=None):
    req = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def proc(pid):
    with open("/proc/%d/stat" % pid) as f:
        parts = f.read().rsplit(")", 1)[1].split()
    cpu = (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")
    mem = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM"):
                mem[k] = int(v.split()[0]) // 1024
    return cpu, mem["VmRSS"], mem["VmHWM"]


def text(rng, words, seed_middle):
    """100,000 characters: a fixed head and tail around a middle of random words that differs per revision."""
    head = " ".join(words[:6000])
    middle = " ".join(random.Random(seed_middle).choice(words) for _ in range(990))
    tail = " ".join(words[6000:])
    return (head + " " + middle + " " + tail)[:100_000]


def main():
    db = tempfile.mktemp(suffix=".db", prefix="iduit-diff-")
    env = dict(os.environ, DATABASE_URL="sqlite:" + db, IDUIT_ADDR=ADDR, IDUIT_LOG_LEVEL="warn")
    subprocess.run([BIN, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([BIN, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", int(ADDR.split(":")[1])), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        rng = random.Random(1)
        vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(3000)]
        words = [rng.choice(vocab) for _ in range(13000)]
        tokens = {}
        for who in ["owner"] + ["viewer%d" % i for i in range(30)]:
            email = "%s-%d@example.org" % (who, os.getpid())
            call("POST", "/api/v1/users", body={"email": email, "name": who, "password": "a long and unusual passphrase"})
            _, b = call("POST", "/api/v1/sessions", body={"email": email, "password": "a long and unusual passphrase"})
            tokens[who] = (json.loads(b)["token"], email)
        _, b = call("POST", "/api/v1/proposals", tokens["owner"][0],
                    {"template": "gf-concept-note-pwid", "title": "Diff budget", "language": "en", "country": "KG"})
        pid = json.loads(b)["id"]
        for i in range(30):
            call("POST", "/api/v1/proposals/%s/members" % pid, tokens["owner"][0], {"email": tokens["viewer%d" % i][1], "role": "viewer"})
        sec = "/api/v1/proposals/%s/sections/legal-environment" % pid
        for n in range(31):
            fields = {f: text(rng, words, n * 10 + i) for i, f in enumerate(FIELDS)}
            status, b = call("PUT", sec, tokens["owner"][0], {"fields": fields}, {"If-Match": '"%d"' % n})
            assert status == 200, (status, b[:300])

        for i in range(30):  # a session's first request costs more than a diff; keep it out of the figures
            call("GET", "/api/v1/proposals/%s" % pid, tokens["viewer%d" % i][0])

        def round_(name, pairs, viewers):
            answers = {}
            lock = threading.Lock()

            def one(a, b, who):
                status, _ = call("GET", "%s/revisions/%d/diff/%d" % (sec, a, b), tokens["viewer%d" % who][0])
                with lock:
                    answers[status] = answers.get(status, 0) + 1

            cpu0, rss0, _ = proc(server.pid)
            start = time.time()
            threads = [threading.Thread(target=one, args=(a, b, i % viewers)) for i, (a, b) in enumerate(pairs)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.time() - start
            time.sleep(1)
            cpu1, rss1, hwm = proc(server.pid)
            print("%-24s answers %s  wall %.2f s  CPU %.2f s  RSS %d → %d MiB (peak since start %d MiB)"
                  % (name, dict(sorted(answers.items())), wall, cpu1 - cpu0, rss0, rss1, hwm))

        round_("1 viewer, 30 pairs", [(n, n + 1) for n in range(1, 31)], 1)
        round_("30 viewers, 30 pairs", [(n, n + 2) for n in range(0, 30)], 30)
        round_("30 viewers, 1 pair", [(1, 31)] * 30, 30)
        round_("30 viewers, pairs again", [(n, n + 2) for n in range(0, 30)], 30)
    finally:
        server.terminate()
        server.wait()
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(db + suffix)
            except OSError:
                pass


main()
