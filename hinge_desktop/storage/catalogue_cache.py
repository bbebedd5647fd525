"""The built-in catalogue, read through a cache of its parsed drill files.

Reading the catalogue parses its 43 TOML files: about 25 ms of pure Python on the way to the
drill list, at every start. Their parsed documents are kept as one JSON file in the data folder,
under a key made of Hinge's version and every drill file's name, size and modification time. A
start whose key matches reads the JSON (about 1 ms) and builds the catalogue from it with the
same checks as from the files. A cache that is missing, stale, unreadable or damaged is left
aside and written anew from the files; one that cannot be written (a read-only folder, a full
disk) is simply not kept. The cache never decides what Hinge shows: the files do.
"""

from __future__ import annotations

import json
import os
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from hinge_desktop import __version__
from hinge_desktop.domain.catalogue import (
    Catalogue,
    CatalogueError,
    builtin_catalogue,
    builtin_folder,
    read_toml,
)

FORMAT = 1
"""The layout of the cache file; a file of another layout is written anew."""


def cached_builtin_catalogue(cache: Path) -> Catalogue:
    """The catalogue that ships with Hinge, its parsed files read from ``cache`` when that
    holds them for these files, else from the files (and then kept in ``cache``)."""
    key = cache_key(builtin_folder())
    if key is None:  # not plain files (a zip): nothing to compare a cache with
        return builtin_catalogue()
    kept = _documents(cache, key)
    if kept is not None:
        try:
            return builtin_catalogue(lambda item, _file: kept[item.name])
        except (CatalogueError, KeyError, TypeError, ValueError, AttributeError):
            pass  # damaged in a way only building shows: the files decide
    parsed: dict[str, dict[str, Any]] = {}

    def read_and_keep(item: Traversable, file: str) -> dict[str, Any]:
        parsed[item.name] = read_toml(item, file)
        return parsed[item.name]

    catalogue = builtin_catalogue(read_and_keep)
    _keep(cache, key, parsed)
    return catalogue


def cache_key(folder: Traversable) -> list[Any] | None:
    """Hinge's version and each drill file's name, size and modification time; None when the
    files are not plain files."""
    if not isinstance(folder, Path):
        return None
    files: list[Any] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".toml"):
                    status = entry.stat()
                    files.append([entry.name, status.st_size, status.st_mtime_ns])
    except OSError:
        return None
    return [FORMAT, __version__, sorted(files)]


def _documents(cache: Path, key: list[Any]) -> dict[str, Any] | None:
    """The documents kept in ``cache`` for ``key``; None if there are none."""
    try:
        kept = json.loads(cache.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("key") != key:
        return None
    documents = kept.get("documents")
    return documents if isinstance(documents, dict) else None


def _keep(cache: Path, key: list[Any], documents: dict[str, dict[str, Any]]) -> None:
    """Write the cache in one step (a new file renamed over the old), or leave it be."""
    if not cache.parent.is_dir():
        return  # the data folder is made by the start, not by a cache
    try:
        text = json.dumps({"key": key, "documents": documents}, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # a value JSON cannot hold (a TOML date): read from the files each time
    import tempfile  # here: only a start that writes the cache needs it

    try:
        handle, temporary = tempfile.mkstemp(dir=cache.parent, prefix=".catalogue-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, cache)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
