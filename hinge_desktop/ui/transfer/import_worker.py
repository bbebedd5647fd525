"""Imports away from the GUI thread: read, plan, store and take back, on a thread of their own.

An import writes, so its :class:`~hinge_desktop.ui.tasks.TaskRunner` opens a writable
connection of its own in its thread; in WAL mode the GUI's connection goes on reading meanwhile.
Jobs run one after another in the order they were asked for, so taking an import back always
runs after storing it. Answers and progress come back on the GUI thread: callbacks may touch
widgets. Each job runs with the garbage collector off (``ui/gc_pauses.py``): the worker shares
the GIL with the window, a pass over a large import's objects would stop it, and a pass on this
thread could free a widget here; and the worker's thread gives way to the GUI thread when both
want a core. What the preview shows is worked out here too, off the GUI thread.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject

from hinge_desktop.domain.imports.model import Localise
from hinge_desktop.domain.training import Unit
from hinge_desktop.storage.database import Connection, Database, open_database
from hinge_desktop.storage.importing.prepare import (
    PreparedImport,
    prepare_import,
    read_export,
    store_import,
    with_unit,
)
from hinge_desktop.storage.importing.writer import ImportOutcome, remove_import
from hinge_desktop.storage.routines import RoutineRepository
from hinge_desktop.ui.gc_pauses import importing
from hinge_desktop.ui.tasks import Report, TaskRunner

BackUp = Callable[[Connection], object]
"""Makes a backup of the database open on the connection; raises to stop the import."""

WORKER_NICE = 10
"""The worker thread's nice value (Linux): when it and the GUI thread both want a core, the
GUI thread gets it first; with a core to spare the import is no slower."""


def give_way_to_the_window() -> None:
    """Lower this thread's priority (on Linux, where a thread has a nice value of its own):
    called by every import job, on the worker's thread, which only ever imports."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            tid = threading.get_native_id()
            if os.getpriority(os.PRIO_PROCESS, tid) < WORKER_NICE:
                os.setpriority(os.PRIO_PROCESS, tid, WORKER_NICE)


@dataclass
class StoredImport:
    """Which import of the log a store made, for taking it back.

    Written and read by the jobs only, on the worker's thread, in the order they were asked
    for: taking back an import asked for right after storing it finds the id the store gave.
    """

    import_id: int | None = None


@dataclass(frozen=True)
class ImportPreview:
    """A file read and planned, with what else it brings that the log does not have yet."""

    prepared: PreparedImport
    new_routines: tuple[str, ...] = ()
    """The names of the routines in the file that are not in the log (they come too)."""
    first: datetime | None = None
    """When the file's first set was done (None: it has none)."""
    last: datetime | None = None
    """When its last set was done."""


def _preview(db: Database, prepared: PreparedImport) -> ImportPreview:
    routines = RoutineRepository(db)
    brought = prepared.parsed.extras.get("routines", [])
    items = brought if isinstance(brought, list) else []
    new = tuple(item["routine"].name for item in items if item["routine"].id not in routines)
    first, last = _span(prepared)
    return ImportPreview(prepared, new, first, last)


def _span(prepared: PreparedImport) -> tuple[datetime | None, datetime | None]:
    """When the first and the last set of the plan were done: every set's time is looked at,
    here rather than on the GUI thread, in a loop of Python's own (``min`` over a list of
    times would hold the GIL from the first to the last, 10 ms for 25,000 sets)."""
    first = last = None
    for planned in prepared.plan.workouts:
        for logged in planned.sets:
            at = logged.performed_at
            if first is None or at < first:
                first = at
            if last is None or at > last:
                last = at
    return first, last


@dataclass(frozen=True)
class ImportDone:
    """An import stored: what was asked, what it did, and how to take it back."""

    prepared: PreparedImport
    outcome: ImportOutcome
    record: StoredImport


class ImportRunner(TaskRunner[Database]):
    """Runs import jobs on the database at ``database``, in order, on a thread of its own.

    ``before_writing`` makes the backup before an import is stored (not before it is stored
    again by a redo: the backup made before it holds the log as it was). Call :meth:`shutdown`
    before the app quits: it finishes the jobs asked for, then ends the thread.
    """

    def __init__(
        self,
        database: Path,
        before_writing: BackUp | None,
        localise: Localise | None = None,
        parent: QObject | None = None,
    ) -> None:
        # Every job asked for is done, even at shutdown: an import under way is stored whole,
        # and the undo asked for after it is done too.
        super().__init__(
            "importRunner", lambda: open_database(database), finish_all=True, parent=parent
        )
        self._before_writing = before_writing
        self._localise = localise

    # Jobs ------------------------------------------------------------------------------------

    def prepare(
        self,
        path: Path,
        catalogue: Iterable[tuple[str, str]],
        unit: Unit | None,
        on_done: Callable[[ImportPreview], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[int, int], None] | None = None,
        context: QObject | None = None,
    ) -> None:
        """Read and plan the file at ``path`` (nothing stored); ``catalogue`` is our drills'
        (id, name) pairs, ``unit`` the one for weights the file has none for (None: the one
        the numbers tell, if they do)."""
        drills = list(catalogue)
        localise = self._localise

        def job(db: Database, report: Report) -> ImportPreview:
            give_way_to_the_window()
            with importing():
                parsed = read_export(path, report, localise)
                return _preview(db, prepare_import(db, path, parsed, drills, unit))

        self.submit_reporting(job, on_done, on_error, on_progress, context)

    def replan(
        self,
        prepared: PreparedImport,
        catalogue: Iterable[tuple[str, str]],
        unit: Unit,
        on_done: Callable[[ImportPreview], None],
        on_error: Callable[[Exception], None],
        context: QObject | None = None,
    ) -> None:
        """The same import with ``unit`` for the weights the file gives none."""
        drills = list(catalogue)

        def job(db: Database) -> ImportPreview:
            give_way_to_the_window()
            with importing():
                return _preview(db, with_unit(db, prepared, drills, unit))

        self.submit(job, on_done, on_error, context)

    def store(
        self,
        prepared: PreparedImport,
        on_done: Callable[[ImportOutcome], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[int, int], None] | None = None,
        context: QObject | None = None,
        *,
        record: StoredImport | None = None,
        back_up: bool = True,
    ) -> None:
        """Store the import, all or nothing, after the backup (unless ``back_up`` is false);
        the import's id goes into ``record``."""
        before = self._before_writing if back_up else None

        def job(db: Database, report: Report) -> ImportOutcome:
            backup = None if before is None else (lambda: before(db.conn))
            give_way_to_the_window()
            with importing():
                outcome = store_import(db, prepared, before_writing=backup, progress=report)
            if record is not None:
                record.import_id = outcome.import_id
            return outcome

        self.submit_reporting(job, on_done, on_error, on_progress, context)

    def remove(
        self,
        record: StoredImport,
        on_done: Callable[[int], None],
        on_error: Callable[[Exception], None],
        context: QObject | None = None,
    ) -> None:
        """Take back the import ``record`` holds when the job runs (so it can be the one a
        store asked for just before made); the answer is the number of sets removed."""

        def job(db: Database) -> int:
            found = record.import_id
            if found is None:
                return 0
            give_way_to_the_window()
            with importing():
                removed = remove_import(db, found)
            record.import_id = None
            return removed

        self.submit(job, on_done, on_error, context)
