"""CSV files written for tests, with the line each record starts on."""

from __future__ import annotations

import csv
import io


def written_with_starts(
    header: str | list[str], rows: list[list[str]], delimiter: str = ","
) -> tuple[str, list[int]]:
    """``header`` (a line as it stands, or cells to write as a record) and ``rows`` as a CSV
    file, and the line each non-blank row's record starts on (a cell with line breaks makes a
    record of several lines)."""
    parts = [header + "\n" if isinstance(header, str) else _record(header, delimiter)]
    starts: list[int] = []
    line = 2
    for row in rows:
        written = _record(row, delimiter)
        if any(cell.strip() for cell in row):
            starts.append(line)
        line += len(io.StringIO(written, newline="").readlines())
        parts.append(written)
    return "".join(parts), starts


def _record(cells: list[str], delimiter: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerow(cells)
    return buffer.getvalue()
