"""Routines: named lists of drills with their doses, built in or the person's own.

The built-in routines follow the programming rules of the hinge: activation every day (and a
few-minute activation snack for desk days), bodyweight drills to warm up, one or two loaded
hinges as assistance work at 3×8 or 3×12 (chosen from the rung the person has reached), a
bodyweight circuit to finish, and one routine for each rung of the ladder. Each says in its
description
how many minutes it takes, and a routine whose drills no longer run that long says nothing of
its length. A routine runs as a :class:`WorkoutPlan`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from hinge_desktop.domain.assistance_routines import (
    ASSISTANCE_REST,
    HEAVIER,
    LIGHTER,
    Assistance,
    assistance_for,
)
from hinge_desktop.domain.drills import Drill, Phase
from hinge_desktop.domain.ladder_routines import (
    NEXT_LIFT,
    PHASE_DESCRIPTIONS,
    PHASE_MINUTES,
    PHASE_SETS,
    PHASE_TITLES,
    PHASE_TRANSITIONS,
    SHORT_WALK,
)
from hinge_desktop.domain.ladder_routines import PHASE_DRILLS as PHASE_DRILLS
from hinge_desktop.domain.plan import (
    DEFAULT_REST_BETWEEN_DRILLS,
    InvalidPlan,
    PlanEntry,
    WorkoutPlan,
    check_rest_between_drills,
    check_rounds,
)
from hinge_desktop.domain.snacks import SNACK_ROUTINE_ID

MAX_NAME_LENGTH = 80
BUILTIN_PREFIX = "builtin."
MAX_ENTRIES = 40


class RoutineCatalogue(Protocol):
    """What the built-in routines need of the drill catalogue."""

    def __contains__(self, drill_id: object) -> bool: ...

    def __iter__(self) -> Iterator[Drill]: ...

    def get(self, drill_id: str) -> Drill: ...


def check_name(name: str) -> str:
    """The name as it is kept (trimmed); raises InvalidPlan for an empty or overlong one."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidPlan("A routine needs a name.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidPlan(f"A routine's name has at most {MAX_NAME_LENGTH} characters.")
    return cleaned


@dataclass(frozen=True)
class Routine:
    """Drills in order, each with its dose, ``rest_between_drills`` seconds from one drill to
    the next; with ``rounds`` above 1 it runs as a circuit.

    A built-in routine promises how long it takes: ``minutes`` is that range, which its
    description states.
    """

    id: str
    name: str
    entries: tuple[PlanEntry, ...] = ()
    rounds: int = 1
    rest_after_round: int = 0
    builtin: bool = False
    description: str = ""
    phase: Phase | None = None
    rest_between_drills: int = DEFAULT_REST_BETWEEN_DRILLS
    minutes: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if not self.id.strip():
            raise InvalidPlan("A routine needs an id.")
        if self.builtin != self.id.startswith(BUILTIN_PREFIX):
            raise InvalidPlan(f"Only built-in routines have ids starting with {BUILTIN_PREFIX!r}.")
        object.__setattr__(self, "name", check_name(self.name))
        object.__setattr__(self, "entries", tuple(self.entries))
        if len(self.entries) > MAX_ENTRIES:
            raise InvalidPlan(f"A routine has at most {MAX_ENTRIES} drills.")
        for entry in self.entries:
            if not isinstance(entry, PlanEntry):
                raise InvalidPlan("A routine's entries must be drills with their doses.")
        check_rounds(self.rounds, self.rest_after_round)
        check_rest_between_drills(self.rest_between_drills)
        if self.minutes is not None:
            low, high = self.minutes
            if not 1 <= low <= high:
                raise InvalidPlan("A routine's length is a range of whole minutes, low to high.")

    @property
    def is_circuit(self) -> bool:
        return self.rounds > 1

    def to_plan(self) -> WorkoutPlan:
        """The routine as the player runs it; raises InvalidPlan when it has no drill."""
        if not self.entries:
            raise InvalidPlan(f"“{self.name}” has no drills yet: add one first.")
        return WorkoutPlan(
            name=self.name,
            entries=self.entries,
            routine_id=self.id,
            rounds=self.rounds,
            rest_after_round=self.rest_after_round,
            rest_between_drills=self.rest_between_drills,
        )

    def keeps_promise(self, seconds: float) -> bool:
        """Whether a run of ``seconds`` is within the promised minutes (True with no promise)."""
        if self.minutes is None:
            return True
        low, high = self.minutes
        return low * 60 <= seconds <= high * 60

    # Edits: each returns a new routine, checked like any other ----------------------------

    def renamed(self, name: str) -> Routine:
        return replace(self, name=name)

    def with_entries(self, entries: Iterable[PlanEntry]) -> Routine:
        return replace(self, entries=tuple(entries))

    def with_added(self, entry: PlanEntry) -> Routine:
        return self.with_entries((*self.entries, entry))

    def with_entry(self, index: int, entry: PlanEntry) -> Routine:
        entries = list(self.entries)
        entries[self._index(index)] = entry
        return self.with_entries(entries)

    def without_entry(self, index: int) -> Routine:
        entries = list(self.entries)
        del entries[self._index(index)]
        return self.with_entries(entries)

    def moved(self, index: int, new_index: int) -> Routine:
        """The entry at ``index`` moved to ``new_index`` (clamped to the list)."""
        entries = list(self.entries)
        entry = entries.pop(self._index(index))
        entries.insert(max(0, min(len(entries), new_index)), entry)
        return self.with_entries(entries)

    def with_rounds(self, rounds: int, rest_after_round: int) -> Routine:
        return replace(self, rounds=rounds, rest_after_round=rest_after_round)

    def with_rest_between_drills(self, seconds: int) -> Routine:
        return replace(self, rest_between_drills=seconds)

    def _index(self, index: int) -> int:
        if not 0 <= index < len(self.entries):
            raise InvalidPlan(f"The routine has no drill number {index + 1}.")
        return index


# Built-in routines --------------------------------------------------------------------------

WARM_UP_REST = 30
CIRCUIT_ROUNDS = 2
CIRCUIT_REST_AFTER_ROUND = 90

DAILY_ACTIVATION = ("glute-bridge", "single-leg-glute-bridge", "glute-bridge-knee-outs")
SNACK_BEFORE_PATTERNING = ("glute-bridge", "single-leg-glute-bridge")
SNACK_FROM_PATTERNING = ("glute-bridge", "hands-on-hips-hinge")
"""The snack: a set of bridges, then a set of a drill the person has reached that needs no kit
and no floor space beyond a mat (from the patterning rung, a standing hinge by the desk)."""
WARM_UP_PATTERNING = ("quadruped-rock-back", "wall-hip-hinge", "dowel-hinge")
FINISHER_CIRCUIT = ("glute-bridge", "good-morning", "hands-on-hips-hinge")


def builtin_routines(catalogue: RoutineCatalogue, rung: Phase) -> tuple[Routine, ...]:
    """The routines Hinge ships with, built from the catalogue it has, for a person who has
    reached ``rung`` of the ladder: the assistance routines hold lifts of that rung (none before
    loading begins).

    A drill missing from the catalogue is left out; a routine left with no drill is not offered;
    a routine whose length no longer fits its promise (drills missing or paced differently)
    makes no promise.
    """
    heavier, lighter = assistance_for(HEAVIER, rung), assistance_for(LIGHTER, rung)
    routines = [
        _routine(
            catalogue,
            "builtin.daily-activation",
            "Daily glute activation",
            "Slow bridges to wake the glutes up, one set of each. Do it every day; on long desk "
            "days, twice, and squeeze your glutes now and then in between.",
            _entries(catalogue, DAILY_ACTIVATION, sets=1),
            minutes=(5, 8),
            rest_between_drills=SHORT_WALK,
        ),
        _routine(
            catalogue,
            SNACK_ROUTINE_ID,
            "Activation snack",
            "Hinge's short form of the daily activation, to wake the glutes up between desk "
            "hours: one slow set of bridges and one more drill you have reached. The articles "
            "ask for activation every day, maybe twice a day; Today counts your snacks.",
            _entries(catalogue, snack_drills(rung), sets=1),
            minutes=(2, 5),
            rest_between_drills=SHORT_WALK,
        ),
        _routine(
            catalogue,
            "builtin.hinge-warm-up",
            "Hinge warm-up",
            "Before lifting: bodyweight bridges for 10 to 12 reps, then a few patterning drills "
            "to find the hinge before the bar does.",
            _warm_up(catalogue),
            minutes=(7, 10),
            rest_between_drills=SHORT_WALK,
        ),
        _assistance(
            catalogue,
            "builtin.assistance-3x8",
            "Assistance: 3 × 8",
            "One or two loaded hinges after your main lift, from the rung you have reached: "
            "three sets of eight, heavier, long rests, technique first. Few lifts, so that "
            "you recover.",
            heavier,
            reps=8,
        ),
        _assistance(
            catalogue,
            "builtin.assistance-3x12",
            "Assistance: 3 × 12",
            "One or two loaded hinges after your main lift, from the rung you have reached: "
            "three sets of twelve, lighter, to build the glutes and hamstrings. Few lifts, so "
            "that you recover.",
            lighter,
            reps=12,
        ),
        _routine(
            catalogue,
            "builtin.finisher-circuit",
            "End-of-workout circuit",
            "Bodyweight drills one after another, one set each, to close a session: two rounds, "
            "with 90 s of rest after the first.",
            _entries(catalogue, FINISHER_CIRCUIT, sets=1, rest=0),
            minutes=(8, 12),
            rounds=CIRCUIT_ROUNDS,
            rest_after_round=CIRCUIT_REST_AFTER_ROUND,
        ),
    ]
    routines.extend(_phase_routine(phase, catalogue) for phase in Phase)
    return tuple(routine for routine in routines if routine is not None)


def snack_routine(catalogue: RoutineCatalogue, rung: Phase) -> Routine | None:
    """The activation snack for a person who has reached ``rung``; None without its drills."""
    return next((r for r in builtin_routines(catalogue, rung) if r.id == SNACK_ROUTINE_ID), None)


def snack_drills(rung: Phase) -> tuple[str, ...]:
    """The snack's drills for a person who has reached ``rung``."""
    return SNACK_FROM_PATTERNING if rung >= Phase.PATTERNING else SNACK_BEFORE_PATTERNING


def _assistance(
    catalogue: RoutineCatalogue,
    routine_id: str,
    name: str,
    description: str,
    assistance: Assistance | None,
    *,
    reps: int,
) -> Routine | None:
    """An assistance routine of the rung's lifts at three sets of ``reps``; None below loading."""
    if assistance is None:
        return None
    return _routine(
        catalogue,
        routine_id,
        name,
        description,
        _entries(catalogue, assistance.lifts, sets=3, reps=reps, rest=ASSISTANCE_REST),
        minutes=assistance.minutes,
        rest_between_drills=NEXT_LIFT,
    )


def routine_for_phase(phase: Phase, catalogue: RoutineCatalogue) -> Routine:
    """The built-in routine of one rung of the ladder."""
    routine = _phase_routine(phase, catalogue)
    if routine is None:
        raise InvalidPlan(f"The library has no drill for phase {int(phase)}.")
    return routine


def _phase_routine(phase: Phase, catalogue: RoutineCatalogue) -> Routine | None:
    sets = PHASE_SETS.get(phase)
    entries = _entries(catalogue, PHASE_DRILLS[phase], sets=sets)
    if not entries:
        # The chosen drills are gone from this catalogue: offer whatever the phase has.
        ids = [drill.id for drill in catalogue if drill.phase is phase]
        entries = _entries(catalogue, ids, sets=sets)
    return _routine(
        catalogue,
        f"builtin.phase-{int(phase)}",
        PHASE_TITLES[phase],
        PHASE_DESCRIPTIONS[phase],
        entries,
        minutes=PHASE_MINUTES[phase],
        rest_between_drills=PHASE_TRANSITIONS[phase],
        phase=phase,
    )


def _warm_up(catalogue: RoutineCatalogue) -> tuple[PlanEntry, ...]:
    bridges = _entries(catalogue, ("glute-bridge",), sets=2, reps=12, rest=WARM_UP_REST)
    drills = _entries(catalogue, WARM_UP_PATTERNING, sets=1, rest=WARM_UP_REST)
    return bridges + drills


def _entries(
    catalogue: RoutineCatalogue,
    drill_ids: Sequence[str],
    *,
    sets: int | None = None,
    reps: int | None = None,
    rest: int | None = None,
) -> tuple[PlanEntry, ...]:
    """The drills found in the catalogue at their default dose, with the given changes."""
    entries = []
    for drill_id in drill_ids:
        if drill_id not in catalogue:
            continue
        entry = PlanEntry.of(catalogue.get(drill_id))
        entries.append(
            PlanEntry(
                drill_id,
                entry.sets if sets is None else sets,
                entry.reps if reps is None or entry.reps is None else reps,
                entry.hold_seconds,
                entry.rest_seconds if rest is None else rest,
            )
        )
    return tuple(entries)


def promise_text(minutes: tuple[int, int]) -> str:
    """How a built-in routine's description states its length: "5 to 8 minutes."."""
    low, high = minutes
    return f"{low} to {high} minutes."


def _routine(
    catalogue: RoutineCatalogue,
    routine_id: str,
    name: str,
    description: str,
    entries: tuple[PlanEntry, ...],
    *,
    minutes: tuple[int, int],
    rest_between_drills: int = DEFAULT_REST_BETWEEN_DRILLS,
    rounds: int = 1,
    rest_after_round: int = 0,
    phase: Phase | None = None,
) -> Routine | None:
    """The routine, its description opening with the length it promises, or with no promise
    when the catalogue makes it run shorter or longer than that."""
    if not entries:
        return None
    routine = Routine(
        id=routine_id,
        name=name,
        entries=entries,
        rounds=rounds,
        rest_after_round=rest_after_round,
        builtin=True,
        description=description,
        phase=phase,
        rest_between_drills=rest_between_drills,
    )
    promised = replace(
        routine, minutes=minutes, description=f"{promise_text(minutes)} {description}"
    )
    if not promised.keeps_promise(routine.to_plan().seconds(catalogue)):
        return routine
    return promised
