"""Input paths -> the files to read: files, folders (recursive, sorted) and glob patterns."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import SourceError

_GLOB_CHARS = frozenset("*?[")


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _documentation(name: str) -> bool:
    # A corpus folder's own README describes the corpus; it is not news.
    return name.split(".", 1)[0].upper() == "README"


def _walk(folder: str) -> Iterator[str]:
    """Files under a folder in sorted order, hidden files and folders and READMEs left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if not _hidden(name) and not _documentation(name):
                yield os.path.join(root, name)


def _expand_glob(pattern: str) -> list[str]:
    matches = sorted(glob.glob(pattern, recursive=True))
    found: list[str] = []
    for match in matches:
        name = os.path.basename(match.rstrip(os.sep))
        if _hidden(name) or (os.path.isfile(match) and _documentation(name)):
            continue
        found.append(match)
    return found


def check_paths(paths: Iterable[str | Path]) -> list[tuple[str, list[str] | None]]:
    """Each path as given with its glob matches (None for a plain path); raise SourceError for a
    path that does not exist and matches nothing."""
    checked: list[tuple[str, list[str] | None]] = []
    for raw in paths:
        given = os.fspath(raw)
        if os.path.lexists(given):
            checked.append((given, None))
        elif _GLOB_CHARS & set(given):
            matches = _expand_glob(given)
            if not matches:
                raise SourceError(f"{given}: the pattern matches no files")
            checked.append((given, matches))
        else:
            raise SourceError(f"{given}: no such file or directory")
    return checked


def iter_files(checked: list[tuple[str, list[str] | None]]) -> Iterator[str]:
    """Every file to read once, in the order given, each as the path the user gave or found."""
    seen: set[str] = set()
    for given, matches in checked:
        for candidate in matches if matches is not None else [given]:
            names = _walk(candidate) if os.path.isdir(candidate) else iter([candidate])
            for name in names:
                key = os.path.realpath(name)
                if key in seen:
                    continue
                seen.add(key)
                yield name
