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
from typing import Any, TypeVar

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

E = TypeVar("E", Side, Unit, SetKind, CheckOutcome)

AnswerKey = tuple[str, datetime, int, str, str]
"""(drill id, performed at, set number, side or "", workout name or "") of a set that has
"easily" answers or that hurt."""


def matches(header: list[str]) -> bool:
    """A JSON document: its first line opens an object."""
    return bool(header) and header[0].lstrip("\ufeff").startswith("{")


class _Bad(ValueError):
    pass


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
                workout = _dict(item, "a workout")
                started = _moment(workout.get("started_at"), "started_at")
                ended = workout.get("ended_at")
                name = _text(workout.get("name", ""), "name")
                path = ("workouts", index, "sets")
                sets = tuple(self._sets(workout.get("sets", []), path, name))
                yield SourceWorkout(
                    line=line,
                    started_at=started,
                    ended_at=_moment(ended, "ended_at") if ended is not None else None,
                    name=name,
                    notes=_text(workout.get("notes", ""), "notes"),
                    routine_id=_optional_text(workout.get("routine_id"), "routine_id"),
                    drill_id=_optional_text(workout.get("drill_id"), "drill_id"),
                    sets=sets,
                )
            except _Bad as exc:
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
                records.append({**read(_dict(item, key)), "line": self._lines.of(key, index)})
            except _Bad as exc:
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
                yield self._set(_dict(item, "a set"), line, workout)
            except _Bad as exc:
                self.problems.append(LineProblem(line, str(exc)))

    def _set(self, item: Mapping[str, Any], line: int, workout: str) -> SourceSet:
        drill_id = _text(item.get("drill_id"), "drill_id")
        if not drill_id:
            raise _Bad("a set needs its drill_id")
        performed_at = _moment(item.get("performed_at"), "performed_at")
        number = _number(item.get("set_number", 1), "set_number")
        side = _choice(item.get("side"), Side, "side")
        made = SourceSet(
            line=line,
            exercise=drill_id,
            performed_at=performed_at,
            drill_id=drill_id,
            set_number=int(number) if number is not None else None,
            reps=_whole(item.get("reps"), "reps"),
            seconds=_number(item.get("hold_seconds"), "hold_seconds"),
            weight=_number(item.get("weight"), "weight"),
            unit=_choice(item.get("unit"), Unit, "unit"),
            side=side,
            band=_optional_text(item.get("band"), "band"),
            rpe=_number(item.get("rpe"), "rpe"),
            kind=_choice(item.get("kind", "working"), SetKind, "kind") or SetKind.WORKING,
            note=_text(item.get("note", ""), "note"),
            result=_choice(item.get("result"), CheckOutcome, "result"),
            measured=_number(item.get("measured"), "measured"),
        )
        if made.weight is not None and made.unit is None:
            raise _Bad(f"weight {made.weight:g} has no unit (kg or lb)")
        key = (drill_id, performed_at, made.set_number or 1, side.value if side else "", workout)
        easily = item.get("easily")
        if easily is not None:
            answers = _dict(easily, "easily")
            self.answers[key] = {
                name: _flag(answers.get(name), f"“easily” answer {name}")
                for name in ("nobody_held", "back_still", "pressure_steady")
            }
        if _flag(item.get("hurt", False), "“hurt”"):
            self.hurts.append(key)
        return made


def _custom_drill(item: Mapping[str, Any]) -> dict[str, Any]:
    drill_id = _text(item.get("id"), "id")
    name = _text(item.get("name"), "name")
    if not drill_id or not name.strip():
        raise _Bad("a drill of your own needs an id and a name")
    return {"id": drill_id, "name": name, "imported_as": _text(item.get("imported_as", ""), "")}


def _favourite(item: Mapping[str, Any]) -> dict[str, Any]:
    drill_id = _text(item.get("drill_id"), "drill_id")
    if not drill_id:
        raise _Bad("a favourite needs its drill_id")
    return {"drill_id": drill_id, "added_at": _moment(item.get("added_at"), "added_at")}


def _routine(item: Mapping[str, Any]) -> dict[str, Any]:
    drills = item.get("drills", [])
    if not isinstance(drills, list):
        raise _Bad("a routine's “drills” is not a list")
    try:
        entries = tuple(
            PlanEntry(
                drill_id=_text(entry.get("drill_id"), "drill_id"),
                sets=_whole(entry.get("sets"), "sets") or 0,
                reps=_whole(entry.get("reps"), "reps"),
                hold_seconds=_whole(entry.get("hold_seconds"), "hold_seconds"),
                rest_seconds=_whole(entry.get("rest_seconds"), "rest_seconds") or 0,
            )
            for entry in (_dict(entry, "a routine's drill") for entry in drills)
        )
        routine = Routine(
            id=_text(item.get("id"), "id"),
            name=_text(item.get("name"), "name"),
            entries=entries,
            rounds=_whole(item.get("rounds", 1), "rounds") or 0,
            rest_after_round=_whole(item.get("rest_after_round", 0), "rest_after_round") or 0,
            rest_between_drills=_whole(
                item.get("rest_between_drills", DEFAULT_REST_BETWEEN_DRILLS), "rest_between_drills"
            )
            or 0,
        )
    except InvalidPlan as exc:
        raise _Bad(f"routine “{item.get('name')}”: {exc}") from None
    return {"routine": routine, "created_at": _moment(item.get("created_at"), "created_at")}


def _phase_event(item: Mapping[str, Any], version: int) -> dict[str, Any]:
    try:
        phase = read_phase(_whole(item.get("phase"), "phase"), version)
    except ValueError as exc:
        raise _Bad(str(exc)) from None
    return {
        "phase": phase,
        "reached_at": _moment(item.get("reached_at"), "reached_at"),
        "reason": _text(item.get("reason", ""), "reason"),
    }


def _dict(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(f"{what} should be an object, not {json.dumps(value)[:40]}")
    return value


def _moment(value: Any, name: str) -> datetime:
    if not isinstance(value, str):
        raise _Bad(f"{name} is missing or not a date and time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(
            f"{name} “{value}” is not a date and time like 2026-04-07T10:14:00+02:00"
        ) from None
    if moment.utcoffset() is None:
        raise _Bad(f"{name} “{value}” has no UTC offset")
    return moment


def _number(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise _Bad(f"{name} {json.dumps(value)[:40]} is not a number")
    if abs(value) > 1e9:
        raise _Bad(f"{name} {value:g} is far too large")
    return float(value)


def _whole(value: Any, name: str) -> int | None:
    number = _number(value, name)
    if number is None:
        return None
    if number != int(number):
        raise _Bad(f"{name} {number:g} is not a whole number")
    return int(number)


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Bad(f"{name} {json.dumps(value)[:40]} is not text")
    return value


def _optional_text(value: Any, name: str) -> str | None:
    return _text(value, name) or None


def _choice(value: Any, kind: type[E], name: str) -> E | None:
    if value is None or value == "":
        return None
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise _Bad(f"{name} {json.dumps(value)[:40]} is not one of {choices}") from None


def _flag(value: Any, label: str) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"{label} should be true or false")
    return value
