"""Importing a large Strong export: read, plan and store 25,000 rows, and the window meanwhile.

Why: a lifter who moves from Strong brings years of sets in one file. File → Import must show
the preview and store it in a few seconds, all or nothing, and the window must keep answering
while it does (the work runs on the import worker's thread, with its own connection).

How:

1. A Strong CSV of :data:`ROWS` rows is generated: about five years of workouts of five to seven
   exercises, three to five sets each, weights in kg in the header, with notes, RPE, warm-ups
   and a few exercises Hinge has no drill for (they become drills of one's own).
2. Hinge's import, step by step, on a fresh training log: ``read_export`` (parse),
   ``prepare_import`` (plan: match exercises, check every set, count those already stored) and
   ``store_import`` (store, in one transaction, with the backup before writing).
3. The baseline, in the same run: the same sets as rows, inserted with one raw ``sqlite3``
   ``executemany`` and one commit into a fresh training log of the same schema and pragmas.
4. The whole import through the import worker, as File → Import runs it, with a 1 ms QTimer on
   the GUI thread: the longest gap between its ticks is the longest the window froze. The worker
   shares the interpreter with the GUI thread, so a garbage collection the worker's
   allocations start would hold the GUI thread too (its jobs run with the collector off, see
   ``ui/gc_pauses.py``): the figure is printed against the frame (16 ms) and against a freeze a
   person notices (100 ms), which is the bar here. ``stalls.py`` measures the import through
   the window's File → Import, against the frame.

Exits 1 if the import takes longer than :data:`BAR_SECONDS` or the window stops for
:data:`FREEZE_MS` or more.

    python benchmarks/import_strong.py [--rows 25000] [--dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from hinge_desktop.domain.catalogue import builtin_catalogue
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.backups import back_up, backups_folder
from hinge_desktop.storage.importing.prepare import prepare_import, read_export, store_import
from hinge_desktop.storage.sets import to_row
from hinge_desktop.storage.store import open_store

ROWS = 25_000
BAR_SECONDS = 5.0
"""A few seconds, from choosing Import to the sets in the log."""
FRAME_MS = 16.0
"""A frame: the product brief's bar for GUI-thread stalls while speaking, logging or charting."""
FREEZE_MS = 100.0
"""A stop of the window a person notices: the bar for the import."""

HEADER = (
    "Workout #",
    "Date",
    "Workout Name",
    "Duration (sec)",
    "Exercise Name",
    "Set Order",
    "Weight (kg)",
    "Reps",
    "RPE",
    "Distance (meters)",
    "Seconds",
    "Notes",
    "Workout Notes",
)
EXERCISES = (
    ("Romanian Deadlift (Barbell)", 60.0),
    ("Hip Thrust (Barbell)", 80.0),
    ("Kettlebell Swing", 24.0),
    ("Good Morning (Barbell)", 40.0),
    ("Glute Bridge", 0.0),
    ("Deadlift (Barbell)", 100.0),
    ("Bench Press (Barbell)", 60.0),
    ("Lat Pulldown (Cable)", 50.0),
    ("Squat (Barbell)", 80.0),
    ("Seated Row (Cable)", 45.0),
)
NAMES = ("Posterior chain A", "Posterior chain B", "Full body", "Pull + hinge")


def write_strong_csv(path: Path, rows: int, seed: int = 7) -> int:
    """A Strong export of ``rows`` set rows; returns the number of workouts in it."""
    rng = random.Random(seed)
    start = datetime(2020, 1, 6, 7, 0, 0)
    written = workout = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(HEADER)
        day = start
        while written < rows:
            workout += 1
            day += timedelta(days=rng.choice((1, 2, 2, 3)), minutes=rng.randint(-30, 30))
            name = rng.choice(NAMES)
            duration = rng.randint(2400, 5400)
            note = rng.choice(("", "", "Slept well", 'Hips "snapped" through, 8h sleep'))
            for exercise, load in rng.sample(EXERCISES, rng.randint(5, 7)):
                for number in range(1, rng.randint(3, 5) + 1):
                    if written == rows:
                        break
                    order = "W" if number == 1 and load > 40 else str(number)
                    weight = round((load + rng.choice((0, 2.5, 5))) * 2) / 2
                    out.writerow(
                        (
                            workout,
                            day.strftime("%Y-%m-%d %H:%M:%S"),
                            name,
                            duration,
                            exercise,
                            order,
                            f"{weight:g}",
                            rng.randint(5, 12),
                            rng.choice(("", "7", "7.5", "8")),
                            "",
                            "",
                            rng.choice(("", "", "", "Grip went, use straps")),
                            note,
                        )
                    )
                    written += 1
    return workout


RAW_INSERT = (
    "INSERT INTO sets (workout_id, drill_id, performed_at, utc_offset, set_number, side, reps, "
    "hold_seconds, weight, unit, band, rpe, kind, note, result, measured, import_id) "
    "VALUES (:workout_id, :drill_id, :performed_at, :utc_offset, :set_number, :side, :reps, "
    ":hold_seconds, :weight, :unit, :band, :rpe, :kind, :note, :result, :measured, NULL)"
)


def baseline(path: Path, rows: list[dict[str, object]]) -> float:
    """Seconds for one raw executemany of ``rows`` and its commit, on a fresh log's file."""
    open_store(path).close()  # the same schema, pragmas and indexes
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        began = time.perf_counter()
        conn.executemany(RAW_INSERT, ({**row, "workout_id": None} for row in rows))
        conn.commit()
        return time.perf_counter() - began
    finally:
        conn.close()


def through_the_worker(database: Path, source: Path) -> tuple[float, float, int]:
    """The whole import as File → Import runs it: (seconds, longest GUI gap in ms, sets)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from hinge_desktop.ui.transfer.import_worker import ImportPreview, ImportRunner

    app = QApplication.instance() or QApplication([])
    catalogue = [(drill.id, drill.name) for drill in builtin_catalogue()]
    open_store(database).close()
    runner = ImportRunner(database, before_writing=None)
    loop = QEventLoop()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    outcome: list[int] = []

    def failed(error: Exception) -> None:
        print(f"   the import failed: {error}")
        loop.quit()

    def prepared(preview: ImportPreview) -> None:
        runner.store(
            preview.prepared,
            on_done=lambda done: (outcome.append(done.sets_added), loop.quit()),
            on_error=failed,
        )

    began = time.perf_counter()
    timer.start()
    last[0] = time.perf_counter()
    runner.prepare(source, catalogue, Unit.KG, on_done=prepared, on_error=failed)
    loop.exec()
    seconds = time.perf_counter() - began
    timer.stop()
    runner.shutdown()
    del app
    return seconds, max(gaps, default=0.0) * 1000, outcome[0] if outcome else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS, help=f"rows (default {ROWS})")
    parser.add_argument("--dir", type=Path, default=None, help="work under DIR")
    options = parser.parse_args()
    catalogue = [(drill.id, drill.name) for drill in builtin_catalogue()]

    with tempfile.TemporaryDirectory(prefix="hinge-bench-", dir=options.dir) as folder:
        root = Path(folder)
        source = root / "strong.csv"
        workouts = write_strong_csv(source, options.rows)
        size = source.stat().st_size / 1e6
        print(f"1. {source.name}: {options.rows:,} rows in {workouts:,} workouts, {size:.1f} MB")

        store = open_store(root / "hinge.sqlite3")
        try:
            began = time.perf_counter()
            parsed = read_export(source)
            read_s = time.perf_counter() - began
            began = time.perf_counter()
            prepared = prepare_import(store.db, source, parsed, catalogue, Unit.KG)
            plan_s = time.perf_counter() - began
            plan = prepared.plan
            if plan.problems:
                print(f"   the file has {len(plan.problems)} problems; nothing stored")
                return 1
            folder_of_backups = backups_folder(store.path)
            began = time.perf_counter()
            outcome = store_import(
                store.db,
                prepared,
                before_writing=lambda: back_up(store.db.conn, folder_of_backups, "before-import"),
            )
            store_s = time.perf_counter() - began
            rows = [to_row(s) for planned in plan.workouts for s in planned.sets]
        finally:
            store.close()
        total = read_s + plan_s + store_s
        print(
            f"2. Hinge: parse {read_s * 1000:.0f} ms, plan {plan_s * 1000:.0f} ms, "
            f"store {store_s * 1000:.0f} ms (backup first, one transaction): "
            f"{total:.2f} s for {outcome.sets_added:,} sets in {outcome.workouts_added:,} "
            f"workouts, {outcome.drills_added} new drills of one's own"
        )
        raw_s = baseline(root / "baseline.sqlite3", rows)
        print(
            f"3. baseline: raw sqlite3 executemany of the same {len(rows):,} set rows + commit, "
            f"same schema and pragmas: {raw_s * 1000:.0f} ms"
        )
        print(
            f"   ratio Hinge store/baseline: {store_s / raw_s:.1f}×; "
            f"whole import/baseline: {total / raw_s:.1f}×"
        )
        worker_s, gap_ms, added = through_the_worker(root / "worker.sqlite3", source)
        print(
            f"4. through the import worker (parse, plan, store; no backup): {worker_s:.2f} s "
            f"for {added:,} sets; longest GUI-thread gap {gap_ms:.1f} ms"
        )
        frame = "within" if gap_ms < FRAME_MS else "over"
        print(f"   the longest gap is {frame} a frame ({FRAME_MS:g} ms)")
    stored = added == outcome.sets_added
    if not stored:
        print(f"   the worker stored {added:,} sets, not {outcome.sets_added:,}")
    passed = stored and total < BAR_SECONDS and worker_s < BAR_SECONDS and gap_ms < FREEZE_MS
    print(
        f"{'PASS' if passed else 'FAIL'}: import {total:.2f} s and {worker_s:.2f} s through the "
        f"worker (bar: under {BAR_SECONDS:g} s), longest GUI gap {gap_ms:.1f} ms "
        f"(bar: under {FREEZE_MS:g} ms)"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
