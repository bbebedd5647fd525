"""Beside the progress chart: a drill's personal records, and when each ladder phase was reached."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.ladder import MOBILITY_DAYS_TO_UNLOCK, SESSIONS_TO_UNLOCK, UnlockReason
from hinge_desktop.domain.statistics import Record, RecordKind
from hinge_desktop.domain.training import LB_PER_KG, Unit
from hinge_desktop.storage.ladder import PhaseEvent
from hinge_desktop.ui.drill_text import phase_name
from hinge_desktop.ui.history.progress_text import day_text, record_name, record_value_text

WEIGHT_RECORDS = frozenset(
    {RecordKind.HEAVIEST_WEIGHT, RecordKind.BEST_E1RM, RecordKind.MOST_VOLUME}
)


def reason_text(reason: str) -> str:
    """Why a phase was reached, in a few words."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("Progress", text)

    texts = {
        UnlockReason.START: tr("first check"),
        UnlockReason.SQUEEZE_FAILED: tr("glutes did not tighten in the squeeze test"),
        UnlockReason.SQUEEZE_PASSED: tr("squeeze test passed"),
        UnlockReason.STRAIGHT_LEG_RAISE: tr("both legs at the straight-leg raise target"),
        UnlockReason.MOBILITY_DAYS: tr("{days} days of mobility work").format(
            days=MOBILITY_DAYS_TO_UNLOCK
        ),
        UnlockReason.EASY_SESSIONS: tr("{days} days on which a standing hinge went easily").format(
            days=SESSIONS_TO_UNLOCK
        ),
    }
    try:
        return texts[UnlockReason(reason)]
    except ValueError:
        return reason


class _Card(QFrame):
    """A titled box with a grid of rows."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(title)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addLayout(self.grid)
        layout.addWidget(self.empty)

    def clear_rows(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def add_row(self, row: int, *cells: tuple[str, bool]) -> list[QLabel]:
        """Cells of (text, muted); the last one right-aligned."""
        labels = []
        for column, (text, muted) in enumerate(cells):
            label = QLabel(text)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if muted:
                label.setEnabled(False)
            if column == len(cells) - 1:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(label, row, column)
            labels.append(label)
        return labels


class RecordsPanel(_Card):
    """A drill's personal records: the best of each kind, and the day it was first reached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Personal records"), parent)
        self.setObjectName("recordsPanel")
        self.setAccessibleName(self.tr("Personal records"))
        self.empty.setText(self.tr("Records appear after your first counted set."))
        self._rows: list[tuple[str, str, str]] = []

    def show_records(self, drill_name: str, records: Sequence[Record], unit: Unit) -> None:
        self.heading.setText(
            self.tr("Personal records: {drill}").format(drill=drill_name)
            if drill_name
            else self.tr("Personal records")
        )
        self.clear_rows()
        self._rows = []
        for row, record in enumerate(records):
            value = record.value
            if record.kind in WEIGHT_RECORDS and unit is Unit.LB:
                value *= LB_PER_KG
            texts = (
                record_name(record.kind),
                record_value_text(record.kind, value, unit),
                day_text(record.day, weekday=False),
            )
            self._rows.append(texts)
            self.grid.addWidget(_strong(texts[0]), row * 2, 0, 1, 2)
            self.add_row(row * 2 + 1, (texts[1], False), (texts[2], True))
        self.empty.setVisible(not records)

    def rows(self) -> list[tuple[str, str, str]]:
        """(record, value, date) as shown, for tests and screen readers."""
        return list(self._rows)


class PhaseTimeline(_Card):
    """The ladder's phases, each with the day it was reached and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Phase ladder"), parent)
        self.setObjectName("phaseTimeline")
        self.setAccessibleName(self.tr("Phase ladder timeline"))
        self.empty.setText(self.tr("Your first check starts the ladder."))
        self._rows: list[tuple[str, str]] = []

    def show_events(self, events: Sequence[PhaseEvent]) -> None:
        self.clear_rows()
        self._rows = []
        for row, event in enumerate(events):
            name = phase_name(Phase(event.phase))
            day = day_text(event.reached_at.date(), weekday=False)
            self._rows.append((name, day))
            name_label, day_label = self.add_row(row, (name, False), (day, True))
            name_label.setToolTip(reason_text(event.reason))
            day_label.setToolTip(reason_text(event.reason))
        self.empty.setVisible(not events)

    def rows(self) -> list[tuple[str, str]]:
        return list(self._rows)


def _strong(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label
