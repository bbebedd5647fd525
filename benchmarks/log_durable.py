"""Click to durable: one logged set written to disk, in a training log of ten years.

Why: the person taps "Log set" on the floor, between sets, and a kill -9 or a power cut a moment
later must not lose it. So each click is one insert in its own transaction, on a database in
write-ahead-log mode with ``synchronous=FULL`` (the commit returns only once the log is on the
disk). The bar (product brief, "How fast") is a median under 5 ms from the click to that return.

How:

1. A database of about 100,000 sets over ten years of near-daily training (several drills a day,
   reps, holds, loads in kg and lb, sides, warm-ups, checks) is built in a temporary folder
   through Hinge's storage layer, in chunks of ``SetRepository.add_many``.
2. The click, timed :data:`CLICKS` times: build a ``LoggedSet`` and ``SetRepository.add`` it, as
   the "Log set" button does. Interleaved with it, the baseline in the same run: a raw
   ``sqlite3`` ``INSERT`` + ``commit`` of the same row on the same file, on a connection with the
   same pragmas (WAL, ``synchronous=FULL``, foreign keys on). The ratio is Hinge's cost over
   SQLite's own.

Exits 1 if the median click misses the bar.

    python benchmarks/log_durable.py [--sets 100000] [--clicks 200] [--dir DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from _history import ZONE, build

from hinge_desktop.domain.training import LoggedSet, Unit, Workout
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.store import Store, open_store

BAR_MS = 5.0
SETS = 100_000
CLICKS = 200
WARM_UP_CLICKS = 10


def raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level="DEFERRED")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode != "wal":
        raise RuntimeError(f"the baseline connection is in {mode} mode, not WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


RAW_INSERT = (
    "INSERT INTO sets (workout_id, drill_id, performed_at, utc_offset, set_number, side, reps, "
    "hold_seconds, weight, unit, band, rpe, kind, note, result, measured) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def measure(
    store: Store, path: Path, clicks: int, workout_id: int
) -> tuple[list[float], list[float]]:
    """Times of Hinge's click and of the raw insert, interleaved, in milliseconds."""
    baseline = raw_connection(path)
    hinge: list[float] = []
    raw: list[float] = []
    try:
        for click in range(WARM_UP_CLICKS + clicks):
            now = datetime.now(ZONE)
            began = time.perf_counter()
            store.sets.add(
                LoggedSet(
                    drill_id="romanian-deadlift",
                    performed_at=now,
                    set_number=click % 5 + 1,
                    reps=8,
                    weight=62.5,
                    unit=Unit.KG,
                    rpe=7.5,
                    workout_id=workout_id,
                )
            )
            hinge_ms = (time.perf_counter() - began) * 1000

            seconds, offset = timecodec.encode(now)
            values = (
                workout_id,
                "romanian-deadlift",
                seconds,
                offset,
                click % 5 + 1,
                None,
                8,
                None,
                62.5,
                "kg",
                None,
                7.5,
                "working",
                "",
                None,
                None,
            )
            began = time.perf_counter()
            baseline.execute(RAW_INSERT, values)
            baseline.commit()
            raw_ms = (time.perf_counter() - began) * 1000
            if click >= WARM_UP_CLICKS:
                hinge.append(hinge_ms)
                raw.append(raw_ms)
    finally:
        baseline.close()
    return hinge, raw


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=SETS, help=f"sets to build (default {SETS})")
    parser.add_argument(
        "--clicks", type=int, default=CLICKS, help=f"clicks to time (default {CLICKS})"
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="build the database under DIR, on the disk to measure (default: the temp folder; "
        "a RAM disk there makes fsync free and the figures meaningless)",
    )
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hinge-bench-", dir=options.dir) as folder:
        path = Path(folder) / "hinge.sqlite3"
        store = open_store(path)
        try:
            seconds = build(store, options.sets)
            count = store.sets.count()
            years = store.db.execute(
                "SELECT (max(performed_at) - min(performed_at)) / 86400.0 / 365.25 FROM sets"
            ).fetchone()[0]
            drills = store.db.execute("SELECT count(DISTINCT drill_id) FROM sets").fetchone()[0]
            workout = store.workouts.start(Workout(started_at=datetime.now(ZONE), name="Bench"))
            assert workout.id is not None
            size = path.stat().st_size / 1e6
            print(
                f"1. training log: {count:,} sets of {drills} drills over {years:.1f} years, "
                f"built in {seconds:.1f} s through SetRepository.add_many ({size:.1f} MB)"
            )
            journal = store.db.execute("PRAGMA journal_mode").fetchone()[0]
            sync = store.db.execute("PRAGMA synchronous").fetchone()[0]
            print(f"   journal_mode={journal}, synchronous={sync} (2 = FULL), in {folder}")
            hinge, raw = measure(store, path, options.clicks, workout.id)
        finally:
            store.close()

    hinge_median, raw_median = statistics.median(hinge), statistics.median(raw)
    print(
        f"2. click to durable, {len(hinge)} clicks (after {WARM_UP_CLICKS} warm-up): "
        f"LoggedSet + SetRepository.add, one transaction each"
    )
    print(
        f"   Hinge:            median {hinge_median:.3f} ms, p95 {p95(hinge):.3f} ms, "
        f"max {max(hinge):.3f} ms"
    )
    print(
        f"   raw sqlite3 INSERT + commit, same file and pragmas (baseline): median "
        f"{raw_median:.3f} ms, p95 {p95(raw):.3f} ms, max {max(raw):.3f} ms"
    )
    print(
        f"   ratio Hinge/baseline: median {hinge_median / raw_median:.2f}×, "
        f"p95 {p95(hinge) / p95(raw):.2f}×"
    )
    passed = hinge_median < BAR_MS
    print(
        f"{'PASS' if passed else 'FAIL'}: median click to durable {hinge_median:.3f} ms "
        f"(bar: median < {BAR_MS:g} ms)"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
