"""Opening an export file for its parser: refused at once when its first bytes are no text or
its first line is no header Hinge knows; else checked whole (its encoding, its lines) and then
streamed, so that no file is ever held in memory whole.

The file is read a chunk at a time three times: its first line (to tell the format), all of it
(is it UTF-8 throughout, else Windows-1252; how many lines for the progress), and its text for
the parser.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from hinge_desktop.domain.imports.detect import detect
from hinge_desktop.domain.imports.encodings import CODECS, TextCheck, head_encoding, not_text
from hinge_desktop.domain.imports.model import TextEncoding, UnknownFormat
from hinge_desktop.domain.imports.text_source import TextSource

MAX_BYTES = 256 * 1024 * 1024
"""A training export is a few megabytes (ten years of daily training, about 10 MB); a file far
larger is something else."""

HEAD_BYTES = 64 * 1024
"""The bytes judged before anything else: is this text at all?"""

CHUNK_BYTES = 1024 * 1024

UTF8_MARK = b"\xef\xbb\xbf"


@contextmanager
def export_text(path: Path) -> Iterator[TextSource]:
    """The text of the export at ``path``, streamed; raises :class:`UnknownFormat` for a file
    too large, not text, or whose first line is no header Hinge knows (then nothing after
    the first line was read), and ``OSError`` when it cannot be read."""
    with path.open("rb") as raw:
        size = os.fstat(raw.fileno()).st_size
        if size > MAX_BYTES:
            raise UnknownFormat(
                f"{path.name} is too large to be a training export "
                f"({size / 1e6:,.0f} MB; an export of years of training is a few MB)."
            )
        head = raw.read(HEAD_BYTES)
        guessed = head_encoding(head, whole=len(head) == size, name=path.name)
    with path.open(encoding=CODECS[guessed], errors="replace", newline="") as first:
        detect(TextSource(first, 0, guessed))
    encoding, lines = _check_whole(path, guessed)
    with path.open("rb") as raw:
        if encoding is TextEncoding.WINDOWS_1252 and raw.read(3) != UTF8_MARK:
            raw.seek(0)  # a UTF-8 file with a stray Windows byte keeps no mark of UTF-8
        with io.TextIOWrapper(raw, encoding=CODECS[encoding], newline="") as text:
            yield TextSource(text, lines, encoding)


def _check_whole(path: Path, guessed: TextEncoding) -> tuple[TextEncoding, int]:
    """The encoding the whole file is in, and its lines: UTF-8 as the start promised, else
    Windows-1252; raises :class:`UnknownFormat` when it is neither."""
    tried = [guessed]
    if guessed is TextEncoding.UTF8:
        tried.append(TextEncoding.WINDOWS_1252)
    for encoding in tried:
        with path.open("rb") as raw:
            lines = _lines_in(raw, encoding)
        if lines is not None:
            return encoding, lines
    raise not_text(path.name)


def _lines_in(raw: BinaryIO, encoding: TextEncoding) -> int | None:
    check = TextCheck(encoding)
    while chunk := raw.read(CHUNK_BYTES):
        if not check.feed(chunk):
            return None
    return check.lines if check.feed(b"", final=True) else None
