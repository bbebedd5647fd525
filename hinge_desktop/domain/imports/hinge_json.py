"""Reading Hinge's JSON export: the whole log, taken back without loss.

Sets and workouts become the usual records; what only this format carries (routines, the
person's own drills, favourites, the ladder's phases, "easily" answers and the sets that hurt)
goes into ``ParsedFile.extras`` for the import to store. Problems name the line where the object
starts.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any

from hinge_desktop.domain.imports.hinge_json_values import (
    BadValue,
    as_choice,
    as_flag,
    as_moment,
    as_number,
    as_object,
    as_optional_text,
    as_text,
    as_whole,
)
from hinge_desktop.domain.imports.hinge_json_versions import (
    SUPPORTED_VERSIONS,
    phase_events_now,
    read_phase,
    workout_now,
)
from hinge_desktop.domain.imports.model import (
    ImportFormat,
    LineProblem,
    Localise,
    ParsedFile,
    Progress,
    SourceSet,
    SourceWorkout,
)
from hinge_desktop.domain.imports.text_source import TextSource
from hinge_desktop.domain.plan import DEFAULT_REST_BETWEEN_DRILLS, InvalidPlan, PlanEntry
from hinge_desktop.domain.routines import Routine
from hinge_desktop.domain.training import CheckOutcome, SetKind, Side, Unit

FORMAT = ImportFormat.HINGE_JSON
FORMAT_NAME = "hinge-training-log"


AnswerKey = tuple[str, datetime, int, str, str]
"""(drill id, performed at, set number, side or "", workout name or "") of a set that has
"easily" answers or that hurt."""


def matches(header: list[str]) -> bool:
    """A JSON document: its first line opens an object."""
    return bool(header) and header[0].lstrip("\ufeff").startswith("{")


def parse(
    text: str | TextSource, localise: Localise, progress: Progress | None = None
) -> ParsedFile:
    del localise  # every moment in the file carries its UTC offset
    text = text.read() if isinstance(text, TextSource) else text.lstrip("\ufeff")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return _refused(exc.lineno, f"this is not valid JSON ({exc.msg}, column {exc.colno})")
    except RecursionError:
        return _refused(1, "the JSON is nested too deeply")
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        return _refused(1, f'this JSON is not a Hinge export (no "format": "{FORMAT_NAME}")')
    version = document.get("version")
    if version not in SUPPORTED_VERSIONS or isinstance(version, bool):
        return _refused(
            1,
            f"this Hinge export has version {version!r}; this Hinge reads versions "
            f"{SUPPORTED_VERSIONS[0]} to {SUPPORTED_VERSIONS[-1]}: update Hinge to import it",
        )
    lines = _Lines(text)
    reader = _Reader(lines, progress)
    workouts = [workout_now(workout, version) for workout in reader.workouts(document)]
    events = reader.records(document, "phase_events", lambda item: _phase_event(item, version))
    extras: dict[str, object] = {
        "custom_drills": reader.records(document, "custom_drills", _custom_drill),
        "favourites": reader.records(document, "favourites", _favourite),
        "routines": reader.records(document, "routines", _routine),
        "phase_events": phase_events_now(events, version),
        "answers": reader.answers,
        "hurts": reader.hurts,
    }
    if progress is not None:
        progress(lines.count, lines.count)
    return ParsedFile(
        format=FORMAT,
        workouts=tuple(workouts),
        problems=tuple(sorted(reader.problems, key=lambda p: p.line)),
        extras=extras,
    )


def _refused(line: int, reason: str) -> ParsedFile:
    return ParsedFile(format=FORMAT, problems=(LineProblem(line, reason),))


class _Lines:
    """The line each object of the document starts on."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._breaks = [m.start() for m in re.finditer("\n", text)]
        self.count = len(self._breaks) + 1
        self.starts: dict[tuple[Any, ...], int] = {}
        _walk(text, 0, (), self.starts, self._line, json.JSONDecoder())

    def _line(self, index: int) -> int:
        return bisect.bisect_left(self._breaks, index) + 1

    def of(self, *path: Any) -> int:
        """The line of the object at ``path`` (its parent's, if it is not an object)."""
        while path and path not in self.starts:
            path = path[:-1]
        return self.starts.get(path, 1)


_SPACE = re.compile(r"[ \t\n\r]*")
_DEPTH = 4
"""Objects deeper than a set ("workouts", 3, "sets", 2) are skipped whole."""


def _walk(
    text: str,
    index: int,
    path: tuple[Any, ...],
    starts: dict[tuple[Any, ...], int],
    line: Callable[[int], int],
    decoder: json.JSONDecoder,
) -> int:
    """Record where every object up to :data:`_DEPTH` starts; returns the index after it.
    ``text`` is valid JSON (checked before)."""
    index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
    opening = text[index]
    if opening not in "{[" or len(path) >= _DEPTH:
        if opening == "{":
            starts[path] = line(index)
        return decoder.raw_decode(text, index)[1]
    closing = "}" if opening == "{" else "]"
    if opening == "{":
        starts[path] = line(index)
    index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
    position = 0
    while text[index] != closing:
        if opening == "{":
            key, index = decoder.raw_decode(text, index)
            index = _SPACE.match(text, index).end() + 1  # type: ignore[union-attr]  # the ":"
            step: Any = key
        else:
            step = position
        index = _walk(text, index, (*path, step), starts, line, decoder)
        index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
        if text[index] == ",":
            index = _SPACE.match(text, index + 1).end()  # type: ignore[union-attr]
        position += 1
    return index + 1


class _Reader:
    def __init__(self, lines: _Lines, progress: Progress | None) -> None:
        self._lines = lines
        self._progress = progress
        self.problems: list[LineProblem] = []
        self.answers: dict[AnswerKey, dict[str, bool]] = {}
        self.hurts: list[AnswerKey] = []
        self._read = 0

    def workouts(self, document: Mapping[str, Any]) -> Iterator[SourceWorkout]:
        for index, item in enumerate(self._list(document, "workouts")):
            line = self._lines.of("workouts", index)
            try:
                workout = as_object(item, "a workout")
                started = as_moment(workout.get("started_at"), "started_at")
                ended = workout.get("ended_at")
                name = as_text(workout.get("name", ""), "name")
                path = ("workouts", index, "sets")
                sets = tuple(self._sets(workout.get("sets", []), path, name))
                yield SourceWorkout(
                    line=line,
                    started_at=started,
                    ended_at=as_moment(ended, "ended_at") if ended is not None else None,
                    name=name,
                    notes=as_text(workout.get("notes", ""), "notes"),
                    routine_id=as_optional_text(workout.get("routine_id"), "routine_id"),
                    drill_id=as_optional_text(workout.get("drill_id"), "drill_id"),
                    sets=sets,
                )
            except BadValue as exc:
                self.problems.append(LineProblem(line, str(exc)))
        quick = tuple(
            self._sets(document.get("sets_outside_workouts", []), ("sets_outside_workouts",), "")
        )
        if quick:
            yield SourceWorkout(
                line=quick[0].line,
                started_at=quick[0].performed_at,
                sets=quick,
                outside_workout=True,
            )

    def records(
        self,
        document: Mapping[str, Any],
        key: str,
        read: Callable[[Mapping[str, Any]], dict[str, Any]],
    ) -> list[dict[str, Any]]:
        records = []
        for index, item in enumerate(self._list(document, key)):
            try:
                records.append({**read(as_object(item, key)), "line": self._lines.of(key, index)})
            except BadValue as exc:
                self.problems.append(LineProblem(self._lines.of(key, index), str(exc)))
        return records

    def _list(self, document: Mapping[str, Any], key: str) -> list[Any]:
        value = document.get(key, [])
        if not isinstance(value, list):
            self.problems.append(LineProblem(self._lines.of(key), f"“{key}” is not a list"))
            return []
        return value

    def _sets(self, items: Any, path: tuple[Any, ...], workout: str) -> Iterator[SourceSet]:
        if not isinstance(items, list):
            self.problems.append(LineProblem(self._lines.of(*path), "“sets” is not a list"))
            return
        for index, item in enumerate(items):
            line = self._lines.of(*path, index)
            self._read += 1
            if self._progress is not None and self._read % 1000 == 0:
                self._progress(line, self._lines.count)
            try:
                yield self._set(as_object(item, "a set"), line, workout)
            except BadValue as exc:
                self.problems.append(LineProblem(line, str(exc)))

    def _set(self, item: Mapping[str, Any], line: int, workout: str) -> SourceSet:
        drill_id = as_text(item.get("drill_id"), "drill_id")
        if not drill_id:
            raise BadValue("a set needs its drill_id")
        performed_at = as_moment(item.get("performed_at"), "performed_at")
        number = as_number(item.get("set_number", 1), "set_number")
        side = as_choice(item.get("side"), Side, "side")
        made = SourceSet(
            line=line,
            exercise=drill_id,
            performed_at=performed_at,
            drill_id=drill_id,
            set_number=int(number) if number is not None else None,
            reps=as_whole(item.get("reps"), "reps"),
            seconds=as_number(item.get("hold_seconds"), "hold_seconds"),
            weight=as_number(item.get("weight"), "weight"),
            unit=as_choice(item.get("unit"), Unit, "unit"),
            side=side,
            band=as_optional_text(item.get("band"), "band"),
            rpe=as_number(item.get("rpe"), "rpe"),
            kind=as_choice(item.get("kind", "working"), SetKind, "kind") or SetKind.WORKING,
            note=as_text(item.get("note", ""), "note"),
            result=as_choice(item.get("result"), CheckOutcome, "result"),
            measured=as_number(item.get("measured"), "measured"),
        )
        if made.weight is not None and made.unit is None:
            raise BadValue(f"weight {made.weight:g} has no unit (kg or lb)")
        key = (drill_id, performed_at, made.set_number or 1, side.value if side else "", workout)
        easily = item.get("easily")
        if easily is not None:
            answers = as_object(easily, "easily")
            self.answers[key] = {
                name: as_flag(answers.get(name), f"“easily” answer {name}")
                for name in ("nobody_held", "back_still", "pressure_steady")
            }
        if as_flag(item.get("hurt", False), "“hurt”"):
            self.hurts.append(key)
        return made


def _custom_drill(item: Mapping[str, Any]) -> dict[str, Any]:
    drill_id = as_text(item.get("id"), "id")
    name = as_text(item.get("name"), "name")
    if not drill_id or not name.strip():
        raise BadValue("a drill of your own needs an id and a name")
    return {"id": drill_id, "name": name, "imported_as": as_text(item.get("imported_as", ""), "")}


def _favourite(item: Mapping[str, Any]) -> dict[str, Any]:
    drill_id = as_text(item.get("drill_id"), "drill_id")
    if not drill_id:
        raise BadValue("a favourite needs its drill_id")
    return {"drill_id": drill_id, "added_at": as_moment(item.get("added_at"), "added_at")}


def _routine(item: Mapping[str, Any]) -> dict[str, Any]:
    drills = item.get("drills", [])
    if not isinstance(drills, list):
        raise BadValue("a routine's “drills” is not a list")
    try:
        entries = tuple(
            PlanEntry(
                drill_id=as_text(entry.get("drill_id"), "drill_id"),
                sets=as_whole(entry.get("sets"), "sets") or 0,
                reps=as_whole(entry.get("reps"), "reps"),
                hold_seconds=as_whole(entry.get("hold_seconds"), "hold_seconds"),
                rest_seconds=as_whole(entry.get("rest_seconds"), "rest_seconds") or 0,
            )
            for entry in (as_object(entry, "a routine's drill") for entry in drills)
        )
        routine = Routine(
            id=as_text(item.get("id"), "id"),
            name=as_text(item.get("name"), "name"),
            entries=entries,
            rounds=as_whole(item.get("rounds", 1), "rounds") or 0,
            rest_after_round=as_whole(item.get("rest_after_round", 0), "rest_after_round") or 0,
            rest_between_drills=as_whole(
                item.get("rest_between_drills", DEFAULT_REST_BETWEEN_DRILLS), "rest_between_drills"
            )
            or 0,
        )
    except InvalidPlan as exc:
        raise BadValue(f"routine “{item.get('name')}”: {exc}") from None
    return {"routine": routine, "created_at": as_moment(item.get("created_at"), "created_at")}


def _phase_event(item: Mapping[str, Any], version: int) -> dict[str, Any]:
    try:
        phase = read_phase(as_whole(item.get("phase"), "phase"), version)
    except ValueError as exc:
        raise BadValue(str(exc)) from None
    return {
        "phase": phase,
        "reached_at": as_moment(item.get("reached_at"), "reached_at"),
        "reason": as_text(item.get("reason", ""), "reason"),
    }
