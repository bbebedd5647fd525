"""The memory an import takes: ``hinge-desktop --import`` on a large Strong export, its peak
resident memory against the file's size and against Python's own ``csv`` reading the same file.

Why: a lifter who moves from Strong brings years of sets in one file, and a file that is not an
export at all may be large too. The import streams the file (a line at a time, never the whole
text), so its peak memory is bounded by the sets it keeps, not by the file: the bar is a peak
under 10× the file's size (the product brief).

How:

1. A Strong CSV of :data:`ROWS` rows (about 20 MB) is generated as ``import_strong.py`` makes
   it: years of workouts, weights in kg in the header, notes, RPE, warm-ups.
2. ``hinge-desktop --data-dir DIR --import FILE`` runs in a child process of a small watcher
   process; the watcher's ``RUSAGE_CHILDREN`` gives the importer's peak resident memory alone.
3. The baseline, the same way: a child that only reads every record of the file with ``csv``.
4. The import as File → Import runs it, on the import worker's thread of a Qt application,
   with start-up's objects frozen as the start sequence freezes them (``ui/gc_pauses.py``: the
   import's survivors are frozen too, and no full collection runs while it imports): imported,
   taken back (Edit → Undo) and imported again, :data:`ROUNDS` times, in a child of the watcher.
   Its resident memory after each round shows whether frozen objects pile up (they must not:
   what an undone import leaves is freed), and its peak, less the application's before the
   first import, is the import's own, held to the same bar.

Exits 1 if an import's peak reaches :data:`BAR_TIMES` the file's size, or if the resident
memory after the last round of the worker's imports is over :data:`GROWTH_BAR` times the one
after the first.

    python benchmarks/import_memory.py [--rows 200000] [--dir DIR]

(The generated history stays within plausible years up to about 700,000 rows.)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from import_strong import write_strong_csv

ROWS = 200_000
BAR_TIMES = 10.0
ROUNDS = 3
GROWTH_BAR = 1.25

WATCHER = textwrap.dedent(
    """
    import resource, subprocess, sys
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(done.returncode, peak)
    sys.stderr.write(done.stdout + done.stderr)
    """
)
"""Runs a command as its only child and prints its exit code and its peak memory in bytes."""

RAW_CSV = "import csv, sys\nfor _ in csv.reader(open(sys.argv[1], newline='')): pass\n"


def resident() -> int:
    """This process's resident memory now, in bytes."""
    import resource

    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def through_the_worker(source: Path, data: Path) -> int:
    """The import as the window runs it, ``ROUNDS`` times imported and taken back; prints the
    resident memory before and after each round (a child of the watcher runs this)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from hinge_desktop.domain.catalogue import builtin_catalogue
    from hinge_desktop.domain.training import Unit
    from hinge_desktop.storage.store import open_store
    from hinge_desktop.ui import gc_pauses
    from hinge_desktop.ui.transfer.import_worker import ImportRunner, StoredImport

    app = QApplication.instance() or QApplication([])
    catalogue = [(drill.id, drill.name) for drill in builtin_catalogue()]
    open_store(data / "hinge.sqlite3").close()
    runner = ImportRunner(data / "hinge.sqlite3", before_writing=None)
    gc_pauses.freeze_start_up()
    print("before", resident())
    loop = QEventLoop()
    answers: list[object] = []

    def answer(value: object) -> None:
        answers.append(value)
        loop.quit()

    def failed(error: Exception) -> None:
        raise SystemExit(f"the import failed: {error}")

    for _round in range(ROUNDS):
        runner.prepare(source, catalogue, Unit.KG, answer, failed)
        loop.exec()
        record = StoredImport()
        preview = answers.pop()
        runner.store(preview.prepared, answer, failed, record=record)  # type: ignore[attr-defined]
        loop.exec()
        del preview  # the preview is closed; the undo stack keeps only the plan, then drops it
        runner.remove(record, answer, failed)
        loop.exec()
        answers.clear()
        print("round", resident())
    runner.shutdown()
    del app
    return 0


def peak_of(command: list[str]) -> tuple[int, int, str]:
    """(exit code, peak resident bytes, output) of ``command`` run alone under the watcher."""
    watched = subprocess.run(
        [sys.executable, "-c", WATCHER, *command], capture_output=True, text=True, check=True
    )
    code, peak = watched.stdout.split()
    return int(code), int(peak), watched.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS, help=f"rows (default {ROWS:,})")
    parser.add_argument("--dir", type=Path, default=None, help="work under DIR")
    parser.add_argument("--worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        return through_the_worker(*options.worker)
    with tempfile.TemporaryDirectory(prefix="hinge-bench-", dir=options.dir) as folder:
        root = Path(folder)
        source = root / "strong.csv"
        workouts = write_strong_csv(source, options.rows)
        size = source.stat().st_size
        print(
            f"1. {source.name}: {options.rows:,} rows in {workouts:,} workouts, {size / 1e6:.1f} MB"
        )

        began = time.perf_counter()
        data = str(root / "data")
        command = ["-m", "hinge_desktop", "--data-dir", data, "--import", str(source)]
        code, peak, output = peak_of([sys.executable, *command])
        seconds = time.perf_counter() - began
        if code != 0:
            last = "\n".join(output.splitlines()[-3:])
            print(f"   the import failed ({code}):\n{last}")
            return 1
        print(f"   {output.splitlines()[0]}")
        print(
            f"2. hinge-desktop --import: peak {peak / 1e6:.1f} MB, {peak / size:.1f}× the file, "
            f"in {seconds:.1f} s"
        )
        _, raw, _ = peak_of([sys.executable, "-c", RAW_CSV, str(source)])
        print(
            f"3. baseline, Python's csv reading every record: peak {raw / 1e6:.1f} MB, "
            f"{raw / size:.1f}× the file; the import takes {peak / raw:.1f}× that"
        )
        here = str(Path(__file__).resolve())
        command = [sys.executable, here, "--worker", str(source), str(root)]
        code, worker_peak, output = peak_of(command)
        lines = output.splitlines()
        if code != 0:
            print(f"   the import through the worker failed ({code}):\n" + "\n".join(lines[-3:]))
            return 1
        before = int(next(line for line in lines if line.startswith("before")).split()[1])
        rounds = [int(line.split()[1]) for line in lines if line.startswith("round")]
        own = worker_peak - before
        print(
            f"4. through the import worker, frozen as at start: {before / 1e6:.0f} MB before; "
            f"after each import taken back "
            f"{', '.join(f'{value / 1e6:.0f}' for value in rounds)} MB; peak "
            f"{worker_peak / 1e6:.0f} MB, {own / 1e6:.0f} MB of it the import's, "
            f"{own / size:.1f}× the file"
        )
    growth = rounds[-1] / rounds[0]
    passed = peak < BAR_TIMES * size and own < BAR_TIMES * size and growth <= GROWTH_BAR
    print(
        f"{'PASS' if passed else 'FAIL'}: the import's peak memory is {peak / size:.1f}× the "
        f"file's size, {own / size:.1f}× through the worker (bar: under {BAR_TIMES:g}×); "
        f"after {ROUNDS} rounds {growth:.2f}× the memory after the first (bar: at most "
        f"{GROWTH_BAR:g}×)"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
