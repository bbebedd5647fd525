"""The command line's ``--unit`` offers exactly the units the log knows, and parsing it loads no
more than the window's first paint needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from child_processes import loaded_by

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
        "from hinge_desktop.app import run\nfrom hinge_desktop.cli.options import parse_args\n"
        "parse_args(['--data-dir', 'd'])"
    )
    assert loaded_by(code, ("hinge_desktop.domain.training", "socket")) == []


def test_no_arguments_mean_the_parser_s_defaults() -> None:
    """A plain ``hinge-desktop`` is not parsed; its options are what the parser would give."""
    from hinge_desktop.cli.options import build_parser

    ns = build_parser().parse_args([])
    options = parse_args([])
    assert options.data_dir == ns.data_dir
    assert ns.screenshot is None
    assert (options.screenshot_view, options.screenshot_file) == (None, None)
    assert options.export_file == ns.export
    assert options.demo == ns.demo
    assert options.import_file == ns.import_file
    assert options.import_unit == ns.unit


def test_a_plain_start_does_not_build_the_parser() -> None:
    code = "sys.argv[1:] = []\nfrom hinge_desktop.cli.options import parse_args\nparse_args()"
    assert loaded_by(code, ("argparse",)) == []
