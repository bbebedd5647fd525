"""The three "easily" questions after a set, as big yes/no pairs answered with one click each,
and beside them "This hurt": a set that hurt is not asked whether it was easy.

Readable from the floor three metres away; the keyboard works too: Y and N answer the first open
question, Return saves, Escape skips, H says the set hurt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.ladder import GateAnswers
from hinge_desktop.ui.widgets.colours import ACCENT

QUESTION_POINT_SCALE = 1.5
BUTTON_POINT_SCALE = 1.7
TITLE_POINT_SCALE = 1.8
NOTE_POINT_SCALE = 1.1
BUTTON_MIN_HEIGHT = 52
BUTTON_MIN_WIDTH = 136
HURT_MIN_HEIGHT = 44
YES_COLOUR = ACCENT
NO_COLOUR = "#b0522a"
CHOSEN = "✓ "

_ANSWER_STYLE = """
QPushButton {{
    border: 2px solid palette(mid);
    border-radius: 10px;
    background: palette(button);
    color: palette(button-text);
    padding: 6px 18px;
}}
QPushButton:hover {{ border-color: {colour}; }}
QPushButton:focus {{ border: 3px solid palette(highlight); }}
QPushButton:checked {{
    background: {colour};
    border-color: {colour};
    color: white;
}}
"""

_ACTION_STYLE = """
QPushButton {{
    border: 2px solid {border};
    border-radius: 10px;
    background: {background};
    color: {text};
    padding: 6px 22px;
}}
QPushButton:focus {{ border: 3px solid palette(highlight); }}
QPushButton:disabled {{
    background: palette(button);
    border-color: palette(mid);
    color: palette(mid);
}}
"""


def _scaled(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * scale)
    font.setBold(bold)
    return font


class _Question(QWidget):
    """One question with its Yes and No buttons; at most one of them is down."""

    changed = Signal()

    def __init__(self, name: str, text: str, yes_name: str, no_name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(text)
        self.label = QLabel(text)
        self.label.setObjectName(f"{name}Text")
        self.label.setWordWrap(True)
        self.label.setFont(_scaled(self, QUESTION_POINT_SCALE))
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.yes = self._button(f"{name}Yes", self.tr("Yes"), yes_name, YES_COLOUR)
        self.no = self._button(f"{name}No", self.tr("No"), no_name, NO_COLOUR)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.group.buttonToggled.connect(lambda _button, _on: self.changed.emit())
        # The question above its answers: it reads whole even in a narrow panel.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.label, 0, 0, 1, 2)
        layout.addWidget(self.yes, 1, 0)
        layout.addWidget(self.no, 1, 1)
        self.label.setBuddy(self.yes)

    def _button(self, name: str, text: str, accessible: str, colour: str) -> QPushButton:
        button = QPushButton(text)
        button.setStyleSheet(_ANSWER_STYLE.format(colour=colour))
        # The chosen answer is marked by a tick as well as by its colour.
        button.toggled.connect(lambda on: button.setText(f"{CHOSEN}{text}" if on else text))
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setCheckable(True)
        button.setFont(_scaled(self, BUTTON_POINT_SCALE, bold=True))
        button.setMinimumSize(BUTTON_MIN_WIDTH, BUTTON_MIN_HEIGHT)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def answer(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def clear(self) -> None:
        self.group.setExclusive(False)
        self.yes.setChecked(False)
        self.no.setChecked(False)
        self.group.setExclusive(True)


class GateQuestions(QWidget):
    """Asks whether a set of a standing hinge went easily, in the three ways that open the
    loading phases."""

    answered = Signal(object)
    """The :class:`GateAnswers` given, when the person saves them."""
    skipped = Signal()
    hurt = Signal()
    """The set hurt: no answers, the set is marked instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gateQuestions")
        self.setAccessibleName(self.tr("Was that set easy?"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        title = QLabel(self.tr("Was that set easy?"))
        title.setObjectName("gateTitle")
        title.setFont(_scaled(self, TITLE_POINT_SCALE, bold=True))
        # What the answers count for: said by the status line under them as they are given, and
        # here for the mouse and assistive tools (the room above the questions is This hurt's).
        rule = self.tr(
            "Three yes answers make today an easy day; three easy days open the next phase."
        )
        title.setToolTip(rule)
        self.setAccessibleDescription(rule)
        self.nobody_held = _Question(
            "gateNobodyHeld",
            self.tr("Did you stay in place with nobody holding you?"),
            self.tr("Yes, nobody had to hold me"),
            self.tr("No, I needed holding"),
        )
        self.back_still = _Question(
            "gateBackStill",
            self.tr("Did your low back stay still at the top and the bottom?"),
            self.tr("Yes, my low back stayed still"),
            self.tr("No, my low back moved"),
        )
        self.pressure_steady = _Question(
            "gatePressureSteady",
            self.tr("Did the pressure under your feet stay the same?"),
            self.tr("Yes, the foot pressure stayed the same"),
            self.tr("No, the foot pressure changed"),
        )
        self._questions = (self.nobody_held, self.back_still, self.pressure_steady)
        self.submit_button = QPushButton(self.tr("Save answers"))
        self.submit_button.setObjectName("gateSubmitButton")
        self.submit_button.setAccessibleName(self.tr("Save the answers"))
        self.submit_button.setFont(_scaled(self, BUTTON_POINT_SCALE, bold=True))
        self.submit_button.setMinimumHeight(BUTTON_MIN_HEIGHT)
        self.submit_button.setDefault(True)
        self.submit_button.setStyleSheet(
            _ACTION_STYLE.format(border=ACCENT, background=ACCENT, text="white")
        )
        self.submit_button.clicked.connect(self.submit)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setObjectName("gateSkipButton")
        self.skip_button.setAccessibleName(self.tr("Skip the questions"))
        self.skip_button.setToolTip(self.tr("Answer nothing for this set (Esc)"))
        self.skip_button.setFont(_scaled(self, BUTTON_POINT_SCALE))
        self.skip_button.setMinimumHeight(BUTTON_MIN_HEIGHT)
        self.skip_button.setStyleSheet(
            _ACTION_STYLE.format(
                border="palette(mid)", background="palette(button)", text="palette(button-text)"
            )
        )
        self.skip_button.clicked.connect(self.skipped)
        self.hurt_button = QPushButton(self.tr("This hurt"))
        self.hurt_button.setObjectName("gateHurtButton")
        self.hurt_button.setAccessibleName(self.tr("This set hurt"))
        self.hurt_button.setToolTip(
            self.tr("The set hurt: it will not count towards the ladder (H)")
        )
        self.hurt_button.setFont(_scaled(self, QUESTION_POINT_SCALE, bold=True))
        self.hurt_button.setMinimumHeight(HURT_MIN_HEIGHT)
        self.hurt_button.setStyleSheet(
            _ACTION_STYLE.format(
                border=NO_COLOUR, background="palette(button)", text="palette(button-text)"
            )
        )
        self.hurt_button.clicked.connect(self.hurt)
        self.status = QLabel()
        self.status.setObjectName("gateStatus")
        self.status.setFont(_scaled(self, NOTE_POINT_SCALE))
        self.status.setWordWrap(True)
        for question in self._questions:
            question.changed.connect(self._update_status)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        # First, where a short panel shows it without scrolling: a set that hurt is not asked
        # whether it was easy.
        layout.addWidget(self.hurt_button)
        for question in self._questions:
            layout.addWidget(question)
        layout.addWidget(self.status)
        actions = QHBoxLayout()
        actions.addWidget(self.skip_button)
        actions.addWidget(self.submit_button, 1)
        layout.addLayout(actions)
        self._update_status()

    def answers(self) -> GateAnswers | None:
        """The answers given, or None while a question is still open."""
        given = [question.answer() for question in self._questions]
        if any(answer is None for answer in given):
            return None
        return GateAnswers(*(bool(answer) for answer in given))

    def reset(self) -> None:
        """Clear every answer, for the next set."""
        for question in self._questions:
            question.clear()
        self._update_status()

    def submit(self) -> None:
        answers = self.answers()
        if answers is not None:
            self.answered.emit(answers)

    def _update_status(self) -> None:
        open_count = sum(question.answer() is None for question in self._questions)
        self.submit_button.setEnabled(open_count == 0)
        if open_count:
            text = (
                self.tr("1 question to answer")
                if open_count == 1
                else self.tr("{count} questions to answer").format(count=open_count)
            )
        else:
            answers = self.answers()
            text = (
                self.tr("All yes: today counts towards the next phase.")
                if answers is not None and answers.passed
                else self.tr("Not easy yet: today will not count; earlier days still do.")
            )
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Y, Qt.Key.Key_N):
            for question in self._questions:
                if question.answer() is None:
                    (question.yes if key == Qt.Key.Key_Y else question.no).setChecked(True)
                    break
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        if key == Qt.Key.Key_Escape:
            self.skipped.emit()
            return
        if key == Qt.Key.Key_H:
            self.hurt.emit()
            return
        super().keyPressEvent(event)
