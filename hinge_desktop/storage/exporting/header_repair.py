"""A copy of a log whose header is lost (its first 100 bytes zeroed or overwritten, so SQLite
says "file is not a database"), given a header made anew, so that the rows behind it can be read.

The header says how big a page is and how many there are; the pages themselves, the schema on
the first one included, still hold every row. A new header is tried for each page size the file
could have, and kept when SQLite then finds Hinge's tables in the schema. The copy is made in a
private temporary folder; the log itself is not touched.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hinge_desktop.storage.exporting.table_reader import READ_ERRORS, TextDecoder
from hinge_desktop.storage.migrations import APPLICATION_ID

HEADER_SIZE = 100
MAGIC = b"SQLite format 3\x00"
PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)
"""SQLite's default page size first, then every other it allows."""
HINGE_TABLES = {"sets", "workouts", "hinge_meta"}


@contextlib.contextmanager
def with_new_header(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection to a copy of the log at ``path`` with a new header, or None when
    its header is not what is wrong or no new header makes its schema readable."""
    try:
        size = path.stat().st_size
    except OSError:
        yield None
        return
    sizes = [page for page in PAGE_SIZES if size >= 2 * page and size % page == 0]
    if not sizes:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="hinge-export-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        for page_size in sizes:
            conn = _try(copy, page_size, size // page_size)
            if conn is None:
                continue
            try:
                yield conn
            finally:
                conn.close()
            return
        yield None


def _try(copy: Path, page_size: int, pages: int) -> sqlite3.Connection | None:
    with copy.open("r+b") as file:
        file.write(new_header(page_size, pages))
    try:
        conn = sqlite3.connect(f"{copy.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    conn.text_factory = TextDecoder()
    try:
        conn.execute("PRAGMA writable_schema = ON")
        tables = {str(row[0]) for row in conn.execute("SELECT tbl_name FROM sqlite_master")}
        conn.execute("PRAGMA writable_schema = OFF")
    except READ_ERRORS:
        tables = set()
    if tables >= HINGE_TABLES:
        return conn
    conn.close()
    return None


def new_header(page_size: int, pages: int) -> bytes:
    """A header for a Hinge log of ``pages`` pages of ``page_size`` bytes, read without a
    write-ahead log. Its data format is left at 0: the schema's record of the migrations
    applied tells it. The free-page list is left empty (its pages are not needed to read)."""
    return b"".join(
        (
            MAGIC,
            struct.pack(">H", page_size if page_size < 65536 else 1),
            bytes((1, 1, 0, 64, 32, 32)),  # rollback journal; no reserved bytes; payloads
            struct.pack(">I", 1),  # change counter
            struct.pack(">I", pages),
            struct.pack(">II", 0, 0),  # no free pages
            struct.pack(">I", 1),  # schema cookie
            struct.pack(">I", 4),  # schema format
            struct.pack(">III", 0, 0, 1),  # cache size, no auto-vacuum, UTF-8
            struct.pack(">I", 0),  # user_version
            struct.pack(">I", 0),  # no incremental vacuum
            struct.pack(">I", APPLICATION_ID),
            bytes(20),
            struct.pack(">I", 1),  # valid for the change counter above
            struct.pack(">I", _version_number()),
        )
    )


def _version_number() -> int:
    major, minor, patch = sqlite3.sqlite_version_info
    return major * 1_000_000 + minor * 1_000 + patch
