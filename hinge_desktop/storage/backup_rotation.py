"""Which backups are kept: the daily one and the rotation, which never lets go of a lost history.

Rotation: the last :data:`KEEP_DAILY` daily backups, plus the newest daily backup of each of the
last :data:`KEEP_WEEKLY` weeks that have one (as restic's ``--keep-daily 7 --keep-weekly 4``),
and the last :data:`KEEP_EACH_OTHER` of every other reason. Whatever their age, the newest backup
holding the most sets is kept, and a backup made just before the number of sets dropped sharply
is renamed "before-loss" when the drop is first seen, so that it outlives the daily rotation.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from hinge_desktop.storage.backups import (
    KEEP_DAILY,
    KEEP_EACH_OTHER,
    KEEP_WEEKLY,
    REASONS,
    Backup,
    back_up,
    backup_set_count,
    holds_data,
    list_backups,
)

SHARP_DROP = 0.75
"""A log that holds fewer than this share of the sets it held before has lost sets sharply."""


def daily_backup(connection: sqlite3.Connection, folder: Path, now: datetime) -> Backup | None:
    """Today's backup, unless one was made today (in ``now``'s time zone) or the log holds
    nothing yet; then the folder is pruned to the rotation, never removing the backup just made.
    """
    today = now.date()
    made: Backup | None = None
    already = any(
        backup.reason == "daily" and backup.made_at.astimezone(now.tzinfo).date() == today
        for backup in list_backups(folder)
    )
    if not already and holds_data(connection):
        made = back_up(connection, folder, "daily", now=now)
    prune_backups(folder, keep=[made.path] if made else [], live_sets=_live_sets(connection))
    return made


def _live_sets(connection: sqlite3.Connection) -> int | None:
    try:
        count: int = connection.execute("SELECT count(*) FROM sets").fetchone()[0]
    except sqlite3.Error:
        return None
    return count


def backups_to_prune(backups: list[Backup]) -> list[Backup]:
    """Which of ``backups`` (newest first) the rotation lets go."""
    kept: set[Path] = set()
    dailies = [backup for backup in backups if backup.reason == "daily"]
    kept.update(backup.path for backup in dailies[:KEEP_DAILY])
    weeks: list[tuple[int, int]] = []
    for backup in dailies:
        year, week, _ = backup.made_at.isocalendar()
        if (year, week) in weeks:
            continue
        if len(weeks) == KEEP_WEEKLY:
            break
        weeks.append((year, week))
        kept.add(backup.path)
    for reason in REASONS:
        if reason != "daily":
            same = [backup for backup in backups if backup.reason == reason]
            kept.update(backup.path for backup in same[:KEEP_EACH_OTHER])
    return [backup for backup in backups if backup.path not in kept]


def prune_backups(
    folder: Path, keep: Iterable[Path] = (), *, live_sets: int | None = None
) -> list[Path]:
    """Remove the backups the rotation lets go, except those in ``keep`` and the newest one
    holding the most sets; returns the removed. First, a backup made just before a sharp drop
    in the number of sets (between two backups, or from the newest to the log as it is now,
    ``live_sets``) is renamed "before-loss", which the daily rotation never lets go.

    Best effort: a backup that cannot be renamed or removed (a read-only folder) stays.
    """
    counts = [(backup, backup_set_count(backup.path)) for backup in list_backups(folder)]
    sets = {backup.path: count for backup, count in counts}
    for backup in before_drops(counts, live_sets):
        if backup.reason != "before-loss":
            renamed = _rename_reason(backup, "before-loss")
            sets[renamed] = sets[backup.path]
    backups = list_backups(folder)
    protected = set(keep)
    most = newest_with_most_sets([(b.path, sets.get(b.path)) for b in backups])
    if most is not None:
        protected.add(most)
    removed: list[Path] = []
    for backup in backups_to_prune(backups):
        if backup.path in protected:
            continue
        try:
            backup.path.unlink()
        except OSError:
            continue
        removed.append(backup.path)
    return removed


def newest_with_most_sets(counts: list[tuple[Path, int | None]]) -> Path | None:
    """Of ``counts`` (each backup with the sets it holds, newest first), the newest holding the
    most sets."""
    readable = [(path, sets) for path, sets in counts if sets is not None]
    if not readable:
        return None
    most = max(sets for _path, sets in readable)
    return next(path for path, sets in readable if sets == most)


def before_drops(
    counts: list[tuple[Backup, int | None]], live_sets: int | None = None
) -> list[Backup]:
    """Of ``counts`` (each backup with the sets it holds, newest first), those made just
    before the number of sets dropped below :data:`SHARP_DROP` of what it was."""
    oldest_first: list[tuple[Backup | None, int]] = [
        (backup, sets) for backup, sets in reversed(counts) if sets is not None
    ]
    if live_sets is not None:
        oldest_first.append((None, live_sets))
    return [
        backup
        for (backup, before), (_later, after) in pairwise(oldest_first)
        if backup is not None and after < before * SHARP_DROP
    ]


def _rename_reason(backup: Backup, reason: str) -> Path:
    """``backup`` renamed for ``reason``; where it now is (where it was, if it could not be)."""
    name = backup.path.name.removesuffix(f"-{backup.reason}.sqlite3")
    if name == backup.path.name:
        return backup.path  # a second copy of its second ("-2"): left as it is
    target = backup.path.with_name(f"{name}-{reason}.sqlite3")
    if target.exists():
        return backup.path
    try:
        os.replace(backup.path, target)
    except OSError:
        return backup.path
    return target
