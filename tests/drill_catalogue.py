"""The drill catalogue that ships with Hinge, loaded once for the whole run, and the lookups from
it that tests build their expectations from.

Tests take it as the ``catalogue`` fixture; this module is for what needs it when a test module
is imported (parametrize lists, hypothesis strategies, tables) and for the helpers those use.
"""

from __future__ import annotations

from hinge_desktop.domain.catalogue import builtin_catalogue
from hinge_desktop.domain.drills import Phase
from hinge_desktop.domain.routines import Routine, builtin_routines

CATALOGUE = builtin_catalogue()

NAMES = {drill.id: drill.name for drill in CATALOGUE}
"""Each drill's name by its id."""

PAIRS = [(drill.id, drill.name) for drill in CATALOGUE]
"""Each drill's id and name, in catalogue order, as an import plan takes them."""

UNITS = {drill.id: drill.check.unit for drill in CATALOGUE if drill.check and drill.check.unit}
"""The unit of each check that measures in one."""


def builtin_on_every_rung() -> dict[str, Routine]:
    """Every built-in routine a person can be offered on some rung of the ladder, each once: by
    its id, or "id@rung" for another choice of drills on a higher rung (an assistance routine)."""
    found: dict[str, Routine] = {}
    for rung in Phase:
        for routine in builtin_routines(CATALOGUE, rung):
            if routine not in found.values():
                key = routine.id if routine.id not in found else f"{routine.id}@{int(rung)}"
                found[key] = routine
    return found
