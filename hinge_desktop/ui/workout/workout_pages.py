"""The workout view's pages (nothing loaded, the player, the summary) and, beside the player and
the summary, the place of the panel that logs the sets; the player's widgets are named here too,
as tests and the view reach them."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Signal
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

    choose_requested = Signal()
    """The person asked for the drills (from the empty page or the summary)."""
    next_requested = Signal()
    """The summary's Start was pressed, for the next session it names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = EmptyWorkoutPage()
        self.player = page = PlayerPage()
        self.summary = SummaryPage()
        self.title, self.step_label, self.dose = page.title, page.step_label, page.dose
        self.figure, self.countdown = page.figure, page.countdown
        self.rep_label, self.cue_label = page.rep_label, page.cue_label
        self.next_label, self.side_choice = page.next_label, page.side_choice
        self.progress, self.voice_hint = page.progress, page.voice_hint
        self.hurt_card = page.hurt_card
        self.back_button, self.start_pause_button = page.back_button, page.start_pause_button
        self.skip_button, self.add_rest_button = page.skip_button, page.add_rest_button
        self.finish_button, self.follow_along_button = page.finish_button, page.follow_along_button
        self.empty.choose_requested.connect(self.choose_requested)
        self.summary.choose_requested.connect(self.choose_requested)
        self.summary.next_requested.connect(self.next_requested)
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

    def summary_shown(self) -> bool:
        return self.current() is Page.SUMMARY

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
