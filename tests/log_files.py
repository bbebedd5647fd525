"""Training logs and their backups read as files, read-only: not opened as Hinge opens a log,
which could migrate it or back it up."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def sets_in(path: Path) -> int:
    """How many sets the log or backup at ``path`` holds."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        count: int = conn.execute("SELECT count(*) FROM sets").fetchone()[0]
        return count
    finally:
        conn.close()
