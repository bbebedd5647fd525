"""The check before the log opens, against SQLite's quick_check on the same log.

Why: at every start Hinge checks the log with ``PRAGMA integrity_check`` and a read of every row
(``storage/soundness.py``), which finds index damage and rows that cannot be read that
``quick_check`` misses. It runs off the GUI thread (``ui/shell/checking.py``), so the window
answers meanwhile, but the log opens only once it is done: it must stay well under a second with
years of training.

How:

1. A database of about 25,000 sets (a heavy few years) is built through Hinge's storage layer
   (``benchmarks/_history.py``) and checkpointed, as a log that closed cleanly.
2. Timed :data:`RUNS` times each, interleaved: ``start_check`` (what a start runs: the unclosed
   write-ahead log look, the damage check, nothing to recover) and, as the baseline in the same
   run, a read-only connection running ``PRAGMA quick_check``.
3. Prints the medians and their ratio; exits 1 if the check's median is over :data:`BAR_S`.

    python benchmarks/start_check.py [--sets 25000] [--runs 15] [--dir DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _history import build

from hinge_desktop.storage.integrity import start_check
from hinge_desktop.storage.store import open_store

RUNS = 15
BAR_S = 1.0


def quick_check(database: Path) -> None:
    conn = sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        conn.execute("PRAGMA quick_check").fetchall()
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="hinge-start-check-"))
    database = folder / "hinge.sqlite3"
    store = open_store(database)
    try:
        if store.sets.count() < args.sets:
            build(store, args.sets - store.sets.count())
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        sets = store.sets.count()
    finally:
        store.close()
    size = database.stat().st_size / 1e6
    checks: list[float] = []
    quick: list[float] = []
    for _ in range(args.runs):
        began = time.perf_counter()
        result = start_check(database, folder / "backups")
        checks.append(time.perf_counter() - began)
        if result.recovery is not None or result.kept_wal is not None:
            print(f"the check found something to do: {result.messages}", file=sys.stderr)
            return 1
        began = time.perf_counter()
        quick_check(database)
        quick.append(time.perf_counter() - began)
    check_ms = statistics.median(checks) * 1000
    quick_ms = statistics.median(quick) * 1000
    print(f"log: {sets:,} sets, {size:.1f} MB ({folder})")
    print(f"start_check (integrity_check + every row): median {check_ms:.0f} ms")
    print(f"baseline PRAGMA quick_check:               median {quick_ms:.0f} ms")
    print(f"ratio: {check_ms / quick_ms:.1f}x the baseline; bar {BAR_S * 1000:.0f} ms")
    return 0 if check_ms <= BAR_S * 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
