"""Check what ``make package`` and ``make release`` built, as a user would meet it.

    python packaging/check_package.py [DIST]

1. The desktop file and the AppStream metainfo validate.
2. The bundle prints its version and renders the drill library with an empty environment, where
   no Python can start (every Python's standard library is hidden in a mount namespace), and
   opens a real window under Xvfb there.
3. The wheel holds no compiled files, installs into a fresh virtual environment and does the
   same.
4. The release archive installs into a scratch home: the menu entry validates and starts the
   installed copy; uninstalling removes every file it added and leaves the training log alone.

Each step prints one line; the first failure stops the run with exit status 1. Run by
``make package-test``, which CI runs.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
import venv
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from desktop_files import ICON_SIZES

from hinge_desktop import APP_ID, COMMAND, __version__

PACKAGING = Path(__file__).resolve().parent
LINUX = PACKAGING / "linux"
TIMEOUT = 300


class CheckFailed(Exception):
    pass


def ok(message: str) -> None:
    print(f"ok: {message}", flush=True)


def tool(name: str, package: str) -> str | None:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (Debian package {package})"
        if os.environ.get("CI"):
            raise CheckFailed(message)
        print(f"skipped: {message}", flush=True)
    return path


def run(args: list[str], *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        args, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    if done.returncode != 0:
        raise CheckFailed(
            f"{' '.join(args)} exited with {done.returncode}\n{done.stdout}{done.stderr}"
        )
    return done


def validate_desktop_files(desktop: Path, metainfo: Path) -> None:
    validate = tool("desktop-file-validate", "desktop-file-utils")
    if validate:
        run([validate, str(desktop)])
        ok(f"desktop-file-validate {desktop.name}")
    appstreamcli = tool("appstreamcli", "appstream")
    if appstreamcli:
        run([appstreamcli, "validate", "--no-net", str(metainfo)])
        ok(f"appstreamcli validate --no-net {metainfo.name}")


def pythons() -> set[str]:
    """Every Python interpreter on this machine that a program could find."""
    names = ("python", "python3", *(f"python3.{minor}" for minor in range(6, 16)))
    folders = {*os.environ.get("PATH", "").split(os.pathsep), "/usr/bin", "/usr/local/bin"}
    found = {str(Path(folder) / name) for folder in folders if folder for name in names}
    found |= {sys.executable, getattr(sys, "_base_executable", sys.executable)}
    return {path for path in found if os.access(path, os.X_OK) and Path(path).is_file()}


def stdlib_of(python: str) -> str | None:
    found = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
        capture_output=True,
        text=True,
        check=False,
    )
    folder = found.stdout.strip()
    return folder if found.returncode == 0 and Path(folder).is_dir() else None


def python_hiding_wrapper() -> list[str]:
    """A command prefix that runs its command where no Python on this machine can start.

    It mounts empty folders over the standard library of every Python it finds, in a mount
    namespace of its own, and checks that each of them then fails to start.
    """
    unshare, mount, sh = shutil.which("unshare"), shutil.which("mount"), shutil.which("sh")
    missing = "the kernel or util-linux gives no mount namespace (unshare -m --map-root-user)"
    if not (sys.platform == "linux" and unshare and mount and sh):
        return no_namespace(missing)
    if subprocess.run([unshare, "-m", "--map-root-user", "true"], check=False).returncode != 0:
        return no_namespace(missing)
    interpreters = sorted(pythons())
    stdlibs = sorted({lib for python in interpreters if (lib := stdlib_of(python))})
    mounts = "".join(f"{mount} -t tmpfs none '{lib}' && " for lib in stdlibs)
    checks = "".join(
        f"if '{python}' -c pass 2>/dev/null; then echo '{python} still starts' >&2; exit 97; fi; "
        for python in interpreters
    )
    script = f'{mounts}{checks}exec "$@"'
    return [unshare, "-m", "--map-root-user", sh, "-c", script, "hide-python"]


def no_namespace(reason: str) -> list[str]:
    if os.environ.get("CI"):
        raise CheckFailed(f"cannot hide Python from the bundle: {reason}")
    print(f"note: {reason}; the bundle runs with an empty environment only", flush=True)
    return []


def check_png(path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    image = QImage(str(path))
    if image.isNull():
        raise CheckFailed(f"{path} is not a PNG")
    if (image.width(), image.height()) != (1280, 800):
        raise CheckFailed(f"{path} is {image.width()}×{image.height()}, not 1280×800")
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    if len(colours) < 8:
        raise CheckFailed(f"{path} is nearly blank ({len(colours)} colours)")


def check_runs(program: Path, label: str, scratch: Path, wrapper: Sequence[str] = ()) -> None:
    """``program`` prints its version and renders the drills with an empty environment."""
    version = run([*wrapper, str(program), "--version"], env={}).stdout.strip()
    if version != f"{COMMAND} {__version__}":
        raise CheckFailed(f"{label} --version printed {version!r}")
    ok(f"{label} --version: {version}")
    data, png = scratch / f"{label}-data", scratch / f"{label}-drills.png"
    run(
        [*wrapper, str(program), "--data-dir", str(data), "--screenshot", "drills", str(png)],
        env={},
    )
    check_png(png)
    ok(f"{label} --screenshot drills: a 1280×800 picture of the drill library")


def check_bundle(dist: Path, scratch: Path) -> None:
    program = dist / COMMAND / COMMAND
    if not program.is_file():
        raise CheckFailed(f"no bundle at {program}: run `make package`")
    wrapper = python_hiding_wrapper()
    check_runs(program, "bundle", scratch, wrapper)
    if wrapper:
        ok(f"none of the {len(pythons())} Pythons on this machine could start where the bundle ran")
    check_real_window(program, scratch, wrapper)


@contextmanager
def xvfb() -> Iterator[str]:
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            yield f":{numbers.readline().strip()}"
    finally:
        server.terminate()
        server.wait(30)


def check_real_window(program: Path, scratch: Path, wrapper: Sequence[str]) -> None:
    """The bundle opens a window titled Hinge on an X display and quits cleanly on SIGTERM."""
    if not (tool("Xvfb", "xvfb") and tool("xwininfo", "x11-utils")):
        return
    with xvfb() as display:
        app = subprocess.Popen(
            [*wrapper, str(program), "--data-dir", str(scratch / "window-data")],
            env={"DISPLAY": display},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            for _ in range(600):  # polls, not seconds: the clock of a busy machine may stall
                titles = subprocess.run(
                    ["xwininfo", "-root", "-tree"],
                    env={"DISPLAY": display},
                    capture_output=True,
                    text=True,
                    check=False,
                ).stdout
                if '"Hinge": (' in titles or app.poll() is not None:
                    break
                time.sleep(0.2)
            else:
                raise CheckFailed("the bundle opened no window titled Hinge on Xvfb")
            if app.poll() is not None:
                raise CheckFailed(f"the bundle exited on Xvfb: {app.communicate()[1]}")
        finally:
            if app.poll() is None:
                app.send_signal(signal.SIGTERM)
            _out, err = app.communicate(timeout=TIMEOUT)
    if app.returncode != 0 or "Could not load the Qt platform plugin" in err:
        raise CheckFailed(f"the bundle on Xvfb exited with {app.returncode}: {err}")
    ok("bundle opens a real window on Xvfb and quits cleanly on SIGTERM")


def check_wheel(dist: Path, scratch: Path) -> None:
    wheels = sorted(dist.glob("*.whl"))
    if len(wheels) != 1:
        raise CheckFailed(f"expected one wheel in {dist}, found {len(wheels)}")
    with zipfile.ZipFile(wheels[0]) as wheel:
        compiled = [name for name in wheel.namelist() if "__pycache__" in name]
    if compiled:
        raise CheckFailed(f"{wheels[0].name} holds compiled files: {', '.join(compiled[:3])}")
    env_dir = scratch / "wheel-venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", str(wheels[0])])
    ok(f"{wheels[0].name} installs into a fresh virtual environment")
    check_runs(env_dir / "bin" / COMMAND, "wheel", scratch)


def unpack(archive: Path, dest: Path) -> None:
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "tar_filter"):  # Python 3.11.4 and newer
            tar.extractall(dest, filter="tar")
        else:
            tar.extractall(dest)  # our own archive, just built


def check_release(dist: Path, scratch: Path) -> None:
    archives = sorted(dist.glob(f"{COMMAND}-{__version__}-linux-*.tar.gz"))
    if len(archives) != 1:
        raise CheckFailed(f"expected one release archive in {dist}, found {len(archives)}")
    unpack(archives[0], scratch / "download")
    top = scratch / "download" / f"{COMMAND}-{__version__}"
    home = scratch / "home"
    home.mkdir()
    log = home / ".local" / "share" / "Hinge" / "hinge.sqlite3"
    log.parent.mkdir(parents=True)
    log.write_bytes(b"the training log")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    run([str(top / "install.sh")], env=env)
    share = home / ".local" / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    icons = sorted((share / "icons" / "hicolor").glob(f"*/apps/{APP_ID}.*"))
    if not (desktop.is_file() and metainfo.is_file() and len(icons) == len(ICON_SIZES) + 1):
        raise CheckFailed(f"install.sh left {desktop}, {metainfo} or the icons out")
    validate_desktop_files(desktop, metainfo)
    entry = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    installed = home / ".local" / "lib" / COMMAND / COMMAND
    if entry.get("Exec") != f'"{installed}"' or entry.get("TryExec") != str(installed):
        raise CheckFailed(f"the menu entry starts {entry.get('Exec')}, not {installed}")
    link = home / ".local" / "bin" / COMMAND
    if link.resolve() != installed.resolve():
        raise CheckFailed(f"{link} does not lead to {installed}")
    ok(f"{archives[0].name}: install.sh adds the menu entry, metainfo and {len(icons)} icons")
    shutil.rmtree(scratch / "download")
    check_runs(link, "installed", scratch)
    # The archive's own install.sh is gone with the download; the installed copy has none, so
    # uninstall with a fresh copy of the archive, as a user would.
    unpack(archives[0], scratch / "download")
    run([str(top / "install.sh"), "--uninstall"], env=env)
    left = sorted(
        str(p.relative_to(home))
        for p in home.rglob("*")
        if p.is_file()
        and p != log
        and p.name != "mimeinfo.cache"
        and not p.is_relative_to(share / "Hinge")
    )
    if left or link.exists() or link.is_symlink():
        raise CheckFailed(f"install.sh --uninstall left {left or link}")
    if log.read_bytes() != b"the training log":
        raise CheckFailed("install.sh --uninstall touched the training log")
    ok("install.sh --uninstall removes what it added and keeps the training log")


def main(argv: list[str]) -> int:
    dist = Path(argv[0] if argv else "dist").resolve()
    try:
        validate_desktop_files(LINUX / f"{APP_ID}.desktop", LINUX / f"{APP_ID}.metainfo.xml")
        with tempfile.TemporaryDirectory(prefix="hinge-package-") as name:
            scratch = Path(name)
            check_bundle(dist, scratch)
            check_wheel(dist, scratch)
            if sys.platform == "linux":
                check_release(dist, scratch)
    except (CheckFailed, subprocess.TimeoutExpired) as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    print("The bundle, the wheel and the release archive work.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
