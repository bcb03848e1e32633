"""Recovery copies: written atomically to the app's data folder, listed, loaded and discarded."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbook.appdirs import recovery_dir
from workbook.model import ListeningNote, Plan
from workbook.recovery import RECOVERY_FORMAT, RecoveryStore
from workbook.storage import PlanLoadError, plan_to_bytes, save_plan

T0 = datetime(2026, 11, 22, 14, 5, tzinfo=UTC)


def _plan(title: str) -> Plan:
    plan = Plan()
    plan.details.title = title
    plan.listening.notes.append(ListeningNote(said="Ünïcode — 你好", sentiment="mixed"))
    return plan


def test_default_folder_is_in_the_data_dir(tmp_path: Path) -> None:
    store = RecoveryStore()
    assert store.folder == recovery_dir()
    # conftest points the data folder at a per-test place
    assert "appdirs" in str(store.folder)


def test_write_list_load_discard(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    assert store.list() == []
    user_file = tmp_path / "client.json"
    save_plan(_plan("saved version"), user_file)
    saved_bytes = user_file.read_bytes()

    plan = _plan("unsaved edits")
    path = store.write(plan, user_file, "session-a", saved_at=T0)
    assert path.parent == tmp_path / "recovery"
    assert user_file.read_bytes() == saved_bytes  # never the user's file

    (copy,) = store.list()
    assert copy.path == path
    assert copy.original_path == user_file.absolute()
    assert copy.saved_at == T0
    assert copy.title == "unsaved edits"
    assert copy.session_id == "session-a"
    assert store.load(copy) == plan

    store.discard(copy)
    assert store.list() == []
    store.discard(copy)  # already gone: fine


def test_envelope_format(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    plan = _plan("T")
    path = store.write(plan, None, "s1", saved_at=T0)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == RECOVERY_FORMAT
    assert raw["recovery_of"] is None
    assert raw["saved_at"] == "2026-11-22T14:05:00+00:00"
    assert raw["session_id"] == "s1"
    assert raw["plan"] == json.loads(plan_to_bytes(plan))


def test_same_session_replaces_its_copy_and_sessions_are_separate(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(_plan("first"), None, "s1", saved_at=T0)
    store.write(_plan("second"), None, "s1", saved_at=T0 + timedelta(minutes=1))
    store.write(_plan("other window"), None, "s2", saved_at=T0 + timedelta(minutes=2))
    copies = store.list()
    assert [c.title for c in copies] == ["other window", "second"]  # newest first
    store.discard_session("s1")
    assert [c.session_id for c in store.list()] == ["s2"]


def test_injected_clock_is_used(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path, clock=lambda: T0)
    store.write(_plan("x"), None, "s1")
    assert store.list()[0].saved_at == T0


def test_title_falls_back(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(Plan(), tmp_path / "acme.json", "a", saved_at=T0)
    store.write(Plan(), None, "b", saved_at=T0 - timedelta(1))
    assert [c.title for c in store.list()] == ["acme", "Untitled plan"]


def test_unsafe_session_ids_become_safe_file_names(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    path = store.write(Plan(), None, "../../etc/passwd window 1", saved_at=T0)
    assert path.parent == tmp_path
    assert store.list()[0].session_id == "../../etc/passwd window 1"


def test_damaged_copies_are_left_out_of_the_list(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(_plan("good"), None, "good", saved_at=T0)
    (tmp_path / "bad.recovery.json").write_bytes(b'{"format": "social-media-value-wo')
    (tmp_path / "other.recovery.json").write_text('{"format": "nope"}', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("unrelated", encoding="utf-8")
    assert [c.title for c in store.list()] == ["good"]


def test_copy_with_a_bad_plan_gives_a_human_error(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    path = store.write(_plan("t"), None, "s", saved_at=T0)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["plan"]["listening"]["notes"][0]["sentiment"] = "cross"
    path.write_text(json.dumps(raw), encoding="utf-8")
    (copy,) = store.list()
    with pytest.raises(PlanLoadError) as caught:
        store.load(copy)
    assert "recovery copy of “t”" in caught.value.message
    assert "Listening notes › note 1 › Sentiment" in caught.value.message
    assert "Workbook backups" not in caught.value.message


def test_copy_deleted_between_list_and_load(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(_plan("t"), None, "s", saved_at=T0)
    (copy,) = store.list()
    copy.path.unlink()
    with pytest.raises(PlanLoadError, match="could not be read"):
        store.load(copy)


def test_missing_folder_lists_nothing_and_is_created_on_write(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "not" / "yet")
    assert store.list() == []
    store.write(Plan(), None, "s", saved_at=T0)
    assert len(store.list()) == 1


# ---------------------------------------------------------------- where the app keeps its data


@pytest.mark.parametrize(
    ("platform", "env", "config", "data"),
    [
        (
            "linux",
            {"XDG_CONFIG_HOME": "/x/cfg", "XDG_DATA_HOME": "/x/share"},
            "/x/cfg/social-media-value-workbook",
            "/x/share/social-media-value-workbook",
        ),
        (
            "linux",
            {},
            "/home/anna/.config/social-media-value-workbook",
            "/home/anna/.local/share/social-media-value-workbook",
        ),
        (
            "darwin",
            {},
            "/home/anna/Library/Application Support/Social Media Value Workbook",
            "/home/anna/Library/Application Support/Social Media Value Workbook",
        ),
        (
            "win32",
            {"APPDATA": "/w/Roaming", "LOCALAPPDATA": "/w/Local"},
            "/w/Roaming/Social Media Value Workbook",
            "/w/Local/Social Media Value Workbook",
        ),
    ],
)
def test_platform_folders(
    platform: str, env: dict[str, str], config: str, data: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from workbook import appdirs

    for name in (
        "WORKBOOK_CONFIG_DIR",
        "WORKBOOK_DATA_DIR",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "APPDATA",
        "LOCALAPPDATA",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(appdirs, "_home", lambda: Path("/home/anna"))
    monkeypatch.setattr(sys, "platform", platform)
    assert appdirs.config_dir() == Path(config)
    assert appdirs.data_dir() == Path(data)
    assert appdirs.recovery_dir() == Path(data) / "recovery"


def test_environment_overrides_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbook import appdirs

    monkeypatch.setenv("WORKBOOK_CONFIG_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path / "d"))
    assert appdirs.config_dir() == tmp_path / "c"
    assert appdirs.data_dir() == tmp_path / "d"
    assert not (tmp_path / "c").exists()  # asking never creates folders
