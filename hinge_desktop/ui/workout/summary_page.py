"""The end of a session: what was done, what it counted for, and what comes next.

Shown in the workout view when a workout ends, finished or completed; the figures come from a
``SessionSummary`` (domain/session_summary.py), the ladder's word and the next session from
whoever knows them (the assembler).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.session_summary import SessionSummary
from hinge_desktop.ui.widgets.primary_button import PrimaryButton
from hinge_desktop.ui.widgets.up_and_down import up_and_down
from hinge_desktop.ui.workout.summary_text import (
    duration_text,
    heading_text,
    holds_caption,
    load_text,
    record_text,
    records_heading,
    reps_caption,
    sets_caption,
    sets_text,
)

COLUMNS = 3


def _label(name: str, pixels: int, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    font = QFont(label.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    label.setFont(font)
    return label


class _Figure(QWidget):
    """One figure of the session: a large value over its caption."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.value = _label(f"{name}Value", 40, bold=True, wrap=False)
        self.caption = _label(f"{name}Caption", 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: str, caption: str) -> None:
        self.value.setText(value)
        self.caption.setText(caption)
        self.setAccessibleName(f"{value} {caption}")


class SummaryPage(QWidget):
    """The session's name and figures, its records, the ladder's word and the next session."""

    again_requested = Signal()
    choose_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionSummary")
        self.setAccessibleName(self.tr("Session summary"))
        self.heading = _label("summaryHeading", 24)
        self.name = _label("summaryName", 34, bold=True)
        self.time = _Figure("summaryTime")
        self.sets = _Figure("summarySets")
        self.reps = _Figure("summaryReps")
        self.holds = _Figure("summaryHolds")
        self.load = _Figure("summaryLoad")
        self._figures = (self.time, self.sets, self.reps, self.holds, self.load)
        self.records_heading = _label("summaryRecordsHeading", 20, bold=True)
        self.records = _label("summaryRecords", 17)
        self.ladder_note = _label("summaryLadderNote", 17)
        self.next_label = _label("summaryNextLabel", 20)
        self.next_button = PrimaryButton(self.tr("Start"))
        self.next_button.setObjectName("summaryStartNextButton")
        self.next_button.setAccessibleName(self.tr("Start the next session"))
        self.again_button = QPushButton(self.tr("Do it again"))
        self.again_button.setObjectName("summaryAgainButton")
        self.again_button.setAccessibleName(self.tr("Do the same workout again"))
        self.choose_button = QPushButton(self.tr("Choose a drill"))
        self.choose_button.setObjectName("summaryChooseButton")
        self.choose_button.setAccessibleName(self.tr("Choose a drill"))
        for button, pixels in (
            (self.next_button, 20),
            (self.again_button, 16),
            (self.choose_button, 16),
        ):
            button.setMinimumSize(150, 48)
            font = QFont(button.font())
            font.setPixelSize(pixels)
            font.setBold(button is self.next_button)
            button.setFont(font)
        self.next_button.clicked.connect(self.next_requested)
        self.again_button.clicked.connect(self.again_requested)
        self.choose_button.clicked.connect(self.choose_requested)
        self._grid = QGridLayout()
        self._grid.setSpacing(8)
        for number, figure in enumerate(self._figures):
            self._grid.addWidget(figure, 0, number)

        next_row = QFrame()
        next_row.setObjectName("summaryNext")
        next_row.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(next_row)
        row.addWidget(self.next_label, 1)
        row.addWidget(self.next_button)
        self._next_row = next_row
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)

        content = QWidget()
        content.setObjectName("summaryContent")
        content.setMaximumWidth(760)
        column = QVBoxLayout(content)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        column.addWidget(self.heading)
        column.addWidget(self.name)
        column.addSpacing(6)
        column.addLayout(self._grid)
        column.addSpacing(6)
        column.addWidget(self.records_heading)
        column.addWidget(self.records)
        column.addWidget(self.ladder_note)
        column.addWidget(next_row)
        column.addLayout(buttons)
        column.addStretch(1)
        holder = QWidget()
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(content)
        content.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        scroll = up_and_down(holder, "summaryScroll")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def show_summary(
        self,
        summary: SessionSummary,
        names: Mapping[str, str],
        ladder_note: str | None = None,
        next_label: str | None = None,
    ) -> None:
        """Show ``summary``; ``names`` are the drills' names by id (for the records), the
        ladder's word and the next session appear when given."""
        self.heading.setText(heading_text(summary))
        self.name.setText(summary.name)
        self.time.set(duration_text(summary.seconds), self.tr("time taken"))
        self.sets.set(sets_text(summary), sets_caption(summary))
        shown = [self.time, self.sets]
        if summary.reps:
            self.reps.set(str(summary.reps), reps_caption(summary.reps))
            shown.append(self.reps)
        if summary.holds and summary.hold_seconds is not None:
            self.holds.set(duration_text(summary.hold_seconds), holds_caption(summary.holds))
            shown.append(self.holds)
        if summary.load and summary.unit is not None:
            self.load.set(load_text(summary.load, summary.unit), self.tr("lifted"))
            shown.append(self.load)
        self._place(shown)
        lines = [record_text(r, names, summary.unit) for r in summary.records]
        self.records_heading.setText(records_heading(len(lines)))
        self.records.setText("\n".join(lines))
        for widget in (self.records_heading, self.records):
            widget.setVisible(bool(lines))
        self.ladder_note.setText(ladder_note or "")
        self.ladder_note.setVisible(bool(ladder_note))
        self.next_label.setText(next_label or "")
        self._next_row.setVisible(bool(next_label))

    def shown_figures(self) -> dict[str, str]:
        """Caption to value of every figure shown, as a person reads them."""
        return {f.caption.text(): f.value.text() for f in self._figures if f.isVisibleTo(self)}

    def _place(self, shown: list[_Figure]) -> None:
        """The figures shown, in rows of up to three; the others hidden."""
        for figure in self._figures:
            self._grid.removeWidget(figure)
        columns = min(COLUMNS, len(shown))
        for number, figure in enumerate(shown):
            self._grid.addWidget(figure, number // columns, number % columns)
        for figure in self._figures:
            figure.setVisible(figure in shown)
