"""How far a long ``--import`` has got, on standard error (standard output keeps the one-line
summary alone).

On a terminal, one line is rewritten in place as the work goes ("Reading strong.csv: 45%
(450,000 of 1,000,000 lines)") and wiped when a step ends. Elsewhere (a log, a pipe), a line is
printed every :data:`EVERY` rows, so an import of a few thousand rows prints nothing at all.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

EVERY = 100_000
"""Rows between two progress lines where standard error is no terminal."""

Report = Callable[[int, int], None]


class ProgressLines:
    """Writes the progress of each step of an import to ``stream``: rewritten in place when
    ``live``, else one line each ``every`` rows."""

    def __init__(self, stream: TextIO, *, live: bool, every: int = EVERY) -> None:
        self._stream = stream
        self._live = live
        self._every = every
        self._shown = False

    @classmethod
    def on_stderr(cls) -> ProgressLines:
        """Live on a terminal, else a line every :data:`EVERY` rows."""
        stream = sys.stderr
        return cls(stream, live=stream.isatty())

    def step(self, doing: str, things: str) -> Report:
        """The progress callback of one step ("Reading strong.csv", counted in "lines")."""
        last = {"percent": -1, "printed": 0}

        def report(done: int, total: int) -> None:
            if self._live:
                percent = done * 100 // max(total, 1)
                if percent != last["percent"]:
                    last["percent"] = percent
                    self._stream.write(
                        f"\r{doing}: {percent}% ({done:,} of {total:,} {things})\x1b[K"
                    )
                    self._stream.flush()
                    self._shown = True
            elif done // self._every > last["printed"] // self._every or (
                done == total and last["printed"] and last["printed"] != total
            ):
                last["printed"] = done
                print(f"hinge-desktop: {doing}: {done:,} of {total:,} {things}", file=self._stream)

        return report

    def end(self) -> None:
        """Wipe the line a terminal shows (the summary or a message comes next)."""
        if self._live and self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False
