"""File → Export: every logged set as Hinge CSV (for a spreadsheet), or the whole log as Hinge
JSON (to import into Hinge elsewhere), to a file the person chooses.

Two commands rather than one dialog with a choice of type: they make different things (a table
of sets; everything, routines and drills of one's own included), and the menu says which is
which. A ten-year log takes about a second to write, so with a background reader the file is
written on its thread and the window goes on answering.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.storage.custom_drills import CustomDrillRepository
from hinge_desktop.storage.database import Database
from hinge_desktop.storage.exporting.csv_export import ExportError, export_csv
from hinge_desktop.storage.exporting.json_export import export_json
from hinge_desktop.storage.store import Store
from hinge_desktop.ui.tasks import BackgroundReader
from hinge_desktop.ui.widgets.dialogs import save_dialog, warn
from hinge_desktop.ui.widgets.start_folder import StartFolder

Report = Callable[[str], object]


def _t(text: str) -> str:
    return QCoreApplication.translate("ExportAction", text)


def drill_names(catalogue: Catalogue) -> dict[str, str]:
    return {drill.id: drill.name for drill in catalogue}


def measure_units(catalogue: Catalogue) -> dict[str, str]:
    return {
        drill.id: drill.check.unit
        for drill in catalogue
        if drill.check is not None and drill.check.unit
    }


def export_csv_from(db: Database, catalogue: Catalogue, path: Path) -> int:
    """Write the log in ``db`` to ``path`` as Hinge CSV, drills of one's own under the names
    the person gave them; raises ExportError with a message for the person."""
    names = drill_names(catalogue) | CustomDrillRepository(db).names()
    return export_csv(db, path, names, measure_units(catalogue))


def export_to(store: Store, catalogue: Catalogue, path: Path) -> int:
    """Write the log to ``path`` as Hinge CSV; raises ExportError with a message for the
    person."""
    return export_csv_from(store.db, catalogue, path)


def ask_and_export(
    parent: QWidget,
    store: Store,
    catalogue: Catalogue,
    report: object,
    reader: BackgroundReader | None = None,
    start: StartFolder | None = None,
) -> QFileDialog:
    """Ask where to save the sets as CSV (without blocking), then export and report.

    The dialog opens in ``start``'s folder (Documents unless another was used)."""
    start = start if start is not None else StartFolder()
    dialog = save_dialog(
        parent,
        _t("Export the training log as CSV"),
        "exportDialog",
        _t("CSV files (*.csv)"),
        start.suggest(f"hinge-log-{date.today().isoformat()}.csv"),
        default_suffix="csv",
    )
    dialog.fileSelected.connect(start.remember)

    def write(db: Database, path: Path) -> int:
        return export_csv_from(db, catalogue, path)

    return _ask(dialog, parent, store, reader, write, report)


def ask_and_export_json(
    parent: QWidget,
    store: Store,
    report: object,
    reader: BackgroundReader | None = None,
    start: StartFolder | None = None,
) -> QFileDialog:
    """Ask where to save the whole log as Hinge JSON (without blocking), then export and
    report. The dialog opens in ``start``'s folder (Documents unless another was used)."""
    start = start if start is not None else StartFolder()
    dialog = save_dialog(
        parent,
        _t("Export everything as JSON"),
        "exportJsonDialog",
        _t("Hinge JSON files (*.json)"),
        start.suggest(f"hinge-{date.today().isoformat()}.json"),
        default_suffix="json",
    )
    dialog.fileSelected.connect(start.remember)
    return _ask(dialog, parent, store, reader, export_json, report)


def install_exports(
    actions: tuple[QAction, QAction],
    parent: QWidget,
    store: Store,
    catalogue: Catalogue,
    reader: BackgroundReader | None,
    report: Report,
) -> None:
    """Wire (and enable) File → Export as CSV and Export everything as JSON; both open in
    the folder last exported to."""
    csv_action, json_action = actions
    start = StartFolder()
    csv_action.triggered.connect(
        lambda: ask_and_export(parent, store, catalogue, report, reader, start)
    )
    json_action.triggered.connect(lambda: ask_and_export_json(parent, store, report, reader, start))
    csv_action.setEnabled(True)
    json_action.setEnabled(True)


def _ask(
    dialog: QFileDialog,
    parent: QWidget,
    store: Store,
    reader: BackgroundReader | None,
    write: Callable[[Database, Path], int],
    report: object,
) -> QFileDialog:
    """Open ``dialog``; the file chosen in it is written with ``write``."""
    dialog.fileSelected.connect(
        lambda file: _export(parent, store, reader, write, Path(file), report)
    )
    dialog.open()
    return dialog


def _export(
    parent: QWidget,
    store: Store,
    reader: BackgroundReader | None,
    write: Callable[[Database, Path], int],
    path: Path,
    report: object,
) -> None:
    def done(count: int) -> None:
        if callable(report):
            report(_t("Exported {count} sets to {file}").format(count=count, file=path))

    def failed(error: Exception) -> None:
        if not isinstance(error, ExportError):
            error = ExportError(_t("Cannot write {file}: {error}").format(file=path, error=error))
        warn(parent, _t("Export failed"), str(error), "exportErrorBox")

    if reader is None:
        try:
            count = write(store.db, path)
        except ExportError as exc:
            failed(exc)
            return
        done(count)
        return
    if callable(report):
        report(_t("Exporting to {file}…").format(file=path))
    reader.submit(lambda db: write(db, path), done, failed, context=parent)
