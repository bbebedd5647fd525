"""Start-up: process start to the main window's first paint, Hinge against a bare QMainWindow.

Both are started the same way (a fresh Python process running this file), in alternating runs,
and timed from just before the process is spawned until it reports its first paint. The product's
bar is a ratio of at most 1.3. For Hinge it also times the moment it is ready to use: database
open, drill catalogue loaded and checked, every view built.

    python benchmarks/startup.py [--runs 21]
"""

from __future__ import annotations

import os
import sys

BAR = 1.3
PAINTED = "painted"
READY = "ready"


def child_bare() -> int:
    from PySide6.QtCore import Qt, Signal
    from PySide6.QtWidgets import QApplication, QMainWindow

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

    app = QApplication(sys.argv[:1])
    window = Window()
    window.resize(1280, 800)
    window.first_painted.connect(_report_and_quit, Qt.ConnectionType.QueuedConnection)
    window.show()
    return app.exec()


def child_hinge(data_dir: str) -> int:
    from hinge_desktop.app import run
    from hinge_desktop.cli.options import parse_args

    return run(
        parse_args(["--data-dir", data_dir]),
        on_first_paint=lambda: print(PAINTED, flush=True),
        on_ready=_report_ready_and_quit,
    )


def _report_and_quit() -> None:
    from PySide6.QtWidgets import QApplication

    print(PAINTED, flush=True)
    QApplication.quit()


def _report_ready_and_quit() -> None:
    from PySide6.QtWidgets import QApplication

    print(READY, flush=True)
    QApplication.quit()


def time_one(args: list[str], ready_times: list[float] | None = None) -> float:
    """Seconds to the first paint; appends the seconds to "ready" to ``ready_times`` if given."""
    import subprocess
    import time

    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    elapsed = time.perf_counter() - start
    if ready_times is not None:
        ready = process.stdout.readline().strip()
        ready_times.append(time.perf_counter() - start)
        if ready != READY:
            process.kill()
            raise SystemExit(f"{args[0]} did not report ready (got {ready!r})")
    _out, err = process.communicate(timeout=60)
    if line != PAINTED:
        raise SystemExit(f"{args[0]} did not report a paint (got {line!r}):\n{err}")
    return elapsed


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        kind, *rest = sys.argv[2:]
        return child_bare() if kind == "bare" else child_hinge(rest[0])

    import argparse
    import statistics
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="timed runs of each (default 21)")
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory(prefix="hinge-bench-") as data_dir:
        bare_args, hinge_args = ["bare"], ["hinge", data_dir]
        time_one(bare_args)  # warm-up: bytecode caches, shared libraries, the database file
        time_one(hinge_args, [])
        bare: list[float] = []
        hinge: list[float] = []
        ready: list[float] = []
        for run in range(options.runs):
            order = [(bare_args, bare, None), (hinge_args, hinge, ready)]
            for args, times, ready_times in order if run % 2 == 0 else reversed(order):
                times.append(time_one(args, ready_times))

    platform = os.environ["QT_QPA_PLATFORM"]
    ratio = statistics.median(hinge) / statistics.median(bare)
    print(f"start-up to first paint, {options.runs} runs each, QT_QPA_PLATFORM={platform}")
    for name, times in (("bare QMainWindow", bare), ("Hinge", hinge)):
        ordered = sorted(times)
        print(
            f"  {name:<17} median {statistics.median(times) * 1000:6.0f} ms   "
            f"min {ordered[0] * 1000:6.0f} ms   max {ordered[-1] * 1000:6.0f} ms"
        )
    print(
        f"  {'Hinge ready':<17} median {statistics.median(ready) * 1000:6.0f} ms   "
        f"(database, drill catalogue and every view; "
        f"{statistics.median(ready) * 1000 - statistics.median(hinge) * 1000:.0f} ms after paint)"
    )
    verdict = "within" if ratio <= BAR else "OVER"
    print(f"  ratio Hinge / bare: {ratio:.2f}  ({verdict} the bar of {BAR})")
    # The fastest runs are the least disturbed by other work on a shared machine.
    print(f"  ratio of the fastest runs: {min(hinge) / min(bare):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
