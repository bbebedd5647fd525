"""The follow-along page's widgets and layout: big, calm, readable from three metres.

This module lays out, sizes and fills the widgets from a moment of the workout;
``workout_view`` drives the workout and the voice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.timeline import Moment, Step, StepKind
from hinge_desktop.ui.drill_text import dose, pacing, rest
from hinge_desktop.ui.widgets.big_number import BigNumber
from hinge_desktop.ui.widgets.figure_widget import FigureWidget
from hinge_desktop.ui.workout.voice_hint import VoiceHint
from hinge_desktop.ui.workout.workout_text import clock_text, next_text, rep_text, step_text

# Pixel sizes at the reference height below; the page scales them with its size.
REFERENCE_HEIGHT = 680
TITLE_PX = 30
STEP_PX = 30
REP_PX = 44
CUE_PX = 42
NEXT_PX = 28
BUTTON_PX = 20
BUTTON_HEIGHT = 64


def _label(name: str, *, wrap: bool = True, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class PrimaryButton(QPushButton):
    """The one big button, in the accent colour of whichever palette is shown."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._tinting = False
        self._tint()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange):
            self._tint()

    def _tint(self) -> None:
        if self._tinting:
            return
        self._tinting = True
        try:
            parent = self.parentWidget()
            source = parent.palette() if parent is not None else QApplication.palette()
            # Only these two roles are set here; the others still follow the parent.
            own = QPalette()
            own.setColor(QPalette.ColorRole.Button, source.color(QPalette.ColorRole.Highlight))
            own.setColor(
                QPalette.ColorRole.ButtonText, source.color(QPalette.ColorRole.HighlightedText)
            )
            self.setPalette(own)
        finally:
            self._tinting = False


def _button(
    name: str, text: str, accessible: str, kind: type[QPushButton] = QPushButton
) -> QPushButton:
    button = kind(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setMinimumHeight(BUTTON_HEIGHT)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return button


class PlayerPage(QWidget):
    """Name, step, figure, countdown, rep, cue, next, progress and the four buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutPlayer")
        self.voice_hint = VoiceHint()
        self.voice_hint.hide()

        self.title = _label("workoutDrillName", bold=True)
        self.step_label = _label("workoutStepLabel")
        self.dose = _label("workoutPrescription")
        self.figure = FigureWidget()
        self.countdown = BigNumber("0:00")
        self.countdown.setObjectName("workoutCountdown")
        self.rep_label = _label("workoutRepLabel", wrap=False, bold=True)
        self.cue_label = _label("workoutCueLabel")
        self.next_label = _label("workoutNextLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("workoutProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget, name in (
            (self.title, self.tr("Drill")),
            (self.step_label, self.tr("Step")),
            (self.countdown, self.tr("Time left in this step")),
            (self.rep_label, self.tr("Rep")),
            (self.cue_label, self.tr("Coach's cue")),
            (self.next_label, self.tr("What comes next")),
            (self.progress, self.tr("Workout progress")),
        ):
            widget.setAccessibleName(name)

        self.back_button = _button("backButton", self.tr("Back"), self.tr("Back"))
        self.start_pause_button = _button(
            "startPauseButton",
            self.tr("Start"),
            self.tr("Start or pause the workout"),
            PrimaryButton,
        )
        self.start_pause_button.setMinimumWidth(210)
        self.skip_button = _button("skipButton", self.tr("Skip"), self.tr("Skip"))
        self.add_rest_button = _button(
            "addRestButton", self.tr("+15 s"), self.tr("Add 15 seconds of rest")
        )
        keep = self.add_rest_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.add_rest_button.setSizePolicy(keep)
        self.log_panel_slot = QWidget()
        self.log_panel_slot.setObjectName("logPanelSlot")
        self.log_panel_slot.hide()

        numbers = QVBoxLayout()
        numbers.setSpacing(6)
        numbers.addWidget(self.countdown, 5)
        numbers.addWidget(self.rep_label)
        numbers.addSpacing(8)
        numbers.addWidget(self.cue_label, 2)
        numbers.addWidget(self.next_label)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.figure, 5)
        body.addLayout(numbers, 6)

        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addStretch(1)
        for button in (self.back_button, self.start_pause_button, self.skip_button):
            buttons.addWidget(button)
        buttons.addWidget(self.add_rest_button)
        buttons.addStretch(1)

        player = QVBoxLayout()
        player.setContentsMargins(24, 12, 24, 16)
        player.setSpacing(6)
        player.addWidget(self.voice_hint)
        player.addWidget(self.title)
        player.addWidget(self.step_label)
        player.addWidget(self.dose)
        player.addLayout(body, 1)
        player.addSpacing(6)
        player.addWidget(self.progress)
        player.addSpacing(10)
        player.addLayout(buttons)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(player, 1)
        outer.addWidget(self.log_panel_slot)
        self._scale = 0.0
        self._follow_along = False
        self._figure_drill: Drill | None = None
        self._apply_scale(1.0)

    def set_follow_along(self, on: bool) -> None:
        """Only what matters from across the room: the details and the small buttons go."""
        self._follow_along = on
        self.dose.setVisible(not on)
        for button in (self.back_button, self.skip_button):
            button.setVisible(not on)
        self.progress.setTextVisible(not on)
        self.progress.setMaximumHeight(10 if on else 16777215)
        # The +15 s button keeps its place in the row only where Back and Skip are shown too,
        # so that the one button left in follow-along stays in the middle.
        policy = self.add_rest_button.sizePolicy()
        policy.setRetainSizeWhenHidden(not on)
        self.add_rest_button.setSizePolicy(policy)

    def follow_along(self) -> bool:
        return self._follow_along

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        width = size.width()
        if self.log_panel_slot.isVisible():
            # The panel beside the player keeps its own size; the player scales in the rest.
            width -= self.log_panel_slot.sizeHint().width()
        scale = min(size.height() / REFERENCE_HEIGHT, width / 900)
        self._apply_scale(max(0.75, min(scale, 2.2)))

    def _apply_scale(self, scale: float) -> None:
        if abs(scale - self._scale) < 0.02:
            return
        self._scale = scale
        for widget, pixels in (
            (self.title, TITLE_PX),
            (self.step_label, STEP_PX),
            (self.rep_label, REP_PX),
            (self.cue_label, CUE_PX),
            (self.next_label, NEXT_PX),
        ):
            font = QFont(widget.font())
            font.setPixelSize(round(pixels * scale))
            widget.setFont(font)
        line = self.rep_label.fontMetrics().height()
        self.rep_label.setMinimumHeight(line)
        self.cue_label.setMinimumHeight(self.cue_label.fontMetrics().height() * 2)
        self.next_label.setMinimumHeight(self.next_label.fontMetrics().height())
        for button in (
            self.back_button,
            self.start_pause_button,
            self.skip_button,
            self.add_rest_button,
        ):
            font = QFont(button.font())
            font.setPixelSize(round(BUTTON_PX * min(scale, 1.6)))
            font.setBold(button is self.start_pause_button)
            button.setFont(font)
            button.setMinimumHeight(round(BUTTON_HEIGHT * min(scale, 1.6)))
            button.setMinimumWidth(
                round((210 if button is self.start_pause_button else 110) * min(scale, 1.6))
            )

    def show_moment(self, moment: Moment, steps: Sequence[Step], cue: str) -> None:
        """Show where the workout is; ``cue`` is the coach's latest words in this step."""
        step = moment.step
        drill = step.next_drill if step.kind is StepKind.REST and step.next_drill else step.drill
        if drill is not None and drill is not self._figure_drill:
            self._figure_drill = drill
            self.figure.set_drill(drill)
        self.figure.update()
        named = step.drill or next((s.drill for s in steps if s.drill is not None), None)
        _set(self.title, named.name if named is not None else "")
        _set(self.dose, facts(named) if named is not None else "")
        _set(self.step_label, step_text(step))
        _set(self.countdown, "✓" if moment.finished else clock_text(moment.remaining))
        _set(self.rep_label, rep_text(moment) if moment.started else "")
        if not moment.started:
            cue = self.tr("Press Space or Start when ready")
        elif moment.finished:
            cue = self.tr("Well done")
        elif moment.paused:
            cue = self.tr("Paused")
        _set(self.cue_label, cue)
        if moment.finished:
            _set(self.next_label, self.tr("Press Again to do it once more"))
        else:
            _set(self.next_label, next_text(steps, moment.index))
        self.add_rest_button.setVisible(
            moment.started and step.kind is StepKind.REST and not self._follow_along
        )
        # A paused clock is drawn greyed, so a still number is not taken for a running one.
        self.countdown.setEnabled(not moment.paused)
        self._show_progress(moment, steps)
        if moment.finished:
            button = self.tr("Again")
        elif not moment.started:
            button = self.tr("Start")
        elif moment.paused:
            button = self.tr("Resume")
        else:
            button = self.tr("Pause")
        _set(self.start_pause_button, button)

    def forget_drill(self) -> None:
        self._figure_drill = None
        self.figure.set_drill(None)

    def _show_progress(self, moment: Moment, steps: Sequence[Step]) -> None:
        total = sum(step.seconds for step in steps)
        done = sum(step.seconds for step in steps[: moment.index]) + moment.elapsed
        done = min(done, total)
        self.progress.setValue(round(1000 * done / total) if total > 0 else 0)
        self.progress.setFormat(
            self.tr("{done} of {total}").format(done=_minutes(done), total=_minutes(total))
        )
        self.progress.setAccessibleDescription(self.progress.format())


def facts(drill: Drill) -> str:
    """The dose, the pacing and the rest between sets, in one line under the step."""
    p = drill.prescription
    parts = [dose(p), pacing(p)]
    between = rest(p)
    if between is not None:
        parts.append(QCoreApplication.translate("PlayerPage", "rest {rest}").format(rest=between))
    return " · ".join(parts)


def _set(widget: QLabel | QPushButton, text: str) -> None:
    """Set a text only when it changes: no relayout on every tick."""
    if widget.text() != text:
        widget.setText(text)


def _minutes(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
