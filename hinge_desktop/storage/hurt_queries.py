"""Reading which sets hurt: one drill's pain history in one query, and the SQL test the ladder
and other queries use to leave sets that hurt out.

The marks themselves are written by :class:`~hinge_desktop.storage.sets.SetRepository`.
"""

from __future__ import annotations

from sqlite_utils import Database

from hinge_desktop.domain.hurt import NEVER_HURT, HurtHistory
from hinge_desktop.storage import timecodec

HURT_TABLE = "hurt_sets"


def hurt_sql(alias: str) -> str:
    """An SQL expression, 1 when the set named ``alias`` (a table alias of ``sets``) hurt and 0
    when not: ``... AND NOT {hurt_sql("s")}`` keeps only the sets that did not hurt."""
    return f"EXISTS (SELECT 1 FROM {HURT_TABLE} WHERE {HURT_TABLE}.set_id = {alias}.id)"


# The latest set of the drill that hurt: the marks are few, so they are read first (CROSS JOIN
# keeps that order) and each set is found by its id. Then, through the index of a drill's sets
# by time, whether a set of the drill after it went without hurting; the first one found ends
# the search.
_HISTORY = f"""
SELECT last.performed_at, last.utc_offset,
    EXISTS (
        SELECT 1 FROM sets AS later
        WHERE later.drill_id = :drill AND later.performed_at >= last.performed_at
            AND (later.performed_at > last.performed_at OR later.id > last.id)
            AND later.kind <> 'warmup'
            AND NOT {hurt_sql("later")}
    )
FROM (
    SELECT s.id, s.performed_at, s.utc_offset
    FROM {HURT_TABLE} AS mark CROSS JOIN sets AS s ON s.id = mark.set_id
    WHERE s.drill_id = :drill
    ORDER BY s.performed_at DESC, s.id DESC
    LIMIT 1
) AS last
"""


def hurt_history(db: Database, drill_id: str) -> HurtHistory:
    """When a set of the drill last hurt, and whether one went without hurting since, in one
    read (for :func:`hinge_desktop.domain.hurt.offer_after_hurt`)."""
    row = db.execute(_HISTORY, {"drill": drill_id}).fetchone()
    if row is None:
        return NEVER_HURT
    performed_at, offset, painless_since = row
    return HurtHistory(timecodec.decode(performed_at, offset), bool(painless_since))


def history_plan(db: Database, drill_id: str) -> list[str]:
    """How SQLite runs :func:`hurt_history` (the details of ``EXPLAIN QUERY PLAN``), to check
    that it reads through indexes rather than every set."""
    rows = db.execute(f"EXPLAIN QUERY PLAN {_HISTORY}", {"drill": drill_id}).fetchall()
    return [row[-1] for row in rows]
