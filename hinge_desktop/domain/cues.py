"""What the coach says during a workout: the kinds of cue, their words, how many are said.

Each cue carries its moment as an offset from the start of its step, so the player can turn it
into a clock time however long the person paused before (``cue_plan`` places them). The words
come from templates the app passes in (translated there); the English defaults live here so that
the domain can be tested on its own, "1 set" and "2 sets" right.

A get-ready names the side a drill done per side starts on ("left side first"); in a set whose
sides alternate every rep each count names its side ("left 3"); a drill done in timed parts
announces each part as it begins ("roll, left side: 60 seconds") and, in the change before it,
what comes next.
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
    GET_READY_REPS_SIDES = "get_ready_reps_sides"
    GET_READY_ALTERNATING = "get_ready_alternating"
    GET_READY_HOLD = "get_ready_hold"
    GET_READY_HOLD_SIDES = "get_ready_hold_sides"
    GET_READY_PARTS = "get_ready_parts"
    GET_READY_PARTS_SIDES = "get_ready_parts_sides"
    COUNT = "count"
    REP = "rep"
    SIDE_REP = "side_rep"
    """A count in a set whose sides alternate: the rep's side and its number on that side."""
    LAST_SIDE_REP = "last_side_rep"
    FORM = "form"
    PREPARE = "prepare"
    LAST_REP = "last_rep"
    HALFWAY = "halfway"
    HOLD = "hold"
    PART = "part"
    """A timed part begins: its name and length."""
    PART_SIDE = "part_side"
    NEXT_PART = "next_part"
    """The change before a part: what comes next."""
    NEXT_PART_SIDE = "next_part_side"
    FIRST_SIDE = "first_side"
    """The person chose the side to start on."""
    SWITCH_SIDES = "switch_sides"
    REST = "rest"
    NEXT = "next"
    COMPLETE = "complete"


ENGLISH: dict[CueKind, str] = {
    CueKind.GET_READY_REPS: "Get ready: {name}, {sets} sets of {reps}",
    CueKind.GET_READY_REPS_SIDES: (
        "Get ready: {name}, {sets} sets of {reps} each side, {side} side first"
    ),
    CueKind.GET_READY_ALTERNATING: (
        "Get ready: {name}, {sets} sets of {reps} each side, alternating, {side} side first"
    ),
    CueKind.GET_READY_HOLD: "Get ready: {name}, {sets} sets, hold {seconds} seconds",
    CueKind.GET_READY_HOLD_SIDES: (
        "Get ready: {name}, {sets} sets, hold {seconds} seconds each side, {side} side first"
    ),
    CueKind.GET_READY_PARTS: "Get ready: {name}, {part} first",
    CueKind.GET_READY_PARTS_SIDES: "Get ready: {name}, {side} side first",
    CueKind.COUNT: "{count}",
    CueKind.REP: "{count}",
    CueKind.SIDE_REP: "{side} {count}",
    CueKind.LAST_SIDE_REP: "last one, {side}",
    CueKind.FORM: "{text}",
    CueKind.PREPARE: "{text}",
    CueKind.LAST_REP: "last one",
    CueKind.HALFWAY: "halfway",
    CueKind.HOLD: "hold {seconds} seconds",
    CueKind.PART: "{part}: {seconds} seconds",
    CueKind.PART_SIDE: "{part}, {side} side: {seconds} seconds",
    CueKind.NEXT_PART: "next: {part}",
    CueKind.NEXT_PART_SIDE: "next: {part}, {side} side",
    CueKind.FIRST_SIDE: "{side} side first",
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
        template = words[self.kind]
        if words is ENGLISH and self.values.get("sets") == 1:
            template = template.replace("{sets} sets", "{sets} set")
        return template.format(**self.values)


GET_READY = frozenset(kind for kind in CueKind if kind.name.startswith("GET_READY"))
"""The cues that open a drill: its name and dose."""


def countdown(index: int, length: float) -> list[Cue]:
    """ "3, 2, 1" at the end of a step long enough for it."""
    return [
        Cue(index, length - n, CueKind.COUNT, {"count": n}) for n in (3, 2, 1) if length - n >= 1.0
    ]
