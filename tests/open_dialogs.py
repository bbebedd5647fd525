"""Finding and answering the dialogs the app opens without blocking, as a person would."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

W = TypeVar("W", bound=QWidget)


def open_dialogs(kind: type[W], name: str) -> list[W]:
    """The visible dialogs of ``kind`` named ``name``."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, kind) and w.objectName() == name and w.isVisible()
    ]


def open_dialog(kind: type[W], name: str) -> W:
    """The one visible dialog of ``kind`` named ``name``."""
    found = open_dialogs(kind, name)
    assert len(found) == 1, f"expected one open {name}, found {len(found)}"
    return found[0]


def save_as(name: str, path: Path) -> QFileDialog:
    """Type ``path`` into the open save dialog ``name`` and press Save."""
    dialog = open_dialog(QFileDialog, name)
    dialog.selectFile(str(path))
    dialog.accept()
    return dialog


def answer(name: str, button: QMessageBox.StandardButton) -> QMessageBox:
    """Press ``button`` in the open message box ``name``; returns the box (for its text)."""
    box = open_dialog(QMessageBox, name)
    pressed = box.button(button)
    assert pressed is not None, f"{name} has no {button}"
    pressed.click()
    return box
