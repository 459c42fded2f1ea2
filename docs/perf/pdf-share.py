#!/usr/bin/env python3
"""Measures whether one account's PDF renders crowd out another's (issue 13, item 5).

    go build -o /tmp/iduit-new ./cmd/iduit
    python3 docs/perf/pdf-share.py /tmp/iduit-new

Starts the binary on a fresh SQLite file. A greedy account keeps 8 uncached renders of its own proposals
running (8 threads, each saving a section to move the version and then fetching the PDF, in a loop); a
second account meanwhile fetches its own small proposal's PDF 20 times, one after another, each after a
save so that none is served from the cache. Prints both accounts' answers by status.
"""
import importlib.util
import json
import os
import sys
import threading

spec = importlib.util.spec_from_file_location("diffbudget", os.path.join(os.path.dirname(__file__), "diff-budget.py"))
BIN = sys.argv[1]
sys.argv = [sys.argv[0], BIN]
src = open(spec.origin).read().replace("\nmain()\n", "\n")
g = {"__name__": "diffbudget"}
exec(compile(src, spec.origin, "exec"), g)
call, proc = g["call"], g["proc"]


def main():
    import subprocess, tempfile, time, socket
    db = tempfile.mktemp(suffix=".db", prefix="iduit-pdf-")
    env = dict(os.environ, DATABASE_URL="sqlite:" + db, IDUIT_ADDR=g["ADDR"], IDUIT_LOG_LEVEL="warn")
    subprocess.run([BIN, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([BIN, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", int(g["ADDR"].split(":")[1])), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        tokens = {}
        for who in ("greedy", "other"):
            email = "%s-%d@example.org" % (who, os.getpid())
            call("POST", "/api/v1/users", body={"email": email, "name": who, "password": "a long and unusual passphrase"})
            _, b = call("POST", "/api/v1/sessions", body={"email": email, "password": "a long and unusual passphrase"})
            tokens[who] = json.loads(b)["token"]

        def proposal(who, paragraphs):
            _, b = call("POST", "/api/v1/proposals", tokens[who], {"template": "gf-concept-note-pwid", "title": who, "language": "en", "country": "KG"})
            pid = json.loads(b)["id"]
            return pid, "\n\n".join("Paragraph %d about harm reduction services in the region." % i * 20 for i in range(paragraphs))

        versions = {}
        lock = threading.Lock()

        def render(who, pid, text):
            with lock:
                v = versions.get(pid, 0)
                versions[pid] = v + 1
            call("PUT", "/api/v1/proposals/%s/sections/epidemiology" % pid, tokens[who], {"fields": {"data-gaps": text + " %d" % v}}, {"If-Match": '"%d"' % v})
            status, _ = call("GET", "/api/v1/proposals/%s/pdf" % pid, tokens[who])
            return status

        greedy = [proposal("greedy", 60) for _ in range(8)]
        small = proposal("other", 1)
        stop = threading.Event()
        greedy_answers = {}

        def keep_rendering(pid, text):
            while not stop.is_set():
                s = render("greedy", pid, text)
                with lock:
                    greedy_answers[s] = greedy_answers.get(s, 0) + 1

        threads = [threading.Thread(target=keep_rendering, args=p) for p in greedy]
        for t in threads:
            t.start()
        time.sleep(2)
        other = {}
        for _ in range(20):
            s = render("other", *small)
            other[s] = other.get(s, 0) + 1
        stop.set()
        for t in threads:
            t.join()
        print("greedy account (8 threads): %s" % dict(sorted(greedy_answers.items())))
        print("other account (20 PDFs):    %s" % dict(sorted(other.items())))
    finally:
        server.terminate()
        server.wait()
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(db + suffix)
            except OSError:
                pass


main()
