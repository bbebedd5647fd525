"""Which export a file is, told from its first line, and reading it with the right parser."""

from __future__ import annotations

from types import ModuleType

from hinge_desktop.domain.imports import fitnotes, hevy, hinge_csv, hinge_json, strong
from hinge_desktop.domain.imports.csv_rows import header_of, sniff_delimiter
from hinge_desktop.domain.imports.model import (
    KNOWN_FORMATS,
    ImportFormat,
    Localise,
    ParsedFile,
    Progress,
    UnknownFormat,
)

PARSERS: tuple[ModuleType, ...] = (hinge_json, hinge_csv, strong, hevy, fitnotes)
"""Tried in this order; the first whose ``matches`` accepts the header reads the file."""

MAX_BYTES = 512 * 1024 * 1024
"""A training export is a few megabytes; a file far larger is something else."""


def decode(data: bytes, name: str = "The file") -> str:
    """The text of an export file: UTF-8 (with or without a byte-order mark) or UTF-16 with
    one, as spreadsheet programs save it. Raises :class:`UnknownFormat` for anything else."""
    if len(data) > MAX_BYTES:
        raise UnknownFormat(f"{name} is too large to be a training export.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        else:
            if "\x00" not in text:
                return text
    raise UnknownFormat(
        f"{name} is not a text file, so it cannot be a training export. "
        f"Hinge imports: {KNOWN_FORMATS}."
    )


def detect(text: str) -> ModuleType:
    """The parser module for ``text``; raises :class:`UnknownFormat` naming the known formats."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if not first:
        raise UnknownFormat(f"The file is empty. Hinge imports: {KNOWN_FORMATS}.")
    header = header_of(first, sniff_delimiter(first, (",", ";", "\t")))
    for parser in PARSERS:
        if parser.matches(header):
            return parser
    shown = first if len(first) <= 80 else first[:77] + "…"
    raise UnknownFormat(
        f"The file's first line (“{shown}”) is not the header of an export Hinge knows. "
        f"Hinge imports: {KNOWN_FORMATS}."
    )


def detect_format(text: str) -> ImportFormat:
    format_: ImportFormat = detect(text).FORMAT
    return format_


def parse_text(text: str, localise: Localise, progress: Progress | None = None) -> ParsedFile:
    """Read ``text`` with the parser its header calls for."""
    parsed: ParsedFile = detect(text).parse(text, localise, progress)
    return parsed
