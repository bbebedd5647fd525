"""History: progress over weeks and years, and the training log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from hinge_desktop.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
    from hinge_desktop.ui.history.progress_view import ProgressView
    from hinge_desktop.ui.history.workout_list_view import WorkoutListView


class ProgressPlaceholder(EmptyState):
    """Shown while the database is not open yet (or could not be)."""

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
        self.setObjectName("progressPlaceholder")


class HistoryView(QWidget):
    """Tabs "Progress" (the charts) and "Log" (every workout and set)."""

    scrolls_inside = True
    """The chart takes the height there is and the panels beside it scroll, so the window gives
    the view its own height rather than scroll it whole (the date axis stays in sight)."""

    def __init__(
        self,
        workout_list: WorkoutListView | None = None,
        progress: ProgressView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName(self.tr("History"))
        self.workout_list = workout_list
        self.progress: QWidget = progress if progress is not None else ProgressPlaceholder()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs: QTabWidget | None = None
        if workout_list is None:
            layout.addWidget(self.progress)
            return
        self.tabs = tabs = QTabWidget()
        tabs.setObjectName("historyTabs")
        tabs.setAccessibleName(self.tr("History"))
        tabs.setDocumentMode(True)
        tabs.addTab(self.progress, self.tr("Progress"))
        tabs.addTab(workout_list, self.tr("Log"))
        tabs.setTabToolTip(0, self.tr("Your progress over weeks and months"))
        tabs.setTabToolTip(1, self.tr("Every workout and set you logged"))
        layout.addWidget(tabs)

    def show_workout_list(self) -> None:
        """Bring the log tab forward (after a workout, to see what was logged)."""
        if self.tabs is not None and self.workout_list is not None:
            self.tabs.setCurrentWidget(self.workout_list)
