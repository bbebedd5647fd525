"""What an export of a damaged log tells the person: what was wrong, what was left out (by row),
what was repaired, and the newest good backup to turn to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from hinge_desktop.storage.backups import Backup
from hinge_desktop.storage.exporting.salvage import EXPORTED_TABLES, Salvage

MOST_RANGES = 6
"""Row ranges named in one sentence; more are summed up as "…"."""

_NOUNS = {
    "sets": ("set", "sets"),
    "workouts": ("workout", "workouts"),
    "gate_answers": ("answer to the easily questions", "answers to the easily questions"),
    "hurt_sets": ("mark of a set that hurt", "marks of sets that hurt"),
    "custom_drills": ("drill of your own", "drills of your own"),
    "favourite_drills": ("favourite", "favourites"),
    "routines": ("routine", "routines"),
    "routine_drills": ("drill of a routine", "drills of routines"),
    "phase_events": ("rung reached on the ladder", "rungs reached on the ladder"),
}


def counted(count: int, table: str) -> str:
    """``count`` of what ``table`` holds, in words: "1 set", "1,204 sets"."""
    one, many = _NOUNS.get(table, ("row", "rows"))
    return f"{count:,} {one if count == 1 else many}"


def plural(table: str) -> str:
    """What ``table`` holds, in words: "sets", "routines"."""
    return _NOUNS.get(table, ("row", "rows"))[1]


def rows(rowids: Sequence[int]) -> str:
    """Rowids as ranges: "row 12", "rows 455–457, 500"."""
    ranges: list[tuple[int, int]] = []
    for rowid in sorted(rowids):
        if ranges and rowid == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], rowid)
        else:
            ranges.append((rowid, rowid))
    words = [str(a) if a == b else f"{a}–{b}" for a, b in ranges[:MOST_RANGES]]
    if len(ranges) > MOST_RANGES:
        words.append("…")
    return ("row " if len(rowids) == 1 else "rows ") + ", ".join(words)


def is_whole(salvaged: Salvage, told: Iterable[str]) -> bool:
    """Whether every row of the ``told`` tables the log holds was copied."""
    for table in told:
        if table in salvaged.unreadable:
            return False
        read = salvaged.tables.get(table)
        if read is not None and (read.lost or read.lost_after is not None):
            return False
    return True


def damage_notes(
    database: Path,
    problem: str | None,
    salvaged: Salvage,
    told: Sequence[str],
    backup: tuple[Backup, int] | None,
) -> list[str]:
    """What to tell about an export made from ``salvaged``, for the ``told`` tables (those the
    export holds); ``backup`` is the newest good backup with the sets it holds, if any."""
    notes = [f"The training log {database} is damaged ({problem})."] if problem else []
    for table in told:
        if table in salvaged.unreadable:
            notes.append(f"Its {plural(table)} could not be read and were left out.")
            continue
        read = salvaged.tables.get(table)
        if read is None:
            continue
        if read.lost:
            notes.append(
                f"{counted(len(read.lost), table)} could not be read and "
                f"{'was' if len(read.lost) == 1 else 'were'} left out ({rows(read.lost)})."
            )
        if read.lost_after == 0:
            notes.append(f"Its {plural(table)} could not be read and were left out.")
        elif read.lost_after is not None:
            notes.append(
                f"The {plural(table)} after row {read.lost_after} could not be read and "
                "were left out; how many there were cannot be told."
            )
        if read.repaired:
            notes.append(
                f"{counted(len(read.repaired), table)} held text that is not UTF-8; it is "
                f"exported with � in place of the bad bytes ({rows(read.repaired)})."
            )
    if salvaged.detached and "workouts" in told:
        detached = len(salvaged.detached)
        notes.append(
            f"{counted(detached, 'sets')} {'is' if detached == 1 else 'are'} exported without "
            f"{'its' if detached == 1 else 'their'} workout, which could not be read "
            f"({rows(salvaged.detached)})."
        )
    if problem and is_whole(salvaged, told):
        notes.append(_all_read(told, more=len(notes) > 1))
    elif backup is not None and not is_whole(salvaged, ("sets",)):
        made, count = backup
        notes.append(
            f"The newest good backup, {made.path}, made {made_at(made)}, holds "
            f"{counted(count, 'sets')}."
        )
    return notes


def _all_read(told: Sequence[str], *, more: bool) -> str:
    """That nothing the export holds was left out: everything, or every set of a CSV export
    (which holds no routines, whatever became of them)."""
    if set(told) >= set(EXPORTED_TABLES):
        return f"Everything {'else' if more else 'in it'} could still be read and is in the export."
    return f"Every set{'' if more else ' in it'} could still be read and is in the export."


def made_at(backup: Backup) -> str:
    return backup.made_at.strftime("%Y-%m-%d %H:%M")
