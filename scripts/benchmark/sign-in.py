#!/usr/bin/env python3
"""Sign-in cost and its effect on other requests: bcrypt (cost 12) runs off the request threads, so pages stay
fast while passwords are checked. Starts its own server on a throwaway SQLite database with the demo content.

Usage: scripts/benchmark/sign-in.py [path/to/kennis]   (default .build/release/kennis, else .build/debug/kennis)
Prints medians and maxima; compare the two page rows (same run, same machine), not absolute numbers.
"""
import http.client, os, re, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.parse

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binary = sys.argv[1] if len(sys.argv) > 1 else next(
    p for p in (os.path.join(root, ".build/release/kennis"), os.path.join(root, ".build/debug/kennis")) if os.path.exists(p))
PASSWORD = "een lang wachtwoord 1"

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def sign_in(port):
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("GET", "/inloggen")
    token = re.search(r'name="csrf" value="([^"]+)"', c.getresponse().read().decode()).group(1)
    form = urllib.parse.urlencode({"csrf": token, "email": "a@example.nl", "password": PASSWORD, "terug": "/beheer"})
    start = time.perf_counter()
    c.request("POST", "/inloggen", form, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "kennis_csrf=" + token})
    response = c.getresponse()
    response.read()
    assert response.status == 303, response.status
    return time.perf_counter() - start

def page(port):
    c = http.client.HTTPConnection("127.0.0.1", port)
    start = time.perf_counter()
    c.request("GET", "/")
    c.getresponse().read()
    return time.perf_counter() - start

def row(label, samples):
    print(f"{label:<48} median {statistics.median(samples) * 1000:7.1f} ms   max {max(samples) * 1000:7.1f} ms   n={len(samples)}")

with tempfile.TemporaryDirectory() as data:
    database = f"sqlite:{data}/kennis.sqlite"
    subprocess.run([binary, "user", "add", "--database", database, "--email", "a@example.nl", "--role", "redacteur",
                    "--password-stdin"], input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--database", database, "--port", str(port), "--import",
                               os.path.join(root, "demo/kennisbank.jsonl")], env={**os.environ, "KENNIS_LOG_LEVEL": "error"})
    try:
        for _ in range(100):
            try:
                page(port)
                break
            except OSError:
                time.sleep(0.1)
        alone = [page(port) for _ in range(50)]
        sign_ins = [sign_in(port) for _ in range(10)]
        stop = threading.Event()
        def keep_signing_in():
            while not stop.is_set():
                sign_in(port)
        threads = [threading.Thread(target=keep_signing_in) for _ in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(0.5)
        loaded = [page(port) for _ in range(50)]
        stop.set()
        for thread in threads:
            thread.join()
        print(f"binary: {binary}")
        row("POST /inloggen, right password (bcrypt cost 12)", sign_ins)
        row("GET / alone", alone)
        row("GET / while 4 sign-ins run without pause", loaded)
        print(f"ratio of medians, loaded / alone: {statistics.median(loaded) / statistics.median(alone):.2f}")
    finally:
        server.terminate()
        server.wait()
