#!/usr/bin/env python3
"""Item page speed against nginx, and whether a change shows at once (the page cache of the
accessibility-and-speed issue: "a published item page at least 0.7x as fast as nginx serving the same
HTML as a static file, wrk -t2 -c64 -d10s, both measured in one run; a change to an item shows at once").

Usage: scripts/benchmark/page-speed.py [path/to/kennis] [--duration 10s | --quick] [options]

Binary: the argument, else the newer of .build/release/kennis and .build-release/release/kennis, else
.build/debug/kennis (debug numbers are not meaningful).
Starts `kennis serve` on a throwaway SQLite database with the demo content (or on --database postgres://...,
an empty database), takes the first item of GET /api/v1/items, saves its page as a static file, and serves that
with an nginx of its own (one worker per core, access_log off, sendfile, keep-alive). After a 2 s warm-up
of each, `wrk -t2 -c64 -d10s --latency` runs against nginx, kennis, nginx, kennis; the ratio is kennis/nginx
of the median req/s of each. Then it changes the item's title through the API (operator token) and reads the
page at once, twice, and again while wrk loads the page, and puts the title back. With --instances 2
(PostgreSQL) a second instance must show the change at once too.

Prints each run, then a Markdown section for docs/BENCHMARKS.md. Exit status: 0 when the ratio is at least
--goal and every change showed at once, 1 when not, 2 when the benchmark could not run. Installs nginx and wrk
from Debian when they are missing. Everything listens on 127.0.0.1; the temporary directory, nginx and kennis
are removed or stopped at the end, also on failure or Ctrl-C.
"""
import argparse, datetime, html, http.client, json, os, re, secrets, shutil, signal, socket, statistics
import subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONNECTIONS, THREADS = 64, 2


class Failure(Exception):
    """The benchmark could not run (exit 2)."""


def say(text=""):
    print(text, flush=True)


# --- Arguments and tools ---------------------------------------------------------------------------

def seconds(text):
    match = re.fullmatch(r"(\d+)([smh]?)", text)
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (use e.g. 10s or 1m)")
    return int(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[2:]))
    parser.add_argument("binary", nargs="?", help="kennis binary (default: a release build in .build or .build-release, else .build/debug/kennis)")
    parser.add_argument("--duration", default="10s", help="length of each measured wrk run (default 10s)")
    parser.add_argument("--quick", action="store_true", help="3 s runs, for trying the script out")
    parser.add_argument("--warmup", default="2s", help="unreported wrk run against each server first (default 2s)")
    parser.add_argument("--rounds", type=int, default=2, help="measured runs per server, alternating (default 2)")
    parser.add_argument("--goal", type=float, default=0.7, help="the least kennis/nginx ratio that passes (default 0.7)")
    parser.add_argument("--slug", help="measure this item instead of the first of GET /api/v1/items")
    parser.add_argument("--database", help="postgres://user:password@host:port/db of an EMPTY database "
                        "(default: a fresh SQLite file in the temporary directory)")
    parser.add_argument("--instances", type=int, choices=(1, 2), default=1,
                        help="2: start a second instance on the same database and check the change shows there at "
                             "once too (PostgreSQL; on SQLite only one process serves)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, wrk output, configs)")
    args = parser.parse_args()
    if args.quick:
        args.duration = "3s"
    try:
        args.duration_s = seconds(args.duration)
        args.warmup_s = 0 if args.warmup in ("0", "0s") else seconds(args.warmup)
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.database and not re.match(r"postgres(ql)?://", args.database):
        parser.error("--database takes a postgres:// URL; without it the script uses a fresh SQLite file")
    return args


def pick_binary(given):
    if given:
        if not (os.path.isfile(given) and os.access(given, os.X_OK)):
            raise Failure(f"{given} is not an executable file")
        return os.path.abspath(given)
    def usable(candidates):
        paths = [os.path.join(ROOT, c) for c in candidates]
        return [p for p in paths if os.path.isfile(p) and os.access(p, os.X_OK)]
    # A release build, the newest if both places hold one (`swift build -c release [--scratch-path .build-release]`).
    releases = usable((".build/release/kennis", ".build-release/release/kennis"))
    if releases:
        return max(releases, key=os.path.getmtime)
    debug = usable((".build/debug/kennis",))
    if debug:
        return debug[0]
    raise Failure("no kennis binary: build one (swift build -c release) or pass its path")


def is_debug(binary):
    return "debug" in os.path.relpath(binary, ROOT).split(os.sep) or "/debug/" in binary


def ensure_tools():
    missing = [package for package, tool in (("nginx", "nginx"), ("wrk", "wrk")) if not find_tool(tool)]
    if not missing:
        return
    say(f"installing {' '.join(missing)} from Debian")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    install = sudo + ["apt-get", "install", "-y", "-qq"] + missing
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if subprocess.run(install, **quiet).returncode != 0:
        subprocess.run(sudo + ["apt-get", "update", "-qq"], **quiet)
        if subprocess.run(install, stdout=subprocess.DEVNULL).returncode != 0:
            raise Failure(f"could not install {' '.join(missing)} (apt-get install {' '.join(missing)})")
    for tool in ("nginx", "wrk"):
        if not find_tool(tool):
            raise Failure(f"{tool} is still missing after installing it")


def find_tool(name):
    return shutil.which(name) or next((p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if os.access(p, os.X_OK)), None)


def cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- Processes ------------------------------------------------------------------------------------

class Processes:
    """Every process the script starts, stopped in reverse order by `stop_all` (by process group: nginx's workers)."""

    def __init__(self):
        self.running = []

    def start(self, name, command, log, **options):
        handle = open(log, "wb")
        process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True, **options)
        handle.close()
        process.name, process.log = name, log
        self.running.append(process)
        return process

    def stop(self, process):
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(process.pid, signal.SIGKILL)  # anything left in its group (nginx workers, wrk threads)
        except (ProcessLookupError, PermissionError):
            pass
        process.wait()
        if process in self.running:
            self.running.remove(process)

    def stop_all(self):
        for process in reversed(list(self.running)):
            self.stop(process)


def tail(path, lines=20):
    try:
        with open(path, errors="replace") as handle:
            text = handle.read().splitlines()[-lines:]
    except OSError:
        return ""
    return "".join("\n    " + line for line in text)


def wait_until_answering(url, process, limit):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Failure(f"{process.name} exited ({process.returncode}) before answering {url}{tail(process.log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    raise Failure(f"{process.name} did not answer {url} within {limit} s{tail(process.log)}")


# --- HTTP -----------------------------------------------------------------------------------------

def request(url, method="GET", body=None, token=None):
    """(status, headers, body bytes); an HTTP error status is an answer, not an exception."""
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if body is not None:
        body = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    call = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(call, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def cache_state(headers):
    return headers.get("X-Cache") or "absent"


# --- nginx ----------------------------------------------------------------------------------------

def nginx_config(work, port, workers, nginx):
    build = subprocess.run([nginx, "-V"], capture_output=True, text=True).stderr
    temp = "".join(f'    {module}_temp_path "{work}/nginx/tmp/{module}";\n'
                   for module in ("proxy", "fastcgi", "uwsgi", "scgi") if f"--without-http_{module}_module" not in build)
    # A root master would start its workers as nobody, who cannot read the 0700 temporary directory.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""# written by scripts/benchmark/page-speed.py
worker_processes {workers};
{user}pid "{work}/nginx/nginx.pid";
error_log "{work}/nginx/error.log" warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    types {{ }}
    default_type text/html;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65s;
    keepalive_requests 1000000;
    server_tokens off;
    client_body_temp_path "{work}/nginx/tmp/body";
{temp}    server {{
        listen 127.0.0.1:{port};
        root "{work}/www";
        location / {{ }}
    }}
}}
"""


# --- wrk ------------------------------------------------------------------------------------------

def milliseconds(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text or "")
    if not match:
        return None
    return float(match.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000, "h": 3600000}[match.group(2)]


def parse_wrk(text):
    def find(pattern):
        match = re.search(pattern, text, re.M)
        return match.group(1) if match else None
    rps = find(r"^Requests/sec:\s+([\d.]+)")
    if rps is None:
        return None
    errors = find(r"Socket errors: (.*)$")
    return {
        "rps": float(rps),
        "avg": milliseconds(find(r"^\s+Latency\s+(\S+)")),
        "p50": milliseconds(find(r"^\s+50%\s+(\S+)")),
        "p99": milliseconds(find(r"^\s+99%\s+(\S+)")),
        "requests": int(find(r"^\s+(\d+) requests in") or 0),
        "non2xx": int(find(r"Non-2xx or 3xx responses: (\d+)") or 0),
        "socket_errors": sum(int(n) for n in re.findall(r"\d+", errors or "")),
        "socket_detail": errors or "",
    }


def run_wrk(url, duration, log, latency=True):
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s"] + (["--latency"] if latency else []) + [url]
    try:
        finished = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60)
    except subprocess.TimeoutExpired:
        raise Failure(f"wrk against {url} did not finish within {duration + 60} s")
    with open(log, "w") as handle:
        handle.write(finished.stdout + finished.stderr)
    result = parse_wrk(finished.stdout)
    if finished.returncode != 0 or result is None:
        raise Failure(f"wrk against {url} failed ({finished.returncode}){tail(log)}")
    return result


def number(value, digits=2):
    return "n/a" if value is None else f"{value:.{digits}f}"


# --- The change check -----------------------------------------------------------------------------

class ChangeCheck:
    """Changes the title through the API and reads the page right after, with no pause in between."""

    def __init__(self, api, page_urls, slug, token, processes, work):
        self.api, self.page_urls, self.slug, self.token = api, page_urls, slug, token
        self.processes, self.work = processes, work
        self.original = None
        self.changed = False
        self.lines = []      # for the report
        self.failures = []

    def note(self, text, ok=True):
        say(("  ok   " if ok else "  FAIL ") + text)
        self.lines.append(text if ok else f"**not met**: {text}")
        if not ok:
            self.failures.append(text)

    def put(self, title):
        content = dict(self.original, title=title)
        status, _, body = request(f"{self.api}/items/{self.slug}", "PUT", content, self.token)
        if status != 200:
            raise Failure(f"PUT /api/v1/items/{self.slug} answered {status}: {body[:500].decode(errors='replace')}")
        self.changed = title != self.original["title"]
        return json.loads(body).get("status", "?")

    def marker(self):
        return f"gewijzigd {secrets.token_hex(4)}"

    def title_with(self, marker):
        suffix = f" ({marker})"
        return self.original["title"][:200 - len(suffix)] + suffix

    def read(self, url):
        status, headers, body = request(url)
        return status, cache_state(headers), body.decode("utf-8", errors="replace")

    def run(self):
        status, _, body = request(f"{self.api}/items/{self.slug}", token=self.token)
        if status != 200:
            raise Failure(f"GET /api/v1/items/{self.slug} with the operator token answered {status}")
        self.original = json.loads(body)
        primary = self.page_urls[0]
        for url in self.page_urls:          # every instance has the page in its cache, if it caches
            self.read(url)
        states = [self.read(url)[1] for url in self.page_urls]
        say(f"  X-Cache of a repeated GET before the change: {', '.join(states)}")

        # 1. A quiet change, then the page at once, and once more (which the cache may serve again).
        marker = self.marker()
        started = time.perf_counter()
        new_status = self.put(self.title_with(marker))
        code, state, text = self.read(primary)
        elapsed = (time.perf_counter() - started) * 1000
        if code == 404:
            self.note(f"after the title change (item status now '{new_status}') the page answers 404: the change took it "
                      f"off the site instead of showing", ok=False)
            return
        self.note(f"title changed through PUT /api/v1/items/{{slug}} (operator token, item status stays '{new_status}'); "
                  f"the GET right after the PUT answer: HTTP {code}, new title "
                  f"{'shown' if marker in text else 'NOT shown'}, X-Cache {state} ({elapsed:.0f} ms for PUT + GET)",
                  ok=code == 200 and marker in text)
        code, state, text = self.read(primary)
        self.note(f"the GET after that: HTTP {code}, new title {'shown' if marker in text else 'NOT shown'}, X-Cache {state}",
                  ok=code == 200 and marker in text)

        # 2. Other instances (PostgreSQL): a change made on the first must show on each at once, every time
        # (the news travels through the database, so a single try could be lucky).
        for number_, url in enumerate(self.page_urls[1:], start=2):
            tries, late, delays, states = 5, 0, [], []
            for _ in range(tries):
                marker = self.marker()
                self.read(url)
                self.read(url)
                self.put(self.title_with(marker))
                code, state, text = self.read(url)
                states.append(state)
                if code == 200 and marker in text:
                    continue
                late += 1
                limit = 5 if late == len(delays) + 1 else 0.5   # after one miss of 5 s, do not wait that long again
                begin = time.perf_counter()
                while time.perf_counter() - begin < limit:
                    if marker in self.read(url)[2]:
                        delays.append((time.perf_counter() - begin) * 1000)
                        break
                    time.sleep(0.01)
            self.note(f"change made on instance 1, page read on instance {number_} right after the PUT answer: new title "
                      f"shown at once {tries - late} of {tries} times (X-Cache {', '.join(states)})"
                      + (f"; the late ones showed after {', '.join(f'{d:.0f}' for d in delays)} ms" if delays else "")
                      + (f"; {late - len(delays)} not within 5 s (or 0.5 s after the first)" if late > len(delays) else ""),
                      ok=late == 0)

        # 3. A change while wrk keeps the page hot on each instance: no request after the PUT answer may get the old
        # page back, also not from a render that started before the change and finished after it.
        for number_, url in enumerate(self.page_urls, start=1):
            marker = self.marker()
            load = self.processes.start("wrk", ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", "-d4s", url],
                                        os.path.join(self.work, f"wrk-during-change-{number_}.txt"))
            try:
                time.sleep(1)
                self.put(self.title_with(marker))
                reads, stale, errors = 0, 0, 0
                begin = time.perf_counter()
                while time.perf_counter() - begin < 2:
                    code, _, text = self.read(url)
                    reads += 1
                    if code != 200:
                        errors += 1
                    elif marker not in text:
                        stale += 1
            finally:
                self.processes.stop(load)
            where = "" if len(self.page_urls) == 1 else f" on instance {number_} (change made on instance 1)"
            self.note(f"the same while wrk loads the page{where}: {reads} GETs in the 2 s after the PUT answer, {stale} with "
                      f"the old title, {errors} not 200", ok=stale == 0 and errors == 0)

        # 4. Back to the original title, which must show at once as well.
        self.put(self.original["title"])
        code, state, text = self.read(primary)
        title = self.original["title"]
        back = not re.search(r"\(gewijzigd [0-9a-f]{8}\)", text) and (html.escape(title) in text or html.escape(title, False) in text)
        self.note(f"title put back: the GET right after shows the original title again (HTTP {code}, X-Cache {state})",
                  ok=code == 200 and back)
        self.changed = False

    def restore(self):
        """Puts the original title back if the check stopped half-way (for --database, whose data stays)."""
        if self.changed and self.original:
            try:
                request(f"{self.api}/items/{self.slug}", "PUT", self.original, self.token)
            except OSError:
                pass


# --- Main -----------------------------------------------------------------------------------------

def main():
    args = arguments()
    binary = pick_binary(args.binary)
    debug = is_debug(binary)
    say(f"binary: {binary}" + ("  (debug build)" if debug else ""))
    if debug:
        say("warning: a debug build; its numbers are not meaningful, build with `swift build -c release` for the report")
    ensure_tools()
    nginx = find_tool("nginx")
    n_cores = cores()
    load = os.getloadavg()[0]
    say(f"cores: {n_cores}; nginx gets {n_cores} worker processes (one per core), wrk -t{THREADS} -c{CONNECTIONS}; "
        f"load average {load:.2f}")
    if load > 0.5 * n_cores:
        say(f"warning: the machine is busy (load {load:.2f} on {n_cores} cores); the numbers will be noisy")

    processes = Processes()
    work = tempfile.mkdtemp(prefix="page-speed.")
    check = None
    exit_code = 2

    def terminate(signum, _frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, terminate)
    try:
        # kennis
        token = secrets.token_hex(24)
        database = args.database or f"sqlite:{work}/kennis.sqlite"
        shown_database = (re.sub(r"//([^:@/]*):[^@/]*@", r"//\1:***@", database) if args.database else "SQLite (fresh file)")
        env = {**os.environ, "KENNIS_ADMIN_TOKEN": token, "KENNIS_DATA_DIR": work}
        env.pop("KENNIS_DATABASE", None)
        instances = []
        for index in range(args.instances):
            port = free_port()
            command = [binary, "serve", "--database", database, "--port", str(port), "--log-level", "warning"]
            if index == 0:
                command += ["--import", os.path.join(ROOT, "demo/kennisbank.jsonl")]
            process = processes.start(f"kennis serve (instance {index + 1})", command,
                                      os.path.join(work, f"kennis-{index + 1}.log"), env=env, cwd=work)
            wait_until_answering(f"http://127.0.0.1:{port}/healthz", process, 120)
            instances.append((process, port))
        kennis_process, kennis_port = instances[0]
        base = f"http://127.0.0.1:{kennis_port}"
        say(f"kennis serve on 127.0.0.1:{kennis_port} (pid {kennis_process.pid}), database {shown_database}"
            + (f", second instance on 127.0.0.1:{instances[1][1]}" if len(instances) > 1 else ""))
        if args.instances > 1 and not args.database:
            say("note: two instances on one SQLite file; the platform runs several instances only on PostgreSQL")

        # The page
        slug = args.slug
        if not slug:
            status, _, body = request(f"{base}/api/v1/items")
            if status != 200:
                raise Failure(f"GET /api/v1/items answered {status}")
            items = json.loads(body).get("items") or []
            if not items:
                raise Failure("GET /api/v1/items lists no items")
            slug = items[0]["slug"]
        path = f"/kennis/{slug}"
        kennis_url = base + path
        status, headers, page = request(kennis_url)
        if status != 200:
            raise Failure(f"{kennis_url} answered {status}, not 200")
        content_type = headers.get("Content-Type", "")
        os.makedirs(os.path.join(work, "www", "kennis"))
        with open(os.path.join(work, "www", "kennis", slug), "wb") as handle:
            handle.write(page)

        # nginx
        nginx_port = free_port()
        os.makedirs(os.path.join(work, "nginx", "tmp"))
        config = os.path.join(work, "nginx", "nginx.conf")
        with open(config, "w") as handle:
            handle.write(nginx_config(work, nginx_port, n_cores, nginx))
        nginx_command = [nginx, "-p", os.path.join(work, "nginx"), "-c", config, "-e", os.path.join(work, "nginx", "error.log")]
        tested = subprocess.run(nginx_command + ["-t", "-q"], capture_output=True, text=True)
        if tested.returncode != 0:
            raise Failure(f"nginx rejects its configuration:\n{tested.stderr}")
        nginx_process = processes.start("nginx", nginx_command + ["-g", "daemon off;"], os.path.join(work, "nginx", "stdout.log"))
        nginx_url = f"http://127.0.0.1:{nginx_port}{path}"
        wait_until_answering(nginx_url, nginx_process, 15)
        nginx_version = subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1]
        say(f"nginx {nginx_version} on 127.0.0.1:{nginx_port} (pid {nginx_process.pid}), {n_cores} workers, "
            f"config {config if args.keep else '(in the temporary directory; --keep keeps it)'}")

        # Both serve the same page
        kennis_status, kennis_headers, kennis_body = request(kennis_url)
        nginx_status, nginx_headers, nginx_body = request(nginx_url)
        say(f"page {path}")
        say(f"  kennis: HTTP {kennis_status}, {len(kennis_body)} bytes, {kennis_headers.get('Content-Type')}")
        say(f"  nginx:  HTTP {nginx_status}, {len(nginx_body)} bytes, {nginx_headers.get('Content-Type')}")
        if kennis_status != 200 or nginx_status != 200:
            raise Failure("both servers must answer 200")
        if len(kennis_body) != len(nginx_body) or nginx_body != page:
            raise Failure(f"the servers send different pages ({len(kennis_body)} and {len(nginx_body)} bytes); "
                          "does the page change between requests?")
        if kennis_body != page:
            say("  note: kennis sent different bytes of the same length on the second request")
        say("  kennis response headers (second request):")
        for name, value in kennis_headers.items():
            say(f"    {name}: {value}")
        cache_control = kennis_headers.get("Cache-Control") or "absent"
        x_cache = cache_state(kennis_headers)
        say(f"  Cache-Control: {cache_control}; X-Cache: {x_cache}"
            + ("  (no X-Cache header: no page cache in this binary?)" if x_cache == "absent" else ""))

        # Load
        if args.warmup_s:
            say(f"warm-up: {args.warmup_s} s of wrk on each (not reported)")
            run_wrk(nginx_url, args.warmup_s, os.path.join(work, "wrk-warmup-nginx.txt"), latency=False)
            run_wrk(kennis_url, args.warmup_s, os.path.join(work, "wrk-warmup-kennis.txt"), latency=False)
        runs = []
        say(f"measuring: wrk -t{THREADS} -c{CONNECTIONS} -d{args.duration_s}s --latency, nginx and kennis alternating, "
            f"{args.rounds} rounds")
        for round_ in range(args.rounds):
            for name, url in (("nginx", nginx_url), ("kennis", kennis_url)):
                result = run_wrk(url, args.duration_s, os.path.join(work, f"wrk-{len(runs) + 1}-{name}.txt"))
                result.update(run=len(runs) + 1, server=name)
                runs.append(result)
                say(f"  run {result['run']} {name:<6} {result['rps']:>10.0f} req/s   avg {number(result['avg']):>7} ms   "
                    f"p50 {number(result['p50']):>7} ms   p99 {number(result['p99']):>7} ms   "
                    f"{result['requests']} requests, {result['non2xx']} non-2xx, socket errors: {result['socket_detail'] or 'none'}")
                if kennis_process.poll() is not None:
                    raise Failure(f"kennis exited during the benchmark{tail(kennis_process.log)}")
        _, after_headers, _ = request(kennis_url)
        x_cache_after = cache_state(after_headers)

        def median(server, field):
            values = [r[field] for r in runs if r["server"] == server and r[field] is not None]
            return statistics.median(values) if values else None
        nginx_rps, kennis_rps = median("nginx", "rps"), median("kennis", "rps")
        ratio = kennis_rps / nginx_rps if nginx_rps else 0.0
        say(f"kennis/nginx: {kennis_rps:.0f} / {nginx_rps:.0f} req/s (medians of {args.rounds} runs) = {ratio:.3f}")
        speed_ok = ratio >= args.goal
        say(f"  {'ok' if speed_ok else 'FAIL'}: the goal is at least {args.goal:.2f}"
            + ("" if speed_ok else f"; kennis is {ratio:.3f}x as fast as nginx"))
        bad_runs = [r for r in runs if r["non2xx"]]
        for r in bad_runs:
            say(f"  FAIL: run {r['run']} ({r['server']}) had {r['non2xx']} non-2xx responses")

        # A change shows at once
        say("change check:")
        check = ChangeCheck(f"{base}/api/v1", [f"http://127.0.0.1:{port}{path}" for _, port in instances],
                            slug, token, processes, work)
        check.run()

        # Report
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        if commit and subprocess.run(["git", "-C", ROOT, "status", "--porcelain"], capture_output=True, text=True).stdout.strip():
            commit += " (uncommitted changes)"
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "unknown CPU")
        wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()[1:2] or ["?"]
        shown_binary = os.path.relpath(binary, ROOT) if binary.startswith(ROOT + os.sep) else binary
        command = "scripts/benchmark/page-speed.py" + "".join(
            " " + (re.sub(r"//([^:@/]*):[^@/]*@", r"//\1:***@", a) if a == args.database else a) for a in sys.argv[1:])
        when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        say()
        say("---- Markdown for docs/BENCHMARKS.md ----")
        say()
        say(f"`{command}`")
        say()
        say(f"{when} · commit {commit or '?'} · `{shown_binary}`{' (debug build)' if debug else ''} · {shown_database}"
            f"{f' · {args.instances} instances' if args.instances > 1 else ''} · {n_cores} cores ({cpu}) · "
            f"nginx {nginx_version} ({n_cores} workers) · wrk {wrk_version[0]}")
        say()
        say(f"Page `GET {path}`, {len(page)} bytes (`{content_type}`); `wrk -t{THREADS} -c{CONNECTIONS} -d{args.duration_s}s "
            f"--latency` " + (f"after a {args.warmup_s} s warm-up of each" if args.warmup_s else "without warm-up") + ", nginx and kennis alternating.")
        say()
        say("| run | server | req/s | avg ms | p50 ms | p99 ms | requests | non-2xx | socket errors |")
        say("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in runs:
            say(f"| {r['run']} | {r['server']} | {r['rps']:.0f} | {number(r['avg'])} | {number(r['p50'])} | {number(r['p99'])} | "
                f"{r['requests']} | {r['non2xx']} | {r['socket_errors']} |")
        say()
        say(f"| median of {args.rounds} | nginx | kennis | kennis/nginx |")
        say("| --- | ---: | ---: | ---: |")
        say(f"| req/s | {nginx_rps:.0f} | {kennis_rps:.0f} | **{ratio:.2f}** (goal ≥ {args.goal:.2f}: {'met' if speed_ok else 'missed'}) |")
        for field, label in (("avg", "avg ms"), ("p99", "p99 ms")):
            n, k = median("nginx", field), median("kennis", field)
            say(f"| {label} | {number(n)} | {number(k)} | {number(k / n if n and k else None)} |")
        say()
        say(f"- kennis headers on the page: `Cache-Control: {cache_control}`, `X-Cache: {x_cache}` on the second request, "
            f"`{x_cache_after}` after the runs.")
        for line in check.lines:
            say(f"- {line}")
        say()

        failed = not speed_ok or bool(bad_runs) or bool(check.failures)
        if failed:
            reasons = ([f"kennis/nginx {ratio:.2f} is below {args.goal:.2f}"] if not speed_ok else []) \
                + ([f"{len(bad_runs)} run(s) with non-2xx responses"] if bad_runs else []) \
                + ([f"{len(check.failures)} change check(s) failed"] if check.failures else [])
            say("RESULT: NOT MET: " + "; ".join(reasons))
            exit_code = 1
        else:
            say(f"RESULT: met (kennis/nginx {ratio:.2f} ≥ {args.goal:.2f}, every change showed at once)")
            exit_code = 0
    except Failure as failure:
        say(f"page-speed: error: {failure}")
        exit_code = 2
    except KeyboardInterrupt:
        say("page-speed: interrupted")
        exit_code = 130
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if check:
            check.restore()
        processes.stop_all()
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return exit_code


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        say(f"page-speed: error: {failure}")
        sys.exit(2)
