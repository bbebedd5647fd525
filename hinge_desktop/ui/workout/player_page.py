"""The follow-along page's widgets and layout: big, calm, readable from three metres.

The clock, the rep counter and the coach's cue take the room the page has: from 1280×800 they
are read from across the room. The buttons stay at the bottom whatever the size; on a small
screen what is above them scrolls. This module lays out, sizes and fills the widgets from a
moment of the workout; ``workout_view`` drives the workout and the voice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
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
from hinge_desktop.ui.widgets.up_and_down import up_and_down
from hinge_desktop.ui.workout.fitted_label import FittedLabel
from hinge_desktop.ui.workout.hurt_offer_card import HurtOfferCard
from hinge_desktop.ui.workout.player_controls import PlayerControls
from hinge_desktop.ui.workout.side_choice import SideChoice
from hinge_desktop.ui.workout.voice_hint import VoiceHint
from hinge_desktop.ui.workout.workout_text import clock_text, next_text, rep_text, step_text

REP_FLOOR = 24
"""The smallest the rep counter's text may get: a long part name fits rather than being cut."""

# Pixel sizes of the lines around the numbers at the reference height; they scale with the page.
REFERENCE_HEIGHT = 680
TITLE_PX = 30
STEP_PX = 28
NEXT_PX = 26
MIN_WIDTH = 400
"""The narrowest the page goes (the buttons on two rows); below it the window scrolls."""
BESIDE_WIDTH = 700
"""Below this width the camera's panel, when shown, takes the figure's place: three columns
would leave the clock no room (the panel shows the drill's aim in numbers)."""
CONTENT_MARGIN = 20

# How the height of the numbers' column is shared: the clock, the rep counter, the cue.
CLOCK_SHARE, REP_SHARE, CUE_SHARE = 9, 7, 8


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


class _Content(QWidget):
    """What scrolls above the buttons: only when it has less room than its minimum (the
    wrapped lines' preferred heights would make it scroll long before)."""

    def hasHeightForWidth(self) -> bool:
        return False

    def heightForWidth(self, _width: int) -> int:
        return -1


class PlayerPage(QWidget):
    """Name, step, figure, clock, rep, cue, next, progress, and the buttons under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutPlayer")
        self.setMinimumWidth(MIN_WIDTH)
        self.voice_hint = VoiceHint()
        self.voice_hint.hide()
        self.hurt_card = HurtOfferCard()
        self.hurt_card.hide()

        self.title = _label("workoutDrillName", bold=True)
        self.step_label = _label("workoutStepLabel")
        self.dose = _label("workoutPrescription")
        self.side_choice = SideChoice()
        self.side_choice.hide()
        self.figure = FigureWidget()
        self.figure.setMinimumSize(150, 140)
        self.countdown = BigNumber("0:00")
        self.countdown.setObjectName("workoutCountdown")
        self.countdown.setMinimumHeight(72)
        # As large as the clock; a timed part's name ("Standing squeeze") may shrink to fit.
        self.rep_label = FittedLabel("workoutRepLabel", lines=1, floor=REP_FLOOR, bold=True)
        self.cue_label = FittedLabel("workoutCueLabel", lines=2, floor=24)
        self.next_label = _label("workoutNextLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("workoutProgress")
        self.progress.setRange(0, 1000)
        # The time is written beside the bar, never on it: half on the fill it cannot be read.
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(14)
        self.progress_text = _label("workoutProgressText", wrap=False)
        self.progress_text.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        for widget, name in (
            (self.title, self.tr("Drill")),
            (self.step_label, self.tr("Step")),
            (self.countdown, self.tr("Time left in this step")),
            (self.rep_label, self.tr("Rep")),
            (self.cue_label, self.tr("Coach's cue")),
            (self.next_label, self.tr("What comes next")),
            (self.progress, self.tr("Workout progress")),
            (self.progress_text, self.tr("Time done and in all")),
        ):
            widget.setAccessibleName(name)

        self.controls = PlayerControls()
        self.back_button = self.controls.back_button
        self.start_pause_button = self.controls.start_pause_button
        self.skip_button = self.controls.skip_button
        self.add_rest_button = self.controls.add_rest_button
        self.follow_along_button = self.controls.follow_along_button
        self.finish_button = self.controls.finish_button

        self.scroll = up_and_down(self._content(), "playerScroll")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # The question about a drill that hurt last time stays above the player, whole: the
        # player scrolls under it on a short screen (it is answered before the start).
        question = QVBoxLayout()
        question.setContentsMargins(CONTENT_MARGIN, 8, CONTENT_MARGIN, 0)
        question.addWidget(self.hurt_card)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(question)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.controls)
        self._scale = 0.0
        self._follow_along = False
        self._figure_drill: Drill | None = None
        self._side: QWidget | None = None
        self._apply_scale(1.0)

    def _content(self) -> QWidget:
        numbers = QVBoxLayout()
        numbers.setSpacing(4)
        numbers.addWidget(self.countdown, CLOCK_SHARE)
        numbers.addWidget(self.rep_label, REP_SHARE)
        numbers.addWidget(self.cue_label, CUE_SHARE)
        self._body = body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.figure, 2)
        body.addLayout(numbers, 3)
        progress = QHBoxLayout()
        progress.setSpacing(10)
        progress.addWidget(self.progress, 1, Qt.AlignmentFlag.AlignVCenter)
        progress.addWidget(self.progress_text)

        content = _Content()
        content.setObjectName("playerContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(CONTENT_MARGIN, 8, CONTENT_MARGIN, 4)
        layout.setSpacing(4)
        layout.addWidget(self.voice_hint)
        layout.addWidget(self.title)
        layout.addWidget(self.step_label)
        layout.addWidget(self.dose)
        layout.addWidget(self.side_choice)
        layout.addLayout(body, 1)
        layout.addWidget(self.next_label)
        layout.addLayout(progress)
        return content

    def set_follow_along(self, on: bool) -> None:
        """Only what matters from across the room: the details and the small buttons go."""
        self._follow_along = on
        self.dose.setVisible(not on)
        self.progress_text.setVisible(not on)
        for button in (self.back_button, self.skip_button, self.finish_button):
            button.setVisible(not on)
        self.follow_along_button.setChecked(on)
        self.follow_along_button.setText(
            self.tr("Leave follow-along") if on else self.tr("Follow along")
        )
        # The +15 s button keeps its place in the row only where Back and Skip are shown too,
        # so that the one button left in follow-along stays in the middle.
        policy = self.add_rest_button.sizePolicy()
        policy.setRetainSizeWhenHidden(not on)
        self.add_rest_button.setSizePolicy(policy)

    def follow_along(self) -> bool:
        return self._follow_along

    def show_voice_hint(self, problem: str | None) -> None:
        """Why the coach is silent (None: it is not, or the note was closed); never in
        follow-along."""
        if problem is not None:
            self.voice_hint.set_text(problem)
        self.voice_hint.setVisible(problem is not None and not self._follow_along)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_side()
        self.hurt_card.set_room(event.size().width() - 2 * CONTENT_MARGIN)
        self._apply_scale(max(0.7, min(event.size().height() / REFERENCE_HEIGHT, 1.8)))

    def _apply_scale(self, scale: float) -> None:
        """The lines around the numbers follow the page's height (the numbers fit their room)."""
        if abs(scale - self._scale) < 0.02:
            return
        self._scale = scale
        for widget, pixels in (
            (self.title, TITLE_PX),
            (self.step_label, STEP_PX),
            (self.next_label, NEXT_PX),
        ):
            font = QFont(widget.font())
            font.setPixelSize(round(pixels * scale))
            widget.setFont(font)
            widget.setMinimumHeight(widget.fontMetrics().height())
        self.side_choice.set_scale(scale)
        small = QFont(self.progress_text.font())
        small.setPixelSize(round(15 * min(scale, 1.3)))
        self.progress_text.setFont(small)

    def set_side_panel(self, panel: QWidget, button: QWidget) -> None:
        """Put ``panel`` (the camera) between the figure and the numbers, and the ``button``
        that shows it beside Follow along."""
        self._body.insertWidget(1, panel, 2)
        self._side = panel
        panel.installEventFilter(self)
        self.controls.add_side_button(button)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._side and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._place_side()
        return super().eventFilter(watched, event)

    def _place_side(self) -> None:
        side = self._side
        crowded = side is not None and side.isVisibleTo(self) and self.width() < BESIDE_WIDTH
        self.figure.setVisible(not crowded)

    def show_moment(self, moment: Moment, steps: Sequence[Step], cue: str, name: str) -> None:
        """Show where the workout is; ``cue`` is the coach's latest words in this step and
        ``name`` what the workout is called (shown at its start and end)."""
        step = moment.step
        drill = step.next_drill if step.kind is StepKind.REST and step.next_drill else step.drill
        if drill is not None and drill is not self._figure_drill:
            self._figure_drill = drill
            self.figure.set_drill(drill)
        self.figure.update()
        named = step.drill or next((s.drill for s in steps if s.drill is not None), None)
        _set(self.title, named.name if named is not None and not moment.finished else name)
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
        _set(self.next_label, "" if moment.finished else next_text(steps, moment.index))
        # The side to start on is chosen while getting ready for a drill done per side.
        choosing = step.kind is StepKind.GET_READY and step.side is not None
        if step.side is not None and choosing:
            self.side_choice.set_side(step.side)
        if self.side_choice.isVisibleTo(self) != choosing:
            self.side_choice.setVisible(choosing)
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
        text = self.tr("{done} of {total}").format(done=_minutes(done), total=_minutes(total))
        _set(self.progress_text, text)
        self.progress.setFormat(text)
        self.progress.setAccessibleDescription(text)


def figure_seconds(moment: Moment) -> float:
    """Where the figure is: in the rep under way, the key pose in a hold, the part's pose in a
    timed part (or the change before it), else the start."""
    step = moment.step
    if step.kind is StepKind.REPS and moment.started:
        return moment.seconds_into_rep
    if step.part is not None and step.drill is not None:
        return _part_seconds(step, moment)
    if step.kind is StepKind.HOLD and step.drill is not None:
        return step.drill.prescription.tempo.away
    return 0.0


def _part_seconds(step: Step, moment: Moment) -> float:
    """A part named after one of the drill's poses shows that pose (the standing squeeze, the
    seated one); the drill's first part otherwise moves through its poses at the tempo (the
    roll, back and forth), and a later one waits in the first pose."""
    assert step.drill is not None
    assert step.part is not None
    tempo = step.drill.prescription.tempo
    names = [pose.name for pose in step.drill.figure.poses]
    if step.part.name in names and len(names) > 1:
        return tempo.away * names.index(step.part.name) / (len(names) - 1)
    first = step.drill.prescription.parts[0]
    if step.kind is StepKind.HOLD and step.part == first and tempo.rep_seconds > 0:
        return moment.elapsed % tempo.rep_seconds
    return 0.0


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
