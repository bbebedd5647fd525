"""A working day in half-minute steps, with the time given: what the reminder and nudge tests
walk through, as the companion's check does every half minute."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

MONDAY = date(2026, 12, 7)
STEP = timedelta(seconds=30)


def at(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime.combine(day, time(hour, minute))


def half_minutes(
    start: datetime, end: datetime, quiet: tuple[datetime, datetime] | None = None
) -> Iterator[tuple[datetime, bool]]:
    """Each half minute from ``start`` to ``end``, and whether it falls in ``quiet``."""
    now = start
    while now <= end:
        yield now, quiet is not None and quiet[0] <= now < quiet[1]
        now += STEP
