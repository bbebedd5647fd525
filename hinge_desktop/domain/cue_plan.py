"""Every cue of a workout, and exactly when: the plan the player speaks from.

Steps say what they are (get ready, rest, switch sides); sets get their counts and the drill's
form cues at the moments its file gives (``set_cues``); the cues a drill says before a set
("brace", "soft knees") are said at the end of the get-ready or rest that leads into it, just
before its "3, 2, 1", where they help most.
"""

from __future__ import annotations

from hinge_desktop.domain.cues import Cue, CueKind, Density, countdown
from hinge_desktop.domain.drills import CueMoment
from hinge_desktop.domain.set_cues import GAP, Turns, hold_cues, rep_cues
from hinge_desktop.domain.spoken import spoken_seconds
from hinge_desktop.domain.timeline import Step, StepKind

COUNTDOWN_STARTS = 3.0
"""Seconds before the end of a step that its "3" is said."""

LEADS_INTO_A_SET = frozenset({StepKind.GET_READY, StepKind.REST})
"""Steps whose quiet end can carry the cues said before the next set."""


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


def _step_cues(index: int, step: Step, turns: Turns) -> list[Cue]:
    drill = step.drill
    if step.kind is StepKind.GET_READY and drill is not None:
        p = drill.prescription
        if p.reps is not None:
            values: dict[str, str | int] = {"name": drill.name, "sets": p.sets, "reps": p.reps}
            return [
                Cue(index, 0.0, CueKind.GET_READY_REPS, values),
                *countdown(index, step.seconds),
            ]
        values = {"name": drill.name, "sets": p.sets, "seconds": p.hold_seconds or 0}
        return [Cue(index, 0.0, CueKind.GET_READY_HOLD, values), *countdown(index, step.seconds)]
    if step.kind is StepKind.REPS:
        return rep_cues(index, step, turns)
    if step.kind is StepKind.HOLD:
        return hold_cues(index, step, turns, countdown(index, step.seconds))
    if step.kind is StepKind.SWITCH_SIDES:
        return [Cue(index, 0.0, CueKind.SWITCH_SIDES, {})]
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
    before = [cue for cue in drill.cues if cue.when is CueMoment.BEFORE]
    if not before:
        return []
    counts = [cue.offset for cue in said if cue.kind is CueKind.COUNT]
    room_ends = (min(counts) if counts else lead_in.seconds) - GAP
    announcements = [cue for cue in said if cue.kind is not CueKind.COUNT]
    room_starts = max(
        (c.offset + spoken_seconds(c.text()) + GAP for c in announcements), default=0.0
    )
    chosen: list[str] = []
    length = 0.0
    for _ in before:
        text = turns.peek(drill, CueMoment.BEFORE.value, before).text
        needed = spoken_seconds(text) + GAP
        if room_starts + length + needed > room_ends:
            break
        turns.take(drill, CueMoment.BEFORE.value, before)
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
