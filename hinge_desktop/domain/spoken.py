"""How long a cue takes to say, so that no two are planned over each other.

An estimate from the letters, calibrated against espeak-ng at Hinge's default rate (170 words a
minute): "squeeze the glutes" is heard for about 1.1 s, "brace" 0.4 s, "12" 0.45 s, and a comma
adds a pause. It errs long, since two cues spoken at once are heard as neither.
"""

from __future__ import annotations

SHORTEST = 0.5
"""Even a one-syllable count takes about this long."""

_START = 0.15
_PER_CHARACTER = 0.055
_PER_PAUSE = 0.3
_MARGIN = 1.1


def spoken_seconds(text: str) -> float:
    """About how many seconds ``text`` takes to say at the default rate."""
    pauses = sum(text.count(mark) for mark in ",:;")
    estimate = (_START + _PER_CHARACTER * len(text) + _PER_PAUSE * pauses) * _MARGIN
    return max(SHORTEST, estimate)
