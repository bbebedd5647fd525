"""The values of a Strong export's cells that Strong writes its own way: dates with a 24-hour or
12-hour time, and durations ("55s", "1h 3m", "1:03:00", or a bare number in the header's unit)."""

from __future__ import annotations

import re
from datetime import datetime

DATE_EXAMPLE = "2024-03-05 07:14:09"
DURATION_EXAMPLE = "1h 3m or 55s"

_DATE = re.compile(
    r"""
    (?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})
    (?:
        [\sT]+(?P<hour>\d{1,2}):(?P<minute>\d{2})
        (?::(?P<second>\d{2})(?:\.\d+)?)?
        (?:\s*(?P<half>[ap])\.?\s*m\.?)?
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""A date, maybe with a 24-hour or 12-hour time; any Unicode space (U+202F, U+00A0) may come
before the am/pm."""

_DURATION_PARTS = re.compile(
    r"(?:(?P<d>\d{1,9})\s*d\s*)?(?:(?P<h>\d{1,9})\s*h\s*)?"
    r"(?:(?P<m>\d{1,9})\s*m(?:in)?\s*)?(?:(?P<s>\d{1,9})\s*s\s*)?",
    re.IGNORECASE,
)
_DURATION_CLOCK = re.compile(r"(?P<h>\d{1,9}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)")
_DURATION_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def parse_date(text: str) -> datetime | None:
    """The wall-clock time in a Strong date, or None when it is not one."""
    found = _DATE.fullmatch(text.strip())
    if found is None:
        return None
    hour = int(found["hour"] or 0)
    half = (found["half"] or "").casefold()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    try:
        return datetime(
            int(found["year"]),
            int(found["month"]),
            int(found["day"]),
            hour,
            int(found["minute"] or 0),
            int(found["second"] or 0),
        )
    except ValueError:
        return None


def parse_duration(text: str, scale: float | None = None) -> float | None:
    """Seconds in a duration ("55s", "1h 3m", "48h 40m", "1:03:00"), or None.

    A bare number is read with ``scale`` (seconds per unit, from the column's header); without
    one it is only understood when it is 0.
    """
    cell = text.strip()
    if _DURATION_NUMBER.fullmatch(cell):
        value = float(cell.replace(",", "."))
        if value == 0:
            return 0.0
        return value * scale if scale is not None else None
    clock = _DURATION_CLOCK.fullmatch(cell)
    if clock is not None:
        return float((int(clock["h"]) * 60 + int(clock["m"])) * 60 + int(clock["s"]))
    parts = _DURATION_PARTS.fullmatch(cell)
    if parts is None or not any(parts.groupdict().values()):
        return None
    d, h, m, s = (int(parts[name] or 0) for name in ("d", "h", "m", "s"))
    return float(((d * 24 + h) * 60 + m) * 60 + s)
