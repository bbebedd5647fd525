"""Loading as the articles set it: bands open it."""

from __future__ import annotations

from drill_catalogue import CATALOGUE

from hinge_desktop.domain.drills import Equipment, Phase
from hinge_desktop.domain.ladder import asks_easily
from hinge_desktop.domain.routines import routine_for_phase


def test_the_band_resisted_hip_thrust_is_a_light_loading_hinge_not_activation() -> None:
    # A band pulls the hips back in a standing hinge: bands open loading (seed 000), and the
    # article that teaches it puts it after the dowel drill (seed 001).
    drill = CATALOGUE.get("band-resisted-hip-thrust")
    assert drill.phase is Phase.LIGHT_LOADING
    assert Equipment.BAND in drill.equipment
    assert asks_easily(drill, Phase.LIGHT_LOADING)
    assert drill.regression == "glute-bridge"
    assert all(CATALOGUE.get(other).phase < drill.phase for other in drill.easier)
    activation = routine_for_phase(Phase.ACTIVATION, CATALOGUE)
    assert drill.id not in {item.drill_id for item in activation.entries}
