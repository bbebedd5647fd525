"""Dialogs around the set form: edit a logged set, or quick-log one without the player.

Both are meant to be shown with ``open()`` and read on ``accepted``; neither writes to the
database itself, so the caller can push the change on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.drills import Drill, DrillKind, Equipment
from hinge_desktop.domain.training import InvalidSet, LoggedSet
from hinge_desktop.ui.history.workout_list_text import date_text, time_text
from hinge_desktop.ui.widgets.set_form import SetForm

Clock = Callable[[], datetime]


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _now() -> datetime:
    return datetime.now().astimezone()


def stand_in_drill(logged: LoggedSet, template: Drill) -> Drill:
    """A drill to edit a set whose drill Hinge does not know (one imported from another app):
    the form then shows exactly the fields the set has."""
    return replace(
        template,
        id=logged.drill_id,
        name=logged.drill_id,
        kind=DrillKind.CHECK if logged.result is not None else DrillKind.EXERCISE,
        equipment=frozenset({Equipment.BAND}) if logged.band is not None else frozenset(),
        prescription=replace(
            template.prescription,
            reps=logged.reps,
            hold_seconds=round(logged.hold_seconds) if logged.hold_seconds is not None else None,
            per_side=logged.side is not None,
        ),
        check=None,
    )


class _SetDialog(QDialog):
    """A set form with Save and Cancel; Save is off while a value is out of range."""

    def __init__(
        self,
        name: str,
        title: str,
        heading: str,
        save_name: str,
        save_text: str,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._result: LoggedSet | None = None
        self.heading = QLabel(heading)
        self.heading.setObjectName(name + "Heading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.form = SetForm()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert isinstance(save, QPushButton)
        self.save_button = save
        save.setObjectName(save_name)
        save.setText(save_text)
        save.setAccessibleName(save_text)
        save.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName(name + "CancelButton")
        cancel.setAccessibleName(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.changed.connect(self._update_save)
        self.setMinimumWidth(520)

    def _update_save(self) -> None:
        self.save_button.setEnabled(self.form.problem() is None)

    def _build(self) -> LoggedSet:
        raise NotImplementedError

    def accept(self) -> None:
        """Close only with a set that passes every check; otherwise the form shows why."""
        try:
            self._result = self._build()
        except InvalidSet:
            self._update_save()
            return
        super().accept()


class EditSetDialog(_SetDialog):
    """Change a logged set's values; its drill, time, workout and set number stay."""

    def __init__(self, logged: LoggedSet, drill: Drill, parent: QWidget | None = None) -> None:
        when = logged.performed_at
        super().__init__(
            "editSetDialog",
            _tr("EditSetDialog", "Edit set"),
            _tr("EditSetDialog", "{drill}, set {number}, {date} at {time}").format(
                drill=drill.name,
                number=logged.set_number,
                date=date_text(when),
                time=time_text(when),
            ),
            "saveSetButton",
            _tr("EditSetDialog", "Save changes"),
            parent,
        )
        self.original = logged
        self.form.show_drill(drill, last=logged, side=logged.side)
        self.form.set_values(logged)
        self._update_save()

    def _build(self) -> LoggedSet:
        return self.form.edited(self.original)

    def edited_set(self) -> LoggedSet:
        """The set with the values saved (same id); read it on ``accepted``."""
        if self._result is None:
            self._result = self._build()
        return self._result


class QuickLogDialog(_SetDialog):
    """Log one set of a drill outside any workout, timed now; numbered after today's sets."""

    def __init__(
        self,
        drill: Drill,
        last_sets: Sequence[LoggedSet],
        parent: QWidget | None = None,
        *,
        now: Clock = _now,
    ) -> None:
        set_number = next_quick_set_number(drill.id, last_sets, now())
        super().__init__(
            "quickLogDialog",
            _tr("QuickLogDialog", "Quick log"),
            _tr("QuickLogDialog", "{drill}: set {number} today").format(
                drill=drill.name, number=set_number
            ),
            "quickLogSaveButton",
            _tr("QuickLogDialog", "Log set"),
            parent,
        )
        self._now = now
        self.drill = drill
        self.set_number = set_number
        hint = QLabel(
            self.tr("Logged now, outside any workout. Ctrl+Z undoes it."),
        )
        hint.setObjectName("quickLogHint")
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, hint)
        last = last_sets[-1] if last_sets else None
        self.form.show_drill(drill, last=last)
        self._update_save()

    def _build(self) -> LoggedSet:
        return self.form.build(
            performed_at=self._now(), set_number=self.set_number, workout_id=None
        )

    def logged_set(self) -> LoggedSet:
        """The set to log (no id yet); read it on ``accepted``."""
        if self._result is None:
            self._result = self._build()
        return self._result


def next_quick_set_number(drill_id: str, last_sets: Sequence[LoggedSet], now: datetime) -> int:
    """The drill's next set today: one more than its sets done on ``now``'s local day, in a
    workout or quick-logged (the two sides of a set count once), and never a number a set
    quick-logged today already has."""
    today = [
        s
        for s in last_sets
        if s.drill_id == drill_id and s.performed_at.astimezone(now.tzinfo).date() == now.date()
    ]
    done = len({(s.workout_id, s.set_number) for s in today})
    quick = max((s.set_number for s in today if s.workout_id is None), default=0)
    return max(done, quick) + 1
