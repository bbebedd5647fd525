"""What the coach says during a workout: the kinds of cue, their words, how many are said.

Each cue carries its moment as an offset from the start of its step, so the player can turn it
into a clock time however long the person paused before (``cue_plan`` places them). The words
come from templates the app passes in (translated there); the English defaults live here so that
the domain can be tested on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


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
    PREPARE = "prepare"
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
    CueKind.PREPARE: "{text}",
    CueKind.LAST_REP: "last one",
    CueKind.HALFWAY: "halfway",
    CueKind.HOLD: "hold {seconds} seconds",
    CueKind.SWITCH_SIDES: "switch sides",
    CueKind.REST: "rest {seconds} seconds",
    CueKind.NEXT: "next: {name}",
    CueKind.COMPLETE: "workout complete",
}


@dataclass(frozen=True)
class Cue:
    step_index: int
    offset: float
    kind: CueKind
    values: dict[str, str | int] = field(default_factory=dict, compare=False)
    key_moment: bool = True

    def text(self, words: Mapping[CueKind, str] = ENGLISH) -> str:
        return words[self.kind].format(**self.values)


def countdown(index: int, length: float) -> list[Cue]:
    """ "3, 2, 1" at the end of a step long enough for it."""
    return [
        Cue(index, length - n, CueKind.COUNT, {"count": n}) for n in (3, 2, 1) if length - n >= 1.0
    ]
