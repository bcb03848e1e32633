"""Recovery copies: written atomically to the app's data folder, listed, loaded and discarded."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbook.appdirs import recovery_dir
from workbook.locking import LockHolder, PlanLock, current_host
from workbook.model import ListeningNote, Plan
from workbook.recovery import RECOVERY_FORMAT, RecoveryStore, _host_tag
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
    restored = store.load(copy)
    assert restored.plan == plan and restored.left_out == () and restored.message() == ""

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
    assert raw["pid"] == os.getpid()
    assert raw["base_fingerprint"] is None
    assert raw["plan"] == json.loads(plan_to_bytes(plan))


def test_the_base_fingerprint_and_lock_token_travel_with_the_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    user_file = tmp_path / "client.json"
    base = save_plan(_plan("on disk"), user_file).fingerprint
    store.write(_plan("edited"), user_file, "s1", base_fingerprint=base, lock_token="t0k")
    (copy,) = store.list()
    assert copy.base_fingerprint == base and copy.lock_token == "t0k"
    restored = store.load(copy)
    assert restored.base_fingerprint == base
    assert restored.plan.details.title == "edited"


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


def test_a_copy_from_the_autosavers_snapshot_is_the_copy_of_the_plan(tmp_path: Path) -> None:
    """The autosaver's worker writes from ``model_dump(mode="json")`` without building the
    plan again: the file must be byte for byte the one written from the plan."""
    plan = _plan("Crumb & Co")
    plan.details.organisation = "Crumb and Co"
    plan.listening.notes.append(ListeningNote(said="Café opens at 7 — 🍞"))
    from_plan = RecoveryStore(tmp_path / "a").write(plan, tmp_path / "p.json", "s", saved_at=T0)
    dumped = plan.model_dump(mode="json")
    store = RecoveryStore(tmp_path / "b")
    from_dump = store.write_dumped(dumped, tmp_path / "p.json", "s", saved_at=T0)
    assert from_plan.read_bytes() == from_dump.read_bytes()
    copy = store.list()[0]
    assert copy.title == plan.details.title
    assert store.load(copy).plan == plan


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


def test_a_copy_with_one_invalid_field_restores_everything_else(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    plan = _plan("t")
    plan.listening.notes.append(ListeningNote(said="second note", sentiment="positive"))
    path = store.write(plan, None, "s", saved_at=T0)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["plan"]["listening"]["notes"][0]["sentiment"] = "cross"
    path.write_text(json.dumps(raw), encoding="utf-8")
    (copy,) = store.list()
    restored = store.load(copy)
    notes = restored.plan.listening.notes
    assert [n.said for n in notes] == ["Ünïcode — 你好", "second note"]
    assert notes[0].sentiment is None and notes[1].sentiment == "positive"
    assert restored.plan.details.title == "t"
    assert restored.left_out == (
        'Listening & Learning › Listening notes › note 1 › Sentiment (it held "cross")',
    )
    message = restored.message()
    assert "recovery copy of “t” was restored" in message
    assert "Listening notes › note 1 › Sentiment" in message
    assert "Workbook backups" not in message
    assert copy.path.exists()  # restored, not set aside


def test_rows_and_parts_that_are_not_objects_are_left_out_and_named(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    path = store.write(_plan("t"), None, "s", saved_at=T0)
    raw = json.loads(path.read_text(encoding="utf-8"))
    notes = raw["plan"]["listening"]["notes"]
    notes.insert(0, "not a note")
    notes.append({"said": "kept", "tags": ["a", 7, "b"]})
    raw["plan"]["management"]["resources"] = 12
    path.write_text(json.dumps(raw), encoding="utf-8")
    restored = store.load(store.list()[0])
    assert [n.said for n in restored.plan.listening.notes] == ["Ünïcode — 你好", "kept"]
    assert restored.plan.listening.notes[1].tags == ["a", "b"]  # only the number is left out
    assert set(restored.left_out) == {
        'Listening & Learning › Listening notes › note 1 (it held "not a note")',
        "Listening & Learning › Listening notes › note 3 › Themes › theme 2 (it held 7)",
        "Management & Administration › Resources (it held 12)",
    }


def test_a_copy_that_cannot_be_restored_is_set_aside_and_the_message_says_where(
    tmp_path: Path,
) -> None:
    store = RecoveryStore(tmp_path)
    path = store.write(_plan("t"), None, "s", saved_at=T0)
    (copy,) = store.list()
    path.write_bytes(b'{"format": "social-media-value-workbook-recovery", "plan": ')
    with pytest.raises(PlanLoadError) as caught:
        store.load(copy)
    (kept,) = store.damaged_folder.iterdir()
    assert kept.read_bytes().startswith(b'{"format": "social-media-value-workbook-recovery"')
    assert not path.exists()
    assert "recovery copy of “t” cannot be restored" in caught.value.message
    assert str(kept) in caught.value.message
    assert "Nothing was deleted" in caught.value.message
    assert store.scan().offers == []  # not offered again


def test_copy_deleted_between_list_and_load(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(_plan("t"), None, "s", saved_at=T0)
    (copy,) = store.list()
    copy.path.unlink()
    with pytest.raises(PlanLoadError, match="could not be read"):
        store.load(copy)


# ---------------------------------------------------------------- the start-up scan


def test_scan_offers_copies_of_ended_sessions_only(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.start_session("live")
    store.write(_plan("still being edited"), None, "live", saved_at=T0)
    store.write(_plan("crashed"), None, "dead", saved_at=T0)
    scan = store.scan()
    assert [c.session_id for c in scan.offers] == ["dead"]
    assert scan.damaged == [] and scan.damaged_message() == ""
    assert store.session_is_alive("live") and not store.session_is_alive("dead")
    store.end_session("live")
    assert {c.session_id for c in store.scan().offers} == {"live", "dead"}


@pytest.mark.parametrize("pid", [os.getpid(), os.getppid()], ids=["own pid", "parent pid"])
def test_a_dead_session_is_offered_though_its_pid_is_alive(tmp_path: Path, pid: int) -> None:
    """The process id in a crashed session's id may belong to a live process by now (after a
    reboot, or reused): its copy is offered all the same."""
    store = RecoveryStore(tmp_path)
    session = f"{pid}-0badc0de-{_host_tag(current_host())}"
    path = store.write(_plan("before the reboot"), None, session, saved_at=T0)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["pid"] == os.getpid()
    (offer,) = store.scan().offers
    assert offer.session_id == session


def test_damaged_copies_are_set_aside_named_once_and_kept(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(_plan("good"), None, "good", saved_at=T0)
    truncated = b'{"format": "social-media-value-workbook-recovery", "title": "Acme'
    (tmp_path / "bad.recovery.json").write_bytes(truncated)
    store.write(_plan("Acme plan"), None, "no-plan", saved_at=T0)
    no_plan = store.path_for("no-plan")
    raw = json.loads(no_plan.read_text(encoding="utf-8"))
    raw["plan"] = ["not", "a", "plan"]
    no_plan.write_text(json.dumps(raw), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("unrelated", encoding="utf-8")

    scan = store.scan()
    assert [c.title for c in scan.offers] == ["good"]
    assert sorted(d.title for d in scan.damaged) == ["", "Acme plan"]
    kept = sorted(store.damaged_folder.iterdir())
    assert len(kept) == 2 and {d.kept_at for d in scan.damaged} == set(kept)
    assert truncated in [k.read_bytes() for k in kept]  # moved, byte for byte
    message = scan.damaged_message()
    assert message.startswith("2 recovery copies of unsaved work could not be read")
    assert "“Acme plan”" in message and "not a plan" in message
    assert str(store.damaged_folder) in message and "Nothing was deleted" in message
    assert (tmp_path / "notes.txt").exists()

    again = store.scan()  # named once; kept for good
    assert again.damaged == [] and len(again.offers) == 1
    assert sorted(store.damaged_folder.iterdir()) == kept


def test_a_copy_from_a_newer_app_is_named_but_left_in_place(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    path = store.write(_plan("future"), None, "s", saved_at=T0)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["plan"]["schema_version"] = 99
    path.write_text(json.dumps(raw), encoding="utf-8")
    (damaged,) = store.scan().damaged
    assert damaged.kept_at == path and path.exists()
    assert "newer version of the app" in damaged.problem


def test_a_copy_that_is_not_a_regular_file_is_named_not_read(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    store = RecoveryStore(tmp_path)
    os.mkfifo(tmp_path / "fifo.recovery.json")
    (damaged,) = store.scan().damaged  # returns at once: the FIFO is never opened
    assert damaged.problem == "It is not an ordinary file."


def test_the_scan_removes_free_leases_without_a_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.start_session("live")
    (tmp_path / "gone.lease").write_text("{}", encoding="utf-8")  # left by a kill
    store.write(_plan("crashed"), None, "crashed", saved_at=T0)
    (tmp_path / "crashed.lease").write_text("{}", encoding="utf-8")
    store.scan()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["crashed.lease", "crashed.recovery.json", "live.lease"]
    (offer,) = store.scan().offers
    store.discard(offer)  # the copy and its free lease go together
    assert sorted(p.name for p in tmp_path.iterdir()) == ["live.lease"]
    store.end_session("live")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the dead session's plan lock


def _holder(tmp_path: Path, **kwargs: object) -> LockHolder:
    lock = PlanLock(tmp_path / "plan.json", **kwargs)  # type: ignore[arg-type]
    lock.acquire()
    holder = lock.holder()
    assert holder is not None
    lock.release()
    return holder


def test_a_copy_knows_the_plan_lock_its_session_left(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    plan_file = tmp_path / "plan.json"
    # The lock of a crashed session whose pid is alive again: not stale by the pid alone.
    left = _holder(tmp_path, pid=os.getppid(), clock=lambda: T0)
    assert not left.is_stale
    store.write(
        _plan("x"), plan_file, "s", saved_at=T0 + timedelta(minutes=5), lock_token=left.token
    )
    (copy,) = store.list()
    assert copy.left_lock(left)
    someone_else = _holder(tmp_path, pid=os.getppid(), clock=lambda: T0)
    assert not copy.left_lock(someone_else)  # another lock, whatever its pid


def test_without_a_token_the_lock_must_predate_the_copy_and_share_its_pid(
    tmp_path: Path,
) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    store.write(_plan("x"), tmp_path / "plan.json", "s", saved_at=T0)
    (copy,) = store.list()
    assert copy.lock_token == "" and copy.pid == os.getpid()
    assert copy.left_lock(_holder(tmp_path, clock=lambda: T0 - timedelta(hours=1)))
    # Taken after the copy was written: a live process that got the same id later.
    assert not copy.left_lock(_holder(tmp_path, clock=lambda: T0 + timedelta(seconds=1)))
    assert not copy.left_lock(_holder(tmp_path, pid=os.getpid() + 1, clock=lambda: T0))
    assert not copy.left_lock(_holder(tmp_path, host="elsewhere", clock=lambda: T0))
    corrupt = LockHolder(user="", host="", pid=0, app_version="", since=None, corrupt=True)
    assert not copy.left_lock(corrupt)


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
