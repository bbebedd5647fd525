"""The wheel, the desktop files and their installer agree with Hinge's identity and work."""

from __future__ import annotations

import configparser
import importlib.util
import os
import stat
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from hinge_desktop import APP_ID, APP_NAME, COMMAND, __version__
from tests.system_tools import require

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
INSTALL_SH = PACKAGING / "linux" / "install.sh"


def packaging_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_the_wheel_lists_every_package_of_the_source_tree() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "hinge_desktop").rglob("__init__.py")
    }
    assert found - listed == set(), "a package the wheel would leave out"
    assert "hinge_desktop.assets" in listed


def test_the_desktop_file_names_the_app_its_command_and_its_icon() -> None:
    entry = desktop_entry(DESKTOP)
    assert entry["Name"] == APP_NAME
    assert entry["Exec"] == COMMAND
    assert entry["TryExec"] == COMMAND
    assert entry["Icon"] == APP_ID
    assert entry["StartupWMClass"] == APP_NAME  # Qt's window class is the application name
    assert entry["Terminal"] == "false"


def test_the_application_names_the_desktop_file_so_wayland_finds_its_menu_entry(
    qapp: QApplication,
) -> None:
    from hinge_desktop.ui.shell.application import create_application

    assert create_application().desktopFileName() == DESKTOP.stem


def test_the_metainfo_matches_the_identity_and_the_newest_release_is_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == COMMAND
    releases = root.findall("releases/release")
    assert releases[0].get("version") == __version__


def test_every_screenshot_in_the_metainfo_is_a_1280_by_800_picture_in_the_repository() -> None:
    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    assert images
    for image in images:
        url = image.text or ""
        picture = QImage(str(PACKAGING / "screenshots" / url.rsplit("/", 1)[-1]))
        assert not picture.isNull(), f"{url} is not in packaging/screenshots"
        assert (picture.width(), picture.height()) == (1280, 800)
        assert (image.get("width"), image.get("height")) == ("1280", "800")


@pytest.mark.slow
def test_the_desktop_file_validates() -> None:
    require("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout + done.stderr == ""


@pytest.mark.slow
def test_the_metainfo_validates() -> None:
    require("appstreamcli", "appstream")
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def share(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("stage") / "share"
    packaging_module("desktop_files").stage(dest)
    return dest


def test_the_icon_comes_in_the_hicolor_sizes_drawn_from_the_window_icon(share: Path) -> None:
    hicolor = share / "icons" / "hicolor"
    sizes = packaging_module("desktop_files").ICON_SIZES
    assert {16, 32, 48, 128, 256}.issubset(sizes)
    for size in sizes:
        icon = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (icon.width(), icon.height()) == (size, size)
        assert icon.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not empty
        assert icon.pixelColor(0, 0).alpha() < 255  # rounded corners stay see-through
    svg = (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes()
    assert svg == (ROOT / "assets" / "icons" / "hinge.svg").read_bytes()


def run_install(share: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        ["sh", str(INSTALL_SH), "--share", str(share), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def fake_command(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / COMMAND
    program.write_text("#!/bin/sh\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


@pytest.mark.slow
def test_install_puts_the_menu_entry_starting_the_given_command_and_uninstall_takes_it_out(
    share: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    program = fake_command(tmp_path / "my apps" / "hinge")
    done = run_install(share, home, "--exec", str(program))
    assert done.returncode == 0, done.stderr
    data = home / ".local" / "share"
    entry = desktop_entry(data / "applications" / DESKTOP.name)
    assert entry["Exec"] == f'"{program}"'  # quoted, for the space
    assert entry["TryExec"] == str(program)
    assert (data / "metainfo" / METAINFO.name).is_file()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()

    done = run_install(share, home, "--exec", str(program), "--uninstall")
    assert done.returncode == 0, done.stderr
    left = [p for p in data.rglob("*") if p.is_file() and p.name != "mimeinfo.cache"]
    assert left == []
    assert program.is_file()


@pytest.mark.slow
def test_install_follows_xdg_data_home(share: Path, tmp_path: Path) -> None:
    program = fake_command(tmp_path / "bin")
    env = {
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        ["sh", str(INSTALL_SH), "--share", str(share), "--exec", str(program)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "xdg" / "applications" / DESKTOP.name).is_file()


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("", "--exec needs a value"),
        ("bin/hinge-desktop", "needs an absolute path"),
        ("/nowhere/hinge-desktop", "is not a program"),
        ("/opt/100%/hinge-desktop", "cannot write a menu entry"),
    ],
)
@pytest.mark.slow
def test_install_refuses_a_command_it_cannot_put_in_a_menu_entry_and_writes_nothing(
    share: Path, tmp_path: Path, command: str, message: str
) -> None:
    home = tmp_path / "home"
    done = run_install(share, home, "--exec", command)
    assert done.returncode != 0
    assert message in done.stderr
    assert not (home / ".local").exists()


def unpacked_archive(share: Path, folder: Path) -> Path:
    """The layout of the release archive, with a stand-in for the bundle."""
    folder.mkdir()
    (folder / "install.sh").write_bytes(INSTALL_SH.read_bytes())
    (folder / "share").symlink_to(share, target_is_directory=True)
    fake_command(folder / COMMAND)
    return folder / "install.sh"


def run_archive_install(install: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        ["sh", str(install), *args], env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_the_archive_installs_a_copy_and_a_command_and_uninstalls_both(
    share: Path, tmp_path: Path
) -> None:
    install, home = unpacked_archive(share, tmp_path / "download"), tmp_path / "home"
    done = run_archive_install(install, home)
    assert done.returncode == 0, done.stderr
    copy = home / ".local" / "lib" / COMMAND / COMMAND
    link = home / ".local" / "bin" / COMMAND
    assert copy.is_file()
    assert link.resolve() == copy
    entry = desktop_entry(home / ".local" / "share" / "applications" / DESKTOP.name)
    assert entry["Exec"] == f'"{copy}"'
    assert "not on your PATH" in done.stdout

    again = run_archive_install(install, home)  # installing over an install replaces it
    assert again.returncode == 0, again.stderr
    done = run_archive_install(install, home, "--uninstall")
    assert done.returncode == 0, done.stderr
    assert not link.is_symlink()
    assert not copy.parent.exists()
    done = run_archive_install(install, home, "--uninstall")
    assert "not installed" in done.stdout


@pytest.mark.slow
def test_the_archive_leaves_another_installs_command_alone(share: Path, tmp_path: Path) -> None:
    install, home = unpacked_archive(share, tmp_path / "download"), tmp_path / "home"
    other = fake_command(tmp_path / "pipx" / "bin")
    link = home / ".local" / "bin" / COMMAND
    link.parent.mkdir(parents=True)
    link.symlink_to(other)
    done = run_archive_install(install, home)
    assert done.returncode == 0, done.stderr
    assert "another Hinge install" in done.stderr
    assert link.resolve() == other
    run_archive_install(install, home, "--uninstall")
    assert link.resolve() == other


@pytest.mark.slow
def test_install_without_a_bundle_or_a_command_says_what_is_missing(
    share: Path, tmp_path: Path
) -> None:
    done = run_install(share, tmp_path / "home")
    assert done.returncode == 1
    assert "no Hinge bundle" in done.stderr


def test_the_release_archive_is_named_for_the_version_and_platform() -> None:
    release = packaging_module("release")
    stem = release.archive_stem()
    assert stem.startswith(f"{COMMAND}-{__version__}-")
    if sys.platform == "linux":
        assert "-linux-" in stem
