"""The list of routines: the person's own first, then the built-in ones, under headings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from hinge_desktop.domain.plan import DrillLookup, InvalidPlan, PlanEntry
from hinge_desktop.domain.routines import Routine
from hinge_desktop.ui.widgets.card_delegate import CardDelegate

ModelIndex = QModelIndex | QPersistentModelIndex


class RoutineRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    BUILTIN = Qt.ItemDataRole.UserRole + 2
    SUMMARY = Qt.ItemDataRole.UserRole + 3
    HEADING = Qt.ItemDataRole.UserRole + 4


def routine_name(routine: Routine) -> str:
    """A built-in routine's name in the person's language; their own as they wrote it."""
    if routine.builtin:
        return QCoreApplication.translate("BuiltinRoutine", routine.name)
    return routine.name


def routine_description(routine: Routine) -> str:
    if routine.builtin:
        return QCoreApplication.translate("BuiltinRoutine", routine.description)
    return routine.description


def routine_minutes(routine: Routine, catalogue: DrillLookup | None) -> int | None:
    """How long the routine runs, in whole minutes (at least 1), from the steps the player
    would run: get-ready, work at the tempo, switches and every rest. None when it cannot run
    (no drill yet, or a drill the library does not know)."""
    if catalogue is None:
        return None
    try:
        seconds = routine.to_plan().seconds(catalogue)
    except InvalidPlan:
        return None
    return max(1, round(seconds / 60))


def routine_summary(routine: Routine, minutes: int | None = None) -> str:
    """One line under the name: how many drills, how long it runs when that is known, and the
    rounds of a circuit (last, as the part a narrow list may cut)."""
    count = len(routine.entries)
    if count == 0:
        text = QCoreApplication.translate("Routines", "No drills yet")
    elif count == 1:
        text = QCoreApplication.translate("Routines", "1 drill")
    else:
        text = QCoreApplication.translate("Routines", "{count} drills").format(count=count)
    if minutes is not None:
        text = QCoreApplication.translate("Routines", "{drills} · about {minutes} min").format(
            drills=text, minutes=minutes
        )
    if routine.is_circuit:
        return QCoreApplication.translate(
            "Routines", "{drills} · circuit, {rounds} rounds, {rest} s rest between rounds"
        ).format(drills=text, rounds=routine.rounds, rest=routine.rest_after_round)
    return text


def entry_dose(entry: PlanEntry, circuit: bool = False, per_side: bool = False) -> str:
    """ "3 × 8 reps, 90 s rest", or for a circuit just "8 reps"."""
    if entry.reps is not None:
        if per_side:
            work = QCoreApplication.translate("Routines", "{reps} reps each side")
        else:
            work = QCoreApplication.translate("Routines", "{reps} reps")
        work = work.format(reps=entry.reps)
    else:
        if per_side:
            work = QCoreApplication.translate("Routines", "{seconds} s hold each side")
        else:
            work = QCoreApplication.translate("Routines", "{seconds} s hold")
        work = work.format(seconds=entry.hold_seconds)
    if circuit:
        return work
    text = QCoreApplication.translate("Routines", "{sets} × {work}").format(
        sets=entry.sets, work=work
    )
    if entry.sets > 1:
        text = QCoreApplication.translate("Routines", "{dose}, {rest} s rest").format(
            dose=text, rest=entry.rest_seconds
        )
    return text


@dataclass(frozen=True)
class _Row:
    heading: str = ""
    routine: Routine | None = None
    placeholder: str = ""
    minutes: int | None = None


class RoutineListModel(QAbstractListModel):
    """One row per routine, with a heading row above each group (headings are not
    selectable). An empty "your routines" group shows a hint row instead. With the drill
    catalogue, each routine's line says how long it runs."""

    def __init__(
        self, parent: QObject | None = None, *, catalogue: DrillLookup | None = None
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._rows: list[_Row] = []

    def _row(self, routine: Routine) -> _Row:
        return _Row(routine=routine, minutes=routine_minutes(routine, self._catalogue))

    def set_routines(self, own: Sequence[Routine], builtin: Sequence[Routine]) -> None:
        rows = [_Row(heading=QCoreApplication.translate("Routines", "Your routines"))]
        rows += [self._row(routine) for routine in own]
        if not own:
            rows.append(
                _Row(
                    placeholder=QCoreApplication.translate(
                        "Routines", "None yet: press New, or duplicate one below"
                    )
                )
            )
        programming = [routine for routine in builtin if routine.phase is None]
        ladder = [routine for routine in builtin if routine.phase is not None]
        if programming:
            rows.append(_Row(heading=QCoreApplication.translate("Routines", "Built in")))
            rows += [self._row(routine) for routine in programming]
        if ladder:
            rows.append(_Row(heading=QCoreApplication.translate("Routines", "The ladder")))
            rows += [self._row(routine) for routine in ladder]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        routine = row.routine
        if routine is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.heading or row.placeholder
            if role == RoutineRole.HEADING:
                return bool(row.heading)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return routine_name(routine)
        if role == Qt.ItemDataRole.ToolTipRole:
            return routine_description(routine) or None
        if role in (RoutineRole.SUMMARY, Qt.ItemDataRole.AccessibleDescriptionRole):
            return routine_summary(routine, row.minutes)
        if role == RoutineRole.ID:
            return routine.id
        if role == RoutineRole.BUILTIN:
            return routine.builtin
        if role == RoutineRole.HEADING:
            return False
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].routine is None:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def routine(self, row: int) -> Routine | None:
        if 0 <= row < len(self._rows):
            return self._rows[row].routine
        return None

    def row_of(self, routine_id: str) -> int:
        """The row of a routine, or -1."""
        for row, item in enumerate(self._rows):
            if item.routine is not None and item.routine.id == routine_id:
                return row
        return -1

    def routine_rows(self) -> list[int]:
        return [row for row, item in enumerate(self._rows) if item.routine is not None]


class RoutineDelegate(CardDelegate):
    """Two lines per routine (name, then drills and rounds); small capitals for headings."""

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        if index.data(RoutineRole.ID) is None:
            extra = 16 if index.data(RoutineRole.HEADING) else 10
            return QSize(self.WIDTH, option.fontMetrics.height() + extra)
        return super().sizeHint(option, index)

    def lines(self, index: ModelIndex) -> list[tuple[str, bool]]:
        return [(str(index.data(RoutineRole.SUMMARY)), True)]

    def paint_heading(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QRect | None:
        """A heading ("Built in") or a note ("None yet…") is a row of its own, not a card."""
        rect = QRect(option.rect)
        if index.data(RoutineRole.ID) is not None:
            return rect
        heading = bool(index.data(RoutineRole.HEADING))
        if heading:
            font = self.heading_font(option)
        else:
            font = QFont(option.font)
            font.setItalic(True)
        painter.setFont(font)
        palette = option.palette
        painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
        text = str(index.data())
        painter.drawText(
            rect.adjusted(self.PADDING, 0, -self.PADDING, -3),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            QFontMetrics(font).elidedText(
                text.upper() if heading else text,
                Qt.TextElideMode.ElideRight,
                rect.width() - 2 * self.PADDING,
            ),
        )
        return None
