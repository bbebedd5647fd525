"""The command-line contract of ``hinge-desktop`` (see the README).

Parsing lives apart from the composition root so that ``--version`` and usage errors answer
without importing Qt. A plain ``hinge-desktop``, the way the window is usually opened, has
nothing to parse and does not build the parser (which takes a few milliseconds before the
window can paint).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from hinge_desktop import COMMAND, __version__
from hinge_desktop.ui.shell.navigation import VIEWS

if TYPE_CHECKING:
    import argparse

    from hinge_desktop.domain.training import Unit

UNITS = ("kg", "lb")
"""The values of ``Unit``, spelled here so that starting the window does not load the domain."""


class Options(NamedTuple):
    data_dir: Path | None
    screenshot_view: str | None
    screenshot_file: Path | None
    export_file: Path | None = None
    demo: bool = False
    import_file: Path | None = None
    import_unit: Unit | None = None
    """The unit of ``--import``'s weights (``--unit``); None: told from the numbers."""
    analyse_file: Path | None = None
    analyse_drill: str | None = None


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog=COMMAND,
        description="Hinge: a desktop coach for the hip hinge.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="keep the database, backups and settings in DIR "
        "(default: the platform's user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="fill an empty database with two years of generated training and open Hinge "
        "(a database that has sets already is left as it is)",
    )
    parser.add_argument(
        "--import",
        dest="import_file",
        metavar="FILE",
        type=Path,
        help="add the sets of a Strong, Hevy, FitNotes or Hinge export (CSV or JSON; the format "
        "is told from its first line) to the log, print a summary and exit; a file with bad "
        "lines is not imported at all",
    )
    parser.add_argument(
        "--unit",
        choices=UNITS,
        help="with --import: the unit of weights the file does not give one for (without it, "
        "Hinge tells the unit from the numbers and says why, or refuses when they do not tell)",
    )
    parser.add_argument(
        "--export",
        metavar="FILE",
        type=Path,
        help="write every logged set to FILE as Hinge CSV (or, for a FILE ending in .json, the "
        "whole log as Hinge JSON) and exit; it only reads the log, so it also works on a "
        "read-only or damaged log (exit 0: all of it; 3: all that could be read, or the newest "
        "good backup, as stderr says; 2: nothing could be read; 1: FILE cannot be written)",
    )
    parser.add_argument(
        "--analyse",
        metavar="VIDEO",
        type=Path,
        help="with --drill: count the reps in a clip filmed from the side and print, for each, "
        "the deepest hip bend, the knee there and the cues the camera would give, then exit "
        "(needs the pose assist: pip install 'hinge-desktop[pose]')",
    )
    parser.add_argument(
        "--drill",
        metavar="ID",
        help="with --analyse: the drill done in the clip (a standing hinge drill's id)",
    )
    parser.add_argument(
        "--screenshot",
        nargs=2,
        metavar=("VIEW", "FILE"),
        help=f"render the main window at 1280x800 with VIEW ({', '.join(VIEWS)}) "
        "into the PNG file FILE and exit",
    )
    parser.add_argument("--version", action="version", version=f"{COMMAND} {__version__}")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> Options:
    """Parse the command line (``sys.argv[1:]`` if ``argv`` is None); exits with argparse's
    usage message on a bad option."""
    if not (sys.argv[1:] if argv is None else argv):
        return Options(data_dir=None, screenshot_view=None, screenshot_file=None)
    parser = build_parser()
    ns = parser.parse_args(argv)
    view = file = None
    if ns.screenshot is not None:
        view, raw_file = ns.screenshot
        if view not in VIEWS:
            parser.error(f"--screenshot: unknown view {view!r} (choose from {', '.join(VIEWS)})")
        file = Path(raw_file)
        if file.suffix.lower() != ".png":
            parser.error(f"--screenshot: {raw_file!r} must be a .png file")
    unit = None
    if ns.unit is not None:
        from hinge_desktop.domain.training import Unit

        unit = Unit(ns.unit)
    if (ns.analyse is None) != (ns.drill is None):
        parser.error("--analyse VIDEO and --drill ID go together: the clip and the drill in it")
    if ns.import_file is None and unit is not None:
        parser.error("--unit goes with --import FILE: it is the unit of that file's weights")
    return Options(
        data_dir=ns.data_dir,
        screenshot_view=view,
        screenshot_file=file,
        export_file=ns.export,
        demo=ns.demo,
        import_file=ns.import_file,
        import_unit=unit,
        analyse_file=ns.analyse,
        analyse_drill=ns.drill,
    )
