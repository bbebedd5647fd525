"""Start at login: the XDG autostart entry written when the person turns it on (valid by
desktop-file-validate, starting this Hinge on its data folder), removed when turned off; in a
Flatpak sandbox the Background portal is asked instead."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from desktop_bus import StandIns
from hinge_window import HingeWindow
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot
from system_tools import require

from hinge_desktop import APP_ID
from hinge_desktop.ui.desktop.autostart import (
    ENTRY_NAME,
    Autostart,
    autostart_entry,
    autostart_folder,
    launch_command,
)
from hinge_desktop.ui.desktop.bus_calls import DesktopBus
from hinge_desktop.ui.preferences import START_AT_LOGIN

Desktop = Callable[..., StandIns]


def test_the_entry_is_valid_and_starts_hinge_on_a_folder_with_awkward_characters(
    tmp_path: Path,
) -> None:
    require("desktop-file-validate", "desktop-file-utils")
    folder = tmp_path / 'My "data" $HOME 100%'
    entry = tmp_path / ENTRY_NAME
    entry.write_text(autostart_entry(["/usr/bin/hinge-desktop", "--data-dir", str(folder)]))
    checked = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    # As the specification reads it: the string's escapes first (two backslashes are one),
    # then the quoting's (one backslash before " and $ inside the quotes).
    assert exec_line == (
        'Exec=/usr/bin/hinge-desktop --data-dir "'
        + str(tmp_path)
        + '/My \\\\"data\\\\" \\\\$HOME 100%%"'
    )


def test_the_command_names_the_data_folder_only_when_it_is_not_the_usual_one(
    tmp_path: Path,
) -> None:
    assert "--data-dir" not in launch_command(None)
    assert launch_command(tmp_path)[-2:] == ["--data-dir", str(tmp_path)]


def test_turning_start_at_login_on_writes_the_entry_and_off_removes_it(
    hinge: HingeWindow,
) -> None:
    entry = autostart_folder() / ENTRY_NAME  # in this test's own config folder
    assert not entry.exists()
    hinge.show("settings")
    box = hinge.widget(QCheckBox, "startAtLoginCheck")
    box.click()
    assert hinge.preferences.get(START_AT_LOGIN) is True
    text = entry.read_text()
    assert f"Icon={APP_ID}" in text
    assert f"--data-dir {hinge.paths.root}" in text or str(hinge.paths.root) in text
    box.click()
    assert not entry.exists()


def test_a_folder_that_cannot_be_written_is_told(qtbot: QtBot, tmp_path: Path) -> None:
    blocked = tmp_path / "autostart"
    blocked.write_text("a file where the folder should be")
    bus = DesktopBus()
    autostart = Autostart(bus, lambda: ["hinge-desktop"], sandboxed=False, folder=blocked)
    messages: list[str] = []
    autostart.message.connect(messages.append)
    autostart.follow(True)
    assert len(messages) == 1
    assert "could not change whether it starts at login" in messages[0]
    bus.shutdown()


def test_in_a_sandbox_the_background_portal_is_asked(
    qtbot: QtBot, desktop: Desktop, tmp_path: Path
) -> None:
    portal = desktop("portal")
    bus = DesktopBus()
    autostart = Autostart(bus, lambda: ["hinge-desktop"], sandboxed=True, folder=tmp_path)
    autostart.follow(True)
    qtbot.waitUntil(lambda: portal.records("portal", "RequestBackground") != [])
    [(_, autostart_on, commandline, reason)] = portal.records("portal", "RequestBackground")
    assert autostart_on is True
    assert commandline == ["hinge-desktop"]
    assert reason == "To remind you of your activation snacks"
    assert not (tmp_path / ENTRY_NAME).exists()  # the portal keeps the entry itself
    bus.shutdown()


@pytest.fixture(autouse=True)
def _no_real_entry() -> None:
    """Every test has its own config folder (conftest.py): no entry reaches the real one."""
    assert "home" in str(autostart_folder())
