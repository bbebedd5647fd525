"""Start-up: how soon Hinge's window paints, how soon it is ready, and whether it answers meanwhile.

Each kind is started the same way (a fresh Python process running this file), in rotating runs,
and timed from just before the process is spawned until it reports on standard output:

- **first paint**: Hinge against a bare ``QMainWindow``; bar: at most 1.15×. Hinge's window
  paints its outline first; when its navigation, menus and status bar have painted too is
  printed as well ("chrome painted", no bar).
- **ready** (the drill list is filled and the event loop has answered once after it): Hinge
  against a bare ``QMainWindow`` showing a 39-row ``QListWidget`` (as many rows as Hinge's drill
  list); bar: at most 2×.
- **longest stall** from the first paint until ready: a 5 ms ``PreciseTimer`` on Hinge's GUI
  thread, started at the first paint, records every beat; a stall is the longest gap between
  beats less the 5 ms. Bar: 50 ms. The same heartbeat runs on until every view is built (and
  History is warmed up), and that longest stall is printed too.

Hinge is started as a person starts it, with no arguments, its data folder found through
``$XDG_DATA_HOME``. Both an empty log and the demo's two years are measured (``--log``).

The ratios are judged round by round: a round starts the three kinds back to back (in rotating
order), and the bar holds the median over the rounds of Hinge's time against its baseline's in
the same round. This machine's speed comes and goes in spells of seconds: the same bare window
took 136 to 224 ms of CPU time from one start to the next, a few slow starts in a row and then
a few fast ones; a ratio of the two kinds' medians moved by 0.2 from one run of this script to
the next with that, while the three starts of one round share their spell. The ratio of the
medians is printed too.

    python benchmarks/startup.py [--runs 15] [--log empty|demo|both]

Exits 1 when a bar is not met.
"""

from __future__ import annotations

import os
import sys

PAINT_BAR = 1.15
READY_BAR = 2.0
STALL_BAR_MS = 50.0
BEAT_MS = 5
LIST_ROWS = 39


def child_bare(rows: int) -> int:
    import time

    from PySide6.QtCore import Qt, Signal
    from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow

    class Window(QMainWindow):
        first_painted = Signal()

        def __init__(self) -> None:
            super().__init__()
            self._painted = False

        def paintEvent(self, event: object) -> None:
            super().paintEvent(event)  # type: ignore[arg-type]
            if not self._painted:
                self._painted = True
                self.first_painted.emit()

    def painted() -> None:
        print(f"painted {time.perf_counter()}", flush=True)
        print(f"ready {time.perf_counter()} 0 0", flush=True)
        QApplication.quit()

    app = QApplication(sys.argv[:1])
    window = Window()
    window.resize(1280, 800)
    if rows:
        listing = QListWidget()
        listing.addItems([f"Drill {row + 1}" for row in range(rows)])
        window.setCentralWidget(listing)
    window.first_painted.connect(painted, Qt.ConnectionType.QueuedConnection)
    window.show()
    return app.exec()


def child_hinge() -> int:
    import time

    from PySide6.QtCore import QObject, Qt, QTimer

    from hinge_desktop.app import run
    from hinge_desktop.cli.options import parse_args

    beats: list[float] = []
    heartbeat: list[QTimer] = []
    ready_stall: list[float] = []

    def longest_stall(since: int) -> float:
        gaps = [b - a for a, b in zip(beats[since:], beats[since + 1 :], strict=False)]
        return max(0.0, max(gaps, default=0.0) * 1000 - BEAT_MS)

    watching: list[QObject] = []

    def watch_chrome() -> None:
        # Called once Hinge has built its chrome, right after its first paint (and defined
        # here: what it loads is not Hinge's to pay for before it).
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication, QMainWindow

        class ChromePainted(QObject):
            """Reports the status bar's first paint: the chrome is built as a whole."""

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    print(f"chrome {time.perf_counter()}", flush=True)
                    watched.removeEventFilter(self)
                return False

        watching.append(ChromePainted())
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QMainWindow):
                window.statusBar().installEventFilter(watching[0])

    def painted() -> None:
        print(f"painted {time.perf_counter()}", flush=True)
        QTimer.singleShot(0, watch_chrome)
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(BEAT_MS)
        timer.timeout.connect(lambda: beats.append(time.perf_counter()))
        beats.append(time.perf_counter())
        timer.start()
        heartbeat.append(timer)

    def answered() -> None:
        beats.append(time.perf_counter())
        ready_stall.append(longest_stall(0))
        ready_stall.append(len(beats) - 1)
        print(f"ready {time.perf_counter()} {ready_stall[0]:.1f} {len(beats)}", flush=True)

    def ready() -> None:
        # Ready once the event loop has answered after the drill list was filled.
        QTimer.singleShot(0, answered)

    def settled() -> None:
        def report() -> None:
            from PySide6.QtWidgets import QApplication

            beats.append(time.perf_counter())
            since = int(ready_stall[1]) if ready_stall else 0
            print(f"settled {time.perf_counter()} {longest_stall(since):.1f}", flush=True)
            QApplication.quit()

        QTimer.singleShot(0, report)

    return run(
        parse_args([]),
        on_first_paint=painted,
        on_ready=ready,
        on_settled=settled,
    )


def time_one(args: list[str]) -> dict[str, float]:
    """Seconds from spawn to each report, and the stalls Hinge reports (in ms). For Hinge,
    ``args`` is ``["hinge", DATA_HOME]``: its data folder is found in ``DATA_HOME``."""
    import subprocess
    import time

    environment = dict(os.environ)
    if args[0] == "hinge":
        environment["XDG_DATA_HOME"] = args[1]
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", args[0]],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    found: dict[str, float] = {}
    for line in process.stdout:
        now = time.perf_counter()
        word, *rest = line.split()
        found[word] = now - start
        if word == "ready":
            found["stall"] = float(rest[1])
        if word == "settled":
            found["settle_stall"] = float(rest[1])
    _out, err = process.communicate(timeout=60)
    wanted = {"painted", "ready"} | ({"chrome", "settled"} if args[0] == "hinge" else set())
    if process.returncode != 0 or not wanted <= found.keys():
        raise SystemExit(f"{args[0]} exited {process.returncode}, reported {found}:\n{err}")
    return found


def demo_folder(data_home: str) -> None:
    """Fill Hinge's data folder in ``data_home`` with the demo's two years, as ``--demo`` does."""
    import subprocess

    from hinge_desktop import APP_NAME

    folder = os.path.join(data_home, APP_NAME)
    subprocess.run(
        [sys.executable, "-m", "hinge_desktop", "--data-dir", folder, "--demo", "--version"],
        check=True,
        capture_output=True,
    )


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        kind = sys.argv[2]
        if kind == "hinge":
            return child_hinge()
        return child_bare(LIST_ROWS if kind == "list" else 0)

    import argparse
    import statistics
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each (default 15)")
    parser.add_argument("--log", choices=("empty", "demo", "both"), default="both")
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Bytecode is cached as after any install, for Hinge and the baselines alike.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    logs = ("empty", "demo") if options.log == "both" else (options.log,)
    failed = False
    print(f"start-up, {options.runs} runs of each, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    for log in logs:
        with tempfile.TemporaryDirectory(prefix="hinge-bench-") as data_dir:
            if log == "demo":
                demo_folder(data_dir)
            kinds = {"bare": ["bare"], "list": ["list"], "hinge": ["hinge", data_dir]}
            for args in kinds.values():
                time_one(args)  # warm-up: bytecode caches, shared libraries, the log's files
            runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
            order = list(kinds)
            for run in range(options.runs):
                for kind in order[run % 3 :] + order[: run % 3]:
                    runs[kind].append(time_one(kinds[kind]))
        failed |= report(log, runs, statistics)
    return 1 if failed else 0


def report(log: str, runs: dict[str, list[dict[str, float]]], statistics: object) -> bool:
    """Print one log's figures; True if a bar is not met."""
    from statistics import median

    def ms(kind: str, what: str) -> float:
        return median(run[what] for run in runs[kind]) * 1000

    def by_round(what: str, baseline: str) -> float:
        """The median over the rounds of Hinge's time against the baseline's in its round."""
        return median(
            hinge[what] / base[what]
            for hinge, base in zip(runs["hinge"], runs[baseline], strict=True)
        )

    hinge_stalls = [run["stall"] for run in runs["hinge"]]
    settle_stalls = [run["settle_stall"] for run in runs["hinge"]]
    paint = by_round("painted", "bare")
    ready = by_round("ready", "list")
    stall = median(hinge_stalls)
    print(f"\n{log} log (medians; the ratios: medians of each round's ratio)")
    print(f"  bare QMainWindow, first paint   {ms('bare', 'painted'):6.0f} ms")
    print(f"  bare window with a {LIST_ROWS}-row list   {ms('list', 'ready'):6.0f} ms")
    print(f"  Hinge first paint               {ms('hinge', 'painted'):6.0f} ms")
    print(f"  Hinge chrome painted            {ms('hinge', 'chrome'):6.0f} ms")
    print(f"  Hinge ready (drill list filled) {ms('hinge', 'ready'):6.0f} ms")
    print(f"  Hinge every view built          {ms('hinge', 'settled'):6.0f} ms")
    print(
        f"  ratios of the medians: first paint "
        f"{ms('hinge', 'painted') / ms('bare', 'painted'):.2f}, ready "
        f"{ms('hinge', 'ready') / ms('list', 'ready'):.2f} (no bar)"
    )
    checks = [
        ("first paint, Hinge / bare window", paint, PAINT_BAR, ""),
        ("ready, Hinge / window with a list", ready, READY_BAR, ""),
        ("longest stall, first paint to ready", stall, STALL_BAR_MS, " ms"),
    ]
    failed = False
    for name, value, bar, unit in checks:
        verdict = "within" if value <= bar else "OVER"
        failed |= value > bar
        print(f"  {name:<38} {value:6.2f}{unit}  ({verdict} the bar of {bar}{unit})")
    print(
        f"  longest stall to ready, worst run     {max(hinge_stalls):6.1f} ms\n"
        f"  longest stall, ready to every view built: median {median(settle_stalls):.1f} ms, "
        f"worst {max(settle_stalls):.1f} ms"
    )
    return failed


if __name__ == "__main__":
    sys.exit(main())
