"""CSV files written for tests, with the line each record starts on."""

from __future__ import annotations

import csv
import io


def written_with_starts(header: str, rows: list[list[str]]) -> tuple[str, list[int]]:
    """``header`` and ``rows`` as a CSV file, and the line each non-blank row's record starts
    on (a cell with line breaks makes a record of several lines)."""
    parts = [header + "\n"]
    starts: list[int] = []
    line = 2
    for row in rows:
        buffer = io.StringIO()
        csv.writer(buffer).writerow(row)
        written = buffer.getvalue()
        if any(cell.strip() for cell in row):
            starts.append(line)
        line += len(io.StringIO(written, newline="").readlines())
        parts.append(written)
    return "".join(parts), starts
