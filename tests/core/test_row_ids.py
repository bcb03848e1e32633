"""Every load leaves row ids unique in each list: repeated, empty, over-long ids are replaced."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from workbook import cli
from workbook.model import ROW_ID_REPAIRS, ROW_TYPES, Listening, ListeningNote, Plan
from workbook.paths import get_value, row_index
from workbook.recovery import RecoveryStore
from workbook.storage import load_plan, plan_from_bytes, plan_to_bytes


def _raw_with_notes(*notes: dict) -> dict:
    raw = json.loads(plan_to_bytes(Plan()))
    raw["listening"]["notes"] = list(notes)
    return raw


def _write(tmp_path: Path, raw: dict) -> Path:
    target = tmp_path / "copied.json"
    target.write_text(json.dumps(raw), encoding="utf-8")
    return target


def test_two_notes_with_one_id_get_two_ids_and_keep_their_text(tmp_path: Path) -> None:
    # A block copied in a text editor: the same id twice.
    target = _write(
        tmp_path,
        _raw_with_notes({"id": "abc123", "said": "first"}, {"id": "abc123", "said": "second"}),
    )
    loaded = load_plan(target)
    notes = loaded.plan.listening.notes
    assert [note.said for note in notes] == ["first", "second"]
    assert notes[0].id == "abc123"  # the first keeps its id: links to it still hold
    assert notes[1].id != "abc123"
    (warning,) = loaded.warnings
    assert "Listening notes › note 2" in warning
    assert "repeated" in warning and "text is kept" in warning
    # Each row is reached by its own id, so an edit or a delete reaches only that row.
    second = ("listening", "notes", notes[1].id)
    assert get_value(loaded.plan, (*second, "said")) == "second"
    assert row_index(loaded.plan, ("listening", "notes"), notes[1].id) == 1


@pytest.mark.parametrize(
    ("bad_id", "reason"),
    [("", "empty"), ("   ", "empty"), ("x" * 65, "too long"), (7, "not text"), (None, "not text")],
)
def test_unusable_ids_are_replaced_not_refused(tmp_path: Path, bad_id: object, reason: str) -> None:
    target = _write(tmp_path, _raw_with_notes({"id": bad_id, "said": "kept"}))
    loaded = load_plan(target)
    (note,) = loaded.plan.listening.notes
    assert note.said == "kept" and 1 <= len(note.id) <= 64 and note.id.strip()
    (warning,) = loaded.warnings
    assert reason in warning and "note 1" in warning


def test_every_list_is_checked_and_ids_stay_unique_after_saving(tmp_path: Path) -> None:
    raw = json.loads(plan_to_bytes(Plan()))
    for part, name in ROW_TYPES:
        raw[part][name] = [{"id": "same"}, {"id": "same"}, {"id": "same"}]
    loaded = load_plan(_write(tmp_path, raw))
    for part, name in ROW_TYPES:
        ids = [row.id for row in getattr(getattr(loaded.plan, part), name)]
        assert len(set(ids)) == 3, (part, name)
    (warning,) = loaded.warnings
    assert warning.startswith(f"{2 * len(ROW_TYPES)} rows had an id")
    # What is saved loads again without a word, with the same ids.
    again = plan_from_bytes(plan_to_bytes(loaded.plan), "again.json")
    assert again == loaded.plan


def test_a_good_plan_loads_without_a_warning_and_unchanged(tmp_path: Path) -> None:
    raw = _raw_with_notes({"id": "a", "said": "1"}, {"id": "b", "said": "2"})
    original = copy.deepcopy(raw)
    loaded = load_plan(_write(tmp_path, raw))
    assert loaded.warnings == ()
    assert [n.id for n in loaded.plan.listening.notes] == ["a", "b"]
    context: dict = {ROW_ID_REPAIRS: []}
    Plan.model_validate(raw, context=context)
    assert raw == original and context[ROW_ID_REPAIRS] == []


def test_model_validation_itself_repairs_without_changing_its_input() -> None:
    # Examples and snapshots go through Plan.model_validate(_json) without the loader.
    raw = _raw_with_notes({"id": "d", "said": "1"}, {"id": "d", "said": "2"})
    original = copy.deepcopy(raw)
    plan = Plan.model_validate_json(json.dumps(raw))
    assert len({note.id for note in plan.listening.notes}) == 2
    assert raw == original
    note = ListeningNote(id="same")
    built = Plan(listening=Listening(notes=[note, note.model_copy()]))
    assert len({n.id for n in built.listening.notes}) == 2


def test_recovery_copy_with_repeated_ids_restores_unique_ids(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    plan = Plan()
    store.write(plan, None, "s1")
    path = store.path_for("s1")
    envelope = json.loads(path.read_text(encoding="utf-8"))
    envelope["plan"]["listening"]["notes"] = [{"id": "r", "said": "1"}, {"id": "r", "said": "2"}]
    path.write_text(json.dumps(envelope), encoding="utf-8")
    (copy_,) = store.list()
    restored = store.load(copy_).plan
    assert [n.said for n in restored.listening.notes] == ["1", "2"]
    assert len({n.id for n in restored.listening.notes}) == 2


def test_validate_says_so_in_a_warning_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _write(tmp_path, _raw_with_notes({"id": "z", "said": "1"}, {"id": "z", "said": "2"}))
    code = cli.main(["validate", str(target)])
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith("copied.json: ")
    (line,) = [line for line in err.splitlines() if "id" in line]
    assert line.startswith("Warning: One row had an id that was repeated")
    assert target.read_text(encoding="utf-8").count('"z"') == 2  # validate never writes
