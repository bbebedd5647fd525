"""A write-ahead log left by a Hinge that did not close is copied aside before the log is opened.

SQLite applies what it can read of a ``-wal`` file when the log is next opened and deletes the
file at the next clean close, so a damaged one would take the sets it holds with it for good. The
copy is kept until a later clean start (one that finds no ``-wal``), and then removed only if
SQLite could apply every frame of it; a copy with frames SQLite could not apply stays for a rescue.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hinge_desktop.storage.log_files import side
from hinge_desktop.storage.log_swap import free_stamped_name
from hinge_desktop.storage.wal_file import WalReport, read_wal


@dataclass(frozen=True)
class KeptWal:
    """The copy of a write-ahead log found at start, and what SQLite can apply of it."""

    path: Path
    report: WalReport

    @property
    def message(self) -> str | None:
        """What the person must know: only when part of it cannot be applied."""
        if not self.report.lost:
            return None
        return (
            "Hinge did not close properly last time, and part of what it was writing to the "
            f"training log cannot be read ({self.report.lost} of {self.report.frames} pages): "
            "the sets logged just before it stopped may be missing. Hinge kept what it was "
            f"writing as {self.path}, so that they can be rescued."
        )


def kept_copies(database: Path) -> list[Path]:
    """The copies of unclosed write-ahead logs kept beside ``database``, oldest first."""
    return sorted(database.parent.glob(f"{database.name}-wal.unclosed-*"))


def keep_unclosed_wal(database: Path, now: datetime) -> KeptWal | None:
    """Copy the ``-wal`` beside ``database`` aside if a Hinge that did not close left one (call it
    while holding the data folder's lock, before opening the log). At a clean start, remove the
    copies SQLite could apply whole. A copy that cannot be made (a full disk) does not stop the
    start."""
    wal = side(database, "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        _remove_whole_copies(database)
        return None
    copy = free_stamped_name(database, "-wal.unclosed", now)
    try:
        shutil.copyfile(wal, copy)
        with copy.open("rb") as file:
            os.fsync(file.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            copy.unlink(missing_ok=True)
        return None
    return KeptWal(copy, read_wal(copy))


def _remove_whole_copies(database: Path) -> None:
    for copy in kept_copies(database):
        if not read_wal(copy).lost:
            with contextlib.suppress(OSError):
                copy.unlink()
