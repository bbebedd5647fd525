"""The import preview's table of the file's exercises: each one's name in the file, the drill it
becomes in Hinge (in italics when it is a new drill of the person's own) and its sets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from hinge_desktop.storage.importing.prepare import PreparedImport
from hinge_desktop.ui.transfer.import_text import exercise_rows
from hinge_desktop.ui.widgets.roomy_rows import RoomyRows


class ExerciseTable(QTreeWidget):
    """``importExercises``: one row per exercise of the file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importExercises")
        self.setAccessibleName(self.tr("Exercises of the file and their drills"))
        self.setHeaderLabels(
            [self.tr("Exercise in the file"), self.tr("Becomes in Hinge"), self.tr("Sets")]
        )
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setItemDelegate(RoomyRows(self))
        header = self.header()
        header.setStretchLastSection(False)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def fill(self, prepared: PreparedImport, name_of: Callable[[str], str]) -> None:
        """The rows of ``prepared``; ``name_of`` gives a drill's name in this log."""
        self.clear()
        italic = QFont(self.font())
        italic.setItalic(True)
        for exercise, becomes, match in exercise_rows(prepared, name_of):
            item = QTreeWidgetItem([exercise, f"→ {becomes}", QLocale().toString(match.sets)])
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(1, Qt.ItemDataRole.UserRole, match.drill_id)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{exercise} → {becomes}")
            if match.new:
                item.setFont(1, italic)
            self.addTopLevelItem(item)
