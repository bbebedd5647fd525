"""The command line, run as a person runs it: a separate process."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from hinge_desktop import __version__
from hinge_desktop.ui.shell.navigation import VIEWS


def hinge(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hinge_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_version_prints_name_and_version() -> None:
    result = hinge("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"hinge-desktop {__version__}"


def test_an_unknown_option_gives_the_usage_error() -> None:
    result = hinge("--frobnicate")
    assert result.returncode == 2
    assert "usage: hinge-desktop" in result.stderr
    assert "unrecognized arguments: --frobnicate" in result.stderr


def test_an_unknown_view_is_named_in_the_error() -> None:
    result = hinge("--screenshot", "calendar", "out.png")
    assert result.returncode == 2
    assert "unknown view 'calendar'" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("view", VIEWS)
def test_screenshot_writes_a_1280x800_png_of_each_view(view: str, data_dir: Path) -> None:
    out = data_dir.parent / f"{view}.png"
    result = hinge(
        "--data-dir",
        str(data_dir),
        "--screenshot",
        view,
        str(out),
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1280, 800)
    assert (data_dir / "hinge.sqlite3").exists()
    assert result.stderr == ""


@pytest.mark.slow
def test_screenshot_into_a_missing_folder_says_which(data_dir: Path) -> None:
    out = data_dir / "no" / "such" / "folder" / "x.png"
    result = hinge("--data-dir", str(data_dir), "--screenshot", "drills", str(out))
    assert result.returncode == 1
    assert f"the folder {out.parent} does not exist" in result.stderr


@pytest.mark.slow
def test_screenshot_refuses_a_database_from_a_newer_hinge(data_dir: Path) -> None:
    import sqlite3

    from hinge_desktop.storage.database import open_database

    open_database(data_dir / "hinge.sqlite3").close()
    conn = sqlite3.connect(data_dir / "hinge.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    out = data_dir.parent / "x.png"
    result = hinge("--data-dir", str(data_dir), "--screenshot", "drills", str(out))
    assert result.returncode == 2
    assert "data format 99" in result.stderr
    assert not out.exists()


def test_a_data_dir_that_is_a_file_is_refused_with_its_name(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = hinge("--data-dir", str(blocker), "--screenshot", "drills", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert f"The data folder {blocker} exists but is not a folder" in result.stderr
