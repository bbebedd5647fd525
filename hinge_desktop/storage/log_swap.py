"""Putting a backup in the place of a damaged, emptied or missing training log, so that a crash at
any moment leaves a log: the backup is copied in beside it first, the damaged file is kept under a
second name, and only then does the copy take the log's name, in one rename.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import datetime
from pathlib import Path

from hinge_desktop.storage.backups import fsync_folder
from hinge_desktop.storage.errors import Fault, StorageError, classify
from hinge_desktop.storage.log_files import SIDE_FILES, side

RESTORING = ".{name}.restoring"
"""The copy of the backup while it is written beside the log (hidden, removed at start)."""


def remove_interrupted_copy(database: Path) -> None:
    """Remove a copy of a backup that a crash left half-written beside ``database``: the log
    itself was never replaced by it."""
    with contextlib.suppress(OSError):
        database.with_name(RESTORING.format(name=database.name)).unlink(missing_ok=True)


def swap_in(database: Path, backup: Path | None, problem: str, now: datetime) -> Path | None:
    """Put ``backup`` (None: nothing, a new log) in the place of ``database``; returns where the
    damaged file is kept (None when there was no file; its -wal and -shm, if any, are kept
    under that name all the same, and never left beside the backup to be replayed into it).

    Steps, each safe to be interrupted: the backup is copied beside the log and synced; the log
    gets a second name (a hard link, else a copy) and its -wal, -shm and journal move to that
    name; then the copy is renamed over the log. Raises :class:`StorageError` naming the
    problem when a step fails, with the log as it was.
    """
    partial = database.with_name(RESTORING.format(name=database.name))
    try:
        if backup is not None:
            _copy_synced(backup, partial, database, problem)
        aside = _keep_aside(database, now, problem)
        try:
            if backup is not None:
                os.replace(partial, database)
            elif database.exists():
                database.unlink()
            fsync_folder(database.parent)
        except OSError as exc:
            _put_side_files_back(aside, database)
            raise StorageError(database, _refusal(database, problem, backup, exc)) from exc
    finally:
        if partial.exists():
            with contextlib.suppress(OSError):
                partial.unlink()
    return aside if aside.exists() else None


def _copy_synced(source: Path, partial: Path, database: Path, problem: str) -> None:
    try:
        shutil.copyfile(source, partial)
        with partial.open("rb") as file:
            os.fsync(file.fileno())
    except OSError as exc:
        raise StorageError(database, _refusal(database, problem, source, exc)) from exc


def _keep_aside(database: Path, now: datetime, problem: str) -> Path:
    aside = _free_aside_name(database, now)
    try:
        if database.exists():
            try:
                os.link(database, aside)
            except OSError:
                shutil.copyfile(database, aside)
        # The log files go with it: a -wal left beside a restored log would be replayed into it.
        # The -shm is only an index of the -wal that SQLite makes again: it is not kept.
        for suffix in SIDE_FILES:
            if suffix == "-shm":
                side(database, suffix).unlink(missing_ok=True)
            elif side(database, suffix).exists():
                os.replace(side(database, suffix), side(aside, suffix))
    except OSError as exc:
        _put_side_files_back(aside, database)
        if aside.exists():
            with contextlib.suppress(OSError):
                aside.unlink()
        raise StorageError(
            database,
            f"Your training log {database} is damaged, and Hinge cannot put it aside to "
            f"restore a backup: {os_reason(exc)}. Nothing was changed. ({problem})",
        ) from exc
    return aside


def _free_aside_name(database: Path, now: datetime) -> Path:
    return free_stamped_name(database, ".damaged", now)


def free_stamped_name(database: Path, tag: str, now: datetime) -> Path:
    """A name beside ``database`` for a file kept at ``now``: ``hinge.sqlite3{tag}-STAMP``, with
    "-2", "-3"… added while the name is taken."""
    stamp = now.strftime("%Y-%m-%dT%H%M%S")
    name = database.with_name(f"{database.name}{tag}-{stamp}")
    copy = 2
    while name.exists():
        name = database.with_name(f"{database.name}{tag}-{stamp}-{copy}")
        copy += 1
    return name


def _put_side_files_back(aside: Path, database: Path) -> None:
    for suffix in SIDE_FILES:
        if side(aside, suffix).exists():
            with contextlib.suppress(OSError):
                os.replace(side(aside, suffix), side(database, suffix))


def _refusal(database: Path, problem: str, backup: Path | None, exc: OSError) -> str:
    if backup is None:
        return (
            f"Your training log {database} is damaged ({problem}), and Hinge cannot put it "
            f"aside: {os_reason(exc)}. Nothing was changed."
        )
    return (
        f"Your training log {database} is damaged ({problem}), and the backup {backup} could "
        f"not be put in its place: {os_reason(exc)}. Nothing was changed."
    )


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in the person's words."""
    if classify(exc) is Fault.DISK_FULL:
        return "the disk is full"
    if classify(exc) is Fault.READ_ONLY:
        return "the folder is read-only"
    return exc.strerror or str(exc)
