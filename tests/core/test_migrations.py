"""File format versions: the migration registry, one sample file per version, and refusals.

How the next format version is added (say version 2):

1. In ``workbook/model.py`` raise ``SCHEMA_VERSION`` to 2 (and the ``Literal`` of
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

import json
from pathlib import Path

import pytest

from workbook import migrations
from workbook.migrations import MIGRATIONS, FormatError, migrate, schema_version_of
from workbook.model import SCHEMA_VERSION, Plan
from workbook.paths import get_value
from workbook.storage import PlanLoadError, backup_path, load_plan, save_plan

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

SAMPLE_FACTS: dict[tuple[int, str], dict[tuple[str, ...], object]] = {
    (1, "plan.json"): {
        ("details", "title"): "Stratégie sociale 2027 — «Brot & Rosen» 🥖",
        ("management", "resources", "hours_per_week"): 3.5,
        ("planning", "seven_ps", "purpose", "communicated"): True,
        ("engagement", "review", "feedback"): "New notes read at the review",
    },
    (1, "minimal.json"): {
        ("details", "title"): "",
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
    versions = {int(folder.name[1:]) for folder in SAMPLES.glob("v*")
                if any(folder.glob("*.json"))}
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
        version: int, path: Path, tmp_path: Path) -> None:
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
    raw = {"format": "social-media-value-workbook", "schema_version": start,
           "details": {"title": "T"} if start < 3 else {"title": "T", "tagline": ""}}
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
