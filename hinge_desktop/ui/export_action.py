"""File → Export: every logged set as Hinge CSV, to a file the person chooses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hinge_desktop.domain.catalogue import Catalogue
from hinge_desktop.storage.export_csv import ExportError, export_csv
from hinge_desktop.storage.store import Store


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


def export_to(store: Store, catalogue: Catalogue, path: Path) -> int:
    """Write the log to ``path``; raises ExportError with a message for the person."""
    return export_csv(store.db, path, drill_names(catalogue), measure_units(catalogue))


def ask_and_export(
    parent: QWidget, store: Store, catalogue: Catalogue, report: object
) -> QFileDialog:
    """Ask where to save (without blocking), then export and report the outcome."""
    dialog = QFileDialog(parent, _t("Export the training log"))
    dialog.setObjectName("exportDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(_t("CSV files (*.csv)"))
    dialog.setDefaultSuffix("csv")
    dialog.selectFile(f"hinge-log-{date.today().isoformat()}.csv")

    def chosen(file: str) -> None:
        try:
            count = export_to(store, catalogue, Path(file))
        except ExportError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning, _t("Export failed"), str(exc), parent=parent
            )
            box.setObjectName("exportErrorBox")
            box.open()
            return
        if callable(report):
            report(_t("Exported {count} sets to {file}").format(count=count, file=file))

    dialog.fileSelected.connect(chosen)
    dialog.open()
    return dialog
