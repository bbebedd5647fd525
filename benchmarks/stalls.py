"""GUI-thread stalls: History's first show on ten years of training, and a 25,000-row import
through File → Import, each against a baseline from the same run.

Why: the product's bar (brief, "How fast") is no GUI-thread stall over 16 ms while charting or
importing. The first show of a page builds what later shows reuse (styles, layouts, the charts'
axes and symbols, glyphs), and an import's worker thread shares the GIL with the window: its
full garbage-collector passes, and its hold on the GIL while the window's painting code waits
for it, stop the window whichever thread they happen on.

How: a 5 ms ``PreciseTimer`` heartbeat on the GUI thread stamps ``perf_counter`` at each beat;
the figure is the longest gap between two beats, shown with the GUI thread's own CPU time in it
(``thread_time``: the rest of the gap it waited, for the GIL or for a core). Every run is a
fresh process (a first show, the first import, happen once per process) composing the window as
Hinge does (``MainWindow`` filled by ``install_views``, 1280×800, off screen, on Drills, the
collector held back meanwhile as ``app.run`` holds it), with what the start sequence does once
ready: the charts' data read (``progress.refresh()``), History prewarmed (``progress.prewarm()``)
and start-up's objects frozen (``gc_pauses.freeze_start_up()``).

(a) History: a log of about 100,000 sets over ten years (``_history.py``; ``--dir`` keeps it).
    The heartbeat runs while the prewarm's steps run, then while History is shown
    (``show_view("history")``) until the window has painted and half a second more. For
    reference, the same without the prewarm. Baseline, in the same process afterwards: a bare
    1280×800 window switched to a page of 30 labels in a scroll area (as Hinge's views sit in
    theirs), and the heartbeat over an idle second.
(b) Import: a Strong export of 25,000 rows (``import_strong.py``), chosen in File → Import's
    file dialog (``ImportController.ask``) over Drills, whose figure keeps moving, and imported
    with the preview's Import button, on a fresh log. The longest gap while it is read, planned
    and stored is the figure; what the log's listeners do once it is stored (the ladder, Today,
    the drill names) is shown apart. For reference, the same without the import's collector
    policy (``gc_pauses``) and the worker's lower priority. Baselines, same process: the
    heartbeat while a thread runs a plain Python loop for a second (any busy thread makes the
    window's Python wait for the GIL), and the same loop inside ``gc_pauses.importing()``.

Prints each run's figures and their medians; a median's stall (the gap less the 5 ms beat it
replaced, as ``gui_stall.py`` counts it) is held to the 16 ms bar. Exits 1 if one is over.

    python benchmarks/stalls.py [--runs 3] [--dir DIR] [--sets 100000] [--rows 25000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BAR_MS = 16.0
BEAT_MS = 5
SETS = 100_000
ROWS = 25_000
RUNS = 3
WIDTH, HEIGHT = 1280, 800
AFTER_S = 0.5
"""Heartbeat after the window has painted (History) or the listeners have run (import)."""


class Heartbeat:
    """A 5 ms timer on the GUI thread stamping each beat, with the GUI thread's CPU time."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.beats: list[tuple[float, float]] = []
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.beats.append((time.perf_counter(), time.thread_time()))

    def start(self) -> None:
        self._beat()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def longest(self, since: float = 0.0, until: float = float("inf")) -> tuple[float, float]:
        """The longest gap (ms) between two beats, of those ending after ``since`` and by
        ``until``, and the GUI thread's CPU time (ms) in it: the rest of the gap it waited (for
        the GIL, or for a core)."""
        gaps = [
            ((later - earlier) * 1000, (later_cpu - earlier_cpu) * 1000)
            for (earlier, earlier_cpu), (later, later_cpu) in zip(
                self.beats, self.beats[1:], strict=False
            )
            if since < later <= until
        ]
        return max(gaps, default=(0.0, 0.0))


def spin(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def wait_for(signal: Any, done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Run the event loop until ``done()``, looking whenever ``signal`` fires."""
    from PySide6.QtCore import QEventLoop, QTimer

    give_up = time.perf_counter() + timeout_s
    loop = QEventLoop()
    signal.connect(loop.quit)
    timer = QTimer()
    timer.timeout.connect(loop.quit)
    timer.start(100)
    while not done() and time.perf_counter() < give_up:
        loop.exec()
    timer.stop()
    signal.disconnect(loop.quit)
    if not done():
        raise SystemExit(f"gave up waiting after {timeout_s:g} s")


def compose(data: Path, *, held: bool = True) -> tuple[Any, Any, Any]:
    """The window as Hinge composes it, on Drills, shown: (app, window, installed views).
    ``held``: with the collector held back until start-up is frozen, as ``app.run`` does."""
    from hinge_desktop.paths import DataPaths
    from hinge_desktop.speech.speaker import RecordingSpeaker
    from hinge_desktop.storage.store import open_store
    from hinge_desktop.ui.preferences import Preferences
    from hinge_desktop.ui.shell.application import create_application, hide_offscreen_noise
    from hinge_desktop.ui.shell.main_window import MainWindow
    from hinge_desktop.ui.shell.wiring import install_views

    if held:
        from hinge_desktop.ui import gc_pauses

        gc_pauses.hold_during_start_up()
    app = create_application()
    if app.platformName() == "offscreen":
        hide_offscreen_noise()
    paths = DataPaths(root=data)
    paths.ensure()
    preferences = Preferences(data / "bench-settings.ini")
    window = MainWindow(preferences)
    window.show_view("drills")
    window.resize(WIDTH, HEIGHT)
    window.show()
    spin(0.3)
    store = open_store(paths.database)
    views = install_views(window, preferences, store, paths, RecordingSpeaker())
    return app, window, views


def close(window: Any, views: Any) -> None:
    """Quit as Hinge does: the views stop reading, the log closes, the window goes."""
    views.shutdown()
    views.services.store.close()
    window.close()


def ready(views: Any, *, prewarm: bool, freeze: bool) -> Any:
    """What the start sequence does once the window is ready; returns the prewarm, if any."""
    from hinge_desktop.ui import gc_pauses

    views.progress.refresh()
    warming = views.progress.prewarm() if prewarm else None
    if freeze:
        gc_pauses.freeze_start_up()
    return warming


def idle_baseline() -> tuple[float, float]:
    beat = Heartbeat()
    beat.start()
    spin(1.0)
    beat.stop()
    return beat.longest()


def bare_page_baseline() -> tuple[float, float]:
    """A bare window's stacked page of 30 labels in a scroll area, switched to."""
    from PySide6.QtWidgets import (
        QLabel,
        QMainWindow,
        QScrollArea,
        QStackedWidget,
        QVBoxLayout,
        QWidget,
    )

    window = QMainWindow()
    stack = QStackedWidget()
    window.setCentralWidget(stack)
    for page_number in range(2):
        page = QWidget()
        column = QVBoxLayout(page)
        for line in range(30):
            column.addWidget(QLabel(f"Line {line} of page {page_number}: a few words to read"))
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(page)
        stack.addWidget(area)
    window.resize(WIDTH, HEIGHT)
    window.show()
    spin(0.3)
    beat = Heartbeat()
    beat.start()
    spin(0.1)
    stack.setCurrentIndex(1)
    spin(AFTER_S)
    beat.stop()
    window.close()
    return beat.longest()


def child_history(data: Path, prewarm: bool) -> dict[str, Any]:
    _app, window, views = compose(data)
    beat = Heartbeat()
    progress = views.progress
    beat.start()
    began = time.perf_counter()
    warming = ready(views, prewarm=prewarm, freeze=True)
    wait_for(progress.loaded, lambda: not progress.is_loading())
    read = time.perf_counter()
    if warming is not None:
        wait_for(warming.finished, warming.is_done)
    warmed = time.perf_counter()
    spin(0.3)
    shown = time.perf_counter()
    window.show_view("history")
    spin(AFTER_S)
    beat.stop()
    result = {
        "reading": beat.longest(began, read),
        "prewarm": beat.longest(read, warmed) if warming is not None else None,
        "prewarm_ms": (warmed - read) * 1000,
        "steps": warming.steps_done if warming is not None else 0,
        "show": beat.longest(shown),
        "bare": bare_page_baseline(),
        "idle": idle_baseline(),
    }
    close(window, views)
    return result


def child_import(data: Path, source: Path, policy: bool) -> dict[str, Any]:
    from contextlib import nullcontext

    import hinge_desktop.ui.transfer.import_worker as worker

    if not policy:  # the reference: as before the import had a policy
        worker.importing = nullcontext  # type: ignore[assignment]
        worker.give_way_to_the_window = lambda: None
    _app, window, views = compose(data, held=policy)
    warming = ready(views, prewarm=True, freeze=policy)
    wait_for(warming.finished, warming.is_done)
    spin(0.5)
    importing = views.importing
    marks: dict[str, float] = {}

    def busy(now_busy: bool) -> None:
        if not now_busy and "storing" in marks:
            marks.setdefault("stored", time.perf_counter())

    importing.runner.busy_changed.connect(busy)
    choosing = importing.ask()  # File → Import: the file dialog, while the person looks
    spin(0.5)
    beat = Heartbeat()
    beat.start()
    spin(0.1)
    began = time.perf_counter()
    choosing.fileSelected.emit(str(source))  # the file chosen (as the tests choose it)
    choosing.close()
    dialog = importing.dialog
    spin(0.05)  # shown and painted
    marks["opened"] = time.perf_counter()
    wait_for(dialog.prepared_shown, lambda: dialog.prepared() is not None)
    marks["storing"] = time.perf_counter()
    changes = [0]
    importing.log_changed.connect(lambda: changes.__setitem__(0, 1))
    dialog.import_button.click()
    wait_for(importing.log_changed, lambda: changes[0] > 0)
    spin(AFTER_S)
    beat.stop()
    stored = marks["stored"]
    opened = marks["opened"]
    result = {
        "opening": beat.longest(began, opened),
        "reading": beat.longest(opened, marks["storing"]),
        "storing": beat.longest(marks["storing"], stored),
        "during": beat.longest(began, stored),
        "after": beat.longest(stored),
        "seconds": stored - began,
        "loop": loop_baseline(),
        "loop_policy": loop_baseline(policy=True),
        "idle": idle_baseline(),
    }
    close(window, views)
    return result


def loop_baseline(*, policy: bool = False) -> tuple[float, float]:
    """The heartbeat while a thread runs a plain Python loop for a second (``policy``: inside
    the import's ``gc_pauses.importing()``)."""
    from contextlib import nullcontext

    from hinge_desktop.ui import gc_pauses

    stop = threading.Event()

    def busy() -> None:
        count = 0
        with gc_pauses.importing() if policy else nullcontext():
            while not stop.is_set():
                count += 1

    thread = threading.Thread(target=busy)
    beat = Heartbeat()
    beat.start()
    thread.start()
    spin(1.0)
    stop.set()
    thread.join()
    beat.stop()
    return beat.longest()


# The runs


def run_child(kind: str, *args: str) -> dict[str, Any]:
    """One measurement in a fresh process; its figures."""
    command = [sys.executable, __file__, "--child", kind, *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"the {kind} run failed ({done.returncode})")
    figures: dict[str, Any] = json.loads(lines[-1])
    return figures


def median(runs: list[dict[str, Any]], key: str) -> float:
    """The median over runs of the longest gap (ms) a figure holds."""
    return statistics.median(run[key][0] for run in runs)


def figures_line(runs: list[dict[str, Any]], key: str) -> str:
    """Each run's longest gap with the GUI thread's own CPU time in it, then their median."""
    each = " ".join(f"{gap:5.1f} ({cpu:4.1f})" for gap, cpu in (run[key] for run in runs))
    return f"{each}   median {median(runs, key):5.1f}"


def verdict(gap: float) -> tuple[str, bool]:
    """The stall a gap stands for (the gap less the beat it replaced, as gui_stall.py counts
    it) against the bar."""
    stall = max(0.0, gap - BEAT_MS)
    passed = stall <= BAR_MS
    return f"stall {stall:5.1f} ≤ {BAR_MS:g} {'PASS' if passed else 'FAIL'}", passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each (default {RUNS})")
    parser.add_argument("--dir", type=Path, default=None, help="keep the 10-year log in DIR")
    parser.add_argument("--sets", type=int, default=SETS, help=f"sets (default {SETS:,})")
    parser.add_argument("--rows", type=int, default=ROWS, help=f"import rows (default {ROWS:,})")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if options.child:
        return child(options.child)

    from history_view import prepare_log
    from import_strong import write_strong_csv

    with tempfile.TemporaryDirectory(prefix="hinge-bench-") as scratch:
        root = Path(scratch)
        folder = options.dir if options.dir is not None else root / "log"
        folder.mkdir(parents=True, exist_ok=True)
        log = prepare_log(folder, options.sets)
        source = root / "strong.csv"
        write_strong_csv(source, options.rows)
        history: dict[str, list[dict[str, Any]]] = {"prewarmed": [], "cold": []}
        imports: dict[str, list[dict[str, Any]]] = {"policy": [], "none": []}
        began = time.perf_counter()
        for number in range(options.runs):
            for kind in ("prewarmed", "cold") if number % 2 == 0 else ("cold", "prewarmed"):
                history[kind].append(run_child("history", str(folder), kind))
            for kind in ("policy", "none") if number % 2 == 0 else ("none", "policy"):
                data = root / f"import-{kind}-{number}"
                imports[kind].append(run_child("import", str(data), str(source), kind))
        elapsed = time.perf_counter() - began
    return report(log, options, history, imports, elapsed)


def child(arguments: list[str]) -> int:
    kind, *rest = arguments
    if kind == "history":
        figures = child_history(Path(rest[0]), prewarm=rest[1] == "prewarmed")
    else:
        figures = child_import(Path(rest[0]), Path(rest[1]), policy=rest[2] == "policy")
    print(json.dumps(figures))
    return 0


def report(
    log: Any,
    options: argparse.Namespace,
    history: dict[str, list[dict[str, Any]]],
    imports: dict[str, list[dict[str, Any]]],
    elapsed: float,
) -> int:
    warm, cold = history["prewarmed"], history["cold"]
    policy, none = imports["policy"], imports["none"]
    print(
        f"GUI-thread stalls: longest gap between {BEAT_MS} ms heartbeats (ms), each run a fresh "
        f"process, window {WIDTH}×{HEIGHT}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}, "
        f"{options.runs} runs, {elapsed:.0f} s; in brackets the GUI thread's own CPU time in "
        "that gap (the rest it waited: for the GIL, or for a core)"
    )
    print(
        f"(a) History's first show: {log.sets:,} sets over {log.years:.1f} years "
        f"({warm[0]['steps']} prewarm steps, "
        f"{statistics.median(run['prewarm_ms'] for run in warm):.0f} ms in all)"
    )
    passes = []
    rows = [
        ("first show, prewarmed", warm, "show", True),
        ("prewarm, each step", warm, "prewarm", True),
        ("first show, not prewarmed (reference)", cold, "show", False),
        ("reading at start, hidden (refresh())", warm, "reading", False),
        ("baseline: bare window, a page of labels", warm, "bare", False),
        ("baseline: idle", warm, "idle", False),
    ]
    passes += print_rows(rows)
    print(
        f"(b) A {options.rows:,}-row Strong import through File → Import's preview "
        f"({statistics.median(run['seconds'] for run in policy):.1f} s to stored)"
    )
    rows = [
        ("while read, planned and stored", policy, "during", True),
        ("  opening the preview", policy, "opening", False),
        ("  reading and planning", policy, "reading", False),
        ("  storing", policy, "storing", False),
        ("the log's listeners once stored (no bar here)", policy, "after", False),
        ("the same with no gc_pauses, worker not niced (ref.)", none, "during", False),
        ("baseline: a thread running a plain loop", policy, "loop", False),
        ("baseline: the same inside gc_pauses.importing()", policy, "loop_policy", False),
        ("baseline: idle", policy, "idle", False),
    ]
    passes += print_rows(rows)
    failed = not all(passes)
    print(
        f"{'FAIL' if failed else 'PASS'}: History's first show, each step of its prewarm, and the "
        f"import's read, plan and store stall the window at most {BAR_MS:g} ms (medians; a "
        f"stall is the longest gap less the {BEAT_MS} ms beat)"
    )
    return 1 if failed else 0


def print_rows(rows: list[tuple[str, list[dict[str, Any]], str, bool]]) -> list[bool]:
    passes = []
    for name, runs, key, judged in rows:
        line = f"  {name:<50} {figures_line(runs, key)}"
        if judged:
            text, passed = verdict(median(runs, key))
            passes.append(passed)
            line += f"   {text}"
        print(line)
    return passes


if __name__ == "__main__":
    sys.exit(main())
