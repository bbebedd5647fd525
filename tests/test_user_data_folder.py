"""Without ``--data-dir``, Hinge keeps its log where ``platformdirs`` says, whatever the
environment, although it does not import ``platformdirs`` on Linux to find it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from child_processes import loaded_by
from platformdirs import user_data_path

from hinge_desktop import APP_NAME
from hinge_desktop.paths import DataPaths, user_data_folder

XDG = [None, "/srv/data", "/srv/data/", "relative/data", "", "  /srv/data", "~/data"]
HOMES = ["/home/ada", "/home/ada/", "/"]


@pytest.mark.parametrize("xdg", XDG)
@pytest.mark.parametrize("home", HOMES)
def test_the_folder_is_the_one_platformdirs_gives(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str
) -> None:
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert user_data_folder() == user_data_path(APP_NAME, appauthor=False)


def test_a_relative_home_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "ada")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert user_data_folder() == user_data_path(APP_NAME, appauthor=False)


@pytest.mark.skipif(sys.platform != "linux", reason="$XDG_DATA_HOME is a Linux convention")
def test_no_data_dir_means_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert DataPaths.resolve(None).root == tmp_path / APP_NAME


@pytest.mark.skipif(sys.platform != "linux", reason="platformdirs is imported elsewhere")
def test_finding_the_folder_does_not_load_platformdirs() -> None:
    code = "from hinge_desktop.paths import DataPaths\nDataPaths.resolve(None)"
    assert loaded_by(code, ("platformdirs",)) == []
