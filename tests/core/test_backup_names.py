"""Each plan keeps its own backups, whatever the names of the plans beside it."""

from __future__ import annotations

from pathlib import Path

from workbook.backups import BACKUPS_KEPT, backup_folder, backup_path, list_backups
from workbook.model import Plan
from workbook.storage import (
    load_plan,
    plan_to_bytes,
    save_plan,
)


def _plan(title: str) -> Plan:
    plan = Plan()
    plan.details.title = title
    return plan


def _titles(paths: list[Path]) -> list[str]:
    return [load_plan(path).plan.details.title for path in paths]


def test_acme_and_acme_json_keep_separate_backups(tmp_path: Path) -> None:
    bare, dotted = tmp_path / "Acme", tmp_path / "Acme.json"
    for version in range(1, 4):
        save_plan(_plan(f"bare {version}"), bare)
        save_plan(_plan(f"dotted {version}"), dotted)
    assert backup_path(bare, 1) != backup_path(dotted, 1)
    assert _titles(list_backups(bare)) == ["bare 2", "bare 1"]
    assert _titles(list_backups(dotted)) == ["dotted 2", "dotted 1"]


def test_names_with_an_extension_keep_their_old_backup_names(tmp_path: Path) -> None:
    # Backups made by earlier versions are found without any renaming.
    assert backup_path(tmp_path / "client.json", 1).name == "client.backup-1.json"
    assert backup_path(tmp_path / "Acme", 2).name == "Acme.backup-2"


def test_no_two_names_share_a_backup(tmp_path: Path) -> None:
    names = ["Acme", "Acme.json", "Acme.backup-1", "Acme.backup-1.json", "Acme.json.json", ".Acme"]
    paths = {backup_path(tmp_path / name, n) for name in names for n in range(1, BACKUPS_KEPT + 1)}
    assert len(paths) == len(names) * BACKUPS_KEPT


def test_old_backups_of_a_name_without_extension_are_adopted(tmp_path: Path) -> None:
    bare = tmp_path / "Acme"
    save_plan(_plan("current"), bare)
    old = backup_folder(bare) / "Acme.backup-1.json"  # how versions before 0.2 named it
    old.parent.mkdir()
    old.write_bytes(plan_to_bytes(_plan("older")))
    assert list_backups(bare) == [old]  # found before anything is renamed
    save_plan(_plan("newest"), bare)
    assert _titles(list_backups(bare)) == ["current", "older"]
    assert not old.exists()


def test_old_backups_are_left_alone_when_they_could_be_another_plans(tmp_path: Path) -> None:
    bare, dotted = tmp_path / "Acme", tmp_path / "Acme.json"
    save_plan(_plan("dotted 1"), dotted)
    save_plan(_plan("dotted 2"), dotted)  # its backup: Acme.backup-1.json
    shared = backup_path(dotted, 1)
    save_plan(_plan("bare 1"), bare)
    save_plan(_plan("bare 2"), bare)
    assert load_plan(shared).plan.details.title == "dotted 1"
    assert _titles(list_backups(bare)) == ["bare 1"]
