"""The benchmark suite: speed at the size of a real organisation, with a baseline
measured in the same run for every figure that has a natural floor.

    python bench/run.py [--runs N] [--json FILE] [--no-server]

Builds the large demo (250 people, ten years) in bench/.cache/large on the first run
and reuses it until the demo generator or the schema changes. Prints one table
(median, baseline, ratio, goal) and writes it as JSON (default
bench/.cache/latest.json) for comparisons over time. Goals are checked
here and reported, never asserted in tests: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
DATA = CACHE / "large"
YEAR = 2025


@dataclass
class Figure:
    name: str
    median_ms: float
    baseline_ms: float | None  # the floor measured in the same run, or None
    goal: str
    met: bool

    @property
    def ratio(self) -> float | None:
        return self.median_ms / self.baseline_ms if self.baseline_ms else None


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def demo_stamp() -> str:
    """What made the demo: the demo generator's source and the newest schema revision.
    A cached demo with another stamp is made again (a newer program fills it with more)."""
    from werkleren_desktop.db.migrate import head_revision
    from werkleren_desktop.services import demo

    source = Path(demo.__file__).read_bytes()
    return f"{hashlib.sha256(source).hexdigest()[:16]} {head_revision()}"


def build_demo(size: str = "large") -> float | None:
    """Seconds to build the demo of ``size`` in bench/.cache/<size>, or None when it was
    there already."""
    folder, stamp_file = CACHE / size, CACHE / f"{size}.stamp"
    stamp = demo_stamp()
    if (
        (folder / "werkleren.sqlite3").exists()
        and stamp_file.exists()
        and stamp_file.read_text() == stamp
    ):
        return None
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "werkleren_desktop",
            "demo",
            "--size",
            size,
            "--data-dir",
            str(folder),
        ],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    stamp_file.write_text(stamp)
    return seconds


# --- start and memory: the program against a bare PySide6 window ---------------------

# Both print when their window is first painted and, for the program, when its data are
# shown (the window opened its data and the page's background loads are done): the time
# since the launch (taken by the runner as a wall-clock stamp) and the resident memory at
# that moment (what a task manager shows). The program prints these lines itself when
# WERKLEREN_START_CLOCK holds the launch stamp (gui/start_clock.py), so the sources and the
# installed bundle are measured alike.

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
from werkleren_desktop.gui.start_clock import resident_kb
launched = float(sys.argv[-1])
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1180, 760)
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            at = (time.time() - launched) * 1000
            memory = resident_kb()
            print(f"painted {at} {memory}", flush=True)
            print(f"ready {at} {memory}", flush=True)
            app.quit()
        return False
painted = Painted()
window.installEventFilter(painted)  # the window's own events only, as the program does
window.show()
app.exec()
"""

BUNDLE = ROOT.parent / "dist" / "werkleren-desktop" / "werkleren"


class Xvfb:
    """A virtual X display of 1366 × 768 for the real window (Qt's xcb platform), or None
    where Xvfb is not installed."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.display: str | None = None

    def __enter__(self) -> str | None:
        if shutil.which("Xvfb") is None:
            return None
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as answer:
            self.display = ":" + answer.readline().strip()
        return self.display

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait()


def start_and_memory(
    runs: int,
    where: str = "",
    display: str | None = None,
    bundle: bool = False,
    folder: Path = DATA,
) -> tuple[Figure, Figure, Figure]:
    """The start of the program against a bare window, both on Qt's offscreen platform
    or, with ``display``, in a real X window; the program from the sources or, with
    ``bundle``, the installed bundle (dist/, made by packaging/build.sh)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if display is not None:
        env |= {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
    # as installed: with compiled bytecode (a machine that forbids writing it would make
    # every start compile the program's sources again)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    program = ([str(BUNDLE)] if bundle else [sys.executable, "-m", "werkleren_desktop"]) + [
        "--data-dir",
        str(DATA),
    ]

    def launch(command: list[str], clock: bool) -> dict[str, tuple[float, int]]:
        launched = repr(time.time())
        done = subprocess.run(
            command if clock else [*command, launched],
            capture_output=True,
            text=True,
            env=env | {"WERKLEREN_START_CLOCK": launched} if clock else env,
            check=True,
            timeout=120,
        )
        marks = {}
        for line in done.stdout.splitlines():
            what, at, memory = line.split()
            marks[what] = (float(at), int(memory))
        return marks

    bare_command = [sys.executable, "-c", BARE]
    # the window opens on the page it showed last; the bench measures the home page
    (folder / "window.ini").unlink(missing_ok=True)
    launch(bare_command, False)  # a first start of each writes bytecode and warms the disk
    launch(program, True)  # cache, and lets the window remember how it looked
    bare, measured = [], []
    for _run in range(runs):  # taken in turns, so that a busier minute hits both alike
        bare.append(launch(bare_command, False)["painted"])
        measured.append(launch(program, True))
    bare_ms = statistics.median(t for t, _m in bare)
    bare_kb = statistics.median(m for _t, m in bare)
    painted_ms = statistics.median(marks["painted"][0] for marks in measured)
    ready_ms = statistics.median(marks["ready"][0] for marks in measured)
    program_kb = statistics.median(marks["ready"][1] for marks in measured)
    return (
        Figure(
            f"start to painted window{where}",
            painted_ms,
            bare_ms,
            "≤ 1.5 × bare",
            painted_ms <= 1.5 * bare_ms,
        ),
        Figure(
            f"start to home page with its data{where}",
            ready_ms,
            bare_ms,
            "≤ 3 × bare",
            ready_ms <= 3 * bare_ms,
        ),
        Figure(
            f"resident memory with data (MB){where}",
            program_kb / 1024,
            bare_kb / 1024,
            "≤ 1.6 × bare",
            program_kb <= 1.6 * bare_kb,
        ),
    )


def starts(runs: int) -> list[Figure]:
    """The start offscreen, in a real X window (Xvfb), and of the installed bundle."""
    figures = list(start_and_memory(runs))
    with Xvfb() as display:
        if display is not None:
            figures += start_and_memory(runs, " (Xvfb)", display)
            if BUNDLE.exists():
                figures += start_and_memory(runs, " (bundle, Xvfb)", display, bundle=True)
    if BUNDLE.exists():
        figures += start_and_memory(runs, " (bundle)", bundle=True)
    return figures


# --- the yearly overview against one hand-written aggregate ---------------------------

HAND_WRITTEN = """
WITH people AS (
  SELECT id FROM person
  WHERE in_service <= :last AND (out_of_service IS NULL OR out_of_service >= :first)
), situations AS (
  SELECT sp.person_id, ls.kind, count(*) AS n, coalesce(sum(ls.minutes), 0) AS minutes
  FROM situation_person sp JOIN learning_situation ls ON ls.id = sp.situation_id
  WHERE ls.occurred_on BETWEEN :first AND :last GROUP BY sp.person_id, ls.kind
), sessions AS (
  SELECT a.person_id, count(*) AS n, sum(cs.duration_minutes) AS minutes
  FROM attendance a JOIN cycle_session cs ON cs.id = a.session_id
  WHERE a.status = 'present' AND NOT cs.cancelled
    AND cs.starts_at >= :first AND cs.starts_at < :next
  GROUP BY a.person_id
), trainings AS (
  SELECT person_id, count(*) AS n, sum(minutes) AS minutes, sum(cost_cents) AS cents
  FROM training WHERE starts_on BETWEEN :first AND :last AND status != 'cancelled'
  GROUP BY person_id
), held AS (
  SELECT person_id, count(*) AS n FROM talent_conversation
  WHERE held_on BETWEEN :first AND :last GROUP BY person_id
)
SELECT p.id, s.kind, s.n, s.minutes, x.n, x.minutes, t.n, t.minutes, t.cents, h.n
FROM people p
LEFT JOIN situations s ON s.person_id = p.id
LEFT JOIN sessions x ON x.person_id = p.id
LEFT JOIN trainings t ON t.person_id = p.id
LEFT JOIN held h ON h.person_id = p.id
"""


# the organisation's counts of shared things, each thing once (the totals row)
HAND_WRITTEN_SHARED = (
    """
    SELECT ls.kind, count(*),
      sum((SELECT count(*) FROM situation_consultation c WHERE c.situation_id = ls.id))
    FROM learning_situation ls
    WHERE ls.occurred_on BETWEEN :first AND :last AND EXISTS (
      SELECT 1 FROM situation_person sp JOIN person p ON p.id = sp.person_id
      WHERE sp.situation_id = ls.id AND p.in_service <= :last
        AND (p.out_of_service IS NULL OR p.out_of_service >= :first))
    GROUP BY ls.kind
    """,
    """
    SELECT count(DISTINCT a.session_id) FROM attendance a
    JOIN cycle_session cs ON cs.id = a.session_id JOIN person p ON p.id = a.person_id
    WHERE a.status = 'present' AND NOT cs.cancelled
      AND cs.starts_at >= :first AND cs.starts_at < :next
      AND p.in_service <= :last AND (p.out_of_service IS NULL OR p.out_of_service >= :first)
    """,
)


def overview_against_sql(
    runs: int, url: str | None = None, folder: Path = DATA, label: str = ""
) -> Figure:
    """The overview against the hand-written SQL, sent through the plain driver: the
    file's sqlite3, or the server's psycopg."""
    import re
    import sqlite3

    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.services.overview import year_overview
    from werkleren_desktop.storage.data_store import open_data_folder

    bounds: dict[str, object] = {
        "first": f"{YEAR}-01-01", "last": f"{YEAR}-12-31", "next": f"{YEAR + 1}-01-01"
    }  # fmt: skip
    if url is None:
        store = open_data_folder(DataPaths(folder))
        connection: Any = sqlite3.connect(folder / "werkleren.sqlite3")
        statements = [HAND_WRITTEN, *HAND_WRITTEN_SHARED]
    else:
        import datetime as dt

        import psycopg
        from sqlalchemy.engine import make_url

        store = open_data_folder(DataPaths(CACHE / "server-large").with_server(url))
        parsed = make_url(url)
        connection = psycopg.connect(
            dbname=parsed.database, user=parsed.username, **dict(parsed.query)
        )
        statements = [re.sub(r":(\w+)", r"%(\1)s", q) for q in (HAND_WRITTEN, *HAND_WRITTEN_SHARED)]
        bounds = {key: dt.date.fromisoformat(str(value)) for key, value in bounds.items()}
    try:
        year_overview(store.sessions, YEAR)  # the first builds the statement once
        baselines, times = [], []
        for _run in range(runs):  # in turns, as the start: a busy moment weighs on both
            baselines.append(
                median_ms(
                    lambda: [
                        connection.execute(statement, bounds).fetchall() for statement in statements
                    ],
                    1,
                )
            )
            times.append(median_ms(lambda: year_overview(store.sessions, YEAR), 1))
        baseline, measured = statistics.median(baselines), statistics.median(times)
    finally:
        connection.close()
        store.close()
    where = " (server)" if url else label
    return Figure(
        f"yearly overview {YEAR}{where}", measured, baseline, "≤ 2 × SQL", measured <= 2 * baseline
    )


# --- printed documents against reportlab writing as much plain text ------------------


def plain_pdf(characters: int) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    words = ("lorem ipsum dolor sit amet " * (characters // 27 + 1))[:characters]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(
        [Paragraph(words[i : i + 400], style) for i in range(0, len(words), 400)]
    )
    return out.getvalue()


def text_length(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return sum(len(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages)


def documents(
    runs: int, folder: Path = DATA, label: str = "", export_limit_ms: int = 2000
) -> list[Figure]:
    import datetime as dt

    from werkleren_desktop.documents.conversation_form import Organisation, preparation_pdf
    from werkleren_desktop.documents.overview_export import (
        overview_csv,
        overview_pdf,
        overview_xlsx,
    )
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.services.conversations import list_conversations, next_conversation
    from werkleren_desktop.services.overview import year_overview, year_trainings
    from werkleren_desktop.storage.data_store import open_data_folder

    today = dt.date.today()
    store = open_data_folder(DataPaths(folder))
    try:
        person = list_conversations(store.sessions)[0].person_id
        organisation = Organisation("Zorggroep De Linde", None)

        def form() -> bytes:
            return preparation_pdf(
                organisation, next_conversation(store.sessions, person, today), today
            )

        form_pdf = form()
        overview = year_overview(store.sessions, YEAR)
        trainings = year_trainings(store.sessions, YEAR)
        report = overview_pdf(overview, today)
        form_plain = text_length(form_pdf)
        report_plain = text_length(report)
        figures = [
            Figure(
                "conversation form PDF",
                median_ms(form, runs),
                median_ms(lambda: plain_pdf(form_plain), runs),
                "< 200 ms",
                False,
            ),
            Figure(
                "yearly overview PDF",
                median_ms(lambda: overview_pdf(overview, today), runs),
                median_ms(lambda: plain_pdf(report_plain), runs),
                "< 2000 ms",
                False,
            ),
            Figure(
                "yearly overview XLSX",
                median_ms(lambda: overview_xlsx(overview, trainings), runs),
                None,
                "< 2000 ms",
                False,
            ),
            Figure(
                "yearly overview CSV",
                median_ms(lambda: overview_csv(overview), runs),
                None,
                "< 2000 ms",
                False,
            ),
        ]
    finally:
        store.close()
    for figure in figures:
        limit = 200 if figure.name == "conversation form PDF" else export_limit_ms
        figure.goal = f"< {limit} ms"
        figure.met = figure.median_ms < limit
        figure.name += label
    return figures


# --- what the user feels: pages and filter keystrokes ---------------------------------

PAGES = """
import json, statistics, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from werkleren_desktop.gui.app import make_application
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.gui.navigation import AREAS
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.data_store import open_data_folder
from sqlalchemy import event
app = make_application()
paths = DataPaths(Path(sys.argv[1]))
if len(sys.argv) > 3:  # the same data on a server
    paths = paths.with_server(sys.argv[3])
    # the copy kept for offline reading starts 20 s after opening and takes most of a
    # minute of both computers' work: it would weigh on the pages measured here
    from werkleren_desktop.storage.offline import set_keeps_copy
    set_keeps_copy(paths, False)
store = open_data_folder(paths)
sent = [0]
event.listen(store.engine, "before_cursor_execute", lambda *args: sent.__setitem__(0, sent[0] + 1))
# synchronous: the time includes loading the data, an upper bound of what the user waits
window = MainWindow(store, TaskRunner(synchronous=True))
window.resize(1180, 760)
window.show()
app.processEvents()
runs = int(sys.argv[2])
result = {}
for area in AREAS:
    times = []
    for _ in range(runs):
        window.show_area("home" if area.key != "home" else "people")
        app.processEvents()
        sent[0] = 0
        started = time.perf_counter()
        window.show_area(area.key)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    result["page " + area.key] = statistics.median(times)
    result["statements " + area.key] = sent[0]
page = window.situations_page
window.show_area("situations")
for typed in ("k", "kl", "kla", "klan", "klant", "klantx"):
    times = []
    for _ in range(runs):
        page.search.blockSignals(True)
        page.search.setText(typed)
        page.search.blockSignals(False)
        started = time.perf_counter()
        page.requery()  # what the search field triggers after a keystroke
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    result["keystroke '" + typed + "'"] = statistics.median(times)
# the calendar of the week cycles: the months around today read when its tab first shows,
# then a month and a week drawn, and a step to the next month
cycles = window.page("cycles")
window.show_area("cycles")
app.processEvents()
started = time.perf_counter()
cycles.views.setCurrentWidget(cycles.calendar)
app.processEvents()
result["calendar shown"] = (time.perf_counter() - started) * 1000
for name, action in (
    ("calendar month", lambda: cycles.calendar.set_month_mode(True)),
    ("calendar next month", lambda: cycles.calendar.step(1)),
    ("calendar week", lambda: cycles.calendar.set_month_mode(False)),
    ("calendar next week", lambda: cycles.calendar.step(1)),
):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    result[name] = statistics.median(times)
print(json.dumps(result))
"""


def measure_pages(runs: int, folder: Path, url: str | None = None) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(
        [sys.executable, "-c", PAGES, str(folder), str(runs), *([url] if url else [])],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def page_figures(
    measured: dict[str, float], label: str = "", limit: int | None = None
) -> list[Figure]:
    figures = []
    for name, value in measured.items():
        if name.startswith("statements"):
            continue
        allowed = limit if limit is not None else 50 if name.startswith("keystroke") else 100
        figures.append(Figure(name + label, value, None, f"< {allowed} ms", value < allowed))
    return figures


def statement_figures(small: dict[str, float], large: dict[str, float], label: str) -> list[Figure]:
    """The statements each page sends, for the large demo against the small one (ten
    times the people): the same count, or some page sends a query per row. Counts,
    not milliseconds: the ratio is what matters."""
    return [
        Figure(
            f"{name}{label} (count)",
            large[name],
            small[name],
            "= small demo",
            large[name] == small[name],
        )
        for name in large
        if name.startswith("statements")
    ]


def pages(runs: int) -> list[Figure]:
    large = measure_pages(runs, DATA)
    small = measure_pages(1, small_demo())
    return page_figures(large) + statement_figures(small, large, "")


def huge(runs: int) -> list[Figure]:
    """#34's figures at ten times the large demo: its making, the start, every page and
    keystroke, the calendar, the overview against SQL, and the exports (< 5 s)."""
    folder = CACHE / "huge"
    seconds = build_demo("huge")
    figures = []
    if seconds is not None:
        figures.append(
            Figure("werkleren demo --size huge", seconds * 1000, None, "< 120000 ms", seconds < 120)
        )
    figures += start_and_memory(runs, " (huge)", folder=folder)
    figures.append(overview_against_sql(runs, folder=folder, label=" (huge)"))
    figures += documents(runs, folder, " (huge)", export_limit_ms=5000)
    figures += page_figures(measure_pages(runs, folder), " (huge)")
    return figures


SMALL = CACHE / "small"


def small_demo() -> Path:
    """The small demo (25 people, two years), for the statement counts; made each run."""
    shutil.rmtree(SMALL, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "werkleren_desktop", "demo", "--data-dir", str(SMALL)],
        check=True,
        capture_output=True,
    )
    return SMALL


# --- the shared server: the same pages and overview on PostgreSQL ---------------------

PROXY_DELAY_S = 0.002  # every request waits this long on its way: +2 ms a round trip


class LatencyProxy:
    """A TCP port on localhost that passes everything on to the cluster's socket, each
    request 2 ms late: a server across a network, as a manager's laptop meets it."""

    def __init__(self, socket_path: str, delay_s: float = PROXY_DELAY_S) -> None:
        import asyncio
        import threading

        self.socket_path, self.delay_s = socket_path, delay_s
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        async def start() -> None:
            self.server = await asyncio.start_server(self._client, "127.0.0.1", 0)
            self.port = self.server.sockets[0].getsockname()[1]
            ready.set()

        self.thread = threading.Thread(
            target=lambda: (self.loop.run_until_complete(start()), self.loop.run_forever()),
            daemon=True,
        )
        self.thread.start()
        ready.wait(10)

    async def _client(self, reader: Any, writer: Any) -> None:
        import asyncio

        server_reader, server_writer = await asyncio.open_unix_connection(self.socket_path)

        async def pipe(source: Any, target: Any, delay: float) -> None:
            try:
                while chunk := await source.read(65536):
                    if delay:
                        await asyncio.sleep(delay)
                    target.write(chunk)
                    await target.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                target.close()

        await asyncio.gather(
            pipe(reader, server_writer, self.delay_s), pipe(server_reader, writer, 0.0)
        )

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def on_a_server(runs: int) -> list[Figure]:
    """The large and the small demo moved into a throwaway PostgreSQL cluster (as the
    tests make one): every page, the statements each sends, and the yearly overview
    against the same hand-written SQL on the server."""
    sys.path.insert(0, str(ROOT.parent))
    from sqlalchemy import create_engine, text
    from tests.postgres import throwaway_cluster

    from werkleren_desktop.db.engine import make_engine
    from werkleren_desktop.storage.server_admin import init_server
    from werkleren_desktop.storage.server_copy import move_to_server

    try:
        cluster = throwaway_cluster()
        admin_url = cluster.__enter__()
    except Exception as error:  # no server programs here: said, not failed
        print(f"PostgreSQL figures skipped: {error}")
        return []
    try:
        urls = {}
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        for name, folder in (("large", DATA), ("small", small_demo())):
            with admin.connect() as sql:
                sql.execute(text(f"CREATE DATABASE bench_{name}"))
            urls[name] = admin_url.replace("/postgres?", f"/bench_{name}?")
            engine = make_engine(urls[name])
            try:
                init_server(engine)
                move_to_server(folder / "werkleren.sqlite3", engine)
                with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as sql:
                    sql.execute(text("VACUUM ANALYZE"))  # as autovacuum would have by now
            finally:
                engine.dispose()
        admin.dispose()
        large = measure_pages(runs, CACHE / "server-large", urls["large"])
        small = measure_pages(1, CACHE / "server-small", urls["small"])
        figures = page_figures(large, " (server)") + statement_figures(small, large, " (server)")
        figures.append(overview_against_sql(runs, urls["large"]))
        # the same pages 2 ms away: what a page costs in round trips shows here
        from sqlalchemy.engine import make_url

        parsed = make_url(admin_url).query
        proxy = LatencyProxy(f"{parsed['host']}/.s.PGSQL.{parsed['port']}")
        try:
            far = measure_pages(runs, CACHE / "server-far", proxy.url("bench_large"))
        finally:
            proxy.close()
        figures += page_figures(far, " (server, +2 ms a round trip)", limit=150)
        return figures
    finally:
        cluster.__exit__(None, None, None)


# --- importing staff lists: linear in their length, bounded for hostile files ---------

READ_ONE_FILE = """
import json, sys, time
from pathlib import Path
from werkleren_desktop.domain.people_import import read_table
from werkleren_desktop.errors import UserError
started = time.perf_counter()
try:
    read_table(Path(sys.argv[1]))
except UserError:
    pass
# the peak of this process alone (ru_maxrss would carry the bench's own from the fork)
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"ms": (time.perf_counter() - started) * 1000, "kb": int(peak.split()[1])}))
"""


def imports(runs: int) -> list[Figure]:
    """A re-import of 100,000 people against ten times one of 10,000 (a ratio near 1 is
    linear; it once was quadratic), and hostile workbooks against a small one: time and
    peak memory of reading each in a fresh process."""
    import datetime as dt
    import tempfile

    sys.path.insert(0, str(ROOT.parent))  # the files are made as the tests make them
    from tests import hostile_files

    from werkleren_desktop.domain.people_import import guess_mapping, read_table
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.services.people_import import apply_import, plan_import
    from werkleren_desktop.storage.data_store import open_data_folder

    figures: list[Figure] = []
    today = dt.date(2026, 11, 29)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        first: dict[int, float] = {}
        again: dict[int, float] = {}
        for rows in (10_000, 100_000):
            path = hostile_files.staff_list(work / f"{rows}.csv", rows)
            store = open_data_folder(DataPaths(work / f"data{rows}"))
            try:

                def plan(path: Path = path, store=store):  # type: ignore[no-untyped-def]
                    table = read_table(path)
                    return plan_import(store.sessions, table, guess_mapping(table.headers), today)

                started = time.perf_counter()
                apply_import(store.sessions, plan())
                first[rows] = (time.perf_counter() - started) * 1000
                again[rows] = median_ms(plan, 1 if rows > 10_000 else runs)
            finally:
                store.close()
        for name, measured in (("first import", first), ("re-import (plan)", again)):
            figures.append(
                Figure(
                    f"{name} 100,000 vs 10 × 10,000",
                    measured[100_000],
                    10 * measured[10_000],
                    "≤ 1.5 × (linear)",
                    measured[100_000] <= 1.5 * 10 * measured[10_000],
                )
            )

        def read(path: Path) -> dict[str, float]:
            done = subprocess.run(
                [sys.executable, "-c", READ_ONE_FILE, str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            return json.loads(done.stdout.strip().splitlines()[-1])

        small = hostile_files.sheet_claiming_every_cell(work / "small.xlsx")
        baseline = [read(small) for _run in range(runs)]
        base_ms = statistics.median(b["ms"] for b in baseline)
        base_kb = statistics.median(b["kb"] for b in baseline)
        for label, make in (
            ("unpacks to 110 MB", hostile_files.bomb_too_large),
            ("a row of 3 million cells", hostile_files.bomb_wide),
            ("a million rows", hostile_files.bomb_tall),
        ):
            bomb = make(work / "bomb.xlsx")
            measured = [read(bomb) for _run in range(runs)]
            bomb_ms = statistics.median(m["ms"] for m in measured)
            bomb_kb = statistics.median(m["kb"] for m in measured)
            figures.append(
                Figure(f"zip bomb refused: {label}", bomb_ms, base_ms, "< 1000 ms", bomb_ms < 1000)
            )
            figures.append(
                Figure(
                    "  its peak memory (MB, not ms)",
                    bomb_kb / 1024,
                    base_kb / 1024,
                    "≤ 1.5 × small workbook",
                    bomb_kb <= 1.5 * base_kb,
                )
            )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=CACHE / "latest.json")
    parser.add_argument(
        "--no-server", action="store_true", help="leave out the figures on PostgreSQL"
    )
    parser.add_argument(
        "--huge",
        action="store_true",
        help="also at ten times the large demo (2,500 people, 500,000 situations; "
        "building it takes minutes and 1.4 GB in bench/.cache/huge)",
    )
    args = parser.parse_args()
    demo_seconds = build_demo()
    figures: list[Figure] = []
    if demo_seconds is not None:
        figures.append(
            Figure(
                "werkleren demo --size large",
                demo_seconds * 1000,
                None,
                "< 60000 ms",
                demo_seconds < 60,
            )
        )
    figures += starts(args.runs)
    figures.append(overview_against_sql(args.runs))
    figures += documents(args.runs)
    figures += pages(args.runs)
    figures += imports(args.runs)
    if not args.no_server:
        figures += on_a_server(args.runs)
    if args.huge:
        figures += huge(args.runs)

    print(f"{'figure':<50} {'median':>10} {'baseline':>10} {'ratio':>7}  goal")
    for f in figures:
        baseline = f"{f.baseline_ms:10.1f}" if f.baseline_ms else f"{'—':>10}"
        ratio = f"{f.ratio:7.2f}" if f.ratio else f"{'—':>7}"
        mark = "" if not f.goal else "ok" if f.met else "MISSED"
        print(f"{f.name:<50} {f.median_ms:10.1f} {baseline} {ratio}  {f.goal} {mark}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "when": time.strftime("%Y-%m-%d %H:%M:%S"),
                "runs": args.runs,
                "figures": [asdict(f) | {"ratio": f.ratio} for f in figures],
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"\nwritten to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
