"""The drill browser."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hinge_desktop.ui.placeholder_view import PlaceholderView


class DrillsView(PlaceholderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "drills",
            self.tr("Drill library"),
            self.tr(
                "Every hip-hinge drill, from the first checks to single-leg deadlifts, will be "
                "here: set-up, cues, common faults and their fixes, and a moving figure."
            ),
            parent,
        )
        self.setObjectName("drillsView")
