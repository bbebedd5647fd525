"""The workout player: the follow-along screen used from the floor, three metres away.

The timeline decides where the workout is; this view only shows it and hands the coach's cues to
the speaker a little ahead of their moments (``CueSchedule``). A precise timer refreshes the
screen while the workout runs and stops whenever it does not (paused, done, unloaded).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QStackedLayout, QVBoxLayout, QWidget

from hinge_desktop.domain.cue_schedule import CueSchedule, DueCue
from hinge_desktop.domain.cues import CueKind, Density, plan_cues
from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.domain.timeline import Moment, Step, StepKind, WorkoutTimeline, build_steps
from hinge_desktop.speech.speaker import LATE_LIMIT
from hinge_desktop.ui.preferences import CUE_DENSITY, VOICE_HINT_DISMISSED, VOICE_MUTED
from hinge_desktop.ui.widgets.empty_state import EmptyState
from hinge_desktop.ui.workout.player_page import PlayerPage
from hinge_desktop.ui.workout.workout_text import as_shown, cue_words

if TYPE_CHECKING:
    from hinge_desktop.speech.speaker import Speaker
    from hinge_desktop.ui.preferences import Preferences

TICK_MS = 50
_SHOWN_KINDS = frozenset(CueKind) - {CueKind.REP, CueKind.COUNT}
"""Cues written on screen: the counts are already there, in the rep counter and the clock."""


class WorkoutView(QWidget):
    choose_requested = Signal()
    workout_started = Signal()
    """The loaded workout was started (not resumed from a pause)."""
    step_reached = Signal(int)
    """The workout moved to the step with this index (forwards or back)."""
    workout_loaded = Signal()
    follow_along_requested = Signal(bool)
    """The person asked to enter (True) or leave (False) the full-screen follow-along mode."""

    def __init__(
        self,
        speaker: Speaker,
        preferences: Preferences,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._preferences = preferences
        self._clock = clock
        self.setObjectName("workoutView")
        self.setAccessibleName(self.tr("Workout"))
        self._words = cue_words()
        self._drill: Drill | None = None
        self._steps: tuple[Step, ...] = ()
        self._workout_plan: WorkoutPlan | None = None
        self._shown_index = -1
        self._timeline: WorkoutTimeline | None = None
        self._speech: CueSchedule | None = None
        self._display: CueSchedule | None = None
        self._muted = preferences.get(VOICE_MUTED)

        choose = QPushButton(self.tr("Choose a drill"))
        choose.setObjectName("chooseDrillButton")
        choose.setAccessibleName(self.tr("Choose a drill"))
        choose.setMinimumHeight(36)
        choose.clicked.connect(self.choose_requested)
        self.empty = EmptyState(
            "workout",
            self.tr("Workout"),
            self.tr(
                "Choose a drill in the library and press “Start this drill”: it comes here "
                "ready to follow along, with a countdown, the reps paced by its tempo, the rest "
                "between sets and the coach's cues."
            ),
            action=choose,
        )
        self.player = page = PlayerPage()
        self.title, self.step_label, self.dose = page.title, page.step_label, page.dose
        self.figure, self.countdown = page.figure, page.countdown
        self.rep_label, self.cue_label, self.next_label = (
            page.rep_label,
            page.cue_label,
            page.next_label,
        )
        self.progress, self.voice_hint = page.progress, page.voice_hint
        self.back_button, self.start_pause_button = page.back_button, page.start_pause_button
        self.skip_button, self.add_rest_button = page.skip_button, page.add_rest_button
        self.log_panel_slot = page.log_panel_slot
        self.figure.set_time_source(self._figure_seconds)

        self.back_button.setToolTip(
            self.tr("Start this step again; in its first 3 seconds, go to the step before (Left)")
        )
        self.skip_button.setToolTip(self.tr("Done: ends the set early, or skips the rest (Right)"))
        self.add_rest_button.setToolTip(self.tr("15 seconds more rest"))
        self.back_button.clicked.connect(self.back)
        self.start_pause_button.clicked.connect(self.start_pause)
        self.skip_button.clicked.connect(self.skip)
        self.add_rest_button.clicked.connect(self.add_rest)
        self.voice_hint.dismissed.connect(lambda: self._preferences.set(VOICE_HINT_DISMISSED, True))

        self._pages = QStackedLayout(self)
        self._pages.addWidget(self.empty)
        self._pages.addWidget(page)

        self._timer = QTimer(self)
        self._timer.setObjectName("workoutTickTimer")
        self._timer.setInterval(TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._build_actions()
        preferences.changed.connect(self._on_preference_changed)
        self._enable()

    # Public ------------------------------------------------------------------------------

    def drill(self) -> Drill | None:
        return self._drill

    def timeline(self) -> WorkoutTimeline | None:
        return self._timeline

    def is_running(self) -> bool:
        """True while the refresh timer runs: the workout is started, not paused, not done."""
        return self._timer.isActive()

    def plan(self) -> WorkoutPlan | None:
        """What the loaded workout was built from, when it was built from a plan."""
        return self._workout_plan

    def show_drill(self, drill: Drill) -> None:
        """A workout of this one drill, shown ready to start (Start or Space starts it)."""
        self.load(build_steps([drill]), plan=WorkoutPlan.single(drill))

    def load(
        self,
        steps: Sequence[Step],
        *,
        plan: WorkoutPlan | None = None,
        start_index: int = 0,
    ) -> None:
        """Load a workout of any steps (ending with DONE), ready to start at ``start_index``."""
        self._halt(silence=True)
        self._steps = tuple(steps)
        self._workout_plan = plan
        self._shown_index = -1
        self._timeline = WorkoutTimeline(self._steps, self._clock, start_index)
        self._drill = next((s.drill for s in self._steps if s.drill is not None), None)
        self._plan()
        shown = [c for c in plan_cues(self._steps, Density.EVERY_REP) if c.kind in _SHOWN_KINDS]
        self._display = CueSchedule(self._timeline, shown, self._clock, late_limit=LATE_LIMIT)
        self._update_voice_hint()
        self._pages.setCurrentIndex(1)
        self._enable()
        self._show(self._timeline.moment())
        self.workout_loaded.emit()

    def unload(self) -> None:
        """Stop and forget the workout: the empty page again."""
        self._halt(silence=True)
        self._timeline = self._speech = self._display = None
        self._steps = ()
        self._workout_plan = None
        self._drill = None
        self.player.forget_drill()
        self._pages.setCurrentIndex(0)
        self._enable()

    def start_pause(self) -> None:
        """Start, pause or resume; after the end, the same workout again from the start."""
        timeline = self._timeline
        if timeline is None:
            return
        moment = timeline.moment()
        if moment.finished:
            self.load(self._steps, plan=self._workout_plan)
            self.start_pause()
            return
        if moment.started and not moment.paused:
            self._speaker.stop()
            timeline.pause()
        else:
            timeline.toggle()
        if not moment.started:
            self.workout_started.emit()
        self._after_control()

    def skip(self) -> None:
        """Done with this step: ends the set early or skips the rest."""
        if self._controllable():
            self._speaker.stop()
            assert self._timeline is not None
            self._timeline.skip()
            self._after_control()

    def back(self) -> None:
        """Start the step again, or go to the one before in its first seconds."""
        if self._controllable():
            self._speaker.stop()
            assert self._timeline is not None
            self._timeline.back()
            self._after_control()

    def restart_step(self) -> None:
        if self._controllable():
            self._speaker.stop()
            assert self._timeline is not None
            self._timeline.restart_step()
            self._after_control()

    def add_rest(self) -> None:
        """15 seconds more in a rest; the countdown and its "3, 2, 1" move with the end."""
        if not self._controllable() or self._speech is None or self._timeline is None:
            return
        if self._speech.pending():
            self._speaker.stop()
        if self._timeline.add_rest():
            self._after_control()

    def tick(self) -> None:
        """Hand the cues now due to the speaker and refresh the screen (the timer calls this)."""
        if self._timeline is None:
            self._timer.stop()
            return
        if self._speech is not None:
            for due in self._speech.due():
                if not self._muted:
                    self._hand(due)
        moment = self._timeline.moment()
        self._show(moment)
        if moment.finished or moment.paused or not moment.started:
            self._halt(silence=False)

    def set_log_panel(self, panel: QWidget) -> None:
        """Put the panel that logs the sets beside the player."""
        layout = QVBoxLayout(self.log_panel_slot)
        layout.setContentsMargins(0, 12, 12, 12)
        layout.addWidget(panel)
        self.log_panel_slot.show()

    def follow_along(self) -> bool:
        return self.player.follow_along()

    def set_follow_along(self, on: bool) -> None:
        """Show only what matters from across the room (the window goes full screen itself)."""
        self.player.set_follow_along(on)
        if self._timeline is not None:
            self._show(self._timeline.moment())
        self.follow_along_action.setChecked(on)
        self.leave_follow_along_action.setEnabled(on)
        self._update_voice_hint()

    # Inside ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(text: str, keys: QKeySequence | str, slot: Callable[[], None]) -> QAction:
            made = QAction(text, self)
            made.setShortcut(QKeySequence(keys))
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.start_pause_action = action(
            self.tr("Start or pause the workout"), "Space", self.start_pause
        )
        self.skip_action = action(self.tr("Next step (skip)"), "Right", self.skip)
        self.back_action = action(self.tr("Previous step (back)"), "Left", self.back)
        self.add_rest_action = action(self.tr("15 seconds more rest"), "+", self.add_rest)
        self.follow_along_action = action(
            self.tr("Follow-along full screen"),
            "F11",
            lambda: self.follow_along_requested.emit(not self.follow_along()),
        )
        self.follow_along_action.setCheckable(True)
        self.leave_follow_along_action = action(
            self.tr("Leave follow-along"),
            "Escape",
            lambda: self.follow_along_requested.emit(False),
        )
        self.leave_follow_along_action.setEnabled(False)

    def _controllable(self) -> bool:
        if self._timeline is None:
            return False
        moment = self._timeline.moment()
        return moment.started and not moment.finished

    def _after_control(self) -> None:
        """Re-time the cues from the new position, then run or rest the timer to match."""
        assert self._timeline is not None
        for schedule in (self._speech, self._display):
            if schedule is not None:
                schedule.replan()
        self._update_voice_hint()
        moment = self._timeline.moment()
        if moment.started and not moment.paused and not moment.finished:
            if not self._timer.isActive():
                self._timer.start()
            self.figure.set_playing(True)
        self.tick()

    def _halt(self, *, silence: bool) -> None:
        if silence and self._timer.isActive():
            self._speaker.stop()
        self._timer.stop()
        self.figure.set_playing(False)

    def _plan(self) -> None:
        """The spoken cues at the density chosen; their words are prepared ahead."""
        if self._timeline is None:
            return
        density = Density(self._preferences.get(CUE_DENSITY))
        cues = plan_cues(self._steps, density)
        self._speech = CueSchedule(self._timeline, cues, self._clock, late_limit=LATE_LIMIT)
        texts = dict.fromkeys(cue.text(self._words) for cue in cues)
        if texts:
            self._speaker.prepare(list(texts))

    def _hand(self, due: DueCue) -> None:
        text = due.cue.text(self._words)
        if due.cue.kind is CueKind.COUNT and not self._speaker.is_ready(text):
            self._speaker.beep_at(due.at)
        else:
            self._speaker.say_at(text, due.at)

    def _on_preference_changed(self, key: str) -> None:
        if key == CUE_DENSITY.key:
            self._speaker.stop()
            self._plan()
        elif key == VOICE_MUTED.key:
            self._muted = self._preferences.get(VOICE_MUTED)
            if self._muted:
                self._speaker.stop()
            elif self._speech is not None:
                self._speech.replan()
        elif key == VOICE_HINT_DISMISSED.key:
            self._update_voice_hint()

    def _update_voice_hint(self) -> None:
        problem = self._speaker.voice_problem()
        show = (
            problem is not None
            and not self._preferences.get(VOICE_HINT_DISMISSED)
            and not self.follow_along()
        )
        if problem is not None:
            self.voice_hint.set_text(problem)
        self.voice_hint.setVisible(show)

    def _figure_seconds(self) -> float:
        """Where the figure is: in the rep under way, the key pose in a hold, else the start."""
        if self._timeline is None:
            return 0.0
        moment = self._timeline.moment()
        step = moment.step
        if step.kind is StepKind.REPS and moment.started:
            return moment.seconds_into_rep
        if step.kind is StepKind.HOLD and step.drill is not None:
            return step.drill.prescription.tempo.away
        return 0.0

    def _enable(self) -> None:
        loaded = self._timeline is not None
        moment = self._timeline.moment() if self._timeline is not None else None
        active = moment is not None and moment.started and not moment.finished
        for widget in (self.back_button, self.skip_button):
            widget.setEnabled(active)
        for act in (self.skip_action, self.back_action, self.add_rest_action):
            act.setEnabled(active)
        self.start_pause_action.setEnabled(loaded)
        self.follow_along_action.setEnabled(loaded)

    def _show(self, moment: Moment) -> None:
        self._enable()
        if moment.started and moment.index != self._shown_index:
            self._shown_index = moment.index
            self.step_reached.emit(moment.index)
        current = self._display.current() if self._display is not None else None
        cue = as_shown(current.text(self._words)) if current is not None else ""
        self.player.show_moment(moment, self._steps, cue)
