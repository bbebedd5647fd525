"""A logged set is on disk when the call returns: it survives the process being killed."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from child_processes import kill, read_line

from hinge_desktop.storage.store import open_store

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from pathlib import Path
    from hinge_desktop.domain.training import LoggedSet, Unit
    from hinge_desktop.storage.store import open_store

    store = open_store(Path(sys.argv[1]))
    for number in range(1, 4):
        store.sets.add(LoggedSet(drill_id="romanian-deadlift", set_number=number, reps=8,
                                 weight=40.0, unit=Unit.KG,
                                 performed_at=datetime.now(timezone.utc)))
        print(f"logged {number}", flush=True)
    sys.stdin.read()  # wait for the kill, whatever the clock does
    """
)


@pytest.mark.slow
def test_sets_logged_before_a_sigkill_are_all_there(data_dir: Path) -> None:
    database = data_dir / "hinge.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        lines = [read_line(writer.stdout, timeout=60) for _ in range(3)]
        assert lines == ["logged 1", "logged 2", "logged 3"]
    finally:
        kill(writer)
    assert writer.returncode == -signal.SIGKILL

    store = open_store(database)
    try:
        sets = list(store.sets.for_drill("romanian-deadlift"))
    finally:
        store.close()
    assert [(s.set_number, s.reps, s.weight) for s in sets] == [
        (1, 8, 40.0),
        (2, 8, 40.0),
        (3, 8, 40.0),
    ]
