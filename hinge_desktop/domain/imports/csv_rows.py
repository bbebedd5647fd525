"""Reading the rows of an export CSV with the line each starts on, and its numbers.

Shared by every CSV format: a quoted cell may run over several lines (notes), so a record's line
number is counted, not its index.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from hinge_desktop.domain.imports.model import Progress
from hinge_desktop.domain.imports.text_source import LineTooLong, TextSource

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
    """The first record's cells, stripped; [] for an empty text. Raises :class:`UnreadableRecord`
    for a first line the CSV reader cannot read (a field longer than it allows)."""
    try:
        for record in csv.reader(text.splitlines()[:1] or [""], delimiter=delimiter):
            return [cell.strip().lstrip("\ufeff").strip() for cell in record]
    except csv.Error as exc:
        raise UnreadableRecord(1, unreadable_reason(exc, '"' in text)) from exc
    return []


def sniff_delimiter(first_line: str, candidates: Sequence[str] = (",", ";")) -> str:
    """The candidate that splits the header line into the most cells."""
    return max(candidates, key=first_line.count)


def open_rows(
    text: str | TextSource,
    candidates: Sequence[str] = (",", ";"),
    progress: Progress | None = None,
) -> tuple[list[str], str, Iterator[Row]]:
    """The header, the delimiter (the one of ``candidates`` that splits the first line most)
    and the data records of ``text``, as :func:`read_rows` reads them."""
    source = TextSource.of(text)
    delimiter = sniff_delimiter(source.first_line, candidates)
    header, rows = read_rows(source, delimiter, progress)
    return header, delimiter, rows


def read_rows(
    text: str | TextSource, delimiter: str = ",", progress: Progress | None = None
) -> tuple[list[str], Iterator[Row]]:
    """The header and the data records of ``text``, skipping blank lines.

    Lines end at a line feed, a carriage return or both, as the CSV writer ends them; other
    characters that ``str.splitlines`` breaks at (form feed, U+2028, U+0085) are cell text.
    The records are read as they are asked for (a file is never held whole). Reading the
    header, or iterating the records, raises :class:`UnreadableRecord` where the reader gives
    up, naming the line.
    """
    source = TextSource.of(text)
    total = source.total_lines
    feed = _Feed(source.lines())
    reader = csv.reader(feed, delimiter=delimiter, strict=False)
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        return [], iter(())
    except (csv.Error, LineTooLong) as exc:
        raise UnreadableRecord(1, unreadable_reason(exc, feed.quoted)) from exc

    def rows() -> Iterator[Row]:
        start = reader.line_num + 1
        count = 0
        while True:
            feed.quoted = False
            try:
                record = next(reader)
            except StopIteration:
                break
            except (csv.Error, LineTooLong) as exc:
                raise UnreadableRecord(start, unreadable_reason(exc, feed.quoted)) from exc
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
                progress(min(end, total), total)
        if progress is not None:
            progress(total, total)

    return header, rows()


class _Feed:
    """The lines handed to the CSV reader, noting whether the record being read has a quote
    (a missing closing quote makes the reader run on to its limit)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.quoted = False

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        if '"' in line:
            self.quoted = True
        return line


def unreadable_reason(exc: Exception, quoted: bool = False) -> str:
    """Why the CSV reader gave up on a record, in words a person can act on."""
    if isinstance(exc, LineTooLong):
        return str(exc)
    text = str(exc)
    if "field larger than field limit" in text:
        reason = f"a field is longer than {csv.field_size_limit():,} characters"
        return reason + ("; is a closing quote missing?" if quoted else "")
    if "NUL" in text:
        return "the line holds a NUL character, which text never has"
    return f"the row cannot be read as CSV ({text})"


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
