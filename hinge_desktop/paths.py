"""Where Hinge keeps its files: the platform's user data folder, or the one given by --data-dir."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

from hinge_desktop import APP_NAME


def user_data_folder() -> Path:
    """The platform's user data folder for Hinge, as ``platformdirs`` gives it.

    On Linux and the BSDs, with an absolute ``$HOME``, the XDG rule is followed here
    (``$XDG_DATA_HOME`` if it is an absolute path, else ``~/.local/share``): importing
    ``platformdirs`` takes about 13 ms, on the way to the window's first paint. The tests hold
    the two to the same answer.
    """
    base = os.environ.get("XDG_DATA_HOME", "")
    home = os.environ.get("HOME", "")
    if sys.platform.startswith(("win", "darwin", "cygwin")) or not os.path.isabs(home):
        from platformdirs import user_data_path

        return user_data_path(APP_NAME, appauthor=False)
    return Path(base if os.path.isabs(base) else os.path.join(home, ".local", "share"), APP_NAME)


class DataFolderError(Exception):
    """The data folder cannot be created or is not a folder."""


class DataPaths(NamedTuple):
    root: Path

    @classmethod
    def resolve(cls, data_dir: Path | None) -> DataPaths:
        """The folder given on the command line, else the platform's user data folder."""
        if data_dir is None:
            data_dir = user_data_folder()
        return cls(root=data_dir.expanduser().absolute())

    @property
    def database(self) -> Path:
        return self.root / "hinge.sqlite3"

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def cue_cache(self) -> Path:
        return self.root / "cue-cache"

    @property
    def media_art(self) -> Path:
        """The drills' figures as pictures for the desktop's media controls."""
        return self.root / "media-art"

    @property
    def clips(self) -> Path:
        """Sets filmed with the camera, as video files."""
        return self.root / "clips"

    @property
    def catalogue_cache(self) -> Path:
        return self.root / "catalogue-cache.json"

    def ensure(self) -> None:
        """Create the data folder if needed, with a message that names it when that fails."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise DataFolderError(
                f"The data folder {self.root} exists but is not a folder."
            ) from None
        except OSError as exc:
            raise DataFolderError(
                f"Cannot create the data folder {self.root}: {exc.strerror}."
            ) from exc
        if not self.root.is_dir():
            raise DataFolderError(f"The data folder {self.root} is not a folder.")
