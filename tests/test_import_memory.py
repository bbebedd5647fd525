"""An import streams its file: ``hinge-desktop --import`` on a Strong export of about 20 MB
peaks under ten times the file's size (the product brief's bar), measured as the peak resident
memory of the importing process alone."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

WATCHER = textwrap.dedent(
    """
    import resource, subprocess, sys
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
    sys.stderr.write(done.stdout + done.stderr)
    """
)
"""Runs the importer as its only child, so the peak it reports is the importer's alone."""

HEADER = (
    "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,"
    "Distance (meters),Seconds,Notes,Workout Notes"
)
EXERCISES = (
    ("Romanian Deadlift (Barbell)", 60.0),
    ("Hip Thrust (Barbell)", 80.0),
    ("Kettlebell Swing", 24.0),
    ("Good Morning (Barbell)", 40.0),
    ("Bench Press (Barbell)", 60.0),
    ("Lat Pulldown (Cable)", 50.0),
    ("Squat (Barbell)", 80.0),
)


def years_of_strong(path: Path, rows: int) -> None:
    """A Strong export of ``rows`` set rows: workouts of five exercises, four sets each."""
    rng = random.Random(3)
    day = datetime(2015, 1, 5, 7, 0)
    lines = [HEADER]
    workout = 0
    while len(lines) <= rows:
        workout += 1
        day += timedelta(days=rng.choice((1, 2, 3)), minutes=rng.randint(-20, 20))
        note = rng.choice(("", "", "Slept well", "Hips felt tight, long warm-up"))
        for exercise, load in rng.sample(EXERCISES, 5):
            for number in range(1, 5):
                weight = load + rng.choice((0, 2.5, 5))
                lines.append(
                    f'{workout},{day:%Y-%m-%d %H:%M:%S},"Posterior chain",3900,"{exercise}",'
                    f"{number},{weight:g},{rng.randint(5, 12)},{rng.choice(('', '7', '8'))},,,"
                    f',"{note}"'
                )
    path.write_text("\n".join(lines[: rows + 1]) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_an_import_peaks_under_ten_times_its_file(tmp_path: Path) -> None:
    source = tmp_path / "strong.csv"
    years_of_strong(source, 200_000)
    size = source.stat().st_size
    assert size > 15_000_000

    importer = [sys.executable, "-m", "hinge_desktop", "--data-dir", str(tmp_path / "data")]
    watched = subprocess.run(
        [sys.executable, "-c", WATCHER, *importer, "--import", str(source)],
        capture_output=True,
        text=True,
        check=True,
    )

    code, peak = (int(word) for word in watched.stdout.split())
    assert code == 0, watched.stderr
    assert watched.stderr.startswith("Imported 200,000 sets")
    assert peak < 10 * size, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB file"
