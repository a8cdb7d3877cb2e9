"""The load run of `make bench` (issue 14, point 7; docs/benchmarks.md, "make bench").

On the generated data (bench/generate.py), as the Central Committee's chairman, a regional
chairman and a primary organization's administrator:

1. each main page once in-process (django.test.Client + CaptureQueriesContext): status, queries,
   HTML size;
2. a real gunicorn (deploy/gunicorn.conf.py, 3 workers, production settings, BENCH_PEERS on) on a
   free port; every client signs in through /login/ (password, then the second factor for the
   chairmen — a recovery code made for the run);
3. per page, `concurrency` clients (threads, one requests.Session each) send the page's
   requests interleaved with its three peers (bench/peers.py): a bare view, the layout floor
   and the admin changelist of the page's model;
4. the background jobs (the reminder jobs, the union report numbers, the PDFs), each timed on
   the same data and rolled back;
5. the workers' resident memory (VmRSS) after the run.

The page and its peers alternate in rounds of one chunk each (one request per client, all at
once), so they see the same machine: on a shared machine their ratio is the fair comparison,
whatever else the machine was doing at the time.
"""

from __future__ import annotations

import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.benchmarking import Rollback
from accounts.models import Organization, User

from . import generate

ROOT = Path(settings.BASE_DIR)
OUT = ROOT / "var" / "bench"
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

PAGES = [
    "home",
    "publications",
    "plans",
    "plan",
    "calendar",
    "register",
    "appeals",
    "appeal",
    "report",
    "dashboard",
    "roll-up",
]
# The admin changelist each page is compared with (bench/peers.py registers these models).
ADMIN_MODEL = {
    "home": "accounts/organization",
    "publications": "content/publication",
    "plans": "content/contentplan",
    "plan": "content/planitem",
    "calendar": "content/planitem",
    "register": "registry/officialaccount",
    "appeals": "appeals/appeal",
    "appeal": "appeals/appeal",
    "report": "reports/report",
    "dashboard": "registry/officialaccount",
    "roll-up": "reports/report",
}
PEERS = ("bare", "floor", "admin")
ROLES = [
    ("CC chairman", generate.CC_CHAIRMAN),
    ("regional chairman", generate.REGION_CHAIRMAN),
    ("primary administrator", generate.PRIMARY_ADMIN),
]

TARGETS = {
    "p95_ms": 150,
    "errors": 0,
    "queries": 15,
    "html_kb": 200,
    "vs_floor": 0.40,
    "vs_admin": 5.0,
    "report_numbers_s": 2.0,
    "pdf_s": 10.0,
    "reminders_s": 10.0,
    "rss_mb": 250,
}


# --- the pages -----------------------------------------------------------------------------


def page_urls(user: User) -> dict[str, str]:
    """The main pages for `user`, with an object of the user's own organization (or subtree)
    for the detail pages."""
    from appeals.models import Appeal
    from content.models import ContentPlan
    from reports.models import Report

    organization = (
        Organization.objects.filter(memberships__user=user).order_by("depth", "path").first()
    )
    plan = ContentPlan.objects.filter(organization=organization).order_by("-starts_on").first()
    appeal = (
        Appeal.objects.filter(organization__path__startswith=organization.path)
        .order_by("-received_at", "-id")
        .first()
    )
    report = Report.objects.filter(
        organization=organization, starts_on=generate.H1_2026[0], ends_on=generate.H1_2026[1]
    ).first()
    return {
        "home": reverse("accounts:home"),
        "publications": reverse("content:publications"),
        "plans": reverse("content:plans"),
        "plan": reverse("content:plan_detail", args=[plan.pk]) if plan else "",
        "calendar": reverse("content:calendar"),
        "register": reverse("registry:list"),
        "appeals": reverse("appeals:list"),
        "appeal": reverse("appeals:detail", args=[appeal.pk]) if appeal else "",
        "report": reverse("reports:detail", args=[report.pk]) if report else "",
        "dashboard": reverse("reports:dashboard"),
        "roll-up": reverse("reports:rollup"),
    }


def peer_urls(page: str) -> dict[str, str]:
    return {
        "bare": "/bench/bare/",
        "floor": "/bench/floor/",
        "admin": f"/bench/admin/{ADMIN_MODEL[page]}/",
    }


# --- signing in ----------------------------------------------------------------------------


def recovery_codes(user: User, count: int) -> list[str]:
    """Fresh single-use codes of a static device of the run's own (the chairmen sign in with a
    second factor; a TOTP code can be used once per 30 s, these once each)."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    if not user.totpdevice_set.filter(confirmed=True).exists():
        return []
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def http_session():
    """A requests.Session that sends the production cookies (Secure) over the benchmark's plain
    HTTP to 127.0.0.1: the flag is cleared after every response."""
    import requests

    class Session(requests.Session):
        def request(self, *args, **kwargs):
            response = super().request(*args, **kwargs)
            for cookie in self.cookies:
                cookie.secure = False
            return response

    return Session()


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def http_login(session, base: str, username: str, code: str | None) -> None:
    """/login/ with the password, then /login/code/ with a code when the person has one."""

    page = session.get(f"{base}/login/")
    token = CSRF.search(page.text).group(1)
    response = session.post(
        f"{base}/login/",
        data={"username": username, "password": generate.PASSWORD, "csrfmiddlewaretoken": token},
        allow_redirects=False,
    )
    if response.status_code != 302:
        raise RuntimeError(f"login of {username}: {response.status_code}")
    if response.headers["Location"].rstrip("/").endswith("/login/code"):
        page = session.get(f"{base}/login/code/")
        token = CSRF.search(page.text).group(1)
        response = session.post(
            f"{base}/login/code/",
            data={"otp_token": code, "csrfmiddlewaretoken": token},
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"second factor of {username}: {response.status_code}")
    # The first page after a recovery-code sign-in carries a one-time warning: not measured.
    session.get(f"{base}/")


def client_login(username: str, code: str | None) -> Client:
    client = Client()
    response = client.post(
        "/login/", {"username": username, "password": generate.PASSWORD}, follow=False
    )
    if response.status_code != 302:
        raise RuntimeError(f"in-process login of {username}: {response.status_code}")
    if response["Location"].rstrip("/").endswith("/login/code"):
        response = client.post("/login/code/", {"otp_token": code})
        if response.status_code != 302:
            raise RuntimeError(f"in-process second factor of {username}")
    client.get("/")
    return client


# --- measuring -----------------------------------------------------------------------------


@dataclass
class Stats:
    n: int = 0
    errors: int = 0
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0
    mean: float = 0.0
    rps: float = 0.0  # requests ÷ the wall time of their chunks
    bytes: int = 0


def summarize(samples: list[tuple[float, int, int]], wall: float) -> Stats:
    ok = [s for s in samples if s[1] == 200]
    latencies = sorted(s[0] * 1000 for s in samples)
    if not latencies:
        return Stats()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))]

    mean = statistics.fmean(latencies)
    return Stats(
        n=len(samples),
        errors=len(samples) - len(ok),
        p50=pct(50),
        p95=pct(95),
        p99=pct(99),
        mean=mean,
        rps=len(samples) / wall if wall else 0.0,
        bytes=int(statistics.median(s[2] for s in ok)) if ok else 0,
    )


@dataclass
class PageResult:
    role: str
    page: str
    url: str
    status: int = 0
    queries: int = 0
    html_bytes: int = 0
    ms: float = 0.0  # one request alone, in-process
    load: dict[str, Stats] = field(default_factory=dict)
    wall_s: float = 0.0

    @property
    def allowed(self) -> bool:
        return self.status == 200


def in_process(role: str, client: Client, urls: dict[str, str]) -> list[PageResult]:
    out = []
    for page in PAGES:
        url = urls[page]
        result = PageResult(role, page, url)
        if not url:
            out.append(result)
            continue
        client.get(url)  # warm: caches, translations, first-use imports
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            result.ms = (time.perf_counter() - start) * 1000
        result.status = response.status_code
        result.queries = len(ctx.captured_queries)
        result.html_bytes = len(response.content)
        out.append(result)
    return out


def run_phase(sessions, base: str, jobs: list[tuple[str, str]], concurrency: int):
    """Send `jobs` ((label, path) in order) from `concurrency` threads, one session each;
    returns {label: [(seconds, status, bytes)]} and the wall time."""
    lock = threading.Lock()
    queue = list(reversed(jobs))
    samples: dict[str, list[tuple[float, int, int]]] = {}

    def worker(session):
        while True:
            with lock:
                if not queue:
                    return
                label, path = queue.pop()
            start = time.perf_counter()
            try:
                response = session.get(base + path, allow_redirects=False, timeout=120)
                status, size = response.status_code, len(response.content)
            except Exception:  # noqa: BLE001 — a failed request is an error, counted
                status, size = 0, 0
            took = time.perf_counter() - start
            with lock:
                samples.setdefault(label, []).append((took, status, size))

    threads = [threading.Thread(target=worker, args=(s,)) for s in sessions[:concurrency]]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples, time.perf_counter() - start


# --- gunicorn ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        # No recycling during the run: the resident memory measured is a whole run's.
        "GUNICORN_MAX_REQUESTS": "0",
        "BENCH_PEERS": "true",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "config.wsgi", "-c", "deploy/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    import requests

    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}: see {log}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/bench/bare/", timeout=2).ok:
                return process
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer on port {port}: see {log}")


def worker_pids(master: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                pids.append(int(entry.name))
    return sorted(pids)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- background jobs -----------------------------------------------------------------------


def time_jobs(log) -> dict[str, float | str]:
    """The reminder jobs, the union's report numbers and the PDFs, on the generated data; the
    reminders' effects are rolled back so a rerun finds the same work."""
    from reports.compute import compute, to_json
    from reports.exports import report_pdf
    from reports.models import Report

    out: dict[str, float | str] = {}
    try:
        with transaction.atomic():
            try:
                from accounts.management.commands.bench_reminders import run_jobs

                rows = run_jobs((2026, 11, 30, 10, 30), date(2026, 11, 30))
                for row in rows:
                    # (name, seconds, …, reminders sent, queries): its shape has changed before.
                    name, seconds, sent = row[0], row[1], row[-2]
                    out[f"reminders: {name} (sent {sent})"] = seconds
            except ImportError:
                out.update(_reminders_directly())
            raise Rollback
    except Rollback:
        pass
    for role, username in ROLES:
        user = User.objects.get(username=username)
        organization = Organization.objects.filter(memberships__user=user).order_by("depth").first()
        report = Report.objects.get(
            organization=organization,
            starts_on=generate.H1_2026[0],
            ends_on=generate.H1_2026[1],
        )
        # The report's numbers, computed as the service does (the union's for the Central
        # Committee), kept in the report so that its PDF carries them.
        start = time.perf_counter()
        with translation.override("kk"):
            data = to_json(compute(organization, *generate.H1_2026))
        whose = "the union" if organization.depth == 1 else f"the {role}'s organization"
        out[f"report numbers: {whose} (H1 2026)"] = time.perf_counter() - start
        Report.objects.filter(pk=report.pk).update(data=data, computed_at=timezone.now())
        report.refresh_from_db()
        for language in ("kk", "ru"):
            start = time.perf_counter()
            with translation.override(language):
                pdf = report_pdf(report, language)
            out[f"PDF: report of {whose} ({language}, {len(pdf) // 1024} KB)"] = (
                time.perf_counter() - start
            )
    for name, seconds in out.items():
        log(f"  {name:<64} {seconds:7.2f} s")
    return out


def _reminders_directly() -> dict[str, float]:
    from appeals.reminders import send_deadline_reminders
    from content.reminders import remind_unacknowledged_urgent
    from registry.reminders import send_rotation_reminders
    from reports.reminders import send_report_reminders

    today = date(2026, 11, 30)
    now = timezone.make_aware(datetime(2026, 11, 30, 10, 30))
    out = {}
    for name, fn in (
        ("appeals deadlines", lambda: send_deadline_reminders(now)),
        ("password rotation", lambda: send_rotation_reminders(today)),
        ("half-year reports", lambda: send_report_reminders(today)),
        ("urgent messages", lambda: remind_unacknowledged_urgent(today)),
    ):
        start = time.perf_counter()
        fn()
        out[f"reminders: {name}"] = time.perf_counter() - start
    return out


# --- the machine ---------------------------------------------------------------------------


def machine() -> dict[str, str]:
    memory = ""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    load = os.getloadavg()
    return {
        "date": timezone.now().strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "postgresql": pg,
        "python": platform.python_version(),
        "load": f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}",
    }


# --- the run -------------------------------------------------------------------------------


def run(
    size: str, requests_per_page: int, concurrency: int, workers: int, log=print, note: str = ""
) -> dict:

    OUT.mkdir(parents=True, exist_ok=True)
    data = generate.meta()
    if not data or data["size"] != size:
        raise RuntimeError(f"no {size} bench data here: run manage.py bench_data --size {size}")

    logins = concurrency + 2
    codes = {u: recovery_codes(User.objects.get(username=u), logins) for _r, u in ROLES}
    results: dict[str, list[PageResult]] = {}
    log("in-process: status, queries, HTML size")
    for role, username in ROLES:
        user = User.objects.get(username=username)
        client = client_login(username, (codes[username] or [None]).pop())
        with translation.override("kk"):
            results[role] = in_process(role, client, page_urls(user))
        for r in results[role]:
            log(
                f"  {role:<22} {r.page:<13} {r.status} {r.queries:>3} q {r.html_bytes:>8} B "
                f"{r.ms:7.0f} ms"
            )

    port = free_port()
    master = start_gunicorn(port, workers, OUT / "gunicorn.log")
    base = f"http://127.0.0.1:{port}"
    log(f"gunicorn: {workers} workers on {base} (pid {master.pid})")
    try:
        for role, username in ROLES:
            sessions = []
            lock = threading.Lock()

            def sign_in(username=username, sessions=sessions, lock=lock):
                session = http_session()
                with lock:
                    code = codes[username].pop() if codes[username] else None
                http_login(session, base, username, code)
                with lock:
                    sessions.append(session)

            threads = [threading.Thread(target=sign_in) for _ in range(concurrency)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            if len(sessions) < concurrency:
                raise RuntimeError(f"only {len(sessions)} of {concurrency} clients signed in")
            for result in results[role]:
                if not result.allowed:
                    log(f"  {role:<22} {result.page:<13} skipped (status {result.status})")
                    continue
                targets = {"page": result.url, **peer_urls(result.page)}
                # Rounds of one chunk per endpoint (page, bare, floor, admin), each chunk one
                # request per client: the page and its peers alternate in time, so they see
                # the same machine; throughput is a chunk's requests over its wall time.
                rounds = max(1, requests_per_page // concurrency)
                run_phase(sessions, base, [*targets.items()] * 2, concurrency)  # warm
                samples: dict[str, list] = {label: [] for label in targets}
                walls = dict.fromkeys(targets, 0.0)
                for _round in range(rounds):
                    for label, path in targets.items():
                        got, wall = run_phase(
                            sessions, base, [(label, path)] * concurrency, concurrency
                        )
                        samples[label] += got[label]
                        walls[label] += wall
                result.load = {k: summarize(v, walls[k]) for k, v in samples.items()}
                result.wall_s = sum(walls.values())
                s = result.load["page"]
                log(
                    f"  {role:<22} {result.page:<13} p50 {s.p50:6.0f} p95 {s.p95:6.0f} "
                    f"p99 {s.p99:6.0f} ms  {s.rps:6.1f} req/s  errors {s.errors}  "
                    f"floor {result.load['floor'].rps:6.1f}  admin {result.load['admin'].rps:6.1f}"
                )
        time.sleep(1)
        rss = {pid: rss_mb(pid) for pid in worker_pids(master.pid)}
    finally:
        os.killpg(master.pid, signal.SIGTERM)
        master.wait(timeout=60)
    log("background jobs:")
    jobs = time_jobs(log)
    report = {
        "size": size,
        "note": note,
        "data": {
            "generated_at": str(data["at"]),
            "seconds": data["seconds"],
            "counts": data["counts"],
        },
        "machine": machine(),
        "concurrency": concurrency,
        "workers": workers,
        "requests_per_page": requests_per_page,
        "pages": {
            role: [{**asdict(r), "load": {k: asdict(v) for k, v in r.load.items()}} for r in rows]
            for role, rows in results.items()
        },
        "jobs": jobs,
        "rss_mb": rss,
    }
    (OUT / f"results-{size}.json").write_text(json.dumps(report, indent=2, default=str))
    text = render(report)
    log(text)
    return report


# --- the report ----------------------------------------------------------------------------


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def render(report: dict) -> str:
    m = report["machine"]
    t = TARGETS
    counts = report["data"]["counts"]
    lines = [
        f"### Run of {m['date']} — size `{report['size']}`",
        "",
        *([report["note"], ""] if report.get("note") else []),
        f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory']}, PostgreSQL {m['postgresql']}, "
        f"Python {m['python']}; load average at the end {m['load']}. gunicorn "
        f"{report['workers']} workers (deploy/gunicorn.conf.py, production settings), "
        f"{report['concurrency']} concurrent clients, {report['requests_per_page']} requests "
        "of each page interleaved with as many of its peers. Data: "
        + ", ".join(f"{n:,} {label.split('.')[1]}" for label, n in sorted(counts.items()))
        + f"; generated in {report['data']['seconds']:.0f} s.",
        "",
        f"Targets: p95 ≤ {t['p95_ms']} ms, {t['errors']} errors, ≤ {t['queries']} queries, "
        f"HTML ≤ {t['html_kb']} KB, throughput ≥ {t['vs_floor']:.0%} of the layout floor and "
        f"≥ {t['vs_admin']:g}× the admin changelist. req/s: requests completed ÷ the wall "
        "time of their chunks (20 at once); latencies include the wait for a free worker. "
        "`1 req ms`: one request alone, in-process.",
        "",
    ]
    for role, rows in report["pages"].items():
        lines += [
            f"**{role}**",
            "",
            "| page | req/s | p50 ms | p95 ms | p99 ms | errors | queries | HTML KB "
            "| ÷ floor | × admin | bare / floor / admin req/s | 1 req ms |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in rows:
            if r["status"] != 200:
                lines.append(f"| {r['page']} | — (status {r['status']}) |||||||||||")
                continue
            s, bare, floor, admin = (r["load"][k] for k in ("page", "bare", "floor", "admin"))
            kb = r["html_bytes"] / 1024
            vs_floor = s["rps"] / floor["rps"] if floor["rps"] else 0
            vs_admin = s["rps"] / admin["rps"] if admin["rps"] else 0
            lines.append(
                f"| {r['page']} | {s['rps']:.1f} | {s['p50']:.0f} "
                f"| {s['p95']:.0f} {mark(s['p95'] <= t['p95_ms'])} | {s['p99']:.0f} "
                f"| {s['errors']} {mark(s['errors'] <= t['errors'])} "
                f"| {r['queries']} {mark(r['queries'] <= t['queries'])} "
                f"| {kb:.0f} {mark(kb <= t['html_kb'])} "
                f"| {vs_floor:.0%} {mark(vs_floor >= t['vs_floor'])} "
                f"| {vs_admin:.1f} {mark(vs_admin >= t['vs_admin'])} "
                f"| {bare['rps']:.0f} / {floor['rps']:.0f} / {admin['rps']:.1f} "
                f"| {r.get('ms', 0):.0f} |"
            )
        lines.append("")
    lines += ["**Background jobs**", "", "| job | seconds | target |", "|---|---|---|"]
    for name, seconds in report["jobs"].items():
        if name.startswith("reminders"):
            limit = t["reminders_s"]
        elif name.startswith("PDF"):
            limit = t["pdf_s"]
        else:
            limit = t["report_numbers_s"]
        lines.append(f"| {name} | {seconds:.2f} | ≤ {limit:g} s {mark(seconds <= limit)} |")
    lines.append("")
    rss = report["rss_mb"]
    if rss:
        worst = max(rss.values())
        lines.append(
            "Worker memory after the run (VmRSS): "
            + ", ".join(f"{v:.0f} MB" for v in rss.values())
            + f" — target ≤ {t['rss_mb']} MB {mark(worst <= t['rss_mb'])}."
        )
    return "\n".join(lines) + "\n"


def write_docs(text: str) -> None:
    """Replace the section between the markers of docs/benchmarks.md (added when missing)."""
    doc = DOCS.read_text()
    if START in doc and END in doc:
        head, rest = doc.split(START, 1)
        _old, tail = rest.split(END, 1)
        doc = f"{head}{START}\n{text}{END}{tail}"
    else:
        doc += f"\n{START}\n{text}{END}\n"
    DOCS.write_text(doc)
