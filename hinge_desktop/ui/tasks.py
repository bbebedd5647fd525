"""Slow database reads away from the GUI thread, with the answer handed back on it.

One worker thread owns a read-only connection of its own (a sqlite3 connection belongs to the
thread that opened it) and runs jobs one after another; each job's result, or the error it
raised, comes back through a queued signal, so callbacks run on the GUI thread and may touch
widgets.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from shiboken6 import Shiboken

from hinge_desktop.storage.database import Database, open_reader

T = TypeVar("T")

Job = Callable[[Database], Any]
_Request = tuple[Job, Callable[[Any], None], Callable[[Exception], None], QObject | None]


class BackgroundReader(QObject):
    """Runs read-only jobs on the database at ``path``, in order, on a thread of its own.

    Call :meth:`shutdown` before the database is closed.
    """

    _answered = Signal(object, object, object)
    """((callback, context), result, error), emitted from the worker, received on the GUI
    thread."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backgroundReader")
        self._path = path
        self._jobs: queue.SimpleQueue[_Request | None] = queue.SimpleQueue()
        self._answered.connect(self._deliver)
        self._closed = False
        self._thread: threading.Thread | None = None

    def submit(
        self,
        job: Callable[[Database], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
        context: QObject | None = None,
    ) -> None:
        """Run ``job`` with the reader's connection; then ``on_done(result)`` or
        ``on_error(exception)`` on the GUI thread, unless ``context`` is deleted by then."""
        if self._closed:
            raise RuntimeError("The background reader was shut down")
        if self._thread is None:
            # Started on first use: a view that is never shown costs no thread.
            self._thread = threading.Thread(target=self._run, name="hinge-reader", daemon=True)
            self._thread.start()
        self._jobs.put((job, on_done, on_error, context))

    def shutdown(self) -> None:
        """Finish the job under way, drop the rest, close the connection and end the thread."""
        if self._closed:
            return
        self._closed = True
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()

    def _run(self) -> None:
        db: Database | None = None
        while True:
            item = self._jobs.get()
            if item is None or self._closed:
                break
            job, on_done, on_error, context = item
            try:
                if db is None:
                    db = open_reader(self._path)
                result = job(db)
            except Exception as exc:
                self._answered.emit((on_error, context), None, exc)
            else:
                self._answered.emit((on_done, context), result, None)
        if db is not None:
            db.close()

    @Slot(object, object, object)
    def _deliver(
        self, target: tuple[Callable[[Any], None], QObject | None], result: Any, error: Any
    ) -> None:
        callback, context = target
        if self._closed or (context is not None and not Shiboken.isValid(context)):
            return
        callback(error if error is not None else result)
