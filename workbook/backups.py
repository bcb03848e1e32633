"""Rolling backups: the earlier versions of a plan, kept in a folder beside it."""

from __future__ import annotations

import os
from pathlib import Path

from workbook.atomic import read_all, write_atomic

BACKUP_FOLDER_NAME = "Workbook backups"
"""Folder beside a plan that holds copies of its earlier versions."""

BACKUPS_KEPT = 5
"""How many earlier versions of each plan are kept; ``backup-1`` is the newest."""


def backup_folder(path: os.PathLike[str] | str) -> Path:
    """Where the earlier versions of the plan at ``path`` are kept."""
    path = Path(path)
    return path.parent / BACKUP_FOLDER_NAME


def backup_path(path: os.PathLike[str] | str, number: int) -> Path:
    """The ``number``-th most recent backup of ``path`` (1 = the version before the last save).

    ``client.json`` keeps ``client.backup-1.json``; a name without an extension keeps its
    whole name, ``client`` → ``client.backup-1``, so that "client" and "client.json" in
    one folder never share backups."""
    path = Path(path)
    if path.suffix:
        name = f"{path.stem}.backup-{number}{path.suffix}"
    else:
        name = f"{path.name}.backup-{number}"
    return backup_folder(path) / name


def _legacy_backup_path(path: Path, number: int) -> Path | None:
    """Where versions before 0.2 kept the backups of a plan named without an extension
    (``client`` → ``client.backup-1.json``, the name ``client.json``'s backups have), if
    that name can only be this plan's: no ``client.json`` beside it."""
    if path.suffix or path.with_name(f"{path.name}.json").exists():
        return None
    return backup_folder(path) / f"{path.name}.backup-{number}.json"


def list_backups(path: os.PathLike[str] | str) -> list[Path]:
    """The backups of ``path`` that exist, newest first."""
    path = Path(path)
    found = [p for p in (backup_path(path, n) for n in range(1, BACKUPS_KEPT + 1)) if p.exists()]
    if found:
        return found
    legacy = (_legacy_backup_path(path, n) for n in range(1, BACKUPS_KEPT + 1))
    return [p for p in legacy if p is not None and p.exists()]


def _adopt_legacy_backups(path: Path) -> None:
    """Give an extension-less plan's backups their new names, once, if they are surely its."""
    if any(backup_path(path, n).exists() for n in range(1, BACKUPS_KEPT + 1)):
        return
    for number in range(1, BACKUPS_KEPT + 1):
        legacy = _legacy_backup_path(path, number)
        if legacy is None:
            return
        if legacy.exists():
            os.replace(legacy, backup_path(path, number))


def rotate_backups(path: Path, current: bytes) -> None:
    """Keep ``current`` (what the plan file holds before a save replaces it) as the newest
    backup of ``path``, shifting the older ones; the oldest beyond the limit goes."""
    folder = backup_folder(path)
    if folder.is_dir():
        _adopt_legacy_backups(path)
    newest = backup_path(path, 1)
    if newest.exists() and read_all(newest) == current:
        return  # this version is already the newest backup
    folder.mkdir(exist_ok=True)
    oldest = backup_path(path, BACKUPS_KEPT)
    if oldest.exists():
        oldest.unlink()
    for number in range(BACKUPS_KEPT - 1, 0, -1):
        older = backup_path(path, number)
        if older.exists():
            os.replace(older, backup_path(path, number + 1))
    write_atomic(newest, current)
