"""The text of an export as its parsers read it: line by line, once, from a string or streamed
from a file, with its first line at hand (to tell the format) and its number of lines (for
progress).

A file is never held whole: its lines are read as they are parsed, each at most
:data:`MAX_LINE` characters, so junk without line ends cannot fill the memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Protocol

from hinge_desktop.domain.imports.model import TextEncoding

MAX_LINE = 1024 * 1024
"""The longest line read, in characters; an export's lines are a few hundred."""


class LineTooLong(ValueError):
    """A line runs on past :data:`MAX_LINE` characters: not a line of an export."""

    def __init__(self) -> None:
        super().__init__(f"a line is longer than {MAX_LINE:,} characters")


class Readable(Protocol):
    def readline(self, size: int = -1, /) -> str: ...

    def read(self, size: int = -1, /) -> str: ...


class TextSource:
    """Lines of text, each with its line end ("\\n", "\\r\\n" or "\\r", as a CSV reader wants
    them), read once; a byte-order mark at the start is left out."""

    def __init__(
        self,
        stream: Readable,
        total_lines: int,
        encoding: TextEncoding = TextEncoding.UTF8,
    ) -> None:
        self._stream = stream
        self.total_lines = total_lines
        """How many lines the text has (progress is reported against it)."""
        self.encoding = encoding
        self._first: str | None = None
        """The first line as read, with its line end."""
        self._taken = False

    @classmethod
    def of(cls, text: str | TextSource) -> TextSource:
        """``text`` itself if it is a source already, else a source reading the string."""
        if isinstance(text, TextSource):
            return text
        text = text.removeprefix("\ufeff")
        return cls(io.StringIO(text, newline=""), count_lines(text))

    @property
    def first_line(self) -> str:
        """The first line without its line end ("" for an empty text); of a first line longer
        than :data:`MAX_LINE`, its start."""
        return self._head()[:MAX_LINE].rstrip("\r\n")

    def _head(self) -> str:
        """The first line as read, with its line end, without a byte-order mark."""
        if self._first is None:
            self._first = self._stream.readline(MAX_LINE + 1).removeprefix("\ufeff")
        return self._first

    def lines(self) -> Iterator[str]:
        """Every line, the first included; raises :class:`LineTooLong` at a line too long."""
        self._take()
        line = self._head()
        while line:
            if len(line) > MAX_LINE and not line.endswith(("\n", "\r")):
                raise LineTooLong()
            yield line
            line = self._stream.readline(MAX_LINE + 1)

    def read(self) -> str:
        """The whole text, whatever the length of its lines (for JSON, which is read at once:
        a JSON file may be a single line)."""
        self._take()
        return self._head() + self._stream.read()

    def _take(self) -> None:
        if self._taken:
            raise RuntimeError("a text source is read once")
        self._taken = True


def count_lines(text: str) -> int:
    """The lines of ``text`` as a CSV reader meets them: ended by "\\n", "\\r\\n" or "\\r"."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    return ends + (1 if text and not text.endswith(("\n", "\r")) else 0)
