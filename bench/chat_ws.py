"""Live chat under load: two daphne processes behind the Redis channel layer,
N waiting visitors connected at once, against a bare `websockets` relay.

Run from the repository root:

    .venv/bin/python bench/chat_ws.py [clients=2000] [seconds=20]

Needs Redis at 127.0.0.1:6379 (database 14 is flushed) and the `websockets`
client library, which is not in requirements.txt: `.venv/bin/pip install websockets`.
Everything listens on and connects to 127.0.0.1 only.

What it does, in one run:
 1. Database: a fresh SQLite file var/bench-chat.sqlite3 (or DATABASE_URL if set,
    e.g. postgres://…; use a dedicated database: earlier bench conversations are
    closed, and route() routes whatever else is waiting there). `manage.py migrate`,
    then N chat conversations (channel chat, language ru, state queued) are
    bulk-created in a `manage.py shell -c` subprocess; their public_ids go to
    var/bench-chat-ids.txt.
 2. Two `daphne konsultant.asgi:application` processes with REDIS_URL=redis://
    127.0.0.1:6379/14, DEBUG=false, SECRET_KEY=bench, ALLOWED_HOSTS=127.0.0.1 and the
    same DATABASE_URL; plus bench/ws_baseline.py on a third port.
 3. N visitor sockets to /ws/chat/<public_id>/ (conversation i on daphne i % 2), and
    for the first 100 conversations a second socket on the other daphne. Origin
    header http://127.0.0.1:PORT (AllowedHostsOriginValidator).
 4. Relay: the 100 pairs send 200 messages/s in total for `seconds` (open loop,
    round robin) from the visitor's socket (process A, the one its conversation
    lives on; 50 pairs start on each daphne) and the latency until the second
    socket on the other process (B) gets the chat.message is measured. The body is
    JSON carrying the client's send timestamp (perf_counter, same process). The
    echo to the sending socket itself is reported too (store + same-process fan-out).
 5. Queue broadcast: with all sockets connected, desk.actions.route() runs once in a
    `manage.py shell -c` subprocess that timestamps (time.time(), the same clock
    here) route's start, the start of the broadcast (live.queue_positions, called
    from on_commit, i.e. after route's DB work has committed) and its end. The target
    "a queue-position update reaches all 2,000 waiting visitors within 1 s" is
    judged on broadcast start -> the last visitor socket's chat.queue receipt;
    route()'s own duration (DB work, then the group_send loop) is reported apart.
 6. Baseline: the same 200 msg/s relay test with 100 pairs against ws_baseline.py.
 7. A results table; all processes are stopped in `finally`, every wait is bounded.

Latencies are measured by one asyncio client process that shares the 2 cores
with the servers and Redis, so they include client-side scheduling delay.
"""

import asyncio
import json
import os
import platform
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

try:
    import websockets
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed
except ImportError:  # pragma: no cover - a hint, not a fallback
    sys.exit("bench/chat_ws.py needs the websockets client: .venv/bin/pip install websockets")

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
DAPHNE = str(VENV_BIN / "daphne")
HOST = "127.0.0.1"
REDIS_DB = 14
REDIS_URL = f"redis://{HOST}:6379/{REDIS_DB}"
PAIRS = 100
RATE = 200  # messages per second, all pairs together
TARGET_QUEUE_S = 1.0
TAG = "bench-chat"  # contact name prefix of the bench's conversations
CONNECT_CONCURRENCY = 64

PREP_CODE = r"""
import os
from django.db import transaction
from desk.models import Channel, Contact, Conversation, State
n, tag, out = int(os.environ["BENCH_N"]), os.environ["BENCH_TAG"], os.environ["BENCH_IDS_FILE"]
closed = Conversation.objects.filter(contact__name__startswith=tag).exclude(state=State.CLOSED).update(state=State.CLOSED)
others = Conversation.objects.waiting().exclude(channel=Channel.PHONE).count()
ids = []
with transaction.atomic():
    for start in range(0, n, 500):
        size = min(500, n - start)
        contacts = Contact.objects.bulk_create(
            [Contact(name=f"{tag} {start + i}", language="ru") for i in range(size)])
        convs = Conversation.objects.bulk_create(
            [Conversation(contact=c, channel=Channel.CHAT, language="ru", state=State.QUEUED) for c in contacts])
        ids.extend(str(c.public_id) for c in convs)
with open(out, "w") as f:
    f.write("\n".join(ids) + "\n")
print(f"BENCH_PREP created={len(ids)} closed_earlier={closed} other_waiting={others}", flush=True)
"""

ROUTE_CODE = r"""
import json, os, time
marks = {"setup_done": time.time()}
from desk import actions, live
from desk.models import Channel, Conversation, Message
marks["waiting"] = Conversation.objects.waiting().exclude(channel=Channel.PHONE).count()
# This run's conversations only: the preparation closed every earlier run's.
marks["messages"] = Message.objects.filter(conversation__contact__name__startswith=os.environ["BENCH_TAG"]).exclude(conversation__state="closed").count()
import threading
_original = live.queue_positions
def _timed(positions):
    marks["broadcast_start"] = time.time()
    marks["positions"] = len(positions)
    _original(positions)
live.queue_positions = _timed  # route() looks it up when its on_commit callback runs
marks["route_start"] = time.time()
offers = actions.route()
marks["route_returned"] = time.time()
# The broadcast runs in a background thread in a server; here, wait for it.
for thread in threading.enumerate():
    if thread is not threading.main_thread():
        thread.join(60)
marks["broadcast_end"] = marks["route_end"] = time.time()
marks["offers"] = len(offers)
print("BENCH_ROUTE " + json.dumps(marks), flush=True)
"""


def log(msg: str) -> None:
    print(f"# {msg}", flush=True)


# ---------------------------------------------------------------- processes

class Processes:
    """Every child this script starts, stopped by pid in `stop_all` (also on error)."""

    def __init__(self):
        self.popen: list[subprocess.Popen] = []
        self.pids: set[int] = set()  # asyncio subprocesses

    def start(self, cmd: list[str], env: dict, logfile: Path) -> subprocess.Popen:
        with open(logfile, "wb") as out:
            p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.popen.append(p)
        return p

    def stop_all(self) -> None:
        for pid in list(self.pids):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for p in self.popen:
            if p.poll() is None:
                p.terminate()
        for p in self.popen:
            try:
                p.wait(timeout=8)
            except subprocess.TimeoutExpired:
                p.kill()
                try:
                    p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass


def tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def free_ports(n: int) -> list[int]:
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind((HOST, 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def wait_accepting(port: int, proc: subprocess.Popen, logfile: Path, timeout: float = 60) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"process on :{port} exited with {proc.returncode}:\n{tail(logfile)}")
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                return time.monotonic() - start
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing accepts on :{port} after {timeout:.0f} s:\n{tail(logfile)}")


def django_env(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_FILE") and not k.lower().endswith("_proxy")}
    env.update(
        DJANGO_SETTINGS_MODULE="konsultant.settings", REDIS_URL=REDIS_URL, DEBUG="false", SECRET_KEY="bench",
        ALLOWED_HOSTS=HOST, DATABASE_URL=database_url, PYTHONUNBUFFERED="1", BENCH_TAG=TAG,
    )  # fmt: skip
    return env


def manage(args: list[str], env: dict, timeout: float) -> str:
    try:
        r = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"manage.py {args[0]} took over {timeout:.0f} s")
    if r.returncode != 0:
        raise RuntimeError(f"manage.py {args[0]} failed ({r.returncode}):\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}")
    return r.stdout


def flush_redis() -> None:
    if shutil.which("redis-cli"):
        r = subprocess.run(["redis-cli", "-h", HOST, "-p", "6379", "-n", str(REDIS_DB), "flushdb"],
                           capture_output=True, text=True, timeout=15)  # fmt: skip
        if r.returncode != 0 or "OK" not in r.stdout:
            raise RuntimeError(f"redis-cli flushdb failed: {r.stdout} {r.stderr}")
    else:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=5).flushdb()


def raise_nofile(need: int) -> str:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= need:
        return f"{soft}"
    new = need if hard == resource.RLIM_INFINITY else min(need, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
    if new < need:
        log(f"warning: open-file limit {new} (hard) < {need} needed")
    return f"{soft}->{new}"


# ---------------------------------------------------------------- clients

class Sock:
    __slots__ = ("conv", "port", "path", "role", "ws", "task", "queue_at", "queue_pos", "closed")

    def __init__(self, conv: int, port: int, path: str, role: str):
        self.conv, self.port, self.path, self.role = conv, port, path, role
        self.ws = self.task = self.queue_at = self.queue_pos = None
        self.closed = False


class Relay:
    def __init__(self):
        self.sent: set[int] = set()
        self.recv: dict[int, float] = {}  # seq -> latency (s) at the paired socket
        self.echo: dict[int, float] = {}  # seq -> latency (s) back at the sending socket
        self.send_errors = 0
        self.max_lag = 0.0
        self.elapsed = 0.0


class State:
    relay: Relay | None = None
    queue_armed = False
    errors: list[str] = []
    unexpected = 0
    connect_errors: dict[str, int] = {}


async def reader(s: Sock) -> None:
    try:
        async for raw in s.ws:
            now = time.perf_counter()
            try:
                ev = json.loads(raw)
            except ValueError:
                State.unexpected += 1
                continue
            kind = ev.get("type", "relay")  # the baseline relays {"body": ...} unchanged
            if kind in ("chat.message", "relay"):
                body, relay = ev.get("body"), State.relay
                if relay is not None and isinstance(body, str) and body.startswith('{"bench"'):
                    d = json.loads(body)
                    target = relay.recv if s.role == "recv" else relay.echo if s.role == "send" else None
                    if target is not None:
                        target.setdefault(d["bench"], now - d["t"])
            elif kind == "chat.queue":
                if State.queue_armed and s.queue_at is None:
                    s.queue_at, s.queue_pos = time.time(), ev.get("position")
            elif kind == "error":
                State.errors.append(ev.get("error", "?"))
            else:
                State.unexpected += 1
    except ConnectionClosed:
        pass
    except Exception as e:  # a reader must never take the run down
        State.errors.append(f"reader: {e!r}")
    finally:
        s.closed = True


async def open_sock(s: Sock, sem: asyncio.Semaphore) -> bool:
    url, origin = f"ws://{HOST}:{s.port}{s.path}", f"http://{HOST}:{s.port}"
    async with sem:
        for attempt in range(3):
            try:
                s.ws = await asyncio.wait_for(
                    connect(url, origin=origin, compression=None, proxy=None, open_timeout=20,
                            ping_interval=None, close_timeout=2, max_queue=None),
                    timeout=25,
                )  # fmt: skip
                s.task = asyncio.create_task(reader(s))
                return True
            except asyncio.CancelledError:
                raise
            except Exception as e:
                key = f"{type(e).__name__}: {str(e)[:80]}"
                State.connect_errors[key] = State.connect_errors.get(key, 0) + 1
                await asyncio.sleep(0.5 * (attempt + 1))
    s.closed = True
    return False


async def open_all(socks: list[Sock]) -> tuple[int, float]:
    sem = asyncio.Semaphore(CONNECT_CONCURRENCY)
    start = time.perf_counter()
    results = await asyncio.gather(*(open_sock(s, sem) for s in socks))
    return sum(results), time.perf_counter() - start


async def close_all(socks: list[Sock]) -> None:
    live = [s for s in socks if s.ws is not None]
    try:
        await asyncio.wait_for(asyncio.gather(*(s.ws.close() for s in live), return_exceptions=True), 20)
    except (asyncio.TimeoutError, Exception):
        pass
    for s in live:
        if s.task and not s.task.done():
            s.task.cancel()
    await asyncio.gather(*(s.task for s in live if s.task), return_exceptions=True)


async def wait_until(cond, timeout: float, step: float = 0.02) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if cond():
            return True
        await asyncio.sleep(step)
    return cond()


async def relay_test(pairs: list[tuple[Sock, Sock]], seconds: float, rate: float) -> Relay:
    if not pairs:
        raise RuntimeError("no pair has both sockets open; see var/bench-chat-*.log")
    # Warm-up (not counted): one message per pair, so no first-use cost lands in the numbers.
    warm = Relay()
    State.relay = warm
    for i, (snd, _) in enumerate(pairs):
        warm.sent.add(-1 - i)
        await snd.ws.send(json.dumps({"body": json.dumps({"bench": -1 - i, "t": time.perf_counter()})}))
    await wait_until(lambda: len(warm.recv) >= len(warm.sent), 15)

    relay = Relay()
    State.relay = relay
    total, interval = max(1, int(rate * seconds)), 1.0 / rate
    t0 = time.perf_counter() + 0.05
    for k in range(total):
        target = t0 + k * interval
        delay = target - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        relay.max_lag = max(relay.max_lag, time.perf_counter() - target)
        snd = pairs[k % len(pairs)][0]
        try:
            await asyncio.wait_for(snd.ws.send(json.dumps({"body": json.dumps({"bench": k, "t": time.perf_counter()})})), 5)
            relay.sent.add(k)
        except asyncio.CancelledError:
            raise
        except Exception:
            relay.send_errors += 1
    relay.elapsed = max(time.perf_counter() - t0, interval)
    await wait_until(lambda: len(relay.recv) >= len(relay.sent) and (not relay.echo or len(relay.echo) >= len(relay.sent)), 10)
    State.relay = None
    return relay


async def queue_test(socks: list[Sock], env: dict, procs: Processes) -> dict:
    for s in socks:
        s.queue_at = s.queue_pos = None
    State.queue_armed = True
    spawned = time.time()
    proc = await asyncio.create_subprocess_exec(
        PYTHON, "manage.py", "shell", "-c", ROUTE_CODE, cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    procs.pids.add(proc.pid)
    try:
        out, err = await asyncio.wait_for(proc.communicate(), 180)
    except asyncio.TimeoutError:
        proc.kill()
        await proc.wait()
        raise RuntimeError("route() subprocess took over 180 s")
    finally:
        procs.pids.discard(proc.pid)
    exited = time.time()
    if proc.returncode != 0:
        raise RuntimeError(f"route() subprocess failed ({proc.returncode}):\n{err.decode(errors='replace')[-3000:]}")
    line = next((ln for ln in out.decode().splitlines() if ln.startswith("BENCH_ROUTE ")), None)
    if line is None:
        raise RuntimeError(f"route() subprocess printed no timings:\n{out.decode()[-2000:]}\n{err.decode()[-2000:]}")
    marks = json.loads(line.removeprefix("BENCH_ROUTE "))
    await wait_until(lambda: all(s.queue_at is not None or s.closed for s in socks), 15, step=0.05)
    State.queue_armed = False
    marks.update(spawned=spawned, exited=exited)
    return marks


# ---------------------------------------------------------------- report

def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, max(0, round(p / 100 * len(v) + 0.5) - 1))]


def relay_row(name: str, sent: int, lat_s: list[float], rate: float) -> str:
    ms = [x * 1000 for x in lat_s]
    return (f"{name:<40} {sent:>6} {len(ms):>6} {sent - len(ms):>5} {pct(ms, 50):>8.1f} {pct(ms, 99):>8.1f} "
            f"{(max(ms) if ms else float('nan')):>8.1f} {rate:>7.0f}")  # fmt: skip


def log_problems(path: Path) -> str:
    """How many consumers died with an exception, and the commonest final error line."""
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return "no log"
    crashes = sum("Exception inside application" in ln for ln in lines)
    finals: dict[str, int] = {}
    for ln in lines:
        if ln and not ln[0].isspace() and ("Error: " in ln or "Exception: " in ln) and "Exception inside" not in ln:
            finals[ln[:100]] = finals.get(ln[:100], 0) + 1
    common = max(finals, key=finals.get) if finals else ""
    return f"{crashes} consumer crashes" + (f", e.g. {finals[common]}x {common}" if common else "")


# ---------------------------------------------------------------- main

async def bench(clients: int, seconds: float, procs: Processes) -> None:
    var = ROOT / "var"
    var.mkdir(exist_ok=True)
    fresh_sqlite = not os.environ.get("DATABASE_URL")
    db_file = var / "bench-chat.sqlite3"
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{db_file}"
    env = django_env(database_url)
    pairs_n = min(PAIRS, clients)
    fd_limit = raise_nofile(clients + 3 * pairs_n + 512)  # children inherit it

    # 1. database
    t = time.perf_counter()
    if fresh_sqlite:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    manage(["migrate", "--noinput", "-v", "0"], env, 600)
    ids_file = var / "bench-chat-ids.txt"
    out = manage(["shell", "-c", PREP_CODE], {**env, "BENCH_N": str(clients), "BENCH_IDS_FILE": str(ids_file)}, 600)
    prep = next((ln for ln in out.splitlines() if ln.startswith("BENCH_PREP")), "BENCH_PREP ?")
    ids = ids_file.read_text().split()
    if len(ids) != clients:
        raise RuntimeError(f"expected {clients} conversations, got {len(ids)}")
    log(f"database {database_url.split(':', 1)[0]} ready in {time.perf_counter() - t:.1f} s ({prep[11:]})")

    # 2. servers
    flush_redis()
    p_a, p_b, p_base = free_ports(3)
    servers = []
    for name, port in (("a", p_a), ("b", p_b)):
        logfile = var / f"bench-chat-daphne-{name}.log"  # overwritten by the next run
        servers.append((port, procs.start([DAPHNE, "-b", HOST, "-p", str(port), "konsultant.asgi:application"], env, logfile), logfile))
    base_log = var / "bench-chat-baseline.log"
    servers.append((p_base, procs.start([PYTHON, str(ROOT / "bench" / "ws_baseline.py"), str(p_base)], env, base_log), base_log))
    for port, proc, logfile in servers:
        wait_accepting(port, proc, logfile)
    log(f"daphne on :{p_a} and :{p_b}, baseline on :{p_base}; open-file limit {fd_limit}")

    # 3. sockets: conversation i on daphne i % 2; the first pairs_n get a second socket on the other one
    ports = (p_a, p_b)
    visitors = [Sock(i, ports[i % 2], f"/ws/chat/{pid}/", "send" if i < pairs_n else "idle") for i, pid in enumerate(ids)]
    seconds_socks = [Sock(i, ports[1 - i % 2], f"/ws/chat/{ids[i]}/", "recv") for i in range(pairs_n)]
    all_socks = visitors + seconds_socks
    try:
        connected, connect_s = await open_all(all_socks)
        log(f"{connected}/{len(all_socks)} sockets connected in {connect_s:.1f} s"
            + (f"; errors: {State.connect_errors}" if State.connect_errors else ""))  # fmt: skip
        if connected == 0:
            raise RuntimeError("no socket connected; see var/bench-chat-daphne-*.log")
        await asyncio.sleep(1)  # let group_add settle everywhere

        # 4. relay through daphne + Redis
        pairs = [(visitors[i], seconds_socks[i]) for i in range(pairs_n) if not visitors[i].closed and not seconds_socks[i].closed]
        log(f"relay test: {len(pairs)} pairs, {RATE} msg/s, {seconds:g} s")
        relay = await relay_test(pairs, seconds, RATE)

        # 5. queue broadcast
        log("queue broadcast: route() in a subprocess")
        alive_before = sum(not s.closed for s in all_socks)
        marks = await queue_test(all_socks, env, procs)
        v_open = sum(not s.closed or s.queue_at is not None for s in visitors)

        # 6. baseline relay
        log(f"baseline relay test against ws_baseline.py, {pairs_n} pairs")
        base_socks = []
        for i in range(pairs_n):
            base_socks += [Sock(i, p_base, f"/pair/{i}/", "send"), Sock(i, p_base, f"/pair/{i}/", "recv")]
        base_connected, _ = await open_all(base_socks)
        base_pairs = [(base_socks[2 * i], base_socks[2 * i + 1]) for i in range(pairs_n)
                      if not base_socks[2 * i].closed and not base_socks[2 * i + 1].closed]  # fmt: skip
        base = await relay_test(base_pairs, seconds, RATE)
        await close_all(base_socks)
        dropped = sum(s.closed for s in all_socks) - (len(all_socks) - connected)
    finally:
        await close_all(all_socks)

    # 7. report
    v_recv = [s.queue_at for s in visitors if s.queue_at is not None]
    s_recv = [s.queue_at for s in seconds_socks if s.queue_at is not None]
    b0 = marks.get("broadcast_start")
    rel = sorted((x - b0) * 1000 for x in v_recv + s_recv) if b0 else []
    last_ms = rel[-1] if rel else float("nan")
    positions = {s.queue_pos for s in visitors if s.queue_pos is not None}
    db_ms = ((b0 or marks["route_end"]) - marks["route_start"]) * 1000
    loop_ms = (marks["broadcast_end"] - b0) * 1000 if b0 else float("nan")
    all_reached = len(v_recv) == clients
    verdict = "PASS" if all_reached and last_ms <= TARGET_QUEUE_S * 1000 else "FAIL"

    print()
    print(f"Konsultant live chat: {clients} visitors (+{pairs_n} second sockets), {seconds:g} s, 2 x daphne "
          f"{_version('daphne')} + channels_redis {_version('channels_redis')} pub/sub layer (Redis db {REDIS_DB}), "
          f"DB={database_url.split(':', 1)[0]} (CHAT_SYNCHRONOUS_COMMIT={os.environ.get('CHAT_SYNCHRONOUS_COMMIT', 'true')}), {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"websockets {websockets.__version__}")  # fmt: skip
    print(f"sockets: {connected}/{len(all_socks)} connected in {connect_s:.1f} s, {dropped} closed by the server "
          f"before the end; baseline {base_connected}/{2 * pairs_n}")  # fmt: skip
    print()
    print(f"{'relay test (' + str(RATE) + ' msg/s offered)':<40} {'sent':>6} {'recv':>6} {'lost':>5} {'p50_ms':>8} "
          f"{'p99_ms':>8} {'max_ms':>8} {'sent/s':>7}")  # fmt: skip
    print(relay_row(f"daphne A -> other daphne B ({len(pairs)} pairs)", len(relay.sent), list(relay.recv.values()),
                    len(relay.sent) / relay.elapsed))  # fmt: skip
    print(relay_row("  echo to the sending socket (A -> A)", len(relay.sent), list(relay.echo.values()),
                    len(relay.sent) / relay.elapsed))  # fmt: skip
    print(relay_row(f"websockets baseline ({len(base_pairs)} pairs)", len(base.sent), list(base.recv.values()),
                    len(base.sent) / base.elapsed))  # fmt: skip
    for name, r in (("daphne", relay), ("baseline", base)):
        if r.send_errors or r.max_lag > 0.05:
            print(f"  {name}: {r.send_errors} sends failed (socket already closed by the server), "
                  f"sender fell behind schedule by up to {r.max_lag * 1000:.0f} ms")
    print()
    print(f"queue broadcast (route() once, {marks.get('waiting')} waiting, {marks.get('positions', 0)} positions sent, "
          f"{marks.get('offers')} offers; {alive_before} sockets open)")  # fmt: skip
    print(f"  route() total                         {(marks['route_end'] - marks['route_start']) * 1000:8.0f} ms"
          f"  = DB work + commit {db_ms:.0f} ms + broadcast loop (group_send x{marks.get('positions', 0)}) {loop_ms:.0f} ms")
    print(f"  reached                               {len(v_recv):>5}/{clients} visitor sockets ({v_open} still open), "
          f"{len(s_recv)}/{pairs_n} second sockets; {len(positions)} distinct positions")  # fmt: skip
    if rel:
        print(f"  broadcast start -> receipt            first {rel[0]:.0f} ms, p50 {pct(rel, 50):.0f} ms, "
              f"p99 {pct(rel, 99):.0f} ms, last {last_ms:.0f} ms")  # fmt: skip
    print(f"  target: all {clients} within {TARGET_QUEUE_S * 1000:.0f} ms of broadcast start   {verdict}")
    print(f"  subprocess start -> route() start      {(marks['route_start'] - marks['spawned']) * 1000:8.0f} ms "
          f"(Django setup, not part of the target); start -> last receipt "
          f"{((max(v_recv + s_recv) if rel else marks['exited']) - marks['spawned']) * 1000:.0f} ms")  # fmt: skip
    print()
    for port, _, lf in servers[:2]:
        print(f"daphne :{port} log ({lf.relative_to(ROOT)}): {log_problems(lf)}")
    print(f"messages stored by the app: {marks.get('messages')} (sent: relay {len(relay.sent)} + warm-up {len(pairs)}); "
          f"error frames {len(State.errors)}{' ' + str(sorted(set(State.errors))[:5]) if State.errors else ''}; "
          f"unexpected frames {State.unexpected}")  # fmt: skip


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def main() -> int:
    clients = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    if clients < 1 or seconds <= 0:
        sys.exit("usage: bench/chat_ws.py [clients=2000] [seconds=20]")
    os.chdir(ROOT)

    def on_term(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_term)
    procs = Processes()
    budget = 900 + 3 * seconds + clients * 0.1  # the whole run, a last resort against hangs
    try:
        asyncio.run(asyncio.wait_for(bench(clients, seconds, procs), budget))
    except asyncio.TimeoutError:
        print(f"bench/chat_ws.py: gave up after {budget:.0f} s", file=sys.stderr)
        return 1
    except RuntimeError as e:
        print(f"bench/chat_ws.py: {e}", file=sys.stderr)
        return 1
    finally:
        procs.stop_all()
        try:
            flush_redis()  # db 14 is the bench's own; leave nothing behind
        except Exception:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
