"""What the coach says during a workout, and exactly when.

Cues are planned per step from the step and its drill; each carries its moment as an offset
from the start of its step, so the player can turn it into a clock time however long the person
paused before. The words come from templates the app passes in (translated there); the English
defaults live here so that the domain can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from hinge_desktop.domain.timeline import Step, StepKind


class Density(StrEnum):
    EVERY_REP = "every_rep"
    KEY_MOMENTS = "key_moments"
    OFF = "off"


class CueKind(StrEnum):
    GET_READY_REPS = "get_ready_reps"
    GET_READY_HOLD = "get_ready_hold"
    COUNT = "count"
    REP = "rep"
    FORM = "form"
    LAST_REP = "last_rep"
    HALFWAY = "halfway"
    HOLD = "hold"
    SWITCH_SIDES = "switch_sides"
    REST = "rest"
    NEXT = "next"
    COMPLETE = "complete"


ENGLISH: dict[CueKind, str] = {
    CueKind.GET_READY_REPS: "Get ready: {name}, {sets} sets of {reps}",
    CueKind.GET_READY_HOLD: "Get ready: {name}, {sets} sets, hold {seconds} seconds",
    CueKind.COUNT: "{count}",
    CueKind.REP: "{count}",
    CueKind.FORM: "{text}",
    CueKind.LAST_REP: "last one",
    CueKind.HALFWAY: "halfway",
    CueKind.HOLD: "hold {seconds} seconds",
    CueKind.SWITCH_SIDES: "switch sides",
    CueKind.REST: "rest {seconds} seconds",
    CueKind.NEXT: "next: {name}",
    CueKind.COMPLETE: "workout complete",
}

# Cues said as the body returns to the start or at the finish of the effort; the others are
# said on the way there (hips back, soft knees).
_FINISH_WORDS = ("squeeze", "stand tall", "lock", "drive", "snap", "push through", "finish")


@dataclass(frozen=True)
class Cue:
    step_index: int
    offset: float
    kind: CueKind
    values: dict[str, str | int] = field(default_factory=dict, compare=False)
    key_moment: bool = True

    def text(self, words: Mapping[CueKind, str] = ENGLISH) -> str:
        return words[self.kind].format(**self.values)


def is_finish_cue(text: str) -> bool:
    folded = text.casefold()
    return any(word in folded for word in _FINISH_WORDS)


def _countdown(index: int, length: float) -> list[Cue]:
    return [
        Cue(index, length - n, CueKind.COUNT, {"count": n}) for n in (3, 2, 1) if length - n >= 1.0
    ]


def _reps(index: int, step: Step) -> list[Cue]:
    drill = step.drill
    assert drill is not None
    tempo = drill.prescription.tempo
    rep_seconds = tempo.rep_seconds
    away_cues = [c for c in drill.cues if not is_finish_cue(c)] or list(drill.cues)
    finish_cues = [c for c in drill.cues if is_finish_cue(c)]
    cues: list[Cue] = []
    halfway = (step.reps + 1) // 2
    for rep in range(1, step.reps + 1):
        start = (rep - 1) * rep_seconds
        if rep == step.reps and step.reps > 1:
            cues.append(Cue(index, start, CueKind.LAST_REP, {}, key_moment=True))
        else:
            cues.append(Cue(index, start, CueKind.REP, {"count": rep}, key_moment=False))
        # The way there: a form cue a beat after the count, rotating through the drill's cues.
        key = rep == 1 or rep == halfway
        away = away_cues[(rep - 1) % len(away_cues)]
        cues.append(Cue(index, start + min(0.8, tempo.away / 2), CueKind.FORM, {"text": away}, key))
        if finish_cues:
            finish = finish_cues[(rep - 1) % len(finish_cues)]
            moment = start + tempo.away + tempo.hold
            cues.append(Cue(index, moment, CueKind.FORM, {"text": finish}, key_moment=rep == 1))
    if step.reps >= 4:
        cues.append(Cue(index, (halfway - 1) * rep_seconds - 0.01, CueKind.HALFWAY, {}))
    return cues


def plan_cues(steps: tuple[Step, ...], density: Density) -> list[Cue]:
    """Every cue of the workout in order, thinned to the density chosen."""
    if density is Density.OFF:
        return []
    planned: list[Cue] = []
    for index, step in enumerate(steps):
        drill = step.drill
        if step.kind is StepKind.GET_READY and drill is not None:
            p = drill.prescription
            if p.reps is not None:
                values: dict[str, str | int] = {"name": drill.name, "sets": p.sets, "reps": p.reps}
                planned.append(Cue(index, 0.0, CueKind.GET_READY_REPS, values))
            else:
                values = {"name": drill.name, "sets": p.sets, "seconds": p.hold_seconds or 0}
                planned.append(Cue(index, 0.0, CueKind.GET_READY_HOLD, values))
            planned += _countdown(index, step.seconds)
        elif step.kind is StepKind.REPS:
            planned += _reps(index, step)
        elif step.kind is StepKind.HOLD:
            planned.append(Cue(index, 0.0, CueKind.HOLD, {"seconds": int(step.seconds)}))
            if step.seconds >= 20:
                planned.append(Cue(index, step.seconds / 2, CueKind.HALFWAY, {}))
            planned += _countdown(index, step.seconds)
        elif step.kind is StepKind.SWITCH_SIDES:
            planned.append(Cue(index, 0.0, CueKind.SWITCH_SIDES, {}))
        elif step.kind is StepKind.REST:
            planned.append(Cue(index, 0.0, CueKind.REST, {"seconds": int(step.seconds)}))
            if step.next_drill is not None and step.seconds >= 8:
                planned.append(Cue(index, 3.0, CueKind.NEXT, {"name": step.next_drill.name}))
            planned += _countdown(index, step.seconds)
        elif step.kind is StepKind.DONE:
            planned.append(Cue(index, 0.0, CueKind.COMPLETE, {}))
    if density is Density.KEY_MOMENTS:
        planned = [cue for cue in planned if cue.key_moment]
    return sorted(planned, key=lambda cue: (cue.step_index, cue.offset))
