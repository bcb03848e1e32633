"""Autosave and crash recovery: background recovery copies, a copy at least every few seconds
while typing goes on, restore after a crash, keep or discard, clean close, and "save
automatically to the file"."""

from __future__ import annotations

import os
import threading

import pytest

from tests.gui.conftest import write_plan
from workbook.appdirs import recovery_dir
from workbook.gui.autosave import (
    MAX_WAIT_MS,
    Autosaver,
    new_session_id,
    next_delay_ms,
    session_is_running,
)
from workbook.gui.document import PlanDocument
from workbook.locking import current_host
from workbook.recovery import RecoveryStore, _host_tag
from workbook.storage import load_plan

pytestmark = pytest.mark.gui

TITLE = ("details", "title")
ORG = ("details", "organisation")
CRASHED = "crashed-session"
"""A session id that belongs to no running process: what a crashed app leaves behind."""


def copies():
    return RecoveryStore(recovery_dir()).list()


def crash(window) -> None:
    """What a crash or ``kill -9`` leaves behind: the window's last recovery copy, and its
    session's lease let go (the operating system drops the lock when the process ends)."""
    window.autosaver.write_now()
    window.files.recovery_store.end_session(window.autosaver.session_id)


def test_an_edit_writes_a_recovery_copy_and_not_the_users_file(window, qtbot, tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Saved title")
    before = path.read_bytes()
    window.files.open_path(path)
    with qtbot.waitSignal(window.autosaver.recovery_written, timeout=5000):
        window.document.set_value(TITLE, "Typed but not saved")
    (copy,) = copies()
    assert copy.original_path == path.absolute()
    assert RecoveryStore(recovery_dir()).load(copy).plan.details.title == "Typed but not saved"
    assert path.read_bytes() == before
    assert window.statusBar().currentMessage() == "Recovery copy written"


def test_the_write_happens_off_the_ui_thread(window, qtbot):
    """A slow disk must not freeze typing: start_write returns while the copy is still
    being written, and the writing thread is not the UI thread."""
    release = threading.Event()
    threads = []
    real_write = window.files.recovery_store.write_dumped

    def slow_write(*args, **kwargs):
        threads.append(threading.current_thread())
        assert release.wait(10)
        return real_write(*args, **kwargs)

    window.files.recovery_store.write_dumped = slow_write
    window.files.new_plan()
    window.document.set_value(TITLE, "First")
    try:
        window.autosaver.start_write()
        qtbot.waitUntil(lambda: bool(threads))  # the worker is inside write(), blocked
        assert window.autosaver.pending and copies() == []
        window.document.set_value(TITLE, "Typed during the write")  # the UI is free
        window.autosaver.start_write()  # asks for another write after this one
    finally:
        release.set()
    qtbot.waitUntil(
        lambda: (
            bool(copies())
            and RecoveryStore(recovery_dir()).load(copies()[0]).plan.details.title
            == "Typed during the write"
        )
    )
    assert all(t is not threading.main_thread() for t in threads)
    assert len(threads) == 2


def test_a_big_plan_is_taken_a_piece_a_turn_and_an_edit_meanwhile_is_in_the_copy(
    window, qtbot, monkeypatch
):
    """The recovery copy's plan is taken over several turns of the event loop (one go
    holds the window for most of a frame with 2,000 notes); an edit between two pieces
    starts it again, so the copy holds it; and wait() takes what is left at once."""
    import workbook.session as session_module
    from tests.export.plans import hostile_plan
    from workbook import state_steps
    from workbook.session import PlanSession

    in_one_go = []
    whole = session_module.plan_state
    monkeypatch.setattr(session_module, "plan_state", lambda p: in_one_go.append(1) or whole(p))
    window.files.install(PlanSession(hostile_plan(notes=1000, big=False)), modified=True)
    autosaver = window.autosaver
    turns = []
    autosaver._stepper.stepped.connect(lambda: turns.append(1))
    edits = []

    def type_once() -> None:  # after the first piece, which holds the title
        if not edits:
            edits.append(1)
            window.document.set_value(TITLE, "Typed while it was taken")

    autosaver._stepper.stepped.connect(type_once)
    with qtbot.waitSignal(autosaver.recovery_written, timeout=10000):
        autosaver.start_write()
        assert autosaver.pending and copies() == []  # nothing taken yet
    assert len(turns) > 1000 // state_steps.ROWS_PER_STEP and in_one_go == []
    if autosaver.pending:  # the edit asked for another copy: let it come
        autosaver.wait()
    copy = RecoveryStore(recovery_dir()).load(copies()[0]).plan
    assert copy.details.title == "Typed while it was taken"

    window.document.set_value(TITLE, "Then closed at once")
    autosaver.start_write()
    autosaver.wait()  # the plan is taken at once, and written
    assert not autosaver.pending
    copy = RecoveryStore(recovery_dir()).load(copies()[0]).plan
    assert copy.details.title == "Then closed at once"


def test_restore_after_a_crash_brings_back_every_edit(make_window, answers, tmp_path):
    crashed = make_window(session_id=CRASHED)
    crashed.files.new_plan()
    crashed.document.set_value(TITLE, "Workshop plan")
    crashed.document.set_value(ORG, "Wrenford Physio")
    crash(crashed)  # the crashed app never closed cleanly: its copy is left behind

    answers.set("ask_recovery", ("restore", 0))
    window = make_window()
    assert window.files.offer_recovery()
    ((_parent, items),) = answers.messages("ask_recovery")
    assert items[0].title == "Workshop plan" and items[0].original is None
    plan = window.document.plan
    assert (plan.details.title, plan.details.organisation) == ("Workshop plan", "Wrenford Physio")
    assert window.isWindowModified() and window.document.is_modified
    assert [c.session_id for c in copies()] == [window.autosaver.session_id]


def test_restored_plan_keeps_its_file_and_can_be_saved(make_window, answers, tmp_path):
    path = write_plan(tmp_path / "plan.json", title="On disk")
    crashed = make_window(session_id=CRASHED)
    crashed.files.open_path(path)
    crashed.document.set_value(ORG, "Unsaved org")
    crash(crashed)
    crashed.document.session.close()  # a crashed process holds no lock any more

    answers.set("ask_recovery", ("restore", 0))
    window = make_window()
    window.files.offer_recovery()
    assert window.document.file_path == path.absolute()
    assert load_plan(path).plan.details.organisation == ""
    assert window.files.save()
    assert load_plan(path).plan.details.organisation == "Unsaved org"
    assert copies() == []


def test_keep_for_later_asks_again_next_time(make_window, answers):
    crashed = make_window(session_id=CRASHED)
    crashed.files.new_plan()
    crashed.document.set_value(TITLE, "Keep me")
    crash(crashed)

    answers.set("ask_recovery", ("keep", 0), ("discard", 0))
    assert not make_window().files.offer_recovery()
    assert [c.title for c in copies()] == ["Keep me"]
    later = make_window()
    assert not later.files.offer_recovery()  # this time the user discards it
    assert copies() == []
    assert not later.has_plan


def test_copies_of_running_sessions_are_not_offered(make_window, answers):
    other = make_window()  # another window of this app, still open
    other.files.new_plan()
    other.document.set_value(TITLE, "Still being edited")
    other.autosaver.write_now()
    assert session_is_running(other.autosaver.session_id)
    assert not make_window().files.offer_recovery()
    assert answers.asked == []


def test_a_crashed_session_is_offered_though_its_process_id_is_in_use_again(make_window, answers):
    """After a reboot, or once another program got the id, the dead session's pid is alive:
    the copy must be offered all the same (the session's lease is free)."""
    live_pid = os.getppid()  # surely running: the process that started the tests
    crashed = make_window(session_id=f"{live_pid}-0badc0de-{_host_tag(current_host())}")
    crashed.files.new_plan()
    crashed.document.set_value(TITLE, "Typed before the reboot")
    crash(crashed)

    answers.set("ask_recovery", ("restore", 0))
    window = make_window()
    assert window.files.offer_recovery()
    assert window.document.plan.details.title == "Typed before the reboot"


def test_session_ids_do_not_decide_liveness():
    assert session_is_running(new_session_id()) is False  # no window holds its lease
    assert session_is_running(f"{os.getpid()}-abcdef12-{_host_tag(current_host())}") is False
    assert session_is_running("1-abcdef12-some_other_host") is False
    assert session_is_running("not-a-session") is False


def test_a_clean_close_removes_the_recovery_copy(window, answers, qtbot):
    window.show()
    window.files.new_plan()
    with qtbot.waitSignal(window.autosaver.recovery_written, timeout=5000):
        window.document.set_value(TITLE, "Draft")
    assert copies()
    answers.set("ask_unsaved_changes", "discard")
    window.close()
    assert copies() == []


def test_saving_removes_the_recovery_copy(window, answers, qtbot, tmp_path):
    window.files.new_plan()
    with qtbot.waitSignal(window.autosaver.recovery_written, timeout=5000):
        window.document.set_value(TITLE, "Draft")
    answers.set("ask_save_path", tmp_path / "draft.json")
    window.files.save()
    assert copies() == []


def test_save_automatically_to_the_file(make_window, settings, qtbot, tmp_path):
    settings.save_to_file_automatically = True
    window = make_window()
    path = write_plan(tmp_path / "plan.json", title="Before")
    window.files.open_path(path)
    with qtbot.waitSignal(window.autosaver.file_saved, timeout=5000):
        window.document.set_value(TITLE, "Saved by itself")
    assert load_plan(path).plan.details.title == "Saved by itself"
    assert not window.isWindowModified()
    # The next manual save does not see its own automatic save as a change on disk.
    window.document.set_value(ORG, "Manual")
    window.autosaver.wait()
    assert window.files.save()
    assert load_plan(path).plan.details.organisation == "Manual"


def test_automatic_file_saving_stops_when_the_file_changed_elsewhere(
    make_window, settings, qtbot, tmp_path
):
    settings.save_to_file_automatically = True
    window = make_window()
    path = write_plan(tmp_path / "plan.json", title="Before")
    window.files.open_path(path)
    write_plan(path, title="Someone else's")
    with qtbot.waitSignal(window.autosaver.file_changed_on_disk, timeout=5000):
        window.document.set_value(ORG, "Mine")
    assert load_plan(path).plan.details.title == "Someone else's"
    assert "changed elsewhere" in window.statusBar().currentMessage()
    assert window.isWindowModified() and copies()


def test_automatic_saving_is_off_by_default(window, qtbot, tmp_path):
    path = write_plan(tmp_path / "plan.json", title="Before")
    window.files.open_path(path)
    with qtbot.waitSignal(window.autosaver.recovery_written, timeout=5000):
        window.document.set_value(TITLE, "Not in the file")
    assert load_plan(path).plan.details.title == "Before"


def test_a_failing_recovery_folder_is_reported_in_the_status_bar(window, qtbot):
    def broken(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    window.files.recovery_store.write_dumped = broken
    window.files.new_plan()
    with qtbot.waitSignal(window.autosaver.failed, timeout=5000):
        window.document.set_value(TITLE, "x")
    assert "recovery copy could not be written" in window.statusBar().currentMessage()
    assert "Permission denied" in window.statusBar().currentMessage()


# ---------------------------------------------------------------- steady typing


def test_next_delay_is_the_pause_but_never_past_the_longest_wait():
    assert MAX_WAIT_MS <= 10_000
    assert next_delay_ms(5000, 8000, 0) == 5000
    assert next_delay_ms(5000, 8000, 6000) == 2000
    assert next_delay_ms(5000, 8000, 8000) == 0
    assert next_delay_ms(5000, 8000, 9500) == 0
    assert next_delay_ms(60_000, 8000, 0) == 8000  # a long pause setting is capped too


@pytest.fixture
def typing(qtbot, tmp_path):
    """An autosaver on its own document, with a clock the test moves by hand. Its timers
    never fire here: no event loop runs until the test waits for a write."""
    now = [0.0]
    document = PlanDocument()
    store = RecoveryStore(tmp_path / "recovery")
    saver = Autosaver(document, store, "typing", interval_ms=5000, clock=lambda: now[0])
    yield document, store, saver, now
    saver.wait()
    saver.close()


def test_steady_typing_gets_a_copy_within_the_longest_wait(typing, qtbot):
    """A key every 3 s never leaves the 5 s pause; 8 s after the first key a copy is
    written anyway, in the background, with everything typed so far."""
    document, store, saver, now = typing
    for second in (0, 3, 6):
        now[0] = second
        document.set_value(TITLE, f"typed at {second} s")
    assert store.list() == [] and saver.pending
    assert saver.scheduled_delay_ms == 2000  # 8 s after the first key, not 5 s after the last

    now[0] = 8.5
    with qtbot.waitSignal(saver.recovery_written, timeout=5000):
        document.set_value(TITLE, "typed at 8.5 s")
    (copy,) = store.list()
    assert store.load(copy).plan.details.title == "typed at 8.5 s"

    # The longest wait counts again from the first key the copy does not hold.
    now[0] = 10
    document.set_value(TITLE, "typed at 10 s")
    assert saver.scheduled_delay_ms == 5000
    now[0] = 14
    document.set_value(TITLE, "typed at 14 s")
    assert saver.scheduled_delay_ms == 4000


def test_typing_for_half_a_minute_then_a_kill_loses_at_most_the_longest_wait(typing, qtbot):
    """The case that lost everything: 25 s of typing with 3 s gaps, then ``kill -9``. The
    timer is driven by hand: it fires when the fake clock passes its due time."""
    document, store, saver, now = typing
    written_at: list[float] = []
    saver.recovery_written.connect(lambda _path: written_at.append(now[0]))
    keys = [3.0 * k for k in range(9)]  # 0, 3, ... 24 s; the kill comes at 25 s
    due: float | None = None
    for key in keys:
        if due is not None and due <= key:  # the pending write's time came before this key
            now[0] = due
            saver.start_write()
            saver.wait()
        now[0] = key
        document.set_value(TITLE, f"typed at {key:g} s")
        saver.wait()
        delay = saver.scheduled_delay_ms
        due = None if delay is None else key + delay / 1000
    kill = 25.0
    for key in keys:
        if key + MAX_WAIT_MS / 1000 <= kill:  # its copy was due before the kill
            assert any(key <= w <= key + MAX_WAIT_MS / 1000 for w in written_at), key
    newest = store.load(store.list()[0]).plan.details.title
    assert newest == f"typed at {max(k for k in keys if k <= written_at[-1]):g} s"


def test_copies_record_the_file_version_and_lock_they_were_based_on(typing):
    document, store, saver, _now = typing
    saver.base_fingerprint = lambda: "sha256:base-version"
    saver.plan_lock_token = lambda: "lock-token-1"
    document.set_value(TITLE, "Edited")
    saver.write_now()
    (copy,) = store.list()
    assert copy.base_fingerprint == "sha256:base-version"
    assert copy.lock_token == "lock-token-1"
    assert store.load(copy).base_fingerprint == "sha256:base-version"


def test_the_autosaver_holds_its_session_lease_until_it_closes(qtbot, tmp_path):
    store = RecoveryStore(tmp_path)
    saver = Autosaver(PlanDocument(), store, "window-1")
    assert session_is_running("window-1", store)
    saver.close()
    assert not session_is_running("window-1", store)
    assert list(tmp_path.iterdir()) == []  # a clean close leaves nothing behind


def test_restore_takes_over_the_dead_sessions_own_lock_without_asking(
    make_window, answers, tmp_path
):
    """The crashed session's lock on the plan is still on disk (its process id may even be
    in use again): restoring its copy must not ask "open elsewhere — take over?"."""
    from workbook.locking import PlanLock

    path = write_plan(tmp_path / "plan.json", title="On disk")
    crashed = make_window(session_id=CRASHED)
    crashed.files.open_path(path)
    crashed.document.set_value(ORG, "Unsaved org")
    crash(crashed)  # the lock file stays behind, as after kill -9
    assert PlanLock(path).holder() is not None

    answers.set("ask_recovery", ("restore", 0))
    window = make_window()
    assert window.files.offer_recovery()
    assert "ask_locked" not in answers.names()
    assert window.document.session.lock is not None and window.document.session.lock.is_held
    assert window.files.save()
    assert load_plan(path).plan.details.organisation == "Unsaved org"
    crashed.document.session.lock = None  # it was taken over; the dead window owns nothing


def test_restore_asks_about_a_lock_someone_else_took_since(make_window, answers, tmp_path):
    from tests.core.test_session import foreign_lock

    path = write_plan(tmp_path / "plan.json", title="On disk")
    crashed = make_window(session_id=CRASHED)
    crashed.files.open_path(path)
    crashed.document.set_value(ORG, "Unsaved org")
    crash(crashed)
    crashed.document.session.close()
    foreign_lock(path)  # a colleague opened it after the crash

    answers.set("ask_recovery", ("restore", 0))
    answers.set("ask_locked", "read_only")
    window = make_window()
    assert window.files.offer_recovery()
    assert answers.names().count("ask_locked") == 1
    assert window.document.session.read_only


def test_restore_then_an_outside_change_then_save_asks_before_overwriting(
    make_window, answers, tmp_path
):
    path = write_plan(tmp_path / "plan.json", title="On disk")
    crashed = make_window(session_id=CRASHED)
    crashed.files.open_path(path)
    crashed.document.set_value(ORG, "Unsaved org")
    crash(crashed)
    crashed.document.session.close()
    write_plan(path, title="Changed by a colleague after the crash")

    answers.set("ask_recovery", ("restore", 0))
    answers.set("ask_changed_on_disk", "cancel")
    window = make_window()
    assert window.files.offer_recovery()
    assert not window.files.save()
    assert answers.names().count("ask_changed_on_disk") == 1
    assert load_plan(path).plan.details.title == "Changed by a colleague after the crash"
    assert window.document.is_modified


def test_a_snapshot_alone_reaches_the_recovery_copy_without_running_the_checks_again(window, qtbot):
    """A snapshot changes the plan's history, not its words: the copy must keep it, but
    what follows every edit (the plan check, progress, counts) has nothing new to do."""
    window.files.new_plan()
    window.document.set_value(TITLE, "Before the snapshot")
    qtbot.waitUntil(lambda: bool(copies()))
    edits: list[int] = []
    window.document.edited.connect(lambda: edits.append(1))
    window.document.take_snapshot("Kept")
    assert window.document.is_modified and edits == []

    def kept() -> list[str]:
        store = RecoveryStore(recovery_dir())
        return [s.name for s in store.load(copies()[0]).plan.history.snapshots]

    qtbot.waitUntil(lambda: kept() == ["Kept"])
