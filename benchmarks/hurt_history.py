"""A drill's pain history: the one read the player makes as a drill starts, in ten years of log.

Why: when the person starts a drill, the player asks the log whether a set of it hurt last time
and whether one went without hurting since (``SetRepository.hurt_history``), to offer the easier
neighbour. It runs on the GUI thread as the drill starts, so it must cost next to nothing with
years of training: no GUI-thread stall over 16 ms (product brief, "How fast"); this script holds
it to a median under 1 ms, beside the "last time" read the player already makes there.

How:

1. A database of about 100,000 sets over ten years of near-daily training is built through
   Hinge's storage layer (``benchmarks/_history.py``), and ``ANALYZE`` is run on it, as a log
   that SQLite has had time to study.
2. Sets are marked as having hurt: one in 300 of every drill's sets, spread over the years; and,
   for the worst case, the last 200 sets of the kettlebell deadlift all in a row (the search for
   a later set that did not hurt then walks past every one of them).
3. For every drill of the history, timed :data:`RUNS` times each, interleaved:
   ``SetRepository.hurt_history(drill)`` and, as the baseline in the same run,
   ``SetRepository.last_time(drill)``.
4. The query's plan (``EXPLAIN QUERY PLAN``) is printed; it must read the marks and then the
   drill's sets through indexes, never scan the table of sets.

Exits 1 if the plan scans the sets or the median misses the bar.

    python benchmarks/hurt_history.py [--sets 100000] [--runs 50] [--dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _history import DRILLS, build

from hinge_desktop.storage.hurt_queries import history_plan
from hinge_desktop.storage.store import open_store

BAR_MS = 1.0
SETS = 100_000
RUNS = 50
WORST_DRILL = "kettlebell-deadlift"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=SETS)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--dir", type=Path, help="keep the database here (reused if present)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="hinge-hurt-"))
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / "hinge.sqlite3")
    try:
        if store.sets.count() == 0:
            seconds = build(store, args.sets)
            print(f"built {store.sets.count():,} sets in {seconds:.1f} s")
            with store.db.conn:
                store.db.execute(
                    "INSERT OR IGNORE INTO hurt_sets (set_id) SELECT id FROM sets "
                    "WHERE id % 300 = 0"
                )
                store.db.execute(
                    "INSERT OR IGNORE INTO hurt_sets (set_id) SELECT id FROM sets "
                    "WHERE drill_id = ? ORDER BY performed_at DESC LIMIT 200",
                    [WORST_DRILL],
                )
            store.db.execute("ANALYZE")
        marks = store.db.execute("SELECT count(*) FROM hurt_sets").fetchone()[0]
        print(f"{store.sets.count():,} sets, {marks:,} of them marked as hurt")

        plan = history_plan(store.db, WORST_DRILL)
        print("plan:")
        for step in plan:
            print(f"  {step}")
        scans = [s for s in plan if s.startswith("SCAN") and s not in ("SCAN mark", "SCAN last")]

        hurt: list[float] = []
        last: list[float] = []
        worst: list[float] = []
        for _ in range(args.runs):
            for drill_id, *_rest in DRILLS:
                began = time.perf_counter()
                store.sets.hurt_history(drill_id)
                took = (time.perf_counter() - began) * 1000
                (worst if drill_id == WORST_DRILL else hurt).append(took)
                began = time.perf_counter()
                store.sets.last_time(drill_id)
                last.append((time.perf_counter() - began) * 1000)

        median = statistics.median(hurt + worst)
        print(f"{'read':<52}{'median ms':>10}{'max ms':>10}")
        for name, values in (
            ("hurt_history, every drill", hurt + worst),
            (f"hurt_history, {WORST_DRILL} (200 hurt in a row)", worst),
            ("last_time (baseline), every drill", last),
        ):
            print(f"{name:<52}{statistics.median(values):>10.3f}{max(values):>10.3f}")
        print(f"ratio to the baseline: {median / statistics.median(last):.2f}")
        verdict = "PASS" if median < BAR_MS and not scans else "FAIL"
        scanned = ", ".join(scans) or "none"
        print(f"{verdict}: median {median:.3f} ms (bar {BAR_MS} ms); table scans: {scanned}")
        return 0 if verdict == "PASS" else 1
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
