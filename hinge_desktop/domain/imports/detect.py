"""Which export a file is, told from its first line, and reading it with the right parser."""

from __future__ import annotations

from types import ModuleType

from hinge_desktop.domain.imports import fitnotes, hevy, hinge_csv, hinge_json, strong
from hinge_desktop.domain.imports.csv_rows import UnreadableRecord, header_of, sniff_delimiter
from hinge_desktop.domain.imports.model import (
    KNOWN_FORMATS,
    Localise,
    ParsedFile,
    Progress,
    UnknownFormat,
)
from hinge_desktop.domain.imports.text_source import TextSource

PARSERS: tuple[ModuleType, ...] = (hinge_json, hinge_csv, strong, hevy, fitnotes)
"""Tried in this order; the first whose ``matches`` accepts the header reads the file."""


def detect(text: str | TextSource) -> ModuleType:
    """The parser module for ``text``, told from its first line alone (nothing after it is
    read); raises :class:`UnknownFormat` naming the known formats."""
    first = TextSource.of(text).first_line.strip()
    if not first:
        raise UnknownFormat(f"The file is empty. Hinge imports: {KNOWN_FORMATS}.")
    delimiter = sniff_delimiter(first, (",", ";", "\t"))
    unreadable: UnreadableRecord | None = None
    try:
        header = header_of(first, delimiter)
    except UnreadableRecord as exc:
        # A known header with one huge cell is still told; its parser names the line.
        header = [cell.strip().strip('"') for cell in first.split(delimiter)]
        unreadable = exc
    for parser in PARSERS:
        if parser.matches(header):
            return parser
    if unreadable is not None:
        raise UnknownFormat(
            f"line 1: {unreadable.reason}, so it is not the header of an export Hinge knows. "
            f"Hinge imports: {KNOWN_FORMATS}."
        )
    shown = first if len(first) <= 80 else first[:77] + "…"
    raise UnknownFormat(
        f"The file's first line (“{shown}”) is not the header of an export Hinge knows. "
        f"Hinge imports: {KNOWN_FORMATS}."
    )


def parse_text(
    text: str | TextSource, localise: Localise, progress: Progress | None = None
) -> ParsedFile:
    """Read ``text`` with the parser its header calls for."""
    source = TextSource.of(text)
    parsed: ParsedFile = detect(source).parse(source, localise, progress)
    return parsed
