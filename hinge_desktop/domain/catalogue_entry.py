"""Reading one drill file: typed fields, with errors that name the file, drill and field."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

E = TypeVar("E", bound=Enum)


class CatalogueError(ValueError):
    """A catalogue entry that cannot be used; the message names the file, drill and field."""

    def __init__(self, file: str, drill: str | None, field: str | None, problem: str) -> None:
        self.file = file
        self.drill = drill
        self.field = field
        self.problem = problem
        where = [file]
        if drill:
            where.append(f"drill '{drill}'")
        if field:
            where.append(f"field '{field}'")
        super().__init__(f"{': '.join(where)}: {problem}")


class Entry:
    """Reads one table of a drill file, remembering where it is for error messages."""

    def __init__(
        self, data: Mapping[str, Any], file: str, drill: str | None, path: str = ""
    ) -> None:
        self._data = data
        self._file = file
        self._drill = drill
        self._path = path
        self._read: set[str] = set()

    def _name(self, key: str) -> str:
        return f"{self._path}.{key}" if self._path else key

    def fail(self, key: str | None, problem: str) -> CatalogueError:
        field = self._name(key) if key else (self._path or None)
        return CatalogueError(self._file, self._drill, field, problem)

    def has(self, key: str) -> bool:
        return key in self._data

    def _get(self, key: str, default: Any = ...) -> Any:
        self._read.add(key)
        if key not in self._data:
            if default is ...:
                raise self.fail(key, "is missing")
            return default
        return self._data[key]

    def value(self, key: str) -> Any:
        """The raw value of a required field, for fields with a shape of their own."""
        return self._get(key)

    def accept(self, *keys: str) -> None:
        """Count optional fields as read even when they are absent."""
        self._read.update(keys)

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty text")
        return " ".join(value.split())

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._get(key, ... if required else [])
        if not isinstance(value, list):
            raise self.fail(key, "must be a list of texts")
        out = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{key}[{index}]", "must be a non-empty text")
            out.append(" ".join(item.split()))
        if required and not out:
            raise self.fail(key, "must list at least one entry")
        return tuple(out)

    def number(
        self, key: str, low: float, high: float, *, integer: bool = False, default: Any = ...
    ) -> Any:
        value = self._get(key, default)
        if value is None and default is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, "must be a number")
        if integer and not isinstance(value, int):
            raise self.fail(key, "must be a whole number")
        if not low <= value <= high:
            raise self.fail(key, f"is {value}; it must be between {low:g} and {high:g}")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def choice(self, key: str, enum: type[E], default: Any = ...) -> E:
        value = self._get(key, default)
        return self._member(key, value, enum)

    def choices(self, key: str, enum: type[E]) -> frozenset[E]:
        value = self._get(key)
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        return frozenset(self._member(f"{key}[{i}]", v, enum) for i, v in enumerate(value))

    def _member(self, key: str, value: Any, enum: type[E]) -> E:
        for member in enum:
            if member.value == value:
                return member
        allowed = ", ".join(repr(member.value) for member in enum)
        raise self.fail(key, f"is {value!r}; it must be one of {allowed}")

    def table(self, key: str) -> Entry:
        value = self._get(key)
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return Entry(value, self._file, self._drill, self._name(key))

    def tables(self, key: str, *, required: bool = True) -> list[Entry]:
        value = self._get(key, ... if required else [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(key, "must be a list of tables")
        if required and not value:
            raise self.fail(key, "must list at least one entry")
        return [
            Entry(item, self._file, self._drill, f"{self._name(key)}[{index}]")
            for index, item in enumerate(value)
        ]

    def done(self) -> None:
        """Refuse keys that nothing read: a typo must not be silently ignored."""
        unknown = sorted(set(self._data) - self._read)
        if unknown:
            raise self.fail(unknown[0], "is not a field the catalogue knows")
