"""The drill catalogue: one TOML file per drill in ``assets/drills``, checked as it loads.

A broken entry is refused with a message that names the file, the drill and the field, so a
person editing the catalogue sees at once what to fix. Nothing of a broken catalogue is used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from hinge_desktop.domain.catalogue_entry import CatalogueError, Entry
from hinge_desktop.domain.catalogue_figure import ANGLE_LIMIT, parse_figure
from hinge_desktop.domain.coaching_notes import NOTES_FILE, CoachingNote, parse_notes
from hinge_desktop.domain.drills import (
    Check,
    CheckResult,
    CueMoment,
    Drill,
    DrillCue,
    DrillKind,
    Equipment,
    Fault,
    Focus,
    Part,
    Phase,
    Prescription,
    Tempo,
    cue_problem,
)
from hinge_desktop.domain.sources import SOURCES

Reader = Callable[[Traversable, str], dict[str, Any]]
"""Reads a drill file's document: ``read(item, file)``, ``file`` naming it in errors."""

__all__ = ["SOURCES", "Catalogue", "CatalogueError", "builtin_catalogue", "load_catalogue"]

MAX_SETS = 10
MAX_REPS = 50
MAX_HOLD_SECONDS = 600
MAX_REST_SECONDS = 600
MAX_TEMPO_SECONDS = 10.0


def _part(entry: Entry) -> Part:
    part = Part(
        name=entry.text("name"),
        seconds=entry.number("seconds", 1, MAX_HOLD_SECONDS, integer=True),
        per_side=entry.flag("per_side", False),
    )
    entry.done()
    return part


def _prescription(entry: Entry) -> Prescription:
    reps = entry.number("reps", 1, MAX_REPS, integer=True, default=None)
    hold = entry.number("hold", 1, MAX_HOLD_SECONDS, integer=True, default=None)
    parts = tuple(_part(item) for item in entry.tables("parts", required=False))
    given = [name for name, value in (("reps", reps), ("hold", hold), ("parts", parts)) if value]
    if len(given) != 1:
        raise entry.fail(None, "give one of reps, hold (seconds) or parts")
    if parts:
        if len(parts) < 2:
            raise entry.fail("parts", "a drill in parts has at least two; one is a hold")
        # The seconds of one set (of one side, in a drill done per side): a part done per side
        # in a drill that is not is done twice within the set.
        both_sides_inside = not entry.flag("per_side", False)
        hold = sum(p.seconds * (2 if p.per_side and both_sides_inside else 1) for p in parts)
        if hold > MAX_HOLD_SECONDS:
            raise entry.fail("parts", f"last {hold} s together; at most {MAX_HOLD_SECONDS}")
    tempo_value = entry.value("tempo")
    if (
        not isinstance(tempo_value, list)
        or len(tempo_value) != 4
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in tempo_value)
        or not all(0 <= v <= MAX_TEMPO_SECONDS for v in tempo_value)
    ):
        raise entry.fail(
            "tempo", f"must be four seconds (away, hold, back, rest), each 0–{MAX_TEMPO_SECONDS:g}"
        )
    tempo = Tempo(*(float(v) for v in tempo_value))
    if tempo.away <= 0 or tempo.back <= 0:
        raise entry.fail("tempo", "the moves there and back must each take some time")
    prescription = Prescription(
        sets=entry.number("sets", 1, MAX_SETS, integer=True),
        reps=reps,
        hold_seconds=hold,
        tempo=tempo,
        rest_seconds=entry.number("rest", 0, MAX_REST_SECONDS, integer=True),
        per_side=entry.flag("per_side", False),
        ballistic=entry.flag("ballistic", False),
        alternating=entry.flag("alternating", False),
        parts=parts,
    )
    if prescription.ballistic and reps is None:
        raise entry.fail("ballistic", "only a drill done for reps can be ballistic")
    if prescription.alternating and (reps is None or not prescription.per_side):
        raise entry.fail("alternating", "only reps done per side can alternate sides")
    entry.done()
    return prescription


def _cues(entry: Entry, prescription: Prescription) -> tuple[DrillCue, ...]:
    """The cues with their moments; a moment the dose has no room for is refused."""
    cues = []
    for index, item in enumerate(entry.tables("cues")):
        cue = DrillCue(
            text=item.text("say"),
            when=item.choice("when", CueMoment),
            effort=item.flag("effort", False),
            part=item.text("part") if item.has("part") else None,
        )
        item.accept("part")
        item.done()
        if cue.part is not None and cue.part not in {part.name for part in prescription.parts}:
            raise item.fail("part", f"is '{cue.part}', which is not one of the drill's parts")
        problem = cue_problem(cue.text)
        if problem:
            raise entry.fail(f"cues[{index}]", f"{cue.text!r} {problem}")
        by_the_clock = prescription.reps is None
        if by_the_clock and cue.when not in (CueMoment.BEFORE, CueMoment.HOLD):
            raise entry.fail(
                f"cues[{index}].when",
                f"is '{cue.when.value}', but the drill is done by the clock: use 'before' or "
                "'hold'",
            )
        if not by_the_clock and cue.when is CueMoment.HOLD:
            raise entry.fail(
                f"cues[{index}].when", "is 'hold', but the drill is done for reps: use 'end'"
            )
        cues.append(cue)
    return tuple(cues)


def _check(entry: Entry) -> Check:
    result = entry.choice("result", CheckResult)
    check = Check(
        result=result,
        pass_when=entry.text("pass_when"),
        criteria=entry.texts("criteria", required=False),
    )
    if result is CheckResult.MEASURE:
        low = entry.number("min", -ANGLE_LIMIT, 10_000)
        high = entry.number("max", -ANGLE_LIMIT, 10_000)
        if high <= low:
            raise entry.fail("max", "must be above min")
        check = replace(
            check,
            measure=entry.text("measure"),
            unit=entry.text("unit"),
            minimum=low,
            maximum=high,
            target=entry.number("target", low, high, default=None),
        )
    entry.done()
    return check


def parse_drill(data: Mapping[str, Any], file: str) -> Drill:
    """Build one drill from a parsed file, or raise CatalogueError naming what is wrong."""
    drill_id = data.get("id")
    entry = Entry(data, file, drill_id if isinstance(drill_id, str) else None)
    identifier = entry.text("id")
    if not identifier.replace("-", "").isalnum() or identifier != identifier.lower():
        raise entry.fail("id", "must be lower-case letters, digits and hyphens")
    kind = entry.choice("kind", DrillKind)
    prescription = _prescription(entry.table("prescription"))
    cues = _cues(entry, prescription)
    faults = []
    for item in entry.tables("faults"):
        faults.append(Fault(fault=item.text("fault"), fix=item.text("fix")))
        item.done()
    check = _check(entry.table("check")) if entry.has("check") else None
    if kind is DrillKind.CHECK and check is None:
        raise entry.fail("check", "a drill of kind 'check' must say what its result looks like")
    if kind is not DrillKind.CHECK and check is not None:
        raise entry.fail("check", "only a drill of kind 'check' has a result to record")
    easier = entry.texts("easier", required=False)
    drill = Drill(
        id=identifier,
        name=entry.text("name"),
        phase=Phase(entry.number("phase", min(Phase), max(Phase), integer=True)),
        kind=kind,
        equipment=entry.choices("equipment", Equipment),
        focus=entry.choices("focus", Focus),
        purpose=entry.text("purpose"),
        setup=entry.texts("setup"),
        steps=entry.texts("steps"),
        cues=cues,
        faults=tuple(faults),
        safety=entry.texts("safety"),
        prescription=prescription,
        figure=parse_figure(entry.table("figure")),
        sources=entry.texts("sources"),
        easier=easier,
        harder=entry.texts("harder", required=False),
        keywords=entry.texts("keywords", required=False),
        check=check,
        cue_sequence=entry.flag("cue_sequence", False),
        easily=entry.flag("easily", False),
        feel=entry.text("feel"),
        if_it_hurts=entry.text("if_it_hurts"),
        regression=_regression(entry, kind, easier),
        added=entry.texts("added", required=False),
        notes=entry.texts("notes", required=False),
    )
    if not drill.focus:
        raise entry.fail("focus", "must list at least one focus")
    entry.done()
    return replace(drill, search_text=_search_text(drill))


def _regression(entry: Entry, kind: DrillKind, easier: tuple[str, ...]) -> str | None:
    """The drill to offer after a set that hurt: the file's ``regression``, else the first
    drill its own ``easier`` lists (not one linked from elsewhere). A check offers none unless
    it names one: what is easier than a test is not a way round its pain."""
    if entry.has("regression"):
        return entry.text("regression")
    entry.accept("regression")
    if kind is DrillKind.CHECK or not easier:
        return None
    return easier[0]


def _search_text(drill: Drill) -> str:
    """Everything a person might type to find the drill, folded to lower case."""
    words = [
        drill.name,
        drill.id.replace("-", " "),
        *drill.cue_texts,
        *(item.value for item in drill.equipment),
        *(item.value for item in drill.focus),
        drill.kind.value,
        *drill.keywords,
    ]
    if not drill.equipment:
        words.append("no equipment bodyweight")
    return " ".join(words).casefold()


@dataclass(frozen=True)
class Catalogue:
    """Every drill, in phase order, with their links checked, and the notes they share."""

    drills: tuple[Drill, ...]
    notes: Mapping[str, CoachingNote] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {drill.id: drill for drill in self.drills})

    def __iter__(self) -> Iterator[Drill]:
        return iter(self.drills)

    def __len__(self) -> int:
        return len(self.drills)

    def __contains__(self, drill_id: object) -> bool:
        return drill_id in self._by_id  # type: ignore[attr-defined]

    def get(self, drill_id: str) -> Drill:
        return self._by_id[drill_id]  # type: ignore[attr-defined,no-any-return]

    def in_phase(self, phase: Phase) -> tuple[Drill, ...]:
        return tuple(drill for drill in self.drills if drill.phase is phase)

    def regression_of(self, drill: Drill) -> Drill | None:
        """The drill to offer instead after a set of ``drill`` that hurt; None when there is
        nothing easier to offer (then: stop and get it checked)."""
        if drill.regression is None or drill.regression not in self:
            return None
        return self.get(drill.regression)

    def notes_of(self, drill: Drill) -> tuple[CoachingNote, ...]:
        """The shared notes ``drill`` names, in its order."""
        return tuple(self.notes[name] for name in drill.notes if name in self.notes)


def _check_links(
    drills: Iterable[tuple[str, Drill]],
    known_sources: set[str] | None,
    notes: Mapping[str, CoachingNote],
) -> None:
    pairs = list(drills)
    ids = {drill.id for _file, drill in pairs}
    for file, drill in pairs:
        for index, name in enumerate(drill.notes):
            if name not in notes:
                raise CatalogueError(
                    file, drill.id, f"notes[{index}]", f"names '{name}', which {NOTES_FILE} lacks"
                )
        if drill.regression is not None and drill.regression not in ids - {drill.id}:
            raise CatalogueError(
                file,
                drill.id,
                "regression",
                f"names '{drill.regression}', which is not another drill",
            )
        for key in ("easier", "harder"):
            for index, other in enumerate(getattr(drill, key)):
                if other not in ids:
                    raise CatalogueError(
                        file, drill.id, f"{key}[{index}]", f"names '{other}', which is not a drill"
                    )
                if other == drill.id:
                    raise CatalogueError(
                        file, drill.id, f"{key}[{index}]", "names the drill itself"
                    )
        if known_sources is not None:
            for index, source in enumerate(drill.sources):
                if source not in known_sources:
                    raise CatalogueError(
                        file, drill.id, f"sources[{index}]", f"'{source}' is not a known source"
                    )


def read_toml(item: Traversable, file: str) -> dict[str, Any]:
    """The TOML document in ``item`` (named ``file`` in errors)."""
    import tomllib  # here: a catalogue read from its cache parses no TOML

    try:
        return tomllib.loads(item.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(file, None, None, f"is not valid TOML ({error})") from None
    except UnicodeDecodeError:
        raise CatalogueError(file, None, None, "is not UTF-8 text") from None


def load_catalogue(
    folder: Traversable, known_sources: set[str] | None = None, read: Reader = read_toml
) -> Catalogue:
    """Read every ``*.toml`` in ``folder`` (a drill each; ``_notes.toml`` holds the notes they
    share) with ``read``; raise CatalogueError on the first broken entry."""
    found: list[tuple[str, Drill]] = []
    seen: dict[str, str] = {}
    files_here = [item for item in folder.iterdir() if item.name.endswith(".toml")]
    notes: dict[str, CoachingNote] = {}
    for item in files_here:
        if item.name == NOTES_FILE:
            file = f"{folder.name}/{item.name}"
            notes = parse_notes(read(item, file), file, known_sources)
    entries = sorted(
        (item for item in files_here if not item.name.startswith("_")), key=lambda i: i.name
    )
    if not entries:
        raise CatalogueError(folder.name, None, None, "holds no drill files (*.toml)")
    for item in entries:
        file = f"{folder.name}/{item.name}"
        drill = parse_drill(read(item, file), file)
        if item.name != f"{drill.id}.toml":
            raise CatalogueError(file, drill.id, "id", f"the file must be named {drill.id}.toml")
        if drill.id in seen:
            raise CatalogueError(file, drill.id, "id", f"is already used by {seen[drill.id]}")
        seen[drill.id] = file
        found.append((file, drill))
    _check_links(found, known_sources, notes)
    ordered = sorted(_mutual_links(found), key=lambda d: (d.phase, d.name.casefold()))
    return Catalogue(tuple(ordered), notes)


def _mutual_links(found: list[tuple[str, Drill]]) -> list[Drill]:
    """Make the ladder read both ways: if A lists B as harder, B lists A as easier.

    A pair that is said to be both easier and harder than each other is refused.
    """
    easier = {drill.id: list(drill.easier) for _file, drill in found}
    harder = {drill.id: list(drill.harder) for _file, drill in found}
    for _file, drill in found:
        for other in drill.harder:
            if drill.id not in easier[other]:
                easier[other].append(drill.id)
        for other in drill.easier:
            if drill.id not in harder[other]:
                harder[other].append(drill.id)
    for file, drill in found:
        both = set(easier[drill.id]) & set(harder[drill.id])
        if both:
            other = sorted(both)[0]
            raise CatalogueError(
                file,
                drill.id,
                "easier",
                f"'{other}' is both easier and harder than this drill (check both files)",
            )
    return [
        replace(drill, easier=tuple(easier[drill.id]), harder=tuple(harder[drill.id]))
        for _file, drill in found
    ]


def builtin_folder() -> Traversable:
    """The folder of the drill files that ship with Hinge."""
    return files("hinge_desktop.assets") / "drills"


def builtin_catalogue(read: Reader = read_toml) -> Catalogue:
    """The catalogue that ships with Hinge, its files read with ``read``."""
    return load_catalogue(builtin_folder(), set(SOURCES), read)
