"""The progress chart saved as a PNG image, as it is shown, to a file the person chooses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QSaveFile
from PySide6.QtWidgets import QFileDialog, QWidget

from hinge_desktop.ui.widgets.dialogs import save_dialog
from hinge_desktop.ui.widgets.start_folder import StartFolder


def _t(text: str) -> str:
    return QCoreApplication.translate("ProgressView", text)


def ask_where(
    parent: QWidget, drill: str, chosen: Callable[[Path], object], start: StartFolder
) -> QFileDialog:
    """Ask where to save the chart of ``drill`` (without blocking), in ``start``'s folder;
    ``chosen`` gets the file."""
    name = drill or "chart"
    suggested = f"{name} {datetime.now():%Y-%m-%d}.png".replace("/", "-")
    dialog = save_dialog(
        parent,
        _t("Save the chart as"),
        "saveChartDialog",
        _t("PNG images (*.png)"),
        start.suggest(suggested),
    )
    dialog.fileSelected.connect(start.remember)
    dialog.fileSelected.connect(lambda path: chosen(Path(path)))
    dialog.open()
    return dialog


def save_png(chart: QWidget, path: Path) -> tuple[Path, str | None]:
    """Write ``chart`` as shown to ``path`` (with ".png" added if it has another ending);
    returns the file written to and, if that failed, why."""
    if path.suffix.lower() != ".png":
        path = path.with_name(path.name + ".png")
    image = chart.grab()
    out = QSaveFile(str(path))
    if (
        not out.open(QIODevice.OpenModeFlag.WriteOnly)
        or not image.save(out, "PNG")
        or not out.commit()
    ):
        out.cancelWriting()
        return path, out.errorString()
    return path, None
