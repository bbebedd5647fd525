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
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hinge_desktop.domain.training import (
    CheckOutcome,
    LoggedSet,
    SetKind,
    Side,
    Unit,
    Workout,
)
from hinge_desktop.storage import timecodec
from hinge_desktop.storage.store import Store, open_store

BAR_MS = 5.0
SETS = 100_000
CLICKS = 200
WARM_UP_CLICKS = 10
CHUNK = 5_000
YEARS = 10
ZONE = timezone(timedelta(hours=1))

# (drill id, reps or None for a hold, load in kg or None, per side)
DRILLS = (
    ("glute-bridge", 12, None, False),
    ("single-leg-glute-bridge", 10, None, True),
    ("hip-extension-bench-hands", 12, None, False),
    ("roll-stretch-hamstrings", None, None, False),
    ("wall-hip-hinge", 10, None, False),
    ("dowel-hinge", 8, None, False),
    ("dead-bug", 10, None, True),
    ("band-pull-through", 12, None, False),
    ("good-morning", 12, None, False),
    ("kettlebell-deadlift", 10, 16.0, False),
    ("romanian-deadlift", 8, 60.0, False),
    ("kettlebell-swing", 15, 20.0, False),
    ("hip-thrust", 10, 70.0, False),
    ("single-leg-rdl", 8, 12.0, True),
)
CHECKS = ("glute-squeeze-test", "aslr-test", "wall-hinge-check")


def training_history(total: int, seed: int = 1) -> Iterator[LoggedSet]:
    """About ``total`` sets, near-daily over :data:`YEARS` years, oldest first."""
    rng = random.Random(seed)
    days = YEARS * 365
    start = datetime(2015, 1, 5, 7, 0, tzinfo=ZONE)
    produced = 0
    for day in range(days):
        if produced >= total:
            return
        if rng.random() < 0.1:
            continue  # a rest day
        moment = start + timedelta(days=day, minutes=rng.randint(0, 14 * 60))
        progress = day / days
        # Aim at what is left over the days left, so the history spans the whole ten years;
        # a drill's sets go past the day's budget by about three on average.
        per_day = (total - produced) / max(1.0, (days - day) * 0.9)
        budget = max(1, round(rng.gauss(per_day - 3, 3)))
        if rng.random() < 0.02:
            check = rng.choice(CHECKS)
            measured = round(rng.uniform(60, 95), 1) if check == "aslr-test" else None
            yield LoggedSet(
                drill_id=check,
                performed_at=moment,
                result=rng.choice(list(CheckOutcome)),
                measured=measured,
            )
            produced += 1
        set_number = 0
        while budget > 0 and produced < total:
            drill_id, reps, load, per_side = rng.choice(DRILLS)
            for number in range(1, rng.randint(2, 4) + 1):
                sides = (Side.LEFT, Side.RIGHT) if per_side else (None,)
                for side in sides:
                    if produced >= total:
                        return
                    moment += timedelta(seconds=rng.randint(45, 150))
                    set_number += 1
                    weight = None if load is None else round(load * (1 + progress), 1)
                    unit = None
                    if weight is not None:
                        unit = Unit.LB if day % 7 == 3 else Unit.KG
                        weight = weight if unit is Unit.KG else round(weight * 2.2)
                    yield LoggedSet(
                        drill_id=drill_id,
                        performed_at=moment,
                        set_number=number,
                        reps=reps,
                        hold_seconds=None if reps is not None else 60.0,
                        weight=weight,
                        unit=unit,
                        side=side,
                        rpe=round(rng.uniform(6, 9) * 2) / 2 if weight else None,
                        kind=SetKind.WARMUP if number == 1 and weight else SetKind.WORKING,
                    )
                    produced += 1
                    budget -= 1


def build(store: Store, total: int) -> float:
    """Fill the database through the storage layer; returns the seconds it took."""
    began = time.perf_counter()
    chunk: list[LoggedSet] = []
    for logged in training_history(total):
        chunk.append(logged)
        if len(chunk) == CHUNK:
            store.sets.add_many(chunk)
            chunk = []
    if chunk:
        store.sets.add_many(chunk)
    return time.perf_counter() - began


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
