"""The command line's ``--unit`` offers exactly the units the log knows, and parsing it loads no
more than the window's first paint needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hinge_desktop.cli.options import UNITS, parse_args
from hinge_desktop.domain.training import Unit


def test_unit_choices_are_the_units_of_the_log() -> None:
    assert set(UNITS) == {unit.value for unit in Unit}


@pytest.mark.parametrize("unit", list(Unit))
def test_a_unit_given_is_parsed_into_the_log_unit(unit: Unit) -> None:
    options = parse_args(["--import", "sets.csv", "--unit", unit.value])
    assert options.import_unit is unit
    assert options.import_file == Path("sets.csv")


def test_an_unknown_unit_is_refused_naming_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_args(["--import", "sets.csv", "--unit", "stone"])
    assert exited.value.code == 2
    assert "'kg', 'lb'" in capsys.readouterr().err


def test_starting_the_window_loads_neither_the_domain_nor_sockets() -> None:
    """What runs before the first paint: the command line and the composition root."""
    code = (
        "import sys; from hinge_desktop.app import run; from hinge_desktop.cli.options import "
        "parse_args; parse_args(['--data-dir', 'd']); "
        "print(sorted(m for m in ('hinge_desktop.domain.training', 'socket') if m in sys.modules))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"
