"""File → Import: choose an export, see the preview, import it; Edit → Undo takes it back.

:func:`install_import` is what the composition root calls: it wires the menu action to an
:class:`ImportController`, which owns the import worker (call its ``shutdown`` before the
database closes). The words it is told in are in ``import_text.py``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QWidget

from hinge_desktop.domain.imports.model import Localise, ParsedFile
from hinge_desktop.storage.database import Connection
from hinge_desktop.storage.importing.prepare import PreparedImport
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.drill_names import DrillNames
from hinge_desktop.ui.preferences import Preferences
from hinge_desktop.ui.transfer.import_text import counted, imported_text
from hinge_desktop.ui.transfer.import_worker import BackUp, ImportDone, ImportRunner, StoredImport
from hinge_desktop.ui.widgets.dialogs import warn
from hinge_desktop.ui.widgets.start_folder import StartFolder

if TYPE_CHECKING:
    from hinge_desktop.ui.transfer.import_dialog import ImportDialog

Report = Callable[[str], object]


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportAction", text)


def backup_before_import(folder: Path) -> BackUp:
    """A backup of the log into ``folder``, made on the worker's connection before an import
    writes; if it fails, the import stops with the reason."""

    def back_up_now(connection: Connection) -> object:
        from hinge_desktop.storage.backups import back_up

        return back_up(connection, folder, "before-import")

    return back_up_now


class ImportCommand(QUndoCommand):
    """An import on the undo stack, pushed once it is stored (the first redo does nothing).

    Undo takes the whole import back; redo stores the same plan again (sets logged since are
    not doubled: a set already in the log is never added twice). Both run on the import
    worker, after whatever it was asked to do before, and ``finished`` is called on the GUI
    thread when the log has changed.
    """

    def __init__(
        self,
        runner: ImportRunner,
        done: ImportDone,
        finished: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(_t("Import {file}").format(file=done.prepared.path.name))
        self._runner = runner
        # What a redo stores is the plan; the file as read is not kept with it.
        prepared = done.prepared
        self._prepared: PreparedImport = replace(
            prepared, parsed=ParsedFile(prepared.parsed.format)
        )
        self._record: StoredImport = done.record
        self._finished = finished
        self._failed = failed
        self._stored = True

    def redo(self) -> None:
        if self._stored:
            return  # stored by the dialog before the command was pushed
        self._stored = True
        name = self._prepared.path.name
        self._runner.store(
            self._prepared,
            lambda outcome: self._finished(
                _t("{file} imported again: {sets}").format(
                    file=name, sets=counted(outcome.sets_added, "set")
                )
            ),
            lambda error: self._failed(
                _t("{file} could not be imported again: {error}").format(file=name, error=error)
            ),
            record=self._record,
            back_up=False,
        )

    def undo(self) -> None:
        self._stored = False
        name = self._prepared.path.name
        self._runner.remove(
            self._record,
            lambda removed: self._finished(
                _t("Import of {file} taken back: {sets} removed").format(
                    file=name, sets=counted(removed, "set")
                )
            ),
            lambda error: self._failed(
                _t("The import of {file} could not be taken back: {error}").format(
                    file=name, error=error
                )
            ),
        )


class ImportController(QObject):
    """Everything File → Import does, from the file dialog to the undo stack."""

    log_changed = Signal()
    """An import was stored, taken back or stored again: the log has new or fewer sets."""

    def __init__(
        self,
        window: QWidget,
        store: Store,
        names: DrillNames,
        preferences: Preferences,
        undo_stack: QUndoStack,
        report: Report,
        *,
        before_writing: BackUp | None,
        localise: Localise | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importController")
        self._window = window
        self._names = names
        self._preferences = preferences
        self._undo = undo_stack
        self._report = report
        self.runner = ImportRunner(store.path, before_writing, localise, parent=self)
        self.dialog: ImportDialog | None = None
        self._file_dialog: QFileDialog | None = None
        self._start = StartFolder()

    def ask(self) -> QFileDialog:
        """The file dialog (not blocking); choosing a file opens the preview.

        A chosen file's dialog is only hidden, and deleted when the next import is asked for:
        deleting a file dialog stops the window for 3 to 20 ms while the thread that reads its
        folders ends, and at once it would come just as the preview opens."""
        if self._file_dialog is not None:
            self._file_dialog.deleteLater()
        dialog = QFileDialog(self._window, _t("Import a training export"))
        dialog.setObjectName("importFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([_t("Training exports (*.csv *.json)"), _t("All files (*)")])
        dialog.setDirectory(str(self._start.folder()))
        dialog.fileSelected.connect(self._start.remember)
        dialog.fileSelected.connect(lambda file: self.preview(Path(file)))
        self._file_dialog = dialog
        dialog.open()
        # The preview's code loads while the person looks for the file, not once it is chosen.
        QTimer.singleShot(0, self, _load_preview)
        return dialog

    def preview(self, path: Path) -> ImportDialog:
        """Read ``path`` and show what importing it would add."""
        # Imported on first use: the dialog is not needed to paint the window.
        from hinge_desktop.ui.transfer.import_dialog import ImportDialog

        # Weights without a unit take the one their numbers tell, or the one the person
        # chooses in the preview; never one picked for them without a word.
        dialog = ImportDialog(path, self.runner, self._names, None, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        self.dialog = dialog
        dialog.open()
        return dialog

    def shutdown(self) -> None:
        """Finish what the worker was asked to do and end its thread (before the database
        closes)."""
        self.runner.shutdown()

    def _imported(self, done: ImportDone) -> None:
        self._names.reload()
        self._report(imported_text(done.prepared.path.name, done.outcome))
        if done.outcome.import_id is not None:
            self._undo.push(ImportCommand(self.runner, done, self._taken, self._failed))
        self.log_changed.emit()

    def _taken(self, text: str) -> None:
        self._names.reload()
        self._report(text)
        self.log_changed.emit()

    def _failed(self, text: str) -> None:
        warn(self._window, _t("The log was not changed"), text, "importUndoFailedBox")
        self.log_changed.emit()


def _load_preview() -> None:
    importlib.import_module("hinge_desktop.ui.transfer.import_dialog")


def install_import(
    action: QAction,
    window: QWidget,
    store: Store,
    names: DrillNames,
    preferences: Preferences,
    undo_stack: QUndoStack,
    on_imported: Callable[[], None],
    report: Report,
    *,
    backups: Path,
    localise: Localise | None = None,
) -> ImportController:
    """Wire File → Import (``action``) and enable it; ``on_imported`` runs on the GUI thread
    whenever an import changed the log (stored, taken back, stored again), ``report`` gets the
    status-bar line, and a backup goes into ``backups`` before an import writes."""
    controller = ImportController(
        window,
        store,
        names,
        preferences,
        undo_stack,
        report,
        before_writing=backup_before_import(backups),
        localise=localise,
        parent=window,
    )
    controller.log_changed.connect(on_imported)
    action.triggered.connect(controller.ask)
    action.setEnabled(True)
    return controller
