#!/usr/bin/env python3
"""Imports one big export into a freshly started server while another user keeps saving, and reports
the import's time and status, the server's peak RSS, and the slowest concurrent save (issue 13, item 4).

    python3 docs/perf/import-bench.py /tmp/iduit-new 50000          # SQLite in a temporary directory
    DATABASE_URL=postgres://... python3 docs/perf/import-bench.py /tmp/iduit-new 50000

The export holds REVISIONS tiny revisions of one section. The import is sent with an Idempotency-Key and
then sent again, to show whether a retry duplicates it.
"""
import json, os, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request

binary, revisions = sys.argv[1], int(sys.argv[2])
addr = os.environ.get("ADDR", "127.0.0.1:18097")
base = "http://" + addr
tmp = tempfile.mkdtemp(prefix="iduit-import-bench-")
env = dict(os.environ, IDUIT_ADDR=addr, IDUIT_LOG_LEVEL="warn", IDUIT_CSRF_SECRET="x" * 40)
env.setdefault("DATABASE_URL", "sqlite:" + os.path.join(tmp, "iduit.db"))


def call(method, path, token=None, body=None, headers=None, timeout=600):
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def person(name):
    email = f"{name}-{time.time_ns()}@example.org"
    call("POST", "/api/v1/users", body={"email": email, "name": name, "password": "correct horse battery"})
    return json.loads(call("POST", "/api/v1/sessions", body={"email": email, "password": "correct horse battery"})[1])["token"]


def proposal(token):
    body = {"template": "gf-concept-note-pwid", "title": "Bench", "language": "en", "country": "Kyrgyzstan"}
    return json.loads(call("POST", "/api/v1/proposals", token, body)[1])["id"]


def peak_rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024


subprocess.run([binary, "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
server = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            if call("GET", "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    importer, saver = person("importer"), person("saver")
    source, mine = proposal(importer), proposal(saver)
    doc = json.loads(call("GET", f"/api/v1/proposals/{source}/export", importer)[1])
    doc["revisions"] = [{"section": "epidemiology", "number": i + 1, "fields": {"data-gaps": f"r{i}"},
                         "created_at": "2026-01-01T00:00:00Z", "created_by": "someone@example.org"} for i in range(revisions)]
    body = json.dumps(doc).encode()
    rss_before = peak_rss_mib(server.pid)

    done, latencies = threading.Event(), []

    def keep_saving():
        version = 0
        while not done.is_set():
            t = time.monotonic()
            status, _, _ = call("PUT", f"/api/v1/proposals/{mine}/sections/epidemiology", saver,
                                {"fields": {"data-gaps": f"save {version}"}}, {"If-Match": f'"{version}"'})
            latencies.append(time.monotonic() - t)
            if status == 200:
                version += 1

    saving = threading.Thread(target=keep_saving)
    saving.start()
    time.sleep(0.5)
    t = time.monotonic()
    status, reply, _ = call("POST", "/api/v1/proposals/import", importer, body, {"Idempotency-Key": "bench-1"})
    took = time.monotonic() - t
    time.sleep(0.5)
    done.set()
    saving.join()
    retry, _, _ = call("POST", "/api/v1/proposals/import", importer, body, {"Idempotency-Key": "bench-1"})
    total = json.loads(call("GET", "/api/v1/proposals", importer)[1])["total"]
    latencies.sort()
    print(f"{os.path.basename(binary)} revisions={revisions} body={len(body) / 2**20:.1f}MiB import={status} in {took:.2f}s "
          f"peakRSS={rss_before:.0f}->{peak_rss_mib(server.pid):.0f}MiB saves={len(latencies)} "
          f"save_p50={latencies[len(latencies) // 2] * 1000:.0f}ms save_max={latencies[-1] * 1000:.0f}ms "
          f"retry={retry} importer_proposals={total}")
    if status >= 400:
        print("  import answer:", reply[:200].decode(errors="replace"))
finally:
    server.terminate()
    server.wait()
