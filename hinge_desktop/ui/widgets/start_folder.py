"""Where a file dialog opens: the folder the person last used for that kind of file in this
run, else their Documents folder (their home folder where there is none), never the folder
Hinge happened to be started from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    """The person's Documents folder, or their home folder when it does not exist."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


class StartFolder:
    """Remembers the folder of the last file chosen, for the next dialog of its kind."""

    def __init__(self) -> None:
        self._last: Path | None = None

    def folder(self) -> Path:
        if self._last is not None and self._last.is_dir():
            return self._last
        return documents_folder()

    def suggest(self, name: str) -> str:
        """``name`` in the folder to open in: what a save dialog is given to suggest."""
        return str(self.folder() / name)

    def remember(self, file: Path | str) -> None:
        self._last = Path(file).parent
