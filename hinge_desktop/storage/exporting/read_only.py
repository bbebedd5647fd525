"""Opening a training log to export it, so that nothing in its folder changes.

A log without a write-ahead log beside it is read in place as immutable: SQLite then creates no
``-wal`` or ``-shm`` file and takes no lock, so a read-only folder, a read-only file or a
read-only mount reads as well as any. A log with a ``-wal`` holding data (Hinge is running, or
was stopped by a crash) would need its ``-shm`` index, which SQLite writes even for a reader: the
log and its ``-wal`` are copied into a private temporary folder instead, and the copy is read.
The ``-wal`` is copied first and the copy is made again if either file changed meanwhile (a
Hinge writing to it); should they go on changing, the log is read in place with SQLite's own
locks, the only consistent way to read a log that is being written.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hinge_desktop.storage.errors import StorageError
from hinge_desktop.storage.log_files import has_write_ahead_log, side

COPY_ATTEMPTS = 3
BUSY_TIMEOUT_SECONDS = 5.0


def is_missing_or_empty(path: Path) -> bool:
    """Whether there is no log at ``path`` to read: no file, or an empty one with no ``-wal``
    holding data."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return True
    except OSError:
        return False  # there is something; opening it will say why it cannot be read
    return size == 0 and not has_write_ahead_log(path)


@contextlib.contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that reads the log at ``path`` and can write nothing, closed on leaving.

    Raises :class:`StorageError`, naming the file, when it cannot be opened for reading
    (permission denied, a folder in its place). A damaged file opens: its damage shows when
    it is read.
    """
    if not has_write_ahead_log(path):
        with _connected(path, f"{path.absolute().as_uri()}?mode=ro&immutable=1") as conn:
            yield conn
        return
    with tempfile.TemporaryDirectory(prefix="hinge-export-") as folder:
        copy = Path(folder) / path.name
        if _copy_with_its_log(path, copy):
            with _connected(path, f"{copy.absolute().as_uri()}?mode=ro") as conn:
                yield conn
            return
    with _connected(path, f"{path.absolute().as_uri()}?mode=ro") as conn:
        yield conn


@contextlib.contextmanager
def _connected(path: Path, uri: str) -> Iterator[sqlite3.Connection]:
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise StorageError(path, cannot_read(path, exc)) from exc
    try:
        yield conn
    finally:
        conn.close()


def _copy_with_its_log(path: Path, copy: Path) -> bool:
    """Copy the log and its ``-wal`` to ``copy``; False when they kept changing meanwhile."""
    wal = side(path, "-wal")
    for _ in range(COPY_ATTEMPTS):
        before = _stamps(path, wal)
        try:
            shutil.copyfile(wal, side(copy, "-wal"))
            shutil.copyfile(path, copy)
        except OSError as exc:
            raise StorageError(path, cannot_read(path, exc)) from exc
        if _stamps(path, wal) == before:
            return True
    return False


def _stamps(*paths: Path) -> tuple[tuple[int, int], ...]:
    stamps = []
    for path in paths:
        try:
            status = path.stat()
        except OSError:
            stamps.append((-1, -1))
            continue
        stamps.append((status.st_size, status.st_mtime_ns))
    return tuple(stamps)


def cannot_read(path: Path, exc: BaseException) -> str:
    """Why the log at ``path`` cannot be opened for reading, for the person."""
    if isinstance(exc, PermissionError) or not os.access(path, os.R_OK):
        return f"The training log {path} cannot be read: permission denied."
    if path.is_dir():
        return f"The training log {path} is a folder, not a file."
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return f"The training log {path} cannot be read: {reason}."
