"""The cues inside a set: counts, the drill's form cues at the moments its file gives, and
nothing said over anything else.

Each form cue is said at its moment in the rep (on the way out just after the count, on
arriving at the end position, on the way back) or during a hold. A rep hears one effort cue and
one other cue; the drill's cues take turns, rep after rep and set after set, so every one is
heard and no rep is crowded. A drill whose cues are a sequence (a set-up) hears all of them in
every rep. Fast ballistic reps hear a
form cue every few reps. A cue that would start while another is still being said waits for it,
as long as it still ends before the next count; otherwise it is left out of that rep. In a set
whose sides alternate every rep, each count names its side ("left 3", "right 3"). A timed part
opens with its name and length and hears its own cues (and those of every part).
"""

from __future__ import annotations

from dataclasses import dataclass

from hinge_desktop.domain.cues import Cue, CueKind
from hinge_desktop.domain.drills import CueMoment, Drill, DrillCue, Tempo
from hinge_desktop.domain.spoken import spoken_seconds
from hinge_desktop.domain.timeline import Step, other_side

COUNT_ROOM = 0.6
"""Seconds from a rep's start, where its count is said, to the first form cue."""

GAP = 0.15
"""Silence kept between two cues."""

BALLISTIC_EVERY = 3
"""In ballistic drills, a form cue every this many reps (the second rep, the fifth, …)."""

HOLD_CUE_EVERY = 10.0
"""Seconds between form cues during a hold."""

SHORT_HOLD = 10.0
"""A hold shorter than this opens with a form cue instead of "hold N seconds"."""

FORM_CUES_PER_REP = 2
"""A rep hears its count, one effort cue (if the drill has any) and one other form cue, each
at its own moment: more would crowd a rep of a few seconds."""

REP_MOMENTS = (CueMoment.OUT, CueMoment.END, CueMoment.BACK)


class Turns:
    """Whose turn it is among the cues that share a moment, kept across the sets of a workout."""

    def __init__(self) -> None:
        self._next: dict[tuple[str, str], int] = {}

    def take(self, drill: Drill, key: str, cues: list[DrillCue]) -> DrillCue:
        position = self._next.get((drill.id, key), 0)
        self._next[(drill.id, key)] = position + 1
        return cues[position % len(cues)]

    def peek(self, drill: Drill, key: str, cues: list[DrillCue]) -> DrillCue:
        return cues[self._next.get((drill.id, key), 0) % len(cues)]


def moment_offset(moment: CueMoment, tempo: Tempo) -> float:
    """Seconds from a rep's start at which a cue of ``moment`` is due."""
    if moment is CueMoment.OUT:
        return COUNT_ROOM
    if moment is CueMoment.END:
        return tempo.away
    return tempo.away + tempo.hold


@dataclass
class _Item:
    cue: Cue
    duration: float
    movable: bool
    """A form cue (or "halfway") that may wait for the cue before it."""
    yields: bool = False
    """A count that gives way to a form cue already being said (ballistic drills)."""
    window_end: float = 0.0
    """A movable cue must have ended by then."""
    latest_start: float = 0.0
    """A movable cue waits no later than this: past it, the body is somewhere else."""
    order: int = 0


def _text(cue: Cue) -> str:
    return cue.text()


def rep_cues(index: int, step: Step, turns: Turns) -> list[Cue]:
    """Every cue of one set done for reps, fitted so that none is said over another."""
    drill = step.drill
    assert drill is not None
    p = drill.prescription
    tempo = p.tempo
    rep_seconds = tempo.rep_seconds
    end_of_set = step.reps * rep_seconds
    halfway = (step.reps + 1) // 2
    items: list[_Item] = []

    def add(
        cue: Cue,
        *,
        movable: bool,
        window_end: float = 0.0,
        latest_start: float = 0.0,
        yields: bool = False,
    ) -> None:
        duration = spoken_seconds(_text(cue))
        items.append(_Item(cue, duration, movable, yields, window_end, latest_start, len(items)))

    for rep in range(1, step.reps + 1):
        start = (rep - 1) * rep_seconds
        last = rep == step.reps and step.reps > 1
        add(_count(index, step, rep, start, last), movable=False, yields=p.ballistic and not last)
        window_end = min(start + rep_seconds, end_of_set)
        if p.ballistic and rep + 1 < step.reps:
            window_end = start + 2 * rep_seconds
        if step.reps >= 4 and rep == halfway:
            halfway_cue = Cue(index, start + COUNT_ROOM, CueKind.HALFWAY, {})
            add(halfway_cue, movable=True, window_end=window_end, latest_start=window_end)
        key = rep == 1 or rep == halfway
        for said in _form_cues_of_rep(drill, rep, turns):
            offset = start + moment_offset(said.when, tempo)
            cue = Cue(index, offset, CueKind.FORM, {"text": said.text}, key_moment=key)
            latest = start + latest_start(said.when, tempo)
            add(cue, movable=True, window_end=window_end, latest_start=latest)
    return _fit(items)


def _count(index: int, step: Step, rep: int, start: float, last: bool) -> Cue:
    """A rep's count ("3", or "left 3" where the sides alternate), or "last one"."""
    if step.alternating and step.side is not None:
        side = step.side if rep % 2 == 1 else other_side(step.side)
        if last:
            return Cue(index, start, CueKind.LAST_SIDE_REP, {"side": side.value})
        values: dict[str, str | int] = {"side": side.value, "count": (rep + 1) // 2}
        return Cue(index, start, CueKind.SIDE_REP, values, key_moment=False)
    if last:
        return Cue(index, start, CueKind.LAST_REP, {}, key_moment=True)
    return Cue(index, start, CueKind.REP, {"count": rep}, key_moment=False)


def latest_start(moment: CueMoment, tempo: Tempo) -> float:
    """Seconds from a rep's start after which a cue of ``moment`` that had to wait is no longer
    said: a cue of the way out or the end position belongs before the way back, a cue of the
    way back before the next rep."""
    if moment in (CueMoment.OUT, CueMoment.END):
        return tempo.away + tempo.hold
    return tempo.rep_seconds


def _form_cues_of_rep(drill: Drill, rep: int, turns: Turns) -> list[DrillCue]:
    in_reps = [cue for cue in drill.cues if cue.when in REP_MOMENTS]
    if not in_reps:
        return []
    if drill.prescription.ballistic:
        if (rep - 2) % BALLISTIC_EVERY != 0:
            return []
        return [turns.take(drill, "ballistic", in_reps)]
    if drill.cue_sequence:
        return in_reps
    efforts = [cue for cue in in_reps if cue.effort]
    others = [cue for cue in in_reps if not cue.effort]
    chosen = [turns.take(drill, "effort", efforts)] if efforts else []
    for _ in range(min(FORM_CUES_PER_REP - len(chosen), len(others))):
        chosen.append(turns.take(drill, "other", others))
    return chosen


def _fit(items: list[_Item]) -> list[Cue]:
    """Keep the cues in time order, each after the one before has been said."""
    kept: list[Cue] = []
    busy_until = float("-inf")
    for item in sorted(items, key=lambda i: (i.cue.offset, i.movable, i.order)):
        offset = item.cue.offset
        if offset < busy_until:
            if item.yields:
                continue
            if item.movable:
                offset = busy_until
                if offset + item.duration > item.window_end or offset >= item.latest_start:
                    continue
        cue = item.cue if offset == item.cue.offset else _moved(item.cue, offset)
        kept.append(cue)
        busy_until = max(busy_until, offset + item.duration + GAP)
    return kept


def _moved(cue: Cue, offset: float) -> Cue:
    return Cue(cue.step_index, offset, cue.kind, cue.values, cue.key_moment)


def hold_cues(index: int, step: Step, turns: Turns, countdown: list[Cue]) -> list[Cue]:
    """A hold's announcement (or, in a short hold, its first form cue), its form cues every
    few seconds where they fit, halfway in a long hold, and the countdown. A timed part opens
    with its name ("roll, left side: 60 seconds")."""
    drill = step.drill
    assert drill is not None
    in_hold = _said_in(step)
    length = step.seconds
    if in_hold and length < SHORT_HOLD:
        return _short_hold(index, step, turns, in_hold, countdown)
    fixed: list[Cue] = list(countdown)
    if length >= 20:
        fixed.append(Cue(index, length / 2, CueKind.HALFWAY, {}))
    opening = _opening(index, step)
    planned = [opening, *fixed]
    if in_hold:
        planned += _spread(index, step, turns, in_hold, [opening, *fixed])
    return sorted(planned, key=lambda cue: cue.offset)


def _said_in(step: Step) -> list[DrillCue]:
    """The drill's cues of a hold; in a timed part, its own and those of no part."""
    assert step.drill is not None
    part = step.part.name if step.part is not None else None
    return [
        cue
        for cue in step.drill.cues
        if cue.when is CueMoment.HOLD and (part is None or cue.part in (None, part))
    ]


def hold_key(step: Step) -> str:
    """Whose turn it is among a hold's cues is kept apart for each part."""
    return "|".join((CueMoment.HOLD.value, step.part.name if step.part is not None else ""))


def _opening(index: int, step: Step) -> Cue:
    seconds = int(step.seconds)
    if step.part is None:
        return Cue(index, 0.0, CueKind.HOLD, {"seconds": seconds})
    values: dict[str, str | int] = {"part": step.part.name, "seconds": seconds}
    if step.side is None:
        return Cue(index, 0.0, CueKind.PART, values)
    values["side"] = step.side.value
    return Cue(index, 0.0, CueKind.PART_SIDE, values)


def _spread(
    index: int, step: Step, turns: Turns, in_hold: list[DrillCue], fixed: list[Cue]
) -> list[Cue]:
    """Form cues every ``HOLD_CUE_EVERY`` seconds, each only where it clears the fixed cues."""
    drill = step.drill
    assert drill is not None
    busy = sorted((cue.offset, cue.offset + spoken_seconds(_text(cue)) + GAP) for cue in fixed)
    opening_end = busy[0][1] if busy and busy[0][0] == 0.0 else 0.0
    placed: list[Cue] = []
    slot = opening_end + 1.0
    while slot < step.seconds:
        said = turns.peek(drill, hold_key(step), in_hold)
        end = slot + spoken_seconds(said.text) + GAP
        if all(end <= start or slot >= stop for start, stop in busy):
            turns.take(drill, hold_key(step), in_hold)
            placed.append(Cue(index, slot, CueKind.FORM, {"text": said.text}))
        slot += HOLD_CUE_EVERY
    return placed


def _short_hold(
    index: int, step: Step, turns: Turns, in_hold: list[DrillCue], countdown: list[Cue]
) -> list[Cue]:
    """A few seconds' hold: its form cues one after another from the start, then as much of the
    countdown as is left clear ("2, 1" after a long cue)."""
    drill = step.drill
    assert drill is not None
    last_count = max((cue.offset for cue in countdown), default=step.seconds)
    said: list[Cue] = []
    offset = 0.0
    for _ in in_hold:
        text = turns.peek(drill, hold_key(step), in_hold).text
        if said and offset + spoken_seconds(text) > last_count:
            break
        turns.take(drill, hold_key(step), in_hold)
        said.append(Cue(index, offset, CueKind.FORM, {"text": text}))
        offset += spoken_seconds(text) + GAP
    return said + [cue for cue in countdown if cue.offset >= offset]
