"""Make the release archive from the bundle that ``make package`` built in dist/.

    python packaging/release.py [DIST]

On Linux it writes ``DIST/hinge-desktop-<version>-linux-<machine>.tar.gz``, one folder holding
the bundle, the desktop files (``share/``) and ``install.sh``; on Windows and macOS a ``.zip`` of
the bundle (``Hinge.app`` on macOS). Prints the archive's path.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from hinge_desktop import APP_NAME, COMMAND, __version__

PACKAGING = Path(__file__).resolve().parent


def archive_stem() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(
        sys.platform, sys.platform
    )
    return f"{COMMAND}-{__version__}-{system}-{platform.machine().lower()}"


def make_linux(dist: Path, bundle: Path) -> Path:
    sys.path.insert(0, str(PACKAGING))
    from desktop_files import stage

    stem = archive_stem()
    top = f"{COMMAND}-{__version__}"
    target = dist / f"{stem}.tar.gz"
    with tempfile.TemporaryDirectory() as scratch:
        share = Path(scratch) / "share"
        stage(share)
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            archive.add(bundle, arcname=f"{top}/{COMMAND}")
            archive.add(share, arcname=f"{top}/share")
            archive.add(PACKAGING / "linux" / "install.sh", arcname=f"{top}/install.sh")
        partial.replace(target)
    return target


def make_zip(dist: Path, bundle: Path) -> Path:
    target = dist / f"{archive_stem()}.zip"
    if sys.platform == "darwin":
        # ditto keeps the symlinks inside Hinge.app, which a plain zip would turn into copies.
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(bundle), str(target)], check=True)
        return target
    return Path(shutil.make_archive(str(target.with_suffix("")), "zip", bundle.parent, bundle.name))


def main(argv: list[str]) -> int:
    dist = Path(argv[0] if argv else "dist")
    bundle = dist / (f"{APP_NAME}.app" if sys.platform == "darwin" else COMMAND)
    if not bundle.is_dir():
        print(f"No bundle at {bundle}: run `make package` first.", file=sys.stderr)
        return 1
    archive = make_linux(dist, bundle) if sys.platform == "linux" else make_zip(dist, bundle)
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
