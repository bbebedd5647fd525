"""From a file read to what an import would store: drills matched, sets checked and numbered.

Planning never stores anything and never stops at the first problem: every line that cannot be
stored is listed, so the person can fix the file once. A plan with problems is not imported.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from hinge_desktop.domain.imports.exercise_names import ExerciseMatcher, name_key
from hinge_desktop.domain.imports.model import (
    ImportFormat,
    LineProblem,
    ParsedFile,
    Progress,
    SourceSet,
    SourceWorkout,
)
from hinge_desktop.domain.training import InvalidSet, LoggedSet, Unit, Workout

MAX_NAME_LENGTH = 80
"""The longest name a drill of one's own has; a longer exercise name is shortened, and kept
whole as the name it was imported under."""

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Sets dated outside these years are mistakes in the file."""

PROGRESS_EVERY = 1000
"""Sets checked between two progress reports."""

OWN_DRILL_PREFIX = "own-"
"""The id of a drill of the person's own starts so, which no drill of the catalogue does."""


@dataclass(frozen=True)
class NewDrill:
    """A drill of the person's own that the import creates."""

    id: str
    name: str
    imported_as: str


@dataclass(frozen=True)
class ExerciseMatch:
    """How one exercise of the file is taken in, for the preview."""

    exercise: str
    drill_id: str
    new: bool
    """A drill of the person's own, created by this import."""
    sets: int


@dataclass(frozen=True)
class PlannedWorkout:
    workout: Workout | None
    """None for sets logged outside any workout."""
    sets: tuple[LoggedSet, ...]


@dataclass(frozen=True)
class ImportPlan:
    format: ImportFormat
    workouts: tuple[PlannedWorkout, ...] = ()
    new_drills: tuple[NewDrill, ...] = ()
    matches: tuple[ExerciseMatch, ...] = ()
    problems: tuple[LineProblem, ...] = ()
    weights_without_unit: bool = False
    unit: Unit = Unit.KG
    """The unit given to weights the file has no unit for."""
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def set_count(self) -> int:
        return sum(len(planned.sets) for planned in self.workouts)

    @property
    def workout_count(self) -> int:
        return sum(1 for planned in self.workouts if planned.workout is not None)

    @property
    def first(self) -> datetime | None:
        return min(self._times(), default=None)

    @property
    def last(self) -> datetime | None:
        return max(self._times(), default=None)

    def _times(self) -> list[datetime]:
        return [s.performed_at for planned in self.workouts for s in planned.sets]


class _Drills:
    """The drill each exercise name stands for, creating the person's own as needed."""

    def __init__(self, matcher: ExerciseMatcher, known_ids: Iterable[str]) -> None:
        self._matcher = matcher
        self._taken = set(known_ids)
        self._by_key: dict[str, str] = {}
        self._by_name: dict[str, str] = {}
        """The drill of each name as the file spells it (names repeat on every row)."""
        self.new: list[NewDrill] = []
        self.used: Counter[tuple[str, str]] = Counter()
        self._new_ids: set[str] = set()
        self._notes: dict[str, str | None] = {}

    def drill_for(self, source: SourceSet) -> str:
        if source.drill_id:
            drill_id = source.drill_id
            if drill_id not in self._taken and drill_id not in self._new_ids:
                self._create(drill_id, source.exercise or drill_id, source.exercise)
        elif source.exercise in self._by_name:
            drill_id = self._by_name[source.exercise]
        else:
            key = name_key(source.exercise)
            found = self._by_key.get(key) or self._matcher.drill_for(source.exercise)
            if found is None:
                found = self._create(self._free_id(key), source.exercise, source.exercise)
            self._by_key[key] = found
            self._by_name[source.exercise] = found
            drill_id = found
        self.used[(source.exercise, drill_id)] += 1
        return drill_id

    def note_for(self, source: SourceSet) -> str | None:
        """The exercise's own name, to keep with a set of it taken as one of Hinge's drills
        done another way ("Paused RDL" as the Romanian deadlift)."""
        if source.drill_id:
            return None
        if source.exercise not in self._notes:
            self._notes[source.exercise] = self._matcher.note_for(source.exercise)
        return self._notes[source.exercise]

    def is_new(self, drill_id: str) -> bool:
        return drill_id in self._new_ids

    def _create(self, drill_id: str, name: str, imported_as: str) -> str:
        shown = " ".join(name.split()) or drill_id
        if len(shown) > MAX_NAME_LENGTH:
            shown = shown[: MAX_NAME_LENGTH - 1].rstrip() + "…"
        self.new.append(NewDrill(drill_id, shown, imported_as))
        self._new_ids.add(drill_id)
        return drill_id

    def _free_id(self, key: str) -> str:
        base = own_drill_id(key)
        candidate, number = base, 2
        while candidate in self._taken or candidate in self._new_ids:
            candidate, number = f"{base}-{number}", number + 1
        return candidate


def own_drill_id(exercise: str) -> str:
    """The id a drill of one's own gets for an exercise of this name (a number is added to it
    should another drill have it already).

    The name's fingerprint keeps the ids of differently named drills apart, also between two
    people's logs merged through an export (names without Latin letters would otherwise all
    be "own-drill")."""
    key = name_key(exercise)
    slug = re.sub(r"[^a-z0-9]+", "-", key.encode("ascii", "ignore").decode()).strip("-")
    fingerprint = hashlib.sha256(key.encode()).hexdigest()[:6]
    return f"{OWN_DRILL_PREFIX}{slug[:40].strip('-') or 'drill'}-{fingerprint}"


def plan_import(
    parsed: ParsedFile,
    matcher: ExerciseMatcher,
    known_ids: Iterable[str],
    unit: Unit = Unit.KG,
    progress: Progress | None = None,
) -> ImportPlan:
    """What importing ``parsed`` would add: ``known_ids`` are the drills that exist already
    (the catalogue's and the person's own); ``unit`` is given to weights without one.
    ``progress`` hears of the sets checked now and then."""
    drills = _Drills(matcher, known_ids)
    problems = list(parsed.problems)
    planned = []
    total, done, reported = parsed.set_count, 0, 0
    for source in parsed.workouts:
        done += len(source.sets)
        if progress is not None and done - reported >= PROGRESS_EVERY:
            progress(done, total)
            reported = done
        workout, workout_problem = _workout(source)
        if workout_problem is not None:
            problems.append(workout_problem)
        sets = _sets(source, drills, unit, problems)
        if sets:
            planned.append(PlannedWorkout(workout, tuple(sets)))
    matches = tuple(
        ExerciseMatch(exercise, drill_id, drills.is_new(drill_id), count)
        for (exercise, drill_id), count in drills.used.items()
    )
    problems.sort(key=lambda problem: problem.line)
    if progress is not None:
        progress(total, total)
    return ImportPlan(
        format=parsed.format,
        workouts=tuple(planned),
        new_drills=tuple(drills.new),
        matches=matches,
        problems=tuple(problems),
        weights_without_unit=parsed.weights_without_unit,
        unit=unit,
        extras=parsed.extras,
    )


def _workout(source: SourceWorkout) -> tuple[Workout | None, LineProblem | None]:
    if source.outside_workout:
        return None, None
    try:
        return (
            Workout(
                started_at=source.started_at,
                ended_at=source.ended_at,
                name=source.name,
                notes=source.notes,
                routine_id=source.routine_id,
                drill_id=source.drill_id,
            ),
            None,
        )
    except ValueError as exc:
        return None, LineProblem(source.line, str(exc))


def _sets(
    source: SourceWorkout, drills: _Drills, unit: Unit, problems: list[LineProblem]
) -> list[LoggedSet]:
    numbers: Counter[tuple[str, str | None]] = Counter()
    sets = []
    for item in source.sets:
        drill_id = drills.drill_for(item)
        numbers[(drill_id, item.side)] += 1
        try:
            number = item.set_number or numbers[(drill_id, item.side)]
            sets.append(_logged(item, drill_id, number, unit, drills.note_for(item)))
        except (InvalidSet, ValueError) as exc:
            problems.append(LineProblem(item.line, str(exc)))
    return sets


def _logged(
    item: SourceSet, drill_id: str, number: int, unit: Unit, named: str | None = None
) -> LoggedSet:
    if not FIRST_YEAR <= item.performed_at.year <= LAST_YEAR:
        raise ValueError(
            f"the date {item.performed_at:%Y-%m-%d} is not between {FIRST_YEAR} and {LAST_YEAR}"
        )
    weight = item.weight if item.weight else None
    return LoggedSet(
        drill_id=drill_id,
        performed_at=item.performed_at,
        set_number=number,
        reps=item.reps,
        hold_seconds=item.seconds,
        weight=weight,
        unit=(item.unit or unit) if weight is not None else None,
        side=item.side,
        band=item.band,
        rpe=item.rpe,
        kind=item.kind,
        note=" · ".join(part for part in (named, item.note) if part),
        result=item.result,
        measured=item.measured,
    )
