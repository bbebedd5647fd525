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

Exits 1 if the import's peak reaches :data:`BAR_TIMES` the file's size.

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
    options = parser.parse_args()
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
    passed = peak < BAR_TIMES * size
    print(
        f"{'PASS' if passed else 'FAIL'}: the import's peak memory is {peak / size:.1f}× the "
        f"file's size (bar: under {BAR_TIMES:g}×)"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
