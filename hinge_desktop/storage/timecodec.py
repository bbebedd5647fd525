"""Moments as stored: Unix seconds (UTC) plus the UTC offset in minutes the person had then."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


def encode(moment: datetime) -> tuple[int, int]:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("A stored moment needs its UTC offset (a timezone-aware datetime).")
    return int(moment.timestamp()), int(offset.total_seconds() // 60)


def decode(seconds: int, offset_minutes: int) -> datetime:
    return datetime.fromtimestamp(seconds, timezone(timedelta(minutes=offset_minutes)))
