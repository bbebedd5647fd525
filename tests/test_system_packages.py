"""The system-package step that `make run` and `make test` take first: silent when nothing is
missing, installs as root, names the one `sudo apt install` line otherwise, and goes on elsewhere.

The step runs with a PATH of small fake programs (dpkg-query, id, apt-get, uname, ldconfig) and an
os-release file of the test's own, so nothing on the real system is read or changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STEP = ROOT / "packaging" / "system_packages.sh"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script"),
]

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n'
MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n'
FEDORA = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=40\n'

FAKES = {
    # Like the real one: a line for each name dpkg knows, an error and status 1 for the others.
    "dpkg-query": """
shift 3
status=0
for name; do
    line=$(awk -v name="$name" '$1 == name' "$FAKE_DIR/dpkg-status")
    if [ -n "$line" ]; then echo "$line"; else
        echo "dpkg-query: no packages found matching $name" >&2; status=1; fi
done
exit $status
""",
    "id": 'echo "$FAKE_UID"',
    "apt-get": 'echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> "$FAKE_DIR/apt-get.log"',
    "uname": 'echo "$FAKE_UNAME"',
    "ldconfig": 'cat "$FAKE_DIR/ldconfig"',
    # This Python, as Debian's python3 is without pythonX.Y-venv: installed in /usr, no ensurepip.
    "python3": f'PYTHONPATH="$FAKE_DIR/debian-python" exec {sys.executable} "$@"',
}
DEBIAN_PYTHON = {
    "ensurepip.py": 'raise ImportError("Debian leaves ensurepip out of python3")\n',
    "sitecustomize.py": 'import sys\n\nsys.base_prefix = "/usr"\n',
}
VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"


@dataclass
class Step:
    """A temporary system: its installed packages, its user and what it is."""

    folder: Path
    uid: int = 1000
    uname: str = "Linux"

    def __post_init__(self) -> None:
        bin_dir = self.folder / "bin"
        bin_dir.mkdir()
        for name, body in FAKES.items():
            fake = bin_dir / name
            fake.write_text(f'#!/bin/sh\necho {name} >> "$FAKE_DIR/called"\n{body}')
            fake.chmod(0o755)
        for tool in ("awk", "tr", "cat"):  # what the step and the fakes use of the real system
            real = shutil.which(tool)
            assert real is not None
            (bin_dir / tool).symlink_to(real)
        debian_python = self.folder / "debian-python"
        debian_python.mkdir()
        for name, text in DEBIAN_PYTHON.items():
            (debian_python / name).write_text(text)
        self.os_release(DEBIAN)
        self.installed(*everything_in_the_lists())
        (self.folder / "ldconfig").write_text("")

    def os_release(self, text: str) -> None:
        (self.folder / "os-release").write_text(text)

    def installed(self, *names: str, status: str = "install ok installed") -> None:
        lines = "".join(f"{name} {status}\n" for name in names)
        (self.folder / "dpkg-status").write_text(lines)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {
            "PATH": str(self.folder / "bin"),
            "HINGE_OS_RELEASE": str(self.folder / "os-release"),
            "FAKE_DIR": str(self.folder),
            "FAKE_UID": str(self.uid),
            "FAKE_UNAME": self.uname,
        }
        return subprocess.run(
            ["/bin/sh", str(STEP), *args], env=env, capture_output=True, text=True, timeout=60
        )

    def called(self) -> list[str]:
        log = self.folder / "called"
        return log.read_text().split() if log.exists() else []

    def apt_get(self) -> list[str]:
        log = self.folder / "apt-get.log"
        return log.read_text().splitlines() if log.exists() else []


LISTS = ("RUN", "TEST", "PACKAGE")


def listed(name: str) -> list[str]:
    """The package names of one of the step's lists, alternatives as written (a|b)."""
    text = STEP.read_text()
    start = text.index(f'\n{name}="') + len(name) + 3
    return text[start : text.index('"', start)].split()


def everything_in_the_lists() -> list[str]:
    return [name for list_ in LISTS for entry in listed(list_) for name in entry.split("|")]


@pytest.fixture
def step(tmp_path: Path) -> Step:
    return Step(tmp_path)


def without(*names: str) -> list[str]:
    return [name for name in everything_in_the_lists() if name not in names]


def test_nothing_missing_is_silent_for_both_lists(step: Step) -> None:
    for which in ("run", "test"):
        result = step.run(which)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert "apt-get" not in step.called()


def test_missing_and_not_root_stops_with_the_one_line_to_run(step: Step) -> None:
    step.installed(*without("espeak-ng", "libxcb-cursor0"))
    result = step.run("run")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert "only root can install them" in lines[0]
    assert "SYSTEM_PACKAGES=no" in lines[0]
    assert lines[1] == "sudo apt install espeak-ng libxcb-cursor0"
    assert result.stdout == ""
    assert "apt-get" not in step.called()


def test_missing_and_root_installs_exactly_those(step: Step) -> None:
    step.uid = 0
    step.installed(*without("espeak-ng", "libxcb-cursor0"))
    result = step.run("run")
    assert result.returncode == 0, result.stderr
    assert step.apt_get() == [
        "DEBIAN_FRONTEND=noninteractive update",
        "DEBIAN_FRONTEND=noninteractive install -y --no-install-recommends"
        " espeak-ng libxcb-cursor0",
    ]


def test_the_run_list_leaves_the_test_tools_to_make_test(step: Step) -> None:
    step.installed(*without("xvfb", "pulseaudio"))
    assert step.run("run").returncode == 0
    result = step.run("test")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "sudo apt install xvfb pulseaudio"


def test_a_bare_debian_is_asked_for_every_package_of_both_lists(step: Step) -> None:
    step.installed()
    line = step.run("test").stderr.splitlines()[-1]
    expected = [entry.split("|")[-1] for entry in listed("RUN") + listed("TEST")]
    assert "binutils" not in expected
    assert line.split() == ["sudo", "apt", "install", *expected]
    assert {"espeak-ng", "libpulse0", "libxcb-cursor0", "xvfb", "x11-utils"} <= set(expected)


def test_a_removed_package_with_its_configuration_left_counts_as_missing(step: Step) -> None:
    step.installed(*without("espeak-ng"))
    with (step.folder / "dpkg-status").open("a") as status:
        status.write("espeak-ng deinstall ok config-files\n")
    assert step.run("run").stderr.splitlines()[-1] == "sudo apt install espeak-ng"


def test_a_held_package_counts_as_installed(step: Step) -> None:
    step.installed(*without("espeak-ng"))
    with (step.folder / "dpkg-status").open("a") as status:
        status.write("espeak-ng hold ok installed\n")
    assert step.run("run").returncode == 0


def test_either_name_of_glib_will_do_and_the_old_one_is_asked_for(step: Step) -> None:
    step.installed(*without("libglib2.0-0"))  # Ubuntu 24.04, Debian 13: only the new name
    assert step.run("run").returncode == 0
    step.installed(*without("libglib2.0-0", "libglib2.0-0t64"))
    assert step.run("run").stderr.splitlines()[-1] == "sudo apt install libglib2.0-0"


def test_a_debian_derivative_is_told_by_id_like(step: Step) -> None:
    step.os_release(MINT)
    step.installed(*without("espeak-ng"))
    assert step.run("run").stderr.splitlines()[-1] == "sudo apt install espeak-ng"


def test_a_python_that_cannot_make_a_venv_adds_its_venv_package(step: Step) -> None:
    result = step.run("run", "--python", str(step.folder / "bin" / "python3"))
    assert result.stderr.splitlines()[-1] == f"sudo apt install python{VERSION}-venv"
    assert step.run("run").returncode == 0  # once the venv is made, python is not asked


def test_the_packages_add_objdump_and_the_system_pythons_shared_library(step: Step) -> None:
    step.installed(*without("binutils"))
    assert step.run("test").returncode == 0
    result = step.run("package", "--python", str(step.folder / "bin" / "python3"))
    line = f"sudo apt install binutils python{VERSION}-venv libpython{VERSION}"
    assert result.stderr.splitlines()[-1] == line


def test_a_python_of_ones_own_needs_nothing_of_the_system(step: Step) -> None:
    own = step.folder / "own-python"  # pyenv's, say: outside /usr, with ensurepip
    own.mkdir()
    (own / "ensurepip.py").write_text("")
    (own / "sitecustomize.py").write_text('import sys\n\nsys.base_prefix = "/opt/python"\n')
    python = step.folder / "bin" / "python3"
    python.write_text(f'#!/bin/sh\nPYTHONPATH="{own}" exec {sys.executable} "$@"\n')
    result = step.run("package", "--python", str(python))
    assert (result.returncode, result.stderr) == (0, "")


def test_another_linux_is_told_what_was_not_found_and_goes_on(step: Step) -> None:
    step.os_release(FEDORA)
    (step.folder / "ldconfig").write_text(
        "\tlibpulse.so.0 (libc6,x86-64) => /usr/lib64/libpulse.so.0\n"
    )
    result = step.run("run")
    assert result.returncode == 0
    assert result.stdout == ""
    said = result.stderr
    assert "espeak-ng" in said
    assert "xcb-util-cursor" in said
    assert "libpulse" not in said
    assert "going on" in said
    assert not {"dpkg-query", "apt-get", "id"} & set(step.called())


def test_another_linux_with_everything_is_silent(step: Step) -> None:
    step.os_release(FEDORA)
    (step.folder / "ldconfig").write_text(
        "".join(
            f"\t{library} (libc6,x86-64) => /usr/lib64/{library}\n"
            for library in ("libespeak-ng.so.1", "libpulse.so.0", "libxcb-cursor.so.0")
        )
    )
    result = step.run("run")
    assert (result.returncode, result.stderr) == (0, "")


def test_macos_needs_nothing_and_is_silent(step: Step) -> None:
    (step.folder / "os-release").unlink()
    step.uname = "Darwin"
    result = step.run("test")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert step.called() == ["uname"]


def test_an_unknown_list_is_refused(step: Step) -> None:
    result = step.run("everything")
    assert result.returncode == 2
    assert "usage:" in result.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(
    ("target", "which"),
    [("run", "run"), ("test", "test"), ("quick", "test"), ("package-test", "package")],
)
def test_make_takes_the_step_first_and_skips_it_when_told(target: str, which: str) -> None:
    def planned(*args: str) -> list[str]:
        done = subprocess.run(
            ["make", "-n", "--no-print-directory", "-C", str(ROOT), target, *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={key: value for key, value in os.environ.items() if not key.startswith("MAKE")},
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    commands = planned()
    assert commands[0].startswith(f"sh packaging/system_packages.sh {which}")
    assert not any("system_packages.sh" in command for command in planned("SYSTEM_PACKAGES=no"))


def test_the_readmes_apt_line_is_the_run_list() -> None:
    readme = (ROOT / "README.md").read_text()
    start = readme.index("```sh\nsudo apt install ") + len("```sh\n")
    line = readme[start : readme.index("\n```", start)].replace("\\\n", " ")
    assert line.split()[3:] == [entry.split("|")[-1] for entry in listed("RUN")]
