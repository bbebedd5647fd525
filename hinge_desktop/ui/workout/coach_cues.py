"""The coach's cues over a workout: handed to the speaker a little ahead of their moments, at
the density chosen in Settings (silent while muted), and written on screen as they come.

The words of every cue are prepared as soon as a workout is loaded, so that each can start on
the dot; a count whose words are not ready yet is a beep at its moment instead. On screen go the
coach's words, never the counts (the rep counter and the clock show them) nor what comes next
(it has its own line), at every cue whatever the density.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from hinge_desktop.domain.cue_plan import plan_cues
from hinge_desktop.domain.cue_schedule import CueSchedule, DueCue
from hinge_desktop.domain.cues import Cue, CueKind, Density
from hinge_desktop.domain.timeline import WorkoutTimeline
from hinge_desktop.domain.training import Side
from hinge_desktop.speech.speaker import LATE_LIMIT
from hinge_desktop.ui.preferences import CUE_DENSITY, VOICE_HINT_DISMISSED, VOICE_MUTED
from hinge_desktop.ui.workout.workout_text import cue_text, cue_words, shown_cue_text

_SHOWN_KINDS = frozenset(CueKind) - {
    CueKind.REP,
    CueKind.SIDE_REP,
    CueKind.COUNT,
    CueKind.NEXT,
    CueKind.NEXT_PART,
    CueKind.NEXT_PART_SIDE,
}

if TYPE_CHECKING:
    from hinge_desktop.speech.speaker import Speaker
    from hinge_desktop.ui.preferences import Preferences


class CoachCues(QObject):
    """Says and shows the cues of the timeline it follows; ``hint_changed`` when the note on a
    missing voice is to be shown or hidden again."""

    hint_changed = Signal()

    def __init__(
        self,
        speaker: Speaker,
        preferences: Preferences,
        clock: Callable[[], float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._preferences = preferences
        self._clock = clock
        self._words = cue_words()
        self._timeline: WorkoutTimeline | None = None
        self._schedule: CueSchedule | None = None
        self._display: CueSchedule | None = None
        self._muted = preferences.get(VOICE_MUTED)
        preferences.changed.connect(self._on_preference_changed)

    def follow(self, timeline: WorkoutTimeline | None) -> None:
        """Speak and show the cues of ``timeline`` (None: of nothing), their words prepared
        now."""
        self._timeline = timeline
        self._plan()
        self._display = None
        if timeline is not None:
            shown = [
                c for c in plan_cues(timeline.steps, Density.EVERY_REP) if c.kind in _SHOWN_KINDS
            ]
            self._display = CueSchedule(timeline, shown, self._clock, late_limit=LATE_LIMIT)

    def shown(self) -> str:
        """The coach's latest words in the step under way, as written on screen."""
        current = self._display.current() if self._display is not None else None
        return shown_cue_text(current, self._words) if current is not None else ""

    def speak_due(self) -> None:
        """Hand the cues now due to the speaker (every tick)."""
        if self._schedule is None:
            return
        for due in self._schedule.due():
            if not self._muted:
                self._hand(due)

    def announce_first_side(self, side: Side) -> None:
        """Say at once which side the drill now starts on (a choice made in its get-ready)."""
        timeline = self._timeline
        if self._muted or timeline is None or not timeline.moment().started:
            return
        cue = Cue(timeline.moment().index, 0.0, CueKind.FIRST_SIDE, {"side": side.value})
        self._speaker.say_at(cue_text(cue, self._words), self._clock())

    def replan(self) -> None:
        """The timeline moved (a pause, a skip, more rest): time the cues from where it is."""
        for schedule in (self._schedule, self._display):
            if schedule is not None:
                schedule.replan()

    def pending(self) -> bool:
        """True while a cue was handed over for a moment still to come."""
        return self._schedule is not None and self._schedule.pending()

    def stop(self) -> None:
        self._speaker.stop()

    def hint(self) -> str | None:
        """Why the coach is silent and how to get voice, unless the person closed that note."""
        if self._preferences.get(VOICE_HINT_DISMISSED):
            return None
        return self._speaker.voice_problem()

    def dismiss_hint(self) -> None:
        self._preferences.set(VOICE_HINT_DISMISSED, True)

    def _plan(self) -> None:
        if self._timeline is None:
            self._schedule = None
            return
        density = Density(self._preferences.get(CUE_DENSITY))
        cues = plan_cues(self._timeline.steps, density)
        self._schedule = CueSchedule(self._timeline, cues, self._clock, late_limit=LATE_LIMIT)
        texts = dict.fromkeys(cue_text(cue, self._words) for cue in cues)
        if texts:
            self._speaker.prepare(list(texts))

    def _hand(self, due: DueCue) -> None:
        text = cue_text(due.cue, self._words)
        if due.cue.kind is CueKind.COUNT and not self._speaker.is_ready(text):
            self._speaker.beep_at(due.at)
        else:
            self._speaker.say_at(text, due.at, due.until)

    def _on_preference_changed(self, key: str) -> None:
        if key == CUE_DENSITY.key:
            self._speaker.stop()
            self._plan()
        elif key == VOICE_MUTED.key:
            self._muted = self._preferences.get(VOICE_MUTED)
            if self._muted:
                self._speaker.stop()
            elif self._schedule is not None:
                self._schedule.replan()
        elif key == VOICE_HINT_DISMISSED.key:
            self.hint_changed.emit()
