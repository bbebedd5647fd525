"""Text cells that a spreadsheet would run as formulas, made safe in a CSV and read back exactly.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken by
spreadsheets as a formula (``=HYPERLINK(…)``, ``=cmd|'/C calc'!A0``), and drill names, workout
names and notes can arrive from other apps' files. Such a cell is written with a leading
apostrophe, the mark spreadsheets read as "this is text"; Hinge's own import takes it off again,
so a note round-trips exactly. A cell that already starts with apostrophes before such a
character gets one more, so that it too comes back as it was.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula."""

TEXT_MARK = "'"


def _needs_mark(text: str) -> bool:
    rest = text.lstrip(TEXT_MARK)
    return rest.startswith(FORMULA_STARTS)


def escape_cell(text: str) -> str:
    """``text`` as written into a CSV cell: with a leading apostrophe where a spreadsheet would
    otherwise run it."""
    return TEXT_MARK + text if _needs_mark(text) else text


def unescape_cell(text: str) -> str:
    """The text a cell written by :func:`escape_cell` holds."""
    if text.startswith(TEXT_MARK) and _needs_mark(text[1:]):
        return text[1:]
    return text
