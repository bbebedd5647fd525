"""Every cue of a workout, and exactly when: the plan the player speaks from.

Steps say what they are (get ready, rest, switch sides); sets get their counts and the drill's
form cues at the moments its file gives (``set_cues``); the cues a drill says before a set
("brace", "soft knees") are said at the end of the get-ready or rest that leads into it, just
before its "3, 2, 1", where they help most, and again in the switch before its second side; those
of a later timed part, in the change before it.
"""

from __future__ import annotations

from hinge_desktop.domain.cues import Cue, CueKind, Density, countdown
from hinge_desktop.domain.drills import CueMoment, Drill, DrillCue
from hinge_desktop.domain.set_cues import GAP, Turns, hold_cues, rep_cues
from hinge_desktop.domain.spoken import spoken_seconds
from hinge_desktop.domain.timeline import Step, StepKind

COUNTDOWN_STARTS = 3.0
"""Seconds before the end of a step that its "3" is said."""

LEADS_INTO_A_SET = frozenset(
    {StepKind.GET_READY, StepKind.REST, StepKind.SWITCH_SIDES, StepKind.CHANGE}
)
"""Steps whose quiet end can carry the cues said before the next set (its second side, its next
part)."""

COUNTED_SWITCH = 8.0
"""A switch of sides at least this long ends with "3, 2, 1" (the slower change of a drill done in
parts); a short one is only announced."""


def plan_cues(steps: tuple[Step, ...], density: Density) -> list[Cue]:
    """Every cue of the workout in order, thinned to the density chosen."""
    if density is Density.OFF:
        return []
    turns = Turns()
    by_step: list[list[Cue]] = [_step_cues(index, step, turns) for index, step in enumerate(steps)]
    for index, step in enumerate(steps):
        if step.is_work and index > 0 and steps[index - 1].kind in LEADS_INTO_A_SET:
            before = index - 1
            by_step[before] += _before_the_set(before, steps[before], step, by_step[before], turns)
    planned = [cue for cues in by_step for cue in cues]
    if density is Density.KEY_MOMENTS:
        planned = [cue for cue in planned if cue.key_moment]
    return sorted(planned, key=lambda cue: (cue.step_index, cue.offset))


def get_ready_cue(index: int, step: Step) -> Cue:
    """What a drill's get-ready says: its name, its dose and the side it starts on."""
    drill = step.drill
    assert drill is not None
    p = drill.prescription
    values: dict[str, str | int] = {"name": drill.name, "sets": p.sets}
    side = step.side
    if side is not None:
        values["side"] = side.value
    if p.parts:
        first = p.parts[0]
        values["part"] = first.name
        starts_sided = side is not None and (p.per_side or first.per_side)
        kind = CueKind.GET_READY_PARTS_SIDES if starts_sided else CueKind.GET_READY_PARTS
    elif p.reps is not None:
        values["reps"] = p.reps
        if side is None:
            kind = CueKind.GET_READY_REPS
        elif p.alternating:
            kind = CueKind.GET_READY_ALTERNATING
        else:
            kind = CueKind.GET_READY_REPS_SIDES
    else:
        values["seconds"] = p.hold_seconds or 0
        kind = CueKind.GET_READY_HOLD_SIDES if side is not None else CueKind.GET_READY_HOLD
    return Cue(index, 0.0, kind, values)


def _step_cues(index: int, step: Step, turns: Turns) -> list[Cue]:
    drill = step.drill
    if step.kind is StepKind.GET_READY and drill is not None:
        return [get_ready_cue(index, step), *countdown(index, step.seconds)]
    if step.kind is StepKind.REPS:
        return rep_cues(index, step, turns)
    if step.kind is StepKind.HOLD:
        return hold_cues(index, step, turns, countdown(index, step.seconds))
    if step.kind is StepKind.CHANGE and step.part is not None:
        values: dict[str, str | int] = {"part": step.part.name}
        kind = CueKind.NEXT_PART
        if step.side is not None:
            values["side"] = step.side.value
            kind = CueKind.NEXT_PART_SIDE
        return [Cue(index, 0.0, kind, values), *countdown(index, step.seconds)]
    if step.kind is StepKind.SWITCH_SIDES:
        switch = Cue(index, 0.0, CueKind.SWITCH_SIDES, {})
        if step.seconds >= COUNTED_SWITCH:
            return [switch, *countdown(index, step.seconds)]
        return [switch]
    if step.kind is StepKind.REST:
        cues = [Cue(index, 0.0, CueKind.REST, {"seconds": int(step.seconds)})]
        if step.next_drill is not None and step.seconds >= 8:
            cues.append(Cue(index, 3.0, CueKind.NEXT, {"name": step.next_drill.name}))
        return cues + countdown(index, step.seconds)
    if step.kind is StepKind.DONE:
        return [Cue(index, 0.0, CueKind.COMPLETE, {})]
    return []


def _before_the_set(
    index: int, lead_in: Step, work: Step, said: list[Cue], turns: Turns
) -> list[Cue]:
    """The drill's before-the-set cues that fit between what ``lead_in`` says and its
    countdown, taking turns from set to set; key moments on the first set only."""
    drill = work.drill
    assert drill is not None
    before = _said_before(drill, lead_in, work)
    if not before:
        return []
    key = "|".join((CueMoment.BEFORE.value, work.part.name if work.part else ""))
    counts = [cue.offset for cue in said if cue.kind is CueKind.COUNT]
    room_ends = (min(counts) if counts else lead_in.seconds) - GAP
    announcements = [cue for cue in said if cue.kind is not CueKind.COUNT]
    room_starts = max(
        (c.offset + spoken_seconds(c.text()) + GAP for c in announcements), default=0.0
    )
    chosen: list[str] = []
    length = 0.0
    for _ in before:
        text = turns.peek(drill, key, before).text
        needed = spoken_seconds(text) + GAP
        if room_starts + length + needed > room_ends:
            break
        turns.take(drill, key, before)
        chosen.append(text)
        length += needed
    offset = max(room_starts, room_ends - length)
    cues = []
    for text in chosen:
        cues.append(
            Cue(index, offset, CueKind.PREPARE, {"text": text}, key_moment=work.set_number == 1)
        )
        offset += spoken_seconds(text) + GAP
    return cues


def _said_before(drill: Drill, lead_in: Step, work: Step) -> list[DrillCue]:
    """The cues said before ``work``: before a set, those of the set and of its first part;
    in the change before a later part, that part's own."""
    part = work.part.name if work.part is not None else None
    before = [cue for cue in drill.cues if cue.when is CueMoment.BEFORE]
    if lead_in.kind is StepKind.CHANGE:
        return [cue for cue in before if cue.part is not None and cue.part == part]
    return [cue for cue in before if cue.part is None or cue.part == part]
