"""Progress over weeks and years."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hinge_desktop.ui.placeholder_view import PlaceholderView


class HistoryView(PlaceholderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "history",
            self.tr("History"),
            self.tr(
                "Charts of your progress will be here: reps, holds and loads per drill, weekly "
                "volume, your training calendar and personal records."
            ),
            parent,
        )
        self.setObjectName("historyView")
