"""Where Hinge keeps its files: the platform's user data folder, or the one given by --data-dir."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from hinge_desktop import APP_NAME


class DataFolderError(Exception):
    """The data folder cannot be created or is not a folder."""


class DataPaths(NamedTuple):
    root: Path

    @classmethod
    def resolve(cls, data_dir: Path | None) -> DataPaths:
        """The folder given on the command line, else the platform's user data folder."""
        if data_dir is None:
            # Imported here: only needed when no folder is given, and it costs start-up time.
            from platformdirs import user_data_path

            data_dir = user_data_path(APP_NAME, appauthor=False)
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
