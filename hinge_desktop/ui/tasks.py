"""Work off the GUI thread, with the answer handed back on it: the one way the app does it.

A :class:`TaskRunner` runs jobs one after another, in the order they were asked for, on a
``QThread`` of its own (so the tests' leak guard sees it). A runner that needs a connection
opens it in that thread, on the first job, and closes it there when the thread ends (a sqlite3
connection belongs to the thread that opened it). Each job's result, or the error it raised,
comes back through a queued signal: callbacks run on the GUI thread and may touch widgets, and
are dropped when their ``context`` object is gone. Runners are separate lanes: reads never wait
behind an import on another runner. (Speech keeps threads of its own: pyttsx3 must run in one.)
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from shiboken6 import Shiboken

if TYPE_CHECKING:
    # Loaded with the first reader, not with the runner: the start-up runs jobs before the
    # storage modules are loaded (on a runner's thread).
    from hinge_desktop.storage.database import Database  # noqa: F401  (named in a string)


class Closable(Protocol):
    """What a runner's connection must offer: it is closed in the thread that opened it."""

    def close(self) -> None: ...


C = TypeVar("C", bound=Closable | None)
T = TypeVar("T")

Report = Callable[[int, int], None]
"""(done, total), called now and then from the worker's thread."""


@dataclass(frozen=True)
class _Request:
    on_done: Callable[[Any], None]
    on_error: Callable[[Exception], None]
    on_progress: Report | None
    context: QObject | None


class _Worker(QObject):
    """Lives on the runner's thread; opens the connection there and closes it at the end."""

    incoming = Signal(int, object)
    """(number, job), emitted on the GUI thread, run on the worker's."""
    closing = Signal()
    answered = Signal(int, object, object)
    progressed = Signal(int, int, int)

    def __init__(self, connect: Callable[[], Any] | None, dropping: threading.Event) -> None:
        super().__init__()
        self._connect = connect
        self._dropping = dropping
        self._connection: Any = None
        self.incoming.connect(self._run)
        self.closing.connect(self._close)

    @Slot(int, object)
    def _run(self, number: int, job: Callable[[Any, Report], Any]) -> None:
        if self._dropping.is_set():
            return

        def report(done: int, total: int) -> None:
            self.progressed.emit(number, done, total)

        try:
            if self._connection is None and self._connect is not None:
                self._connection = self._connect()
            result = job(self._connection, report)
        except Exception as exc:
            self.answered.emit(number, None, exc)
        else:
            self.answered.emit(number, result, None)

    @Slot()
    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        thread = self.thread()
        if thread is not None:
            thread.quit()


class TaskRunner(QObject, Generic[C]):
    """Runs jobs in order on a thread of its own; answers come back on the GUI thread.

    ``connect`` opens what every job is given (a connection), in the runner's thread, on the
    first job; without it jobs are given None. The thread starts on the first job. With
    ``keep_thread`` it (and its connection) stays until :meth:`shutdown`, which must then be
    called before the database closes; without, it ends as soon as the last answer is in (a
    lane for occasional jobs that open what they need), and when the application quits.
    :meth:`shutdown` finishes the job under way and then the others asked for if
    ``finish_all`` (writes), or drops them (reads); answers still on their way are dropped.
    """

    busy_changed = Signal(bool)

    def __init__(
        self,
        name: str,
        connect: Callable[[], C] | None = None,
        *,
        keep_thread: bool = True,
        finish_all: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._connect = connect
        self._keep_thread = keep_thread
        self._finish_all = finish_all
        self._numbers = itertools.count(1)
        self._waiting: dict[int, _Request] = {}
        self._dropping = threading.Event()
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._closed = False
        app = QCoreApplication.instance()
        if not keep_thread and app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def submit(
        self,
        job: Callable[[C], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
        context: QObject | None = None,
    ) -> None:
        """Run ``job(connection)`` after the jobs asked for before; then ``on_done(result)`` or
        ``on_error(exception)`` on the GUI thread, unless ``context`` is deleted by then."""
        self.submit_reporting(
            lambda connection, _report: job(connection), on_done, on_error, None, context
        )

    def submit_reporting(
        self,
        job: Callable[[C, Report], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
        on_progress: Report | None = None,
        context: QObject | None = None,
    ) -> None:
        """As :meth:`submit`, for a job that tells how far it is: ``job(connection, report)``
        calls ``report(done, total)`` now and then, and ``on_progress(done, total)`` follows
        on the GUI thread."""
        if self._closed:
            raise RuntimeError(f"The background tasks {self.objectName()} were shut down")
        worker = self._worker if self._worker is not None else self._start()
        number = next(self._numbers)
        self._waiting[number] = _Request(on_done, on_error, on_progress, context)
        if len(self._waiting) == 1:
            self.busy_changed.emit(True)
        worker.incoming.emit(number, job)

    def is_busy(self) -> bool:
        return bool(self._waiting)

    @Slot()
    def shutdown(self) -> None:
        """Finish the job under way (and, with ``finish_all``, the others asked for), close
        the connection and end the thread."""
        if self._closed:
            return
        if not self._finish_all:
            self._dropping.set()
        self._closed = True
        self._waiting.clear()
        self._stop()

    # Inside ----------------------------------------------------------------------------------

    def _start(self) -> _Worker:
        # Started on first use: a view that is never shown costs no thread.
        thread = QThread()
        thread.setObjectName(f"{self.objectName()}Thread")
        worker = _Worker(self._connect, self._dropping)
        worker.moveToThread(thread)
        worker.answered.connect(self._answered)
        worker.progressed.connect(self._progressed)
        thread.finished.connect(worker.deleteLater)
        self._thread, self._worker = thread, worker
        thread.start()
        return worker

    def _stop(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if thread is not None and worker is not None:
            worker.closing.emit()
            thread.wait()

    @Slot(int, object, object)
    def _answered(self, number: int, result: object, error: object) -> None:
        request = self._waiting.pop(number, None)
        if request is None or self._closed:
            return
        if not self._waiting:
            if not self._keep_thread:
                # The worker has nothing left to do: it ends at once.
                self._stop()
            self.busy_changed.emit(False)
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


class BackgroundReader(TaskRunner["Database"]):
    """Runs read-only jobs on the database at ``path``, in order, each given the runner's
    read-only connection; jobs not started at :meth:`shutdown` are dropped.

    Call :meth:`shutdown` before the database is closed.
    """

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        from hinge_desktop.storage.database import open_reader

        super().__init__("backgroundReader", lambda: open_reader(path), parent=parent)
