"""The values of a Hinge JSON file, each checked for its kind with a message that names it: an
object, a date and time with its UTC offset, a number, a whole number, text, a choice, a flag."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

from hinge_desktop.domain.training import CheckOutcome, SetKind, Side, Unit

E = TypeVar("E", Side, Unit, SetKind, CheckOutcome)


class BadValue(ValueError):
    """A value that is not what its place in the file asks for; the message names it."""


def as_object(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise BadValue(f"{what} should be an object, not {json.dumps(value)[:40]}")
    return value


def as_moment(value: Any, name: str) -> datetime:
    if not isinstance(value, str):
        raise BadValue(f"{name} is missing or not a date and time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise BadValue(
            f"{name} “{value}” is not a date and time like 2026-04-07T10:14:00+02:00"
        ) from None
    if moment.utcoffset() is None:
        raise BadValue(f"{name} “{value}” has no UTC offset")
    return moment


def as_number(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise BadValue(f"{name} {json.dumps(value)[:40]} is not a number")
    if abs(value) > 1e9:
        raise BadValue(f"{name} {value:g} is far too large")
    return float(value)


def as_whole(value: Any, name: str) -> int | None:
    number = as_number(value, name)
    if number is None:
        return None
    if number != int(number):
        raise BadValue(f"{name} {number:g} is not a whole number")
    return int(number)


def as_text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadValue(f"{name} {json.dumps(value)[:40]} is not text")
    return value


def as_optional_text(value: Any, name: str) -> str | None:
    return as_text(value, name) or None


def as_choice(value: Any, kind: type[E], name: str) -> E | None:
    if value is None or value == "":
        return None
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise BadValue(f"{name} {json.dumps(value)[:40]} is not one of {choices}") from None


def as_flag(value: Any, label: str) -> bool:
    if not isinstance(value, bool):
        raise BadValue(f"{label} should be true or false")
    return value
