"""File format versions: the migration registry, one sample file per version, and refusals.

How the next format version is added (say version 2):

1. In ``workbook/file_format.py`` raise ``SCHEMA_VERSION`` to 2 (and the ``Literal`` of
   ``Plan.schema_version``) and note the change in its history.
2. In ``workbook/migrations.py`` write a pure step ``_v1_to_v2(raw) -> raw`` that returns
   the upgraded object with ``"schema_version": 2`` and register it: ``MIGRATIONS[1] =
   _v1_to_v2``.
3. Keep ``tests/samples/v1/`` as it is (those files are what old apps wrote) and add
   ``tests/samples/v2/`` with a file written by the new app.
4. Add the facts each sample must still show after loading to ``SAMPLE_FACTS`` below,
   e.g. where a v1 field moved to in v2.

``test_every_version_has_samples`` and ``test_registry_covers_every_old_version`` fail
until steps 2 and 3 are done, and ``test_sample_loads`` then runs for every sample of
every version.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from workbook import migrations
from workbook.backups import backup_path
from workbook.migrations import MIGRATIONS, FormatError, migrate, schema_version_of
from workbook.model import SCHEMA_VERSION, Direction, Plan, Weekday
from workbook.paths import get_value
from workbook.storage import PlanLoadError, load_plan, plan_to_bytes, save_plan

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MINIMAL_V1_ID = hashlib.sha256(
    json.dumps(
        {"format": "social-media-value-workbook", "schema_version": 1}, sort_keys=True
    ).encode()
).hexdigest()[:12]

SAMPLE_FACTS: dict[tuple[int, str], dict[tuple[str, ...], object]] = {
    (1, "plan.json"): {
        ("details", "title"): "Stratégie sociale 2027 — «Brot & Rosen» 🥖",
        ("management", "resources", "hours_per_week"): 3.5,
        ("planning", "seven_ps", "purpose", "communicated"): True,
        ("engagement", "review", "feedback"): "New notes read at the review",
        # Version 2: an id drawn from the file's content, and the four A's figures parsed
        # from their text (dated on the plan's date), the text kept.
        ("id",): "c186571a503b",
        ("engagement", "measures", "ce543fb7bba7", "target"): "50",
        ("engagement", "measures", "ce543fb7bba7", "target_value"): 50.0,
        ("engagement", "measures", "ce543fb7bba7", "baseline_value"): 0.0,
        ("engagement", "measures", "ce543fb7bba7", "baseline_on"): date(2026, 11, 22),
        ("engagement", "measures", "ce543fb7bba7", "direction"): Direction.UP,
        ("engagement", "readings"): [],
        ("history", "snapshots"): [],
    },
    (1, "minimal.json"): {
        ("details", "title"): "",
        ("id",): MINIMAL_V1_ID,
    },
    (2, "plan.json"): {
        ("id",): "c186571a503b",
        ("details", "title"): "Stratégie sociale 2027 — «Brot & Rosen» 🥖 (after the workshop)",
        ("engagement", "measures", "bad1bac2a785", "direction"): Direction.DOWN,
        ("engagement", "readings", "r3c", "value"): 55.0,
        ("engagement", "actions", "a2", "done"): True,
        ("engagement", "spending", "s1", "money"): 30.5,
        ("engagement", "activities", "c227da17ff65", "repeat_on"): [
            Weekday.TUESDAY,
            Weekday.FRIDAY,
        ],
    },
    (2, "minimal.json"): {
        ("details", "title"): "",
        ("engagement", "actions"): [],
    },
}
"""Values each sample file must show once loaded (and migrated) by the current app."""


def sample_cases() -> list:
    cases = []
    for folder in sorted(SAMPLES.glob("v*")):
        version = int(folder.name[1:])
        for path in sorted(folder.glob("*.json")):
            cases.append(pytest.param(version, path, id=f"v{version}-{path.stem}"))
    return cases


def test_every_version_has_samples() -> None:
    versions = {int(folder.name[1:]) for folder in SAMPLES.glob("v*") if any(folder.glob("*.json"))}
    assert versions == set(range(1, SCHEMA_VERSION + 1))


def test_registry_covers_every_old_version() -> None:
    assert set(MIGRATIONS) == set(range(1, SCHEMA_VERSION))


def test_every_sample_has_facts() -> None:
    assert {(case.values[0], case.values[1].name) for case in sample_cases()} == set(SAMPLE_FACTS)


@pytest.mark.parametrize(("version", "path"), sample_cases())
def test_sample_loads(version: int, path: Path) -> None:
    before = path.read_bytes()
    assert json.loads(before)["schema_version"] == version
    loaded = load_plan(path)
    assert loaded.plan.schema_version == SCHEMA_VERSION
    upgraded = any("upgraded" in warning for warning in loaded.warnings)
    assert upgraded == (version < SCHEMA_VERSION)
    for field_path, expected in SAMPLE_FACTS[(version, path.name)].items():
        assert get_value(loaded.plan, field_path) == expected
    assert path.read_bytes() == before


@pytest.mark.parametrize(("version", "path"), sample_cases())
def test_sample_saves_in_current_format_and_keeps_the_old_bytes_as_backup(
    version: int, path: Path, tmp_path: Path
) -> None:
    old_bytes = path.read_bytes()
    # As an older app would have written it: compact, different layout.
    copy = tmp_path / "client.json"
    copy.write_bytes(json.dumps(json.loads(old_bytes)).encode())
    old_on_disk = copy.read_bytes()
    loaded = load_plan(copy)
    save_plan(loaded.plan, copy, expected_fingerprint=loaded.fingerprint)
    assert json.loads(copy.read_bytes())["schema_version"] == SCHEMA_VERSION
    assert backup_path(copy, 1).read_bytes() == old_on_disk
    assert load_plan(copy).plan == loaded.plan


def test_v2_sample_rebuilds_each_snapshot_and_writes_the_same_bytes() -> None:
    from workbook.snapshots import snapshot_plan

    path = SAMPLES / "v2" / "plan.json"
    plan = load_plan(path).plan
    snapshots = plan.history.snapshots
    assert [s.title for s in snapshots] == ["Before the workshop", "Before the day's first edit"]
    assert all(s.rebuilt_exactly for s in snapshots)
    before = snapshot_plan(plan, "Before the workshop")
    assert before.details.title == "Stratégie sociale 2027 — «Brot & Rosen» 🥖"
    assert [n.id for n in before.listening.notes][:2] == ["e819a75b07d8", "8ca69796eba9"]
    assert not before.planning.seven_ps.people.communicated
    assert before.history.snapshots == []
    first_edit = snapshot_plan(plan, snapshots[1].id)
    assert first_edit.engagement.actions[1].done is False
    assert plan.engagement.actions[1].done is True
    # The changes are written from the states again, and come out as they were read.
    assert plan_to_bytes(plan) == path.read_bytes()


def test_v1_measure_text_without_numbers_migrates_to_empty_figures() -> None:
    raw = {
        "format": "social-media-value-workbook",
        "schema_version": 1,
        "details": {"plan_date": "2026-03-12"},
        "engagement": {
            "measures": [
                {"id": "m1", "baseline": "Not counted yet", "target": "More than now"},
                {"id": "m2", "baseline": "12 complaints a month", "target": "3 a month by June"},
            ]
        },
    }
    upgraded, steps = migrate(raw)
    assert steps == [1]
    first, second = upgraded["engagement"]["measures"]
    assert first["baseline_value"] is None and first["target_value"] is None
    assert first["baseline_on"] is None and first["target_on"] is None
    assert first["baseline"] == "Not counted yet" and first["unit"] == ""
    assert second["baseline_value"] == 12.0 and second["target_value"] == 3.0
    assert second["direction"] == "down"  # fewer complaints is the aim
    assert second["target_on"] == "2026-06-30" and second["unit"] == "a month"
    assert second["baseline_on"] == "2026-03-12"
    # Pure and repeatable: the same file gets the same id every time it is read.
    assert migrate(raw)[0]["id"] == upgraded["id"]
    assert raw["schema_version"] == 1 and "id" not in raw


# ---------------------------------------------------------------- the migrate() machinery


def _v1_to_v2(raw: dict) -> dict:
    raw = dict(raw, schema_version=2)
    raw["details"] = dict(raw.get("details", {}), subtitle="")
    return raw


def _v2_to_v3(raw: dict) -> dict:
    raw = dict(raw, schema_version=3)
    details = dict(raw["details"])
    details["tagline"] = details.pop("subtitle")
    raw["details"] = details
    return raw


FAKE_STEPS = {1: _v1_to_v2, 2: _v2_to_v3}


@pytest.mark.parametrize(
    ("start", "target", "applied"),
    [(1, 1, []), (1, 2, [1]), (1, 3, [1, 2]), (2, 3, [2]), (3, 3, [])],
)
def test_migrate_chains_steps_in_order(start: int, target: int, applied: list[int]) -> None:
    raw = {
        "format": "social-media-value-workbook",
        "schema_version": start,
        "details": {"title": "T"} if start < 3 else {"title": "T", "tagline": ""},
    }
    if start == 2:
        raw["details"]["subtitle"] = ""
    original = json.loads(json.dumps(raw))
    result, steps = migrate(raw, target=target, steps=FAKE_STEPS)
    assert steps == applied
    assert result["schema_version"] == target
    assert raw == original  # pure: the input is never changed
    if target == 3:
        assert result["details"] == {"title": "T", "tagline": ""}


def test_migrate_without_a_step_refuses() -> None:
    with pytest.raises(FormatError, match="does not know how to upgrade"):
        migrate({"schema_version": 1}, target=3, steps={1: _v1_to_v2})


def test_migrate_detects_a_step_that_forgets_the_version() -> None:
    with pytest.raises(RuntimeError):
        migrate({"schema_version": 1}, target=2, steps={1: lambda raw: dict(raw)})


def test_real_migrate_is_identity_for_current_files() -> None:
    raw = json.loads(Plan().model_dump_json())
    result, steps = migrations.migrate(raw)
    assert steps == [] and result == raw


# ---------------------------------------------------------------- refusals


def _write(tmp_path: Path, value: object) -> tuple[Path, bytes]:
    path = tmp_path / "plan.json"
    data = json.dumps(value).encode()
    path.write_bytes(data)
    return path, data


def test_newer_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    raw = json.loads(Plan().model_dump_json())
    raw["schema_version"] = SCHEMA_VERSION + 1
    raw["something_new"] = {"a": 1}
    path, data = _write(tmp_path, raw)
    with pytest.raises(PlanLoadError) as caught:
        load_plan(path)
    message = caught.value.message.lower()
    assert "made by a newer version of the app" in message
    assert "update the app" in message
    assert "plan.json" in message
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


@pytest.mark.parametrize(
    "value",
    [
        {"name": "my-package", "version": "1.0.0", "dependencies": {}},
        {"format": "some-other-app", "schema_version": 1},
        [1, 2, 3],
        "just a string",
        42,
        None,
    ],
    ids=["package-json", "other-format", "list", "string", "number", "null"],
)
def test_other_json_is_not_a_plan(value: object, tmp_path: Path) -> None:
    path, data = _write(tmp_path, value)
    with pytest.raises(PlanLoadError) as caught:
        load_plan(path)
    assert "not a Social Media Value Workbook plan" in caught.value.message
    assert path.read_bytes() == data


@pytest.mark.parametrize("version", [None, "1", 1.0, True, 0, -3])
def test_bad_schema_version(version: object, tmp_path: Path) -> None:
    raw = {"format": "social-media-value-workbook"}
    if version is not None:
        raw["schema_version"] = version
    with pytest.raises(FormatError):
        schema_version_of(raw)
    path, data = _write(tmp_path, raw)
    with pytest.raises(PlanLoadError, match="schema_version"):
        load_plan(path)
    assert path.read_bytes() == data


# ---------------------------------------------------------------- docs/file-format.md stays in sync

DOC = Path(__file__).resolve().parents[2] / "docs" / "file-format.md"
DOC_START = "<!-- generated fields: start -->"
DOC_END = "<!-- generated fields: end -->"


def _type_text(annotation: object, metadata: list[object]) -> tuple[str, list[type]]:
    """How a field's type reads in the doc, and the models it leads to."""
    import datetime
    import enum
    import types
    import typing

    from pydantic import BaseModel

    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _type_text(args[0], list(annotation.__metadata__))
    if origin is typing.Literal:
        return f"always `{json.dumps(args[0])}`", []
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        inner = next(a for a in args if a is not type(None))
        text, models = _type_text(inner, metadata)
        return f"{text}, or `null`", models
    if origin is list:
        item_text, models = _type_text(args[0], [])
        if models:
            return f"list of `{args[0].__name__}` objects", models
        return f"list of {item_text}", []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"`{annotation.__name__}` object", [annotation]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return f"one of [`{annotation.__name__}`](#{annotation.__name__.lower()})", []
    if annotation is bool:
        return "`true` or `false`", []
    if annotation is datetime.date:
        return "date `YYYY-MM-DD`", []
    if annotation is datetime.datetime:
        return "date and time, ISO 8601 in UTC (`2026-11-20T09:00:00Z`)", []
    if origin is dict:
        return "object", []
    if annotation is int:
        low = next((m.ge for m in metadata if hasattr(m, "ge")), None)
        high = next((m.le for m in metadata if hasattr(m, "le")), None)
        return f"whole number from {low} to {high}", []
    if annotation is float:
        low = next((m.ge for m in metadata if hasattr(m, "ge")), None)
        high = next((m.le for m in metadata if hasattr(m, "le")), None)
        if low is not None and high is not None:
            return f"number from {low:g} to {high:g}", []
        return "number", []
    if annotation is str:
        longest = next((m.max_length for m in metadata if hasattr(m, "max_length")), None)
        shortest = next((m.min_length for m in metadata if hasattr(m, "min_length")), 0)
        if longest is not None:
            return f"text, {shortest} to {longest} characters", []
        return "text", []
    raise AssertionError(f"no doc wording for {annotation!r}")


def generate_field_doc() -> str:
    """The field reference of docs/file-format.md, from the model."""
    import enum

    from workbook import model

    lines: list[str] = []
    queue: list[tuple[str, type]] = [("", model.Plan)]
    seen: set[type] = set()
    while queue:
        path, part = queue.pop(0)
        if part in seen:
            continue
        seen.add(part)
        lines += [f"### `{part.__name__}` — {f'`{path}`' if path else 'the top level'}", ""]
        doc = (part.__doc__ or "").strip().splitlines()
        if doc:
            lines += [doc[0], ""]
        lines += ["| Key | Type | Meaning |", "|---|---|---|"]
        used: dict[type, list[str]] = {}
        for name, field in part.model_fields.items():
            text, models = _type_text(field.annotation, field.metadata)
            if name == "id" and not field.description:
                meaning = "Row id: set when the row is made, never changes, never shown"
            else:
                meaning = field.description or field.title or ""
            lines.append(f"| `{name}` | {text} | {meaning} |")
            for child_model in models:
                used.setdefault(child_model, []).append(
                    name + ("[]" if text.startswith("list") else "")
                )
        children = []
        for child_model, names in used.items():
            key = names[0] if len(names) == 1 else "*"
            children.append((f"{path}.{key}" if path else key, child_model))
        queue[0:0] = children  # depth first: each part is followed by its own parts
        lines.append("")
    lines += ["### Enumerations", ""]
    for value in vars(model).values():
        if (
            isinstance(value, type)
            and issubclass(value, enum.Enum)
            and value.__module__ == model.__name__
        ):
            lines += [f"#### {value.__name__}", "", "| Value | Shown as |", "|---|---|"]
            lines += [f"| `{member.value}` | {member.label} |" for member in value]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _doc_block(text: str) -> str:
    return text.split(DOC_START, 1)[1].split(DOC_END, 1)[0].strip("\n") + "\n"


def test_file_format_doc_lists_every_field() -> None:
    """Regenerate with: python -m tests.core.test_migrations"""
    assert _doc_block(DOC.read_text(encoding="utf-8")) == generate_field_doc()


if __name__ == "__main__":
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(DOC_START, 1)
    after = rest.split(DOC_END, 1)[1]
    DOC.write_text(
        f"{before}{DOC_START}\n\n{generate_field_doc()}\n{DOC_END}{after}", encoding="utf-8"
    )
