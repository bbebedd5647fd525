"""Reading the rows of an export CSV with the line each starts on, and its numbers.

Shared by every CSV format: a quoted cell may run over several lines (notes), so a record's line
number is counted, not its index.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from hinge_desktop.domain.imports.model import Progress

PROGRESS_EVERY = 1000
"""Rows between two progress reports."""


@dataclass(frozen=True)
class Row:
    line: int
    """1-based line of the file where the record starts."""
    cells: dict[str, str]
    """Cell text by header name, stripped; a missing cell is ""."""
    extra: bool = False
    """The record has more cells than the header."""
    overflow: tuple[str, ...] = ()
    """The cells beyond the header's, stripped."""


class UnreadableRecord(csv.Error):
    """A record the CSV reader cannot read (a cell longer than the reader allows, usually after
    a missing closing quote); the rows after it cannot be told apart, so reading stops."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


class BadCell(ValueError):
    """A cell that does not read as what its column holds; the message names both."""


def header_of(text: str, delimiter: str = ",") -> list[str]:
    """The first record's cells, stripped; [] for an empty text."""
    for record in csv.reader(text.splitlines()[:1] or [""], delimiter=delimiter):
        return [cell.strip().lstrip("\ufeff").strip() for cell in record]
    return []


def sniff_delimiter(first_line: str, candidates: Sequence[str] = (",", ";")) -> str:
    """The candidate that splits the header line into the most cells."""
    return max(candidates, key=first_line.count)


def read_rows(
    text: str, delimiter: str = ",", progress: Progress | None = None
) -> tuple[list[str], Iterator[Row]]:
    """The header and the data records of ``text``, skipping blank lines.

    Lines end at a line feed, a carriage return or both, as the CSV writer ends them; other
    characters that ``str.splitlines`` breaks at (form feed, U+2028, U+0085) are cell text.
    Iterating the records raises :class:`UnreadableRecord` where the reader gives up.
    """
    text = text.lstrip("\ufeff")
    lines = list(io.StringIO(text, newline=""))
    total = len(lines)
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        return [], iter(())
    except csv.Error as exc:
        raise UnreadableRecord(1, _unreadable_reason(exc)) from exc

    def rows() -> Iterator[Row]:
        start = reader.line_num + 1
        count = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise UnreadableRecord(start, _unreadable_reason(exc)) from exc
            count += 1
            end = reader.line_num
            if any(cell.strip() for cell in record):
                cells = {
                    name: (record[i].strip() if i < len(record) else "")
                    for i, name in enumerate(header)
                }
                overflow = tuple(cell.strip() for cell in record[len(header) :])
                yield Row(start, cells, extra=bool(overflow), overflow=overflow)
            start = end + 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(end, total)
        if progress is not None:
            progress(total, total)

    return header, rows()


def _unreadable_reason(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return (
            f"A cell that starts here runs on past {csv.field_size_limit()} characters; "
            "is a closing quote missing?"
        )
    return f"The row cannot be read as CSV ({exc})"


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_number(text: str, column: str, *, decimal_comma: bool = False) -> float | None:
    """The number in a cell, or None for an empty one.

    Float noise from the exporting app (149.99999999999997) is rounded away to 6 decimals.
    With ``decimal_comma`` (a semicolon-separated file) "62,5" reads as 62.5.
    """
    cell = text.strip()
    if not cell:
        return None
    if decimal_comma:
        cell = cell.replace(",", ".")
    if not _NUMBER.match(cell) or ("," in cell):
        raise BadCell(f"{column} “{text.strip()}” is not a number")
    value = float(cell)
    if not math.isfinite(value):
        raise BadCell(f"{column} “{text.strip()}” is not a number")
    return round(value, 6)


def parse_count(text: str, column: str, *, decimal_comma: bool = False) -> int | None:
    """A whole number (reps), or None for an empty cell; "8.0" reads as 8."""
    value = parse_number(text, column, decimal_comma=decimal_comma)
    if value is None:
        return None
    if value != int(value):
        raise BadCell(f"{column} “{text.strip()}” is not a whole number")
    return int(value)


def nonzero(value: float | None) -> float | None:
    """Apps write 0 where a value does not apply (the weight of a plank): that is no value."""
    return None if value == 0 else value


def amount_text(value: float) -> str:
    """A number as a person writes it in a note: 5 rather than 5.0, at most 6 decimals."""
    return f"{value:.6f}".rstrip("0").rstrip(".")
