"""What a finished session amounts to: time taken, sets, reps, holds, load lifted, records beaten.

The player knows the plan, the steps the person went through and the time; the log knows what
was done in each set. ``SessionEnd`` is the player's side, ``summarize`` adds the log's; the
summary page shows whichever it is given, so it can show the end at once and fill in the log's
figures as soon as they are read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from hinge_desktop.domain.statistics import (
    RecordKind,
    counts_towards_progress,
    records,
    session_figures,
    set_volume,
)
from hinge_desktop.domain.timeline import Step, StepKind
from hinge_desktop.domain.training import LoggedSet, Unit


@dataclass(frozen=True)
class SessionEnd:
    """The end of a session as the player saw it."""

    name: str
    """The routine's name, or the drill's for a single drill."""
    seconds: float
    """From Start to the end, pauses included."""
    sets_planned: int
    sets_done: int
    """Sets the player went through, the one under way at an early finish included."""
    finished_early: bool


@dataclass(frozen=True)
class BeatenRecord:
    """A personal best this session went past (a first time beats nothing, so it is none)."""

    drill_id: str
    kind: RecordKind
    value: float
    """Reps, seconds or kg, by kind (as ``statistics.Record``)."""
    before: float


@dataclass(frozen=True)
class SessionSummary:
    """The figures of one session. The log's figures are None while the log was not read."""

    name: str
    seconds: float
    sets: int
    """Sets logged (a set done on each side counts once); sets done, before the log is read."""
    sets_planned: int
    finished_early: bool
    reps: int | None = None
    holds: int | None = None
    hold_seconds: float | None = None
    load: float | None = None
    """Weight × reps over the session, in ``unit``; None when nothing was lifted."""
    unit: Unit | None = None
    records: tuple[BeatenRecord, ...] = ()

    @property
    def from_log(self) -> bool:
        return self.reps is not None


def set_keys(steps: Iterable[Step]) -> set[tuple[str, int]]:
    """The sets among ``steps``: one per drill and set number, both sides of a set together."""
    return {(s.drill.id, s.set_number) for s in steps if s.is_work and s.drill is not None}


def planned_sets(steps: Sequence[Step]) -> int:
    return len(set_keys(steps))


def session_end(
    name: str,
    planned: Sequence[Step],
    gone_through: Sequence[Step],
    seconds: float,
    *,
    early: bool,
) -> SessionEnd:
    """The end of a session of the ``planned`` steps, of which the person went through
    ``gone_through`` in ``seconds`` (``early``: they finished before the end)."""
    return SessionEnd(
        name, max(0.0, seconds), planned_sets(planned), len(set_keys(gone_through)), early
    )


def from_player(end: SessionEnd) -> SessionSummary:
    """The summary with what the player alone knows."""
    return SessionSummary(
        name=end.name,
        seconds=end.seconds,
        sets=end.sets_done,
        sets_planned=end.sets_planned,
        finished_early=end.finished_early,
    )


def summarize(
    end: SessionEnd, logged: Sequence[LoggedSet], earlier: Iterable[LoggedSet] = ()
) -> SessionSummary:
    """The summary of a session whose sets are ``logged``; ``earlier`` are the same drills'
    sets from before it, which its records are measured against."""
    holds = [s.hold_seconds for s in logged if s.hold_seconds]
    load, unit = _load(logged)
    return SessionSummary(
        name=end.name,
        seconds=end.seconds,
        sets=len({(s.drill_id, s.set_number) for s in logged}),
        sets_planned=end.sets_planned,
        finished_early=end.finished_early,
        reps=sum(s.reps or 0 for s in logged),
        holds=len(holds),
        hold_seconds=float(sum(holds)),
        load=load,
        unit=unit,
        records=beaten_records(logged, earlier),
    )


def _load(logged: Sequence[LoggedSet]) -> tuple[float | None, Unit | None]:
    """Weight × reps over every lifted set, in the unit used most (the first one on a tie)."""
    lifted = [s for s in logged if s.weight and s.unit is not None and s.reps]
    if not lifted:
        return None, None
    # most_common keeps the first seen first among equals.
    unit = Counter(s.unit for s in lifted).most_common(1)[0][0]
    assert unit is not None
    total = sum(set_volume(s.weight, s.unit, s.reps, unit) for s in lifted)
    return total, unit


def beaten_records(
    logged: Sequence[LoggedSet], earlier: Iterable[LoggedSet]
) -> tuple[BeatenRecord, ...]:
    """Each drill's personal bests that this session's sets went past, drill by drill in the
    order they were done, in ``RecordKind`` order. Warm-ups and checks count for no record."""
    before_by_drill: dict[str, list[LoggedSet]] = {}
    for s in earlier:
        before_by_drill.setdefault(s.drill_id, []).append(s)
    found: list[BeatenRecord] = []
    for drill_id in dict.fromkeys(s.drill_id for s in logged):
        now = [s for s in logged if s.drill_id == drill_id and counts_towards_progress(s)]
        if not now:
            continue
        # One session, even one that went past midnight: every set on the first set's day.
        day = now[0].performed_at
        session = session_figures(replace(s, performed_at=day) for s in now)
        best_before = {
            r.kind: r.value for r in records(session_figures(before_by_drill.get(drill_id, [])))
        }
        for record in records(session):
            before = best_before.get(record.kind)
            if before is not None and record.value > before + 1e-9:
                found.append(BeatenRecord(drill_id, record.kind, record.value, before))
    return tuple(found)


def cut_short(steps: Sequence[Step], index: int) -> tuple[Step, ...]:
    """The steps of a workout finished at step ``index``: those before it, the set under way
    among them (it may still be logged), then the end."""
    under_way = steps[index].is_work
    return (*steps[: index + 1 if under_way else index], Step(StepKind.DONE, None, 0.0))
