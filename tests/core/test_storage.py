"""Loading and saving plan files: round trips, byte stability, backups, change detection."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from workbook import storage
from workbook.backups import BACKUPS_KEPT, backup_folder, backup_path, list_backups
from workbook.model import (
    Activity,
    Channel,
    ChannelStatus,
    FourA,
    ListeningNote,
    ListeningPlace,
    ListeningPlaceKind,
    Person,
    Plan,
    Platform,
    PolicyStatus,
    Sentiment,
    SevenP,
)
from workbook.storage import (
    PlanChangedOnDiskError,
    PlanLoadError,
    fingerprint_bytes,
    fingerprint_file,
    load_plan,
    plan_from_bytes,
    plan_to_bytes,
    save_plan,
)

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "examples"


def rich_plan() -> Plan:
    """A plan with every kind of value filled in, in several scripts."""
    plan = Plan()
    d = plan.details
    d.title = "Stratégie sociale 2027 — «Brot & Rosen» 🥖"
    d.organisation = "Brot & Rosen Bäckerei"
    d.industry = "Bakery and café"
    d.location = "Wrenford / Ρένφορντ / 伦福德"
    d.website = "https://example.org/brot?x=1&y=<2>"
    d.offering = "Sourdough, cakes to order,\nand a Saturday baking class."
    d.audience = "Neighbours, office workers, families — العائلات"
    d.prepared_for = "Mira Schäfer"
    d.prepared_by = "Tomás O'Neill <consultant>"
    d.plan_date = date(2026, 11, 22)
    d.revision_note = "Second draft after the workshop"
    m = plan.management
    for platform, status in zip(
        Platform, [*ChannelStatus, *ChannelStatus, *ChannelStatus], strict=False
    ):
        m.presence.append(
            Channel(
                platform=platform,
                handle=f"@brot-{platform.value}",
                purpose="Show the day's bake",
                owner="Mira",
                backup_owner="Jon",
                status=status,
                credentials_location="Password manager, shop vault",
            )
        )
    m.people.append(
        Person(
            name="Mira",
            role="Owner",
            can_listen=True,
            can_draft=True,
            can_publish=True,
            can_answer_complaints=True,
            can_approve=True,
            accountable=True,
            notes="Final say",
        )
    )
    m.people.append(Person(name="Jon", role="Barista", can_listen=True))
    m.governance.policy_status = PolicyStatus.DRAFTING
    m.governance.policy_summary = "Be kind; no politics; photos only with consent."
    m.governance.approval_process = "Jon drafts, Mira approves anything about prices."
    m.governance.escalation_path = "Complaint → Mira within 2 h → phone call"
    m.governance.accountability = "Mira"
    m.governance.brand_voice = "Warm, floury, a little funny"
    m.governance.legal_notes = "Allergen claims need checking"
    m.resources.monitoring_tools = "Notifications, a saved search"
    m.resources.scheduling_tools = "None yet"
    m.resources.hours_per_week = 3.5
    m.resources.budget = "€40 a month"
    li = plan.listening
    li.intent = "Learn what neighbours miss in the morning"
    for kind in ListeningPlaceKind:
        li.places.append(
            ListeningPlace(
                kind=kind,
                where=f"#{kind.value}",
                listen_for="Breakfast wishes",
                frequency="Weekly",
                listener="Jon",
            )
        )
    for number, sentiment in enumerate([*Sentiment, None]):
        li.notes.append(
            ListeningNote(
                noted_on=date(2026, 10, 1 + number),
                source="Neighbourhood forum",
                who="Parent at the school gate",
                said=f'Note {number}: "Open earlier?" 早く',
                tags=["opening hours", "Kinder"],
                sentiment=sentiment,
                wants="Coffee at 6:30",
                opportunity="Early-bird window",
                follow_up="Try it for a month",
            )
        )
    le = li.learnings
    le.market_wants = "Earlier opening"
    le.want_us_to_say = "When the rye is out of the oven"
    le.unlearn = "Posting discounts nobody asked for"
    le.reputation = "Friendly but slow at lunch"
    le.give_results = "Share baking tips freely"
    pl = plan.planning
    pl.intent = "Be the street's kitchen table"
    for index, p in enumerate(SevenP):
        decision = pl.seven_ps.get(p)
        decision.decision = f"Decision for {p.label}"
        decision.owner = "Mira"
        decision.communicated = index % 2 == 0
        decision.communicated_on = date(2026, 11, 1) if index % 2 == 0 else None
    pl.assessment.attributes = "Small, local, early"
    pl.assessment.offering_value = "Real bread"
    pl.assessment.market_relations = "Known by name"
    en = plan.engagement
    for entry in en.playbook:
        entry.response = f"How we answer a {entry.situation.value}"
        entry.responder = "Mira"
        entry.response_time = "Same day"
        entry.tone = "Warm"
        entry.example_reply = "Thank you — we hear you!"
    en.activities.append(
        Activity(
            activity="Crumb of the week",
            channel="Instagram",
            audience="Locals",
            value_offered="A baking tip",
            cadence="Weekly",
            owner="Jon",
            start_date=date(2027, 1, 4),
        )
    )
    for measure in en.measures:
        measure.indicator = f"{measure.dimension.label} indicator"
        measure.baseline = "0"
        measure.target = "10" if measure.dimension is not FourA.AUDIENCE else "50"
        measure.method = "Count by hand"
        measure.review_cadence = "Monthly"
    en.quality.trust = "People tell us when we get it wrong"
    en.quality.sincerity = "We answer ourselves"
    en.quality.common_values = "Good bread for everyone"
    en.cost.time = "3 h a week"
    en.cost.money = "Coffee for the class"
    en.review.cadence = "Quarterly"
    en.review.next_review = date(2027, 3, 1)
    en.review.feedback = "New notes read at the review"
    return plan


def example_names() -> list[str]:
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.json"))


# ---------------------------------------------------------------- round trips


def test_round_trip_rich_plan_is_equal_and_byte_stable(tmp_path: Path) -> None:
    plan = rich_plan()
    target = tmp_path / "plan.json"
    first = save_plan(plan, target)
    first_bytes = target.read_bytes()
    loaded = load_plan(target)
    assert loaded.plan == plan
    assert loaded.warnings == ()
    assert loaded.fingerprint == first.fingerprint == fingerprint_bytes(first_bytes)
    save_plan(loaded.plan, target)
    assert target.read_bytes() == first_bytes
    assert load_plan(target).plan == plan


def test_file_format_is_pretty_utf8_json_in_model_order(tmp_path: Path) -> None:
    data = plan_to_bytes(rich_plan())
    text = data.decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.startswith('{\n  "format": "social-media-value-workbook",\n  "schema_version": 2,')
    assert "«Brot & Rosen» 🥖" in text  # not \u-escaped
    assert list(json.loads(text)) == list(Plan.model_fields)
    assert list(json.loads(text)["details"]) == list(type(rich_plan().details).model_fields)


@pytest.mark.parametrize("name", ["rich", *example_names()])
def test_fast_serialiser_writes_the_documented_layout(name: str) -> None:
    """plan_to_bytes uses pydantic's serialiser for speed; its bytes must be exactly the
    layout docs/file-format.md describes: json.dumps with a two-space indent, UTF-8."""
    plan = rich_plan() if name == "rich" else load_plan(EXAMPLES_DIR / f"{name}.json").plan
    reference = json.dumps(plan.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    assert plan_to_bytes(plan) == reference.encode("utf-8")


def test_plan_to_bytes_is_deterministic() -> None:
    plan = rich_plan()
    data = plan_to_bytes(plan)
    assert plan_to_bytes(plan.model_copy(deep=True)) == data
    assert plan_to_bytes(plan_from_bytes(data, "p.json")) == data


@pytest.mark.parametrize("name", example_names())
def test_round_trip_worked_examples(name: str, tmp_path: Path) -> None:
    source = EXAMPLES_DIR / f"{name}.json"
    loaded = load_plan(source)
    assert loaded.warnings == ()
    target = tmp_path / source.name
    save_plan(loaded.plan, target)
    again = load_plan(target)
    assert again.plan == loaded.plan
    save_plan(again.plan, target)
    assert plan_to_bytes(again.plan) == target.read_bytes()


def test_worked_examples_are_present() -> None:
    """The examples engineer's files must exist, so the round trip above is not vacuous."""
    assert {"bakery", "physio"} <= set(example_names())


def test_unknown_fields_are_kept_and_reported(tmp_path: Path) -> None:
    raw = json.loads(plan_to_bytes(rich_plan()))
    raw["details"]["favourite_colour"] = "teal"
    raw["listening"]["notes"][2]["mood"] = {"score": 3, "words": ["ok"]}
    raw["added_later"] = [1, 2, 3]
    target = tmp_path / "plan.json"
    target.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    loaded = load_plan(target)
    (warning,) = loaded.warnings
    assert "Plan details › “favourite_colour”" in warning
    assert "Listening & Learning › Listening notes › note 3 › “mood”" in warning
    assert "“added_later”" in warning
    assert "kept" in warning
    save_plan(loaded.plan, target)
    again = json.loads(target.read_text(encoding="utf-8"))
    assert again["details"]["favourite_colour"] == "teal"
    assert again["listening"]["notes"][2]["mood"] == {"score": 3, "words": ["ok"]}
    assert again["added_later"] == [1, 2, 3]


def test_lone_surrogate_in_unknown_field_survives_a_save(tmp_path: Path) -> None:
    raw = json.loads(plan_to_bytes(Plan()))
    raw["note"] = "broken \ud800 half"
    plan = plan_from_bytes(json.dumps(raw).encode(), "x.json")
    data = plan_to_bytes(plan)
    data.decode("utf-8")  # still valid UTF-8
    assert plan_from_bytes(data, "x.json").model_extra["note"] == "broken \ud800 half"


# ---------------------------------------------------------------- fingerprints and changes on disk


def test_fingerprint_file(tmp_path: Path) -> None:
    target = tmp_path / "f.bin"
    assert fingerprint_file(target) is None
    target.write_bytes(b"abc")
    assert fingerprint_file(target) == fingerprint_bytes(b"abc")
    assert len(fingerprint_bytes(b"")) == 64


def test_save_refuses_when_file_changed_on_disk(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    saved = save_plan(Plan(), target)
    someone_else = Plan()
    someone_else.details.title = "Edited elsewhere"
    save_plan(someone_else, target)
    theirs = target.read_bytes()
    mine = Plan()
    mine.details.title = "Mine"
    with pytest.raises(PlanChangedOnDiskError) as caught:
        save_plan(mine, target, expected_fingerprint=saved.fingerprint)
    assert "changed by another program" in caught.value.message
    assert caught.value.path == target
    assert target.read_bytes() == theirs
    # Overwrite, as the GUI does when the user says so:
    result = save_plan(mine, target, expected_fingerprint=None)
    assert load_plan(target).plan.details.title == "Mine"
    assert result.fingerprint == fingerprint_file(target)


def test_save_refuses_when_file_was_deleted(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    saved = save_plan(Plan(), target)
    target.unlink()
    with pytest.raises(PlanChangedOnDiskError) as caught:
        save_plan(Plan(), target, expected_fingerprint=saved.fingerprint)
    assert "moved, renamed or deleted" in str(caught.value)
    assert not target.exists()


def test_save_with_matching_fingerprint_chains(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    result = save_plan(Plan(), target)
    plan = Plan()
    for title in ("one", "two", "three"):
        plan.details.title = title
        result = save_plan(plan, target, expected_fingerprint=result.fingerprint)
    assert load_plan(target).plan.details.title == "three"


# ---------------------------------------------------------------- backups


def test_backups_roll_and_keep_the_last_five(tmp_path: Path) -> None:
    target = tmp_path / "client.json"
    plan = Plan()
    for number in range(8):
        plan.details.title = f"version {number}"
        save_plan(plan, target)
    assert backup_folder(target) == tmp_path / "Workbook backups"
    backups = list_backups(target)
    assert backups == [backup_path(target, n) for n in range(1, BACKUPS_KEPT + 1)]
    assert backups[0].name == "client.backup-1.json"
    titles = [load_plan(p).plan.details.title for p in backups]
    assert titles == ["version 6", "version 5", "version 4", "version 3", "version 2"]
    assert sorted(p.name for p in (tmp_path / "Workbook backups").iterdir()) == sorted(
        p.name for p in backups
    )


def test_saving_unchanged_plan_makes_no_new_backup(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    plan = Plan()
    save_plan(plan, target)
    plan.details.title = "changed"
    save_plan(plan, target)
    save_plan(plan, target)
    save_plan(plan, target)
    assert len(list_backups(target)) == 1
    assert load_plan(backup_path(target, 1)).plan.details.title == ""


def test_first_save_and_backups_off_make_no_backup(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    save_plan(Plan(), target)
    assert not backup_folder(target).exists()
    plan = Plan()
    plan.details.title = "x"
    save_plan(plan, target, backups=False)
    assert not backup_folder(target).exists()


def test_save_leaves_no_temp_files_and_cleans_stray_ones(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    stray = tmp_path / ".plan.json.tmp-deadbeef0000"
    stray.write_bytes(b"half a pl")
    other = tmp_path / ".other.json.tmp-deadbeef0000"
    other.write_bytes(b"not ours")
    save_plan(Plan(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, "plan.json"]


def test_save_keeps_file_permissions(tmp_path: Path) -> None:
    if not hasattr(__import__("os"), "geteuid"):
        pytest.skip("POSIX permissions")
    target = tmp_path / "plan.json"
    save_plan(Plan(), target)
    target.chmod(0o600)
    plan = Plan()
    plan.details.title = "private"
    save_plan(plan, target)
    assert target.stat().st_mode & 0o777 == 0o600


# ---------------------------------------------------------------- errors


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanLoadError) as caught:
        load_plan(tmp_path / "gone.json")
    assert "“gone.json”" in caught.value.message
    assert "no such file" in caught.value.message


def test_load_a_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanLoadError) as caught:
        load_plan(tmp_path)
    assert tmp_path.name in caught.value.message


def test_load_error_names_file_field_and_backup_folder(tmp_path: Path) -> None:
    raw = json.loads(plan_to_bytes(rich_plan()))
    raw["listening"]["notes"][1]["sentiment"] = "happy"
    target = tmp_path / "client.json"
    data = json.dumps(raw).encode()
    target.write_bytes(data)
    with pytest.raises(PlanLoadError) as caught:
        load_plan(target)
    message = caught.value.message
    assert str(caught.value) == message
    assert caught.value.path == target.absolute()
    assert "“client.json”" in message and str(target.absolute()) in message
    assert (
        "Listening & Learning › Listening notes › note 2 › Sentiment: must be one of "
        "positive, neutral, negative, mixed"
    ) in message
    assert str(tmp_path / "Workbook backups") in message
    assert "client.backup-1.json" in message
    assert target.read_bytes() == data


def test_validation_message_lists_first_problems_only(tmp_path: Path) -> None:
    raw = json.loads(plan_to_bytes(rich_plan()))
    for note in raw["listening"]["notes"]:
        note["noted_on"] = "last Tuesday"
    raw["management"]["resources"]["hours_per_week"] = 500
    with pytest.raises(PlanLoadError) as caught:
        plan_from_bytes(json.dumps(raw).encode(), str(tmp_path / "p.json"))
    message = caught.value.message
    assert f"The plan has {len(raw['listening']['notes']) + 1} problems" in message
    assert "Hours per week: must be at most 168" in message
    assert 'Date: must be a date written as YYYY-MM-DD (found "last Tuesday")' in message
    assert "and 1 more problems" in message


def test_save_into_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(storage.PlanSaveError) as caught:
        save_plan(Plan(), tmp_path / "nope" / "plan.json")
    assert "does not exist" in caught.value.message


def test_save_refuses_a_plan_that_would_not_load_again(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    save_plan(Plan(), target)
    before = target.read_bytes()
    plan = Plan()
    # Lists are not validated on append: a wrong row type slips past the model.
    plan.listening.notes.append({"sentiment": "furious"})  # type: ignore[arg-type]
    with pytest.raises(storage.PlanSaveError) as caught:
        save_plan(plan, target)
    assert "would not open again" in caught.value.message
    assert "Sentiment" in caught.value.message
    assert target.read_bytes() == before


@pytest.mark.skipif(
    not hasattr(__import__("os"), "symlink") or __import__("sys").platform == "win32",
    reason="symlinks need privileges on Windows",
)
def test_save_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real_folder = tmp_path / "Dropbox"
    real_folder.mkdir()
    real = real_folder / "plan.json"
    save_plan(Plan(), real)
    link = tmp_path / "plan.json"
    link.symlink_to(real)
    plan = Plan()
    plan.details.title = "through the link"
    save_plan(plan, link)
    assert link.is_symlink()
    assert load_plan(real).plan.details.title == "through the link"
    assert [p.name for p in real_folder.iterdir()] == ["plan.json"]
