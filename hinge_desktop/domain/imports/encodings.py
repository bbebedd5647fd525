"""How the bytes of an export file are text: UTF-8 (with or without a byte-order mark), UTF-16
with a byte-order mark (as spreadsheet programs save it), or else Windows-1252 (what Excel on
Windows saves a CSV as). Pure: it judges the bytes it is handed, a chunk at a time, so a file is
never held whole.
"""

from __future__ import annotations

import codecs

from hinge_desktop.domain.imports.model import KNOWN_FORMATS, TextEncoding, UnknownFormat

CODECS = {
    TextEncoding.UTF8: "utf-8-sig",
    TextEncoding.UTF16: "utf-16",
    TextEncoding.WINDOWS_1252: "cp1252",
}
"""Python's codec for each encoding (UTF-8's drops a byte-order mark)."""

UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def not_text(name: str) -> UnknownFormat:
    return UnknownFormat(
        f"{name} is not a text file, so it cannot be a training export. "
        f"Hinge imports: {KNOWN_FORMATS}."
    )


def head_encoding(head: bytes, whole: bool, name: str = "The file") -> TextEncoding:
    """The encoding the first bytes of a file are in (``whole``: they are the whole file);
    raises :class:`UnknownFormat` when they are no text at all."""
    if head.startswith(UTF16_MARKS):
        if TextCheck(TextEncoding.UTF16).feed(head, final=whole):
            return TextEncoding.UTF16
        raise not_text(name)
    if b"\x00" in head:
        raise not_text(name)
    for encoding in (TextEncoding.UTF8, TextEncoding.WINDOWS_1252):
        if TextCheck(encoding).feed(head, final=whole):
            return encoding
    raise not_text(name)


class TextCheck:
    """A file's bytes, fed in order: whether they are text in ``encoding`` (no byte that is not,
    no NUL character), and how many lines they make as a CSV reader meets them."""

    def __init__(self, encoding: TextEncoding) -> None:
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(CODECS[encoding])()
        self._ends = 0
        self._last = ""

    def feed(self, chunk: bytes, final: bool = False) -> bool:
        """False as soon as the bytes are not text in the encoding."""
        try:
            text = self._decoder.decode(chunk, final)
        except UnicodeDecodeError:
            return False
        if "\x00" in text:
            return False
        if text:
            self._ends += text.count("\n") + text.count("\r") - text.count("\r\n")
            if self._last == "\r" and text[0] == "\n":
                self._ends -= 1  # a "\r\n" split between two chunks is one line end
            self._last = text[-1]
        return True

    @property
    def lines(self) -> int:
        """The lines fed so far: those ended, and a last one without a line end."""
        return self._ends + (1 if self._last not in ("", "\n", "\r") else 0)
