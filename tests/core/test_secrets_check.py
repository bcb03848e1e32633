"""Text that looks like a password, PIN, key or token is found; ordinary text is left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbook import cli
from workbook.examples import list_examples, load_example
from workbook.model import Channel, Plan
from workbook.paths import describe_location
from workbook.secrets_check import find_secrets, secret_reason
from workbook.storage import plan_to_bytes, save_plan

SECRETS = [
    "password is Plumb1ng2015!",
    "Login for the shop page: password: hunter2",
    "The new PW is Bakery#22",
    "pw: sunshine",
    "passcode 0420",
    "Door PIN 4821",
    "pin code: 123456",
    "Token ghp_16C7e42F292c6912E7710c838347Ae178B4a for the site",
    "AKIAIOSFODNN7EXAMPLE",
    "sk-proj-4f9Qa81LmZx0TbW2kVc7",
    "sk_live_51HqLyjWDarjtT1zdp7dc",
    "xoxb-123456789012-abcdefghij",
    "https://admin:Sup3rSecret@shop.example.com/login",
    "-----BEGIN RSA PRIVATE KEY-----",
    "api key aZ3kP9qLm2Xv7TbN4wRc8sYd",
]

ORDINARY = [
    "",
    "The password is kept in 1Password, in the Marketing vault.",
    "Passwords are managed by Sam; ask her for access.",
    "Password reset every 90 days",
    "Change the password every 3 months",
    "Pin the post about opening hours to the top of the page.",
    "Pin 3 posts a week",
    "We pass 1000 followers by June",
    "https://www.facebook.com/wrenford.bakery/posts/1234567890123456789",
    "https://example.com/spring-menu?utm_source=newsletter&utm_campaign=spring2026",
    "anna.lee+social@wrenford-bakery.co.uk",
    "@wrenford_bakery_2024",
    "#SpringMenuLaunch2026",
    "spring-menu-launch-2026-03-01",
    "ISBN 978-3-16-148410-0",
    "Password is self-managed",
    "ThisIsOurCampaignName2024",
    "Order 1234 shipped on 2026-03-01",
]


@pytest.mark.parametrize("text", SECRETS)
def test_secrets_are_found(text: str) -> None:
    reason = secret_reason(text)
    assert reason is not None
    assert reason.startswith("This looks like")
    assert "password manager" in reason


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_is_not_a_secret(text: str) -> None:
    assert secret_reason(text) is None


def test_the_message_never_repeats_the_secret() -> None:
    reason = secret_reason("password is Plumb1ng2015!")
    assert reason is not None
    assert "Plumb1ng2015" not in reason and "“Pl…”" in reason


def test_the_where_the_login_is_kept_field_holding_the_password_itself() -> None:
    reason = secret_reason("Plumb1ng2015!", "credentials_location")
    assert reason is not None and "this looks like the password itself" in reason
    for where in ("1Password", "Office safe", "LastPass, shared vault", "Ask Sam"):
        assert secret_reason(where, "credentials_location") is None


def test_no_finding_in_any_shipped_example() -> None:
    for example in list_examples():
        assert find_secrets(load_example(example.name)) == [], example.name


def test_finds_the_password_in_the_presence_inventory() -> None:
    plan = Plan()
    plan.management.presence.append(Channel(handle="@plumbers", purpose="news"))
    row = Channel(handle="@acme_plumbing", purpose="Customer questions. password is Plumb1ng2015!")
    plan.management.presence.append(row)
    (finding,) = find_secrets(plan)
    assert finding.path == ("management", "presence", row.id, "purpose")
    assert "password" in finding.message
    assert describe_location(finding.path, plan).endswith(
        "Presence inventory › channel 2 › Purpose"
    )


def test_a_field_added_by_hand_and_named_password_is_found(tmp_path: Path) -> None:
    raw = json.loads(plan_to_bytes(Plan()))
    raw["details"]["admin_password"] = "Tr0ub4dor&3"
    plan = Plan.model_validate(raw)
    (finding,) = find_secrets(plan)
    assert finding.path == ("details", "admin_password")


def test_validate_warns_and_keeps_the_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = load_example("bakery")
    plan.management.presence[0].purpose = "password is Plumb1ng2015!"
    target = tmp_path / "shared.json"
    save_plan(plan, target)
    before = target.read_bytes()
    code = cli.main(["validate", str(target)])
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith("shared.json: ")
    (line,) = err.splitlines()
    assert line.startswith(
        "Warning: Management & Administration › Presence inventory › channel 1 › Purpose: "
        "This looks like a password"
    )
    assert target.read_bytes() == before  # the text is kept
