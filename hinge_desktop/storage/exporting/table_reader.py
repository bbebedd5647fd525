"""Every row of one table of a damaged log that can still be read, and which rows cannot.

The table is read in rowid order in one go. Where that fails part-way (a damaged page), what
follows is read by rowid ranges, halved around the damage down to single rows, so that every row
outside a damaged page is kept. Which rows the table held is known from its indexes, read on
their own: a row an index names that the table cannot give is counted as lost, even where the
table's damage raised no error. Text that is not UTF-8 is read with U+FFFD in place of the bad
bytes, and its row is named as repaired.

The indexes of the log are never used to read the rows themselves: a damaged index can hide rows.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Row = tuple[Any, ...]
"""A row as read: its rowid first, then the columns asked for."""

Keep = Callable[[list[Row]], list[int]]
"""Takes rows in; returns the rowids of those it could not take (values no longer valid)."""

READ_ERRORS = (sqlite3.Error, UnicodeDecodeError)
"""What reading a damaged log raises: SQLite's errors, and a message of SQLite quoting bytes of
the file that are not text (which Python then cannot decode)."""

BATCH = 500
SMALLEST_ROW = 24
"""Bytes no row of a Hinge table takes less of in a page (its cell, header and values)."""


class RepairedText(str):
    """Text read from the log whose bytes were not all UTF-8."""


class TextDecoder:
    """The text factory of a salvaging connection: UTF-8, or :class:`RepairedText` with U+FFFD
    where the bytes were not UTF-8; it counts the repairs, so that only rows read while one was
    made need a closer look."""

    def __init__(self) -> None:
        self.repairs = 0

    def __call__(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.repairs += 1
            return RepairedText(raw.decode("utf-8", errors="replace"))


@dataclass
class TableRead:
    """What reading one table found besides its rows."""

    lost: list[int] = field(default_factory=list)
    """Rowids of rows the table holds (or may hold) that could not be read."""
    lost_after: int | None = None
    """Set when the table could not be read past this rowid and nothing tells how many rows
    follow (no index left to count them)."""
    repaired: list[int] = field(default_factory=list)
    """Rowids of rows read with text that was not UTF-8."""
    read: int = 0


def read_table(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], keep: Keep
) -> TableRead:
    """Read every row of ``table`` that can be read, handed to ``keep`` (rowid first, then
    ``columns``) in batches; rows ``keep`` refuses count as lost.

    ``conn`` decodes text with a :class:`TextDecoder`.
    """
    reader = _Reader(conn, table, columns, keep)
    last = reader.in_one_go()
    if last is not _DONE:
        reader.around_damage(last)
    reader.found.lost.sort()
    return reader.found


_DONE = object()


class _Reader:
    def __init__(
        self, conn: sqlite3.Connection, table: str, columns: Sequence[str], keep: Keep
    ) -> None:
        self.conn = conn
        self.table = table
        self.select = f'SELECT rowid, {", ".join(_quoted(c) for c in columns)} FROM "{table}"'
        self.keep = keep
        self.found = TableRead()
        self.read: set[int] = set()
        decoder = conn.text_factory
        self.decoder = decoder if isinstance(decoder, TextDecoder) else None

    def in_one_go(self) -> Any:
        """Read the table in rowid order; returns the last rowid read before an error (None
        when none was), or ``_DONE`` when the whole table was read."""
        last: int | None = None
        try:
            cursor = self.conn.execute(f"{self.select} ORDER BY rowid")
            while True:
                repairs = self._repairs()
                rows = cursor.fetchmany(BATCH)
                if not rows:
                    return _DONE
                self._take(rows, repairs)
                last = rows[-1][0]
        except READ_ERRORS:
            return last

    def around_damage(self, last: int | None) -> None:
        """Read the rows after ``last`` (all when None) by ranges: those the indexes name when
        one could be read whole, else every rowid up to the largest there can be."""
        after = last if last is not None else 0
        known, counted = self._rowids_in_indexes()
        if counted:
            candidates: Sequence[int] = sorted(rowid for rowid in known if rowid > after)
            self._read_ranges(candidates)
            self.found.lost.extend(rowid for rowid in candidates if rowid not in self.read)
            return
        failed = self._read_ranges(range(after + 1, self._largest_rowid(known, after) + 1))
        # Without an index to count them, a rowid that cannot be read is a lost row only below
        # one that could: above the last row read there may have been no rows at all.
        top = max(self.read, default=after)
        self.found.lost.extend(rowid for rowid in failed if rowid < top)
        if any(rowid > top for rowid in failed):
            self.found.lost_after = top

    def _read_ranges(self, candidates: Sequence[int]) -> list[int]:
        """Read the rows from the first to the last of ``candidates``, going on after a read
        that fails part-way and halving the list where one fails at once; returns the single
        candidates that could not be read."""
        failed: list[int] = []
        pending: list[Sequence[int]] = [candidates] if candidates else []
        while pending:
            part = pending.pop()
            repairs = self._repairs()
            rows: list[Row] = []
            try:
                if len(part) == 1:
                    # Not a range: that would step on to the next page to see where it ends.
                    cursor = self.conn.execute(f"{self.select} WHERE rowid = ?", [part[0]])
                else:
                    cursor = self.conn.execute(
                        f"{self.select} WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
                        [part[0], part[-1]],
                    )
                for row in cursor:
                    rows.append(row)
            except READ_ERRORS:
                if rows:
                    pending.append(part[bisect.bisect_right(part, rows[-1][0]) :])
                elif len(part) == 1:
                    failed.append(part[0])
                else:
                    middle = len(part) // 2
                    pending.extend((part[middle:], part[:middle]))
            self._take(rows, repairs)
        return failed

    def _repairs(self) -> int:
        return self.decoder.repairs if self.decoder is not None else 0

    def _take(self, rows: list[Row], repairs_before: int) -> None:
        refused = set(self.keep(rows))
        self.found.lost.extend(refused)
        self.found.read += len(rows) - len(refused)
        self.read.update(row[0] for row in rows)
        if self._repairs() != repairs_before:
            self.found.repaired.extend(
                row[0]
                for row in rows
                if row[0] not in refused and any(isinstance(v, RepairedText) for v in row)
            )

    def _rowids_in_indexes(self) -> tuple[set[int], bool]:
        """The rowids the table's indexes name, and whether one index could be read whole
        (then they are every row the table holds)."""
        known: set[int] = set()
        whole = False
        for index in self._full_indexes():
            try:
                query = f'SELECT rowid FROM "{self.table}" INDEXED BY "{index}"'
                for (rowid,) in self.conn.execute(query):
                    known.add(rowid)
            except READ_ERRORS:
                continue
            whole = True
        return known, whole

    def _full_indexes(self) -> Iterable[str]:
        """The table's indexes that hold a row for every row (not the partial ones)."""
        try:
            rows = self.conn.execute(f'PRAGMA index_list("{self.table}")').fetchall()
        except READ_ERRORS:
            return []
        return [str(name) for _seq, name, _unique, _origin, partial in rows if not partial]

    def _largest_rowid(self, known: set[int], after: int) -> int:
        """The largest rowid the table can hold: its largest, or when that cannot be read,
        as many as its file has room for (no row takes fewer than :data:`SMALLEST_ROW`
        bytes)."""
        try:
            top = self.conn.execute(f'SELECT max(rowid) FROM "{self.table}"').fetchone()[0]
        except READ_ERRORS:
            top = None
        if top is None and not known:
            try:
                pages, size = (
                    self.conn.execute(f"PRAGMA {pragma}").fetchone()[0]
                    for pragma in ("page_count", "page_size")
                )
            except READ_ERRORS:
                return after
            top = after + pages * (size // SMALLEST_ROW)
        return max(value for value in (top, max(known, default=after), after) if value is not None)


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'
