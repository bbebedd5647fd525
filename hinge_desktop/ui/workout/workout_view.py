"""The workout player: the follow-along screen used from the floor, three metres away.

The timeline decides where the workout is; this view only shows it, and the coach's cues are
said and written by ``CoachCues``. A precise timer refreshes the screen while the workout runs
and stops whenever it does not (paused, done, unloaded). A workout under way ends only when the
person says so: Finish, Escape, another workout or quitting ask first. Before a workout runs,
``BeforeStart`` asks about a drill above the person's rung or one that hurt last time. At its end
the summary page shows what was done (``session_ended``; ``show_summary`` adds the log's figures).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hinge_desktop.domain.drills import Drill
from hinge_desktop.domain.plan import WorkoutPlan
from hinge_desktop.domain.session_summary import (
    SessionEnd,
    SessionSummary,
    cut_short,
    from_player,
    planned_sets,
    session_end,
    set_keys,
)
from hinge_desktop.domain.timeline import Moment, Step, WorkoutTimeline, build_steps
from hinge_desktop.domain.training import Side
from hinge_desktop.ui.workout.coach_cues import CoachCues
from hinge_desktop.ui.workout.first_sides import FirstSides
from hinge_desktop.ui.workout.load_questions import BeforeStart, Load
from hinge_desktop.ui.workout.plan_checks import PlanChecks
from hinge_desktop.ui.workout.player_page import figure_seconds
from hinge_desktop.ui.workout.refresh_clock import RefreshClock
from hinge_desktop.ui.workout.workout_actions import WorkoutActions
from hinge_desktop.ui.workout.workout_pages import Page, WorkoutPages
from hinge_desktop.ui.workout.workout_prompts import ask_to_finish, ask_to_quit

if TYPE_CHECKING:
    from hinge_desktop.speech.speaker import Speaker
    from hinge_desktop.ui.preferences import Preferences

TICK_MS = 50


class WorkoutView(WorkoutPages):
    scrolls_inside = True
    """The player keeps its controls in sight and scrolls what is above them, so the window
    gives it its own height rather than scroll it whole."""

    workout_started = Signal()
    running_changed = Signal(bool)
    """The workout began or stopped running (started and not paused, not done)."""
    """The loaded workout was started (not resumed from a pause)."""
    step_reached = Signal(int)
    """The workout moved to the step with this index (forwards or back)."""
    workout_loaded = Signal()
    sides_changed = Signal()
    """A drill now starts on the other side: the same steps, their sides swapped."""
    follow_along_requested = Signal(bool)
    """The person asked to enter (True) or leave (False) the full-screen follow-along mode."""
    session_ended = Signal(object)
    """The workout ended, completed or finished early (a ``SessionEnd``); the summary shows
    what the player knows, until ``show_summary`` gives it the log's figures."""

    def __init__(
        self,
        speaker: Speaker,
        preferences: Preferences,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
        *,
        checks: PlanChecks | None = None,
    ) -> None:
        """``checks``: what is read to ask before a workout runs (None: nothing is asked)."""
        super().__init__(parent)
        self._clock = clock
        self._cues = CoachCues(speaker, preferences, clock, self)
        self._sides = FirstSides(preferences)
        self.setObjectName("workoutView")
        self.setAccessibleName(self.tr("Workout"))
        self._drill: Drill | None = None
        self._steps: tuple[Step, ...] = ()
        """The workout as planned (the timeline's are cut short by an early finish)."""
        self._workout_plan: WorkoutPlan | None = None
        self._shown_index = -1
        self._timeline: WorkoutTimeline | None = None
        self._started_at: float | None = None
        self._ended: SessionEnd | None = None
        self._finished_early = False
        self._resumed = False
        self.logged_sets: Callable[[], int] | None = None
        """How many sets of the workout under way are logged (the log panel's count), for
        Finish's question; without it, the sets the player has passed."""

        self.figure.set_time_source(
            lambda: figure_seconds(self._timeline.moment()) if self._timeline else 0.0
        )

        self.before_start = BeforeStart(self, checks, self._load)
        self.voice_hint.dismissed.connect(self._cues.dismiss_hint)
        self._cues.hint_changed.connect(self._update_voice_hint)

        self._refresh = RefreshClock(TICK_MS, self.tick, self)
        self._refresh.running_changed.connect(self.running_changed)
        self.actions_ = WorkoutActions(self)
        self.follow_along_action = self.actions_.follow_along
        self._enable()

    # Public ------------------------------------------------------------------------------

    def drill(self) -> Drill | None:
        return self._drill

    def timeline(self) -> WorkoutTimeline | None:
        return self._timeline

    def is_running(self) -> bool:
        """True while the refresh timer runs: the workout is started, not paused, not done."""
        return self._refresh.is_running()

    def under_way(self) -> bool:
        """True from Start to the end, paused or not, and for a workout resumed after a crash
        from the moment it is loaded: a workout that ending would cut short."""
        if self._timeline is None:
            return False
        moment = self._timeline.moment()
        return (moment.started or self._resumed) and not moment.finished

    def plan(self) -> WorkoutPlan | None:
        """What the loaded workout was built from, when it was built from a plan."""
        return self._workout_plan

    def name(self) -> str:
        """What the workout is called: its plan's name, or its first drill's."""
        if self._workout_plan is not None:
            return self._workout_plan.name
        return self._drill.name if self._drill is not None else ""

    def show_drill(self, drill: Drill) -> None:
        """A workout of this one drill, shown ready to start (Start or Space starts it)."""
        self.load(build_steps([drill]), plan=WorkoutPlan.single(drill))

    def load(
        self,
        steps: Sequence[Step],
        *,
        plan: WorkoutPlan | None = None,
        start_index: int = 0,
        resumed: bool = False,
    ) -> None:
        """Load a workout of any steps (ending with DONE), ready to start at ``start_index``,
        once the person agrees where it goes above their rung or replaces a workout under way;
        a ``resumed`` one (after a crash) at once."""
        self.before_start.request(steps, plan, start_index, resumed)

    def unload(self) -> None:
        """Stop and forget the workout: the empty page again."""
        self._halt(silence=True)
        self._timeline = None
        self._cues.follow(None)
        self._steps = ()
        self._workout_plan = None
        self._drill = None
        self._ended = None
        self.player.forget_drill()
        self.show_page(Page.EMPTY)

    def start_pause(self) -> None:
        """Start, pause or resume; after the end, the same workout again from the start."""
        timeline = self._timeline
        if timeline is None:
            return
        moment = timeline.moment()
        if moment.finished:
            self._load(self._steps, self._workout_plan, 0)
            if not self.before_start.asking():
                self.start_pause()
            return
        if not moment.started:
            self.before_start.starting()
        if moment.started and not moment.paused:
            self._cues.stop()
            timeline.pause()
        else:
            timeline.toggle()
        if not moment.started:
            self._started_at = self._clock()
            self.workout_started.emit()
        self._after_control()

    def skip(self) -> None:
        """Done with this step: ends the set early or skips the rest."""
        self._control(WorkoutTimeline.skip)

    def back(self) -> None:
        """Start the step again, or go to the one before in its first seconds."""
        self._control(WorkoutTimeline.back)

    def end_set(self) -> None:
        """The set under way ends now, its parts still to come too (it was logged)."""
        self._control(WorkoutTimeline.end_set)

    def choose_first_side(self, side: Side) -> None:
        """In a drill's get-ready: every set of it starts on ``side``, now and next time."""
        timeline = self._timeline
        if timeline is None or not self._sides.choose(timeline.moment().step, side):
            return
        self._steps = self._sides.apply(self._steps)
        timeline.replace_steps(self._sides.apply(timeline.steps))
        self._cues.follow(timeline)
        self._cues.announce_first_side(side)
        self._show(timeline.moment())
        self.sides_changed.emit()

    def add_rest(self) -> None:
        """15 seconds more in a rest; the countdown and its "3, 2, 1" move with the end."""
        if not self.under_way() or self._timeline is None:
            return
        if self._cues.pending():
            self._cues.stop()
        if self._timeline.add_rest():
            self._after_control()

    def finish(self) -> None:
        """End the workout here, asking first while sets remain; the summary follows."""
        if not self.under_way():
            return
        moment = self._moment()
        if any(s.is_work for s in self._steps[moment.index :]):
            passed = self._timeline.steps[: moment.index + (not moment.step.is_work)]
            done = self.logged_sets() if self.logged_sets else len(set_keys(passed))
            ask_to_finish(self, self.name(), done, planned_sets(self._steps), self._end_here)
        else:
            self._end_here()

    def escape(self) -> None:
        """Escape: out of follow-along, or else the question whether to finish."""
        if self.follow_along():
            self.follow_along_requested.emit(False)
        else:
            self.finish()

    def ask_before_quitting(self, proceed: Callable[[], None]) -> bool:
        """While a workout is under way, ask whether to quit and ``proceed`` if so; returns
        whether it asked (the window asks each view before it quits)."""
        if not self.under_way():
            return False
        ask_to_quit(self, self.name(), proceed)
        return True

    def tick(self) -> None:
        """Hand the cues now due to the speaker and refresh the screen (the timer calls this)."""
        if self._timeline is None:
            self._refresh.stop()
            return
        self._cues.speak_due()
        moment = self._moment()
        self._show(moment)
        if moment.finished or moment.paused or not moment.started:
            self._halt(silence=False)

    def follow_along(self) -> bool:
        return self.player.follow_along()

    def set_follow_along(self, on: bool) -> None:
        """Show only what matters from across the room (the window goes full screen itself)."""
        self.player.set_follow_along(on)
        if self._timeline is not None:
            self._show(self._moment())
        self.follow_along_action.setChecked(on)
        self._enable()
        self._update_voice_hint()

    def show_summary(
        self,
        summary: SessionSummary,
        ladder_note: str | None = None,
        next_label: str | None = None,
    ) -> None:
        """Show the end of the session: ``summary``'s figures, what the ladder counted and the
        next session (with a Start button, ``next_requested``) where they are given."""
        names = {s.drill.id: s.drill.name for s in self._steps if s.drill is not None}
        self.summary.show_summary(summary, names, ladder_note, next_label)
        self.show_page(Page.SUMMARY)

    def show_page(self, page: Page) -> None:
        super().show_page(page)
        self._enable()

    # Inside ------------------------------------------------------------------------------

    def _load(
        self, steps: Sequence[Step], plan: WorkoutPlan | None, start: int, how: Load = Load.NEW
    ) -> None:
        self._halt(silence=True)
        self._steps = self._sides.apply(steps)
        self._workout_plan = plan
        self._shown_index = -1
        self._started_at = None
        self._ended = None
        self._finished_early = False
        self._resumed = start > 0
        self._drill = next((s.drill for s in self._steps if s.drill is not None), None)
        self._run(self._steps, start)
        self._update_voice_hint()
        self.show_page(Page.PLAYER)
        self._show(self._moment())
        self.before_start.loaded(plan, how)
        self.workout_loaded.emit()

    def _run(self, steps: tuple[Step, ...], start_index: int) -> None:
        """A timeline for ``steps`` and the cues to say and show on it."""
        self._timeline = WorkoutTimeline(steps, self._clock, start_index)
        self._cues.follow(self._timeline)

    def _end_here(self) -> None:
        """The workout ends now: the steps done (the set under way with them), then the end."""
        if not self.under_way() or self._timeline is None:
            return
        steps = cut_short(self._timeline.steps, self._moment().index)
        self._cues.stop()
        self._finished_early = True
        self._shown_index = -1  # the end is a step reached, whatever its index
        self._run(steps, len(steps) - 1)
        self._timeline.start()
        self._after_control()

    def _complete(self, moment: Moment) -> None:
        """The end of the workout: the summary, with what the player knows."""
        assert self._timeline is not None
        now = self._clock()
        gone_through = self._timeline.steps[: moment.index + 1]
        seconds = now - (self._started_at if self._started_at is not None else now)
        self._ended = session_end(
            self.name(), self._steps, gone_through, seconds, early=self._finished_early
        )
        self.show_summary(from_player(self._ended))
        self.session_ended.emit(self._ended)

    def _moment(self) -> Moment:
        """The timeline's moment (before Start, at the step it will start from: a resumed
        workout's)."""
        assert self._timeline is not None
        return self._timeline.moment()

    def _control(self, move: Callable[[WorkoutTimeline], object]) -> None:
        """Move the workout under way (a skip, back); the voice stops and starts afresh."""
        if self.under_way():
            assert self._timeline is not None
            self._cues.stop()
            move(self._timeline)
            self._after_control()

    def _after_control(self) -> None:
        """Re-time the cues from the new position, then run or rest the timer to match."""
        assert self._timeline is not None
        self._cues.replan()
        self._update_voice_hint()
        moment = self._timeline.moment()
        if moment.started and not moment.paused and not moment.finished:
            self._refresh.start()
            self.figure.set_playing(True)
        self.tick()

    def _halt(self, *, silence: bool) -> None:
        if silence and self._refresh.is_running():
            self._cues.stop()
        self._refresh.stop()
        self.figure.set_playing(False)

    def _update_voice_hint(self) -> None:
        self.player.show_voice_hint(self._cues.hint())

    def _enable(self) -> None:
        loaded = self._timeline is not None
        active = self.under_way()
        for widget in (self.back_button, self.skip_button, self.finish_button):
            widget.setEnabled(active)
        self.follow_along_button.setEnabled(loaded)
        self.actions_.enable(
            start=loaded and not self.summary_shown(),
            active=active,
            follow=loaded,
            escape=active or self.follow_along(),
        )

    def _show(self, moment: Moment) -> None:
        self._enable()
        if moment.started and moment.index != self._shown_index:
            self._shown_index = moment.index
            self.step_reached.emit(moment.index)
        assert self._timeline is not None
        self.player.show_moment(moment, self._timeline.steps, self._cues.shown(), self.name())
        if moment.finished and self._ended is None:
            self._complete(moment)
