"""The workout view's pages (nothing loaded, the player, the summary) and, beside the player and
the summary, the place of the panel that logs the sets."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtWidgets import QHBoxLayout, QStackedLayout, QVBoxLayout, QWidget

from hinge_desktop.ui.workout.empty_page import EmptyWorkoutPage
from hinge_desktop.ui.workout.player_page import PlayerPage
from hinge_desktop.ui.workout.summary_page import SummaryPage


class Page(IntEnum):
    EMPTY = 0
    PLAYER = 1
    SUMMARY = 2


class WorkoutPages(QWidget):
    """One page at a time, the log panel beside it while there is a workout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = EmptyWorkoutPage()
        self.player = PlayerPage()
        self.summary = SummaryPage()
        stacked = QWidget()
        self._stack = QStackedLayout(stacked)
        for page in (self.empty, self.player, self.summary):
            self._stack.addWidget(page)
        self.log_panel_slot = QWidget()
        self.log_panel_slot.setObjectName("logPanelSlot")
        self.log_panel_slot.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(stacked, 1)
        row.addWidget(self.log_panel_slot)

    def current(self) -> Page:
        return Page(self._stack.currentIndex())

    def show_page(self, page: Page) -> None:
        self._stack.setCurrentIndex(page)
        if self.log_panel_slot.layout() is not None:
            self.log_panel_slot.setVisible(page is not Page.EMPTY)

    def set_log_panel(self, panel: QWidget) -> None:
        """Put the panel that logs the sets beside the player and the summary."""
        layout = QVBoxLayout(self.log_panel_slot)
        layout.setContentsMargins(0, 12, 12, 12)
        layout.addWidget(panel)
        self.log_panel_slot.setVisible(self.current() is not Page.EMPTY)
