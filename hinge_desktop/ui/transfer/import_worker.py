"""Imports away from the GUI thread: read, plan, store and take back, on a thread of their own.

An import writes, so the worker opens its own writable connection in its thread (a sqlite3
connection belongs to the thread that opened it); in WAL mode the GUI's connection goes on
reading meanwhile. Jobs run one after another in the order they were asked for, so taking an
import back always runs after storing it. Answers and progress come back through queued
signals: callbacks run on the GUI thread and may touch widgets.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from shiboken6 import Shiboken

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

Report = Callable[[int, int], None]
"""(done, total), called now and then from the worker's thread."""
Job = Callable[[Database, Report], Any]
BackUp = Callable[[Connection], object]
"""Makes a backup of the database open on the connection; raises to stop the import."""


@dataclass
class StoredImport:
    """Which import of the log a store made, for taking it back.

    Written and read by the jobs only, on the worker's thread, in the order they were asked
    for: taking back an import asked for right after storing it finds the id the store gave.
    """

    import_id: int | None = None


@dataclass(frozen=True)
class ImportDone:
    """An import stored: what was asked, what it did, and how to take it back."""

    prepared: PreparedImport
    outcome: ImportOutcome
    record: StoredImport


@dataclass(frozen=True)
class _Request:
    on_done: Callable[[Any], None]
    on_error: Callable[[Exception], None]
    on_progress: Callable[[int, int], None] | None
    context: QObject | None


class _Worker(QObject):
    """Lives on the runner's thread and owns the writable connection there."""

    answered = Signal(int, object, object)
    progressed = Signal(int, int, int)

    def __init__(self, database: Path) -> None:
        super().__init__()
        self._database = database
        self._db: Database | None = None

    @Slot(int, object)
    def run(self, number: int, job: Job) -> None:
        def report(done: int, total: int) -> None:
            self.progressed.emit(number, done, total)

        try:
            if self._db is None:
                self._db = open_database(self._database)
            result = job(self._db, report)
        except Exception as exc:
            self.answered.emit(number, None, exc)
        else:
            self.answered.emit(number, result, None)

    @Slot()
    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        thread = self.thread()
        if thread is not None:
            thread.quit()


class ImportRunner(QObject):
    """Runs import jobs on the database at ``database``, in order, on a thread of its own.

    ``before_writing`` makes the backup before an import is stored (not before it is stored
    again by a redo: the backup made before it holds the log as it was). Call :meth:`shutdown`
    before the app quits: it finishes the jobs asked for, then ends the thread.
    """

    busy_changed = Signal(bool)
    _run = Signal(int, object)
    _close = Signal()

    def __init__(
        self,
        database: Path,
        before_writing: BackUp | None,
        localise: Localise | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importRunner")
        self._database = database
        self._before_writing = before_writing
        self._localise = localise
        self._numbers = itertools.count(1)
        self._waiting: dict[int, _Request] = {}
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._closed = False

    # Jobs ------------------------------------------------------------------------------------

    def prepare(
        self,
        path: Path,
        catalogue: Iterable[tuple[str, str]],
        unit: Unit,
        on_done: Callable[[PreparedImport], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[int, int], None] | None = None,
        context: QObject | None = None,
    ) -> None:
        """Read and plan the file at ``path`` (nothing stored); ``catalogue`` is our drills'
        (id, name) pairs, ``unit`` the one for weights the file has none for."""
        drills = list(catalogue)
        localise = self._localise

        def job(db: Database, report: Report) -> PreparedImport:
            parsed = read_export(path, report, localise)
            return prepare_import(db, path, parsed, drills, unit)

        self.submit(job, on_done, on_error, on_progress, context)

    def replan(
        self,
        prepared: PreparedImport,
        catalogue: Iterable[tuple[str, str]],
        unit: Unit,
        on_done: Callable[[PreparedImport], None],
        on_error: Callable[[Exception], None],
        context: QObject | None = None,
    ) -> None:
        """The same import with ``unit`` for the weights the file gives none."""
        drills = list(catalogue)

        def job(db: Database, _report: Report) -> PreparedImport:
            return with_unit(db, prepared, drills, unit)

        self.submit(job, on_done, on_error, None, context)

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
            outcome = store_import(db, prepared, before_writing=backup, progress=report)
            if record is not None:
                record.import_id = outcome.import_id
            return outcome

        self.submit(job, on_done, on_error, on_progress, context)

    def remove(
        self,
        record: StoredImport,
        on_done: Callable[[int], None],
        on_error: Callable[[Exception], None],
        context: QObject | None = None,
    ) -> None:
        """Take back the import ``record`` holds when the job runs (so it can be the one a
        store asked for just before made); the answer is the number of sets removed."""

        def job(db: Database, _report: Report) -> int:
            found = record.import_id
            if found is None:
                return 0
            removed = remove_import(db, found)
            record.import_id = None
            return removed

        self.submit(job, on_done, on_error, None, context)

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        on_progress: Callable[[int, int], None] | None = None,
        context: QObject | None = None,
    ) -> None:
        """Run ``job(db, report)`` on the worker's connection after the jobs asked for before;
        then ``on_done(result)`` or ``on_error(exception)`` on the GUI thread, unless
        ``context`` is deleted by then."""
        if self._closed:
            raise RuntimeError("The import runner was shut down")
        if self._thread is None:
            self._start()
        number = next(self._numbers)
        self._waiting[number] = _Request(on_done, on_error, on_progress, context)
        if len(self._waiting) == 1:
            self.busy_changed.emit(True)
        self._run.emit(number, job)

    def is_busy(self) -> bool:
        return bool(self._waiting)

    def shutdown(self) -> None:
        """Finish the jobs asked for (an import under way is stored whole, an undo is done),
        close the connection and end the thread. Answers still on their way are dropped."""
        if self._closed:
            return
        self._closed = True
        self._waiting.clear()
        if self._thread is not None:
            self._close.emit()
            self._thread.wait()

    # Inside ----------------------------------------------------------------------------------

    def _start(self) -> None:
        # Started on first use: a session without an import costs no thread.
        thread = QThread()
        thread.setObjectName("importWorker")
        worker = _Worker(self._database)
        worker.moveToThread(thread)
        self._run.connect(worker.run)
        self._close.connect(worker.close)
        worker.answered.connect(self._answered)
        worker.progressed.connect(self._progressed)
        thread.finished.connect(worker.deleteLater)
        self._thread, self._worker = thread, worker
        thread.start()

    @Slot(int, object, object)
    def _answered(self, number: int, result: object, error: object) -> None:
        request = self._waiting.pop(number, None)
        if not self._waiting and request is not None:
            self.busy_changed.emit(False)
        if request is None or self._closed:
            return
        if request.context is not None and not Shiboken.isValid(request.context):
            return
        if isinstance(error, Exception):
            request.on_error(error)
        else:
            request.on_done(result)

    @Slot(int, int, int)
    def _progressed(self, number: int, done: int, total: int) -> None:
        request = self._waiting.get(number)
        if request is None or request.on_progress is None:
            return
        if request.context is not None and not Shiboken.isValid(request.context):
            return
        request.on_progress(done, total)
