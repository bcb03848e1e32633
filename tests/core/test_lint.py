"""The plan lint: each rule on its own, the hollow plan, the examples, and the speed it needs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.core.series_plans import BAKERY_OWNER, filled_plan, hollow_plan
from tests.steps import run_counting
from workbook.examples import example_value, list_examples, load_example
from workbook.lint import (
    RULES,
    Finding,
    Severity,
    count_words,
    describe_path,
    has_errors,
    lint,
    report_json,
    rule_by_id,
)
from workbook.model import (
    Activity,
    ChannelStatus,
    FourA,
    ListeningNote,
    Person,
    Plan,
    SituationType,
)
from workbook.secrets_check import candidates, secret_reason

TODAY = date(2026, 5, 1)


def only(rule_id: str, plan: Plan, today: date = TODAY) -> list[Finding]:
    return lint(plan, today=today, rules=[rule_by_id(rule_id)])


def playbook(plan: Plan, situation: SituationType):
    return next(e for e in plan.engagement.playbook if e.situation is situation)


def measure(plan: Plan, a: FourA):
    return next(m for m in plan.engagement.measures if m.dimension is a)


def _new_activity(plan: Plan, **values) -> Activity:
    activity = Activity(activity="Extra", owner="Bo", start_date=date(2026, 6, 5), **values)
    plan.engagement.activities.append(activity)
    return activity


BREAKS: dict[str, tuple[Callable[[Plan], object], str]] = {
    # rule id: (what breaks it, returning the path it should point at; words of the message)
    "p-owner-not-on-people": (
        lambda p: (
            setattr(p.planning.seven_ps.process, "owner", "Sam Outsider"),
            ("planning", "seven_ps", "process", "owner"),
        )[1],
        "Sam Outsider, who is not on the People list",
    ),
    "two-accountable": (
        lambda p: (setattr(p.management.people[1], "accountable", True), ("management", "people"))[
            1
        ],
        "2 people are ticked as accountable (Ann Lee, Bo Kim)",
    ),
    "activity-before-ps-shared": (
        lambda p: (
            setattr(p.engagement.activities[0], "start_date", date(2026, 5, 25)),
            ("engagement", "activities", p.engagement.activities[0].id, "start_date"),
        )[1],
        "starts 25 May 2026, before the 7 P's were all shared (1 June 2026)",
    ),
    "secret-like-text": (
        lambda p: (
            setattr(p.management.presence[0], "credentials_location", "password is Plumb1ng2015!"),
            ("management", "presence", p.management.presence[0].id, "credentials_location"),
        )[1],
        "looks like a password, key or token",
    ),
    "empty-listening-note": (
        lambda p: (
            p.listening.notes.append(ListeningNote(source="counter", id="0000000000aa")),
            ("listening", "notes", "0000000000aa", "said"),
        )[1],
        "Note 11 has nothing under What was said",
    ),
    "no-one-accountable": (
        lambda p: (setattr(p.management.people[0], "accountable", False), ("management", "people"))[
            1
        ],
        "Nobody is accountable",
    ),
    "no-publisher": (
        lambda p: (setattr(p.management.people[0], "can_publish", False), ("management", "people"))[
            1
        ],
        "Nobody may publish",
    ),
    "no-complaints-answerer": (
        lambda p: (
            setattr(p.management.people[0], "can_answer_complaints", False),
            ("management", "people"),
        )[1],
        "Nobody answers complaints",
    ),
    "no-escalation-path": (
        lambda p: (
            setattr(p.management.governance, "escalation_path", " "),
            ("management", "governance", "escalation_path"),
        )[1],
        "no escalation path",
    ),
    "activity-channel-not-in-presence": (
        lambda p: (
            setattr(p.engagement.activities[0], "channel", "Our TikTok and the school gate"),
            ("engagement", "activities", p.engagement.activities[0].id, "channel"),
        )[1],
        "happens on TikTok, which is not in the presence inventory",
    ),
    "playbook-without-responder": (
        lambda p: (
            setattr(playbook(p, SituationType.CRISIS), "response_time", ""),
            ("engagement", "playbook", playbook(p, SituationType.CRISIS).id, "response_time"),
        )[1],
        "The crisis entry does not say how quickly",
    ),
    "four-a-target-incomplete": (
        lambda p: (
            setattr(measure(p, FourA.AFFINITY), "target", "many more"),
            ("engagement", "measures", measure(p, FourA.AFFINITY).id, "target"),
        )[1],
        "has no number and no date",
    ),
    "attention-counts-own-output": (
        lambda p: (
            setattr(measure(p, FourA.ATTENTION), "indicator", "Posts we publish each week"),
            ("engagement", "measures", measure(p, FourA.ATTENTION).id, "indicator"),
        )[1],
        "counts what the business puts out",
    ),
    "next-review-in-past": (
        lambda p: (
            setattr(p.engagement.review, "next_review", date(2026, 4, 30)),
            ("engagement", "review", "next_review"),
        )[1],
        "was due on 30 April 2026",
    ),
    "example-text-unchanged": (
        lambda p: (
            setattr(
                p.planning.assessment,
                "attributes",
                example_value("physio", ("planning", "assessment", "attributes")),
            ),
            ("planning", "assessment", "attributes"),
        )[1],
        "This is the physio example's text, unchanged",
    ),
    "top-theme-unaddressed": (
        lambda p: (
            [n.tags.append("parking") for n in p.listening.notes[:4]],
            ("engagement", "activities"),
        )[1],
        "“parking” came up in 4 notes",
    ),
    "activity-without-owner": (
        lambda p: (
            setattr(p.engagement.activities[0], "owner", ""),
            ("engagement", "activities", p.engagement.activities[0].id, "owner"),
        )[1],
        "has no owner",
    ),
    "activity-without-start": (
        lambda p: (
            setattr(p.engagement.activities[0], "start_date", None),
            ("engagement", "activities", p.engagement.activities[0].id, "start_date"),
        )[1],
        "has no start date",
    ),
    "measure-without-baseline": (
        lambda p: (
            setattr(measure(p, FourA.AUDIENCE), "baseline", ""),
            ("engagement", "measures", measure(p, FourA.AUDIENCE).id, "baseline"),
        )[1],
        "The Audience measure has no baseline",
    ),
    "activity-hours-over-resources": (
        lambda p: (
            setattr(p.engagement.activities[0], "hours_per_month", 30),
            ("management", "resources", "hours_per_week"),
        )[1],
        "take 30 hours a month, but Resources gives 3 hours a week (about 13 a month)",
    ),
    "push-language": (
        lambda p: (
            setattr(p.engagement.activities[0], "value_offered", "Limited offer: buy now!"),
            ("engagement", "activities", p.engagement.activities[0].id, "value_offered"),
        )[1],
        "is push language",
    ),
    "empty-row": (
        lambda p: (
            p.management.people.append(Person(id="0000000000bb")),
            ("management", "people", "0000000000bb"),
        )[1],
        "Person 3 is empty",
    ),
    "activity-without-cost": (
        lambda p: (
            setattr(p.engagement.activities[0], "money_per_month", None),
            ("engagement", "activities", p.engagement.activities[0].id, "money_per_month"),
        )[1],
        "in hours and money",
    ),
    "activity-without-a": (
        lambda p: (
            setattr(p.engagement.activities[0], "moves", None),
            ("engagement", "activities", p.engagement.activities[0].id, "moves"),
        )[1],
        "Which of the four A's",
    ),
}


def test_every_rule_is_tested_here_and_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(BREAKS)


def test_the_severities_follow_the_issue() -> None:
    errors = {r.id for r in RULES if r.severity is Severity.ERROR}
    assert errors == {
        "p-owner-not-on-people",
        "two-accountable",
        "activity-before-ps-shared",
        "secret-like-text",
        "empty-listening-note",
    }
    assert rule_by_id("push-language").severity is Severity.HINT


def test_the_filled_plan_is_clean() -> None:
    assert lint(filled_plan(), today=TODAY) == []


@pytest.mark.parametrize("rule_id", list(BREAKS))
def test_each_rule_finds_its_problem_and_only_there(rule_id: str) -> None:
    assert only(rule_id, filled_plan()) == []
    plan = filled_plan()
    breaker, words = BREAKS[rule_id]
    path = breaker(plan)
    findings = only(rule_id, plan)
    assert [f.path for f in findings] == [path]
    finding = findings[0]
    assert words in finding.message
    assert finding.rule == rule_id and finding.severity is rule_by_id(rule_id).severity
    describe_path(plan, finding.path)  # the path leads into the plan


# ---------------------------------------------------------------- rules in more detail


@pytest.mark.parametrize(
    "text",
    [
        "password is Plumb1ng2015!",
        "PIN: 4821",
        "api_key=sk_live_51Habcdefghijklmnopqrstuv",
        "AKIAABCDEFGHIJKLMNOP",
        "token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
        "the key is Zq8xT2mP9vL4kW7nR3cY6bH1",
    ],
)
def test_secret_shapes_are_found(text: str) -> None:
    assert secret_reason(text), text
    assert candidates(["nothing here", text]) == [1]


@pytest.mark.parametrize(
    "text",
    [
        "Shared password manager, 'Bakery' vault",
        "the password is in the safe",
        "Pin the swap dates a month ahead",
        "https://crumbandco.example.com/journal/2026/03/allergen-sheet-for-celebration-cakes",
        "Opened in 2018; 25 riders on 14 February",
    ],
)
def test_ordinary_text_is_not_a_secret(text: str) -> None:
    assert not secret_reason(text)


@pytest.mark.parametrize(
    ("indicator", "flagged"),
    [
        ("Posts we publish each week", True),
        ("Number of posts", True),
        ("Videos uploaded per month", True),
        ("Posts per week", True),
        ("People who react to or reply to the noon update", False),
        ("Questions we answer in local groups", False),
        ("Local people who save or share our tips", False),
    ],
)
def test_attention_own_output(indicator: str, flagged: bool) -> None:
    plan = filled_plan()
    measure(plan, FourA.ATTENTION).indicator = indicator
    assert bool(only("attention-counts-own-output", plan)) is flagged


@pytest.mark.parametrize(
    ("target", "missing"),
    [
        ("25 a month by September", None),
        ("double by the end of the year", None),
        ("60 people within six months", None),
        ("40 by Q3", None),
        ("a lot more by June", "number"),
        ("40 a week", "date"),
        ("more", "number and no date"),
    ],
)
def test_targets_need_a_number_and_a_date(target: str, missing: str | None) -> None:
    plan = filled_plan()
    measure(plan, FourA.ATTRACTION).target = target
    findings = only("four-a-target-incomplete", plan)
    if missing is None:
        assert findings == []
    else:
        assert f"has no {missing}" in findings[0].message


@pytest.mark.parametrize(
    ("status", "flagged"),
    [
        (ChannelStatus.ACTIVE, False),
        (ChannelStatus.PLANNED, False),
        (ChannelStatus.DORMANT, True),
        (ChannelStatus.TO_RETIRE, True),
    ],
)
def test_an_activity_on_a_sleeping_channel(status: ChannelStatus, flagged: bool) -> None:
    plan = filled_plan()
    plan.management.presence[0].status = status
    findings = only("activity-channel-not-in-presence", plan)
    assert bool(findings) is flagged
    if flagged:
        assert status.label.lower() in findings[0].message


def test_an_offline_activity_needs_no_account() -> None:
    plan = filled_plan()
    plan.engagement.activities[0].channel = "In the shop, on Saturday mornings"
    assert only("activity-channel-not-in-presence", plan) == []


def test_a_theme_is_answered_by_a_link_a_named_need_or_words() -> None:
    plan = filled_plan()
    for note in plan.listening.notes[:4]:
        note.tags.append("parking")
    assert only("top-theme-unaddressed", plan)
    plan.engagement.activities[0].answers = "Parking"
    assert only("top-theme-unaddressed", plan) == []
    plan.engagement.activities[0].answers = ""
    playbook(plan, SituationType.QUESTION).response = "Tell them where to park nearby"
    assert only("top-theme-unaddressed", plan) == []


def test_a_theme_heard_twice_is_not_yet_top() -> None:
    plan = filled_plan()
    for note in plan.listening.notes[:2]:
        note.tags.append("parking")
    assert only("top-theme-unaddressed", plan) == []


def test_an_untouched_playbook_entry_is_left_to_progress() -> None:
    plan = Plan()
    assert only("playbook-without-responder", plan) == []


def test_a_p_owner_by_first_name_is_on_the_list_unless_two_share_it() -> None:
    plan = filled_plan()
    plan.planning.seven_ps.purpose.owner = "ann"
    assert only("p-owner-not-on-people", plan) == []
    plan.management.people.append(Person(name="Ann Other", role="Baker"))
    assert only("p-owner-not-on-people", plan)


# ---------------------------------------------------------------- the hollow plan and the examples


def test_the_hollow_plan_is_listed_for_what_it_is() -> None:
    plan = hollow_plan()
    findings = lint(plan, today=TODAY)
    rules = {f.rule for f in findings}
    assert has_errors(findings)
    empty_notes = [f for f in findings if f.rule == "empty-listening-note"]
    assert len(empty_notes) == 10
    copied = {f.path for f in findings if f.rule == "example-text-unchanged"}
    assert ("listening", "learnings", "unlearn") in copied
    assert ("planning", "seven_ps", "practices", "decision") in copied
    assert ("planning", "intent") in copied
    owners = [f for f in findings if f.rule == "p-owner-not-on-people"]
    assert len(owners) == 7 and all(BAKERY_OWNER in f.message for f in owners)
    assert {
        "no-one-accountable",
        "no-publisher",
        "no-complaints-answerer",
        "no-escalation-path",
    } <= rules
    severities = [f.severity.rank for f in findings]
    assert severities == sorted(severities)  # errors first, then warnings, then hints


@pytest.mark.parametrize("name", [info.name for info in list_examples()])
def test_every_example_lints_clean(name: str) -> None:
    plan = load_example(name)
    findings = lint(plan, today=plan.details.plan_date)
    assert [(f.rule, f.message) for f in findings] == []


def test_the_review_date_rule_uses_the_day_given() -> None:
    plan = filled_plan()
    assert only("next-review-in-past", plan, today=date(2026, 8, 1)) == []
    assert only("next-review-in-past", plan, today=date(2026, 8, 2))


# ---------------------------------------------------------------- reports


def test_reports_count_and_describe_each_finding() -> None:
    plan = hollow_plan()
    findings = lint(plan, today=TODAY)
    report = report_json(plan, findings, "hollow.json")
    assert report["counts"] == {
        "error": sum(f.severity is Severity.ERROR for f in findings),
        "warning": sum(f.severity is Severity.WARNING for f in findings),
        "hint": sum(f.severity is Severity.HINT for f in findings),
    }
    first_note = next(f for f in report["findings"] if f["rule"] == "empty-listening-note")
    assert first_note["where"] == "Listening & Learning › Listening notes › note 1 › What was said"
    assert first_note["severity"] == "error"
    assert count_words([]) == "no errors, no warnings, no hints"


def test_a_dismissed_warning_stays_away_until_its_text_changes() -> None:
    from workbook.lint import dismissal_key
    from workbook.model import Channel
    from workbook.secrets_check import find_secrets

    plan = filled_plan()
    plan.management.presence.append(Channel(credentials_location="password is Plumb1ng2015!"))
    path = ("management", "presence", plan.management.presence[-1].id, "credentials_location")
    (found,) = [f for f in lint(plan) if f.rule == "secret-like-text"]
    assert found.path == path and [f.path for f in find_secrets(plan)] == [path]

    plan.dismissed_checks.append(dismissal_key(plan, found.rule, found.path))
    assert not [f for f in lint(plan) if f.rule == "secret-like-text"]
    assert find_secrets(plan) == []  # validate's warning is dismissed with it
    assert "Plumb1ng" not in " ".join(plan.dismissed_checks)  # the secret is not copied

    plan.management.presence[-1].credentials_location = "password is Plumb1ng2016!"
    assert [f.path for f in lint(plan) if f.rule == "secret-like-text"] == [path]


def test_the_check_in_steps_finds_what_the_check_at_once_finds():
    """The window checks a step at a time (the texts gathered, then a rule a step)."""
    from workbook.lint import RULES, lint_in_steps

    plan = hollow_plan()
    found, count = run_counting(lint_in_steps(plan, today=TODAY))
    assert count == len(RULES) + 2
    assert found == lint(plan, today=TODAY) and found


def test_the_heavy_rules_pause_inside_on_a_big_plan():
    """On a 2,000-note plan the password check (12,000 texts) and the unchanged-example
    check (a note copied from the examples each) are some 15-20 ms each: in the window's
    check they pause a few times, so no step holds the event loop that long."""
    from tests.benchmarks.bench_export import many_notes
    from workbook.lint import RULES, lint_in_steps

    plan = many_notes(2000)  # the worked examples' notes, again and again
    for rule_id in ("secret-like-text", "example-text-unchanged"):
        (rule,) = [r for r in RULES if r.id == rule_id]
        found, count = run_counting(lint_in_steps(plan, today=TODAY, rules=[rule]))
        assert count > 2 + 3, rule_id  # the texts gathered, then the rule in pieces
        assert found == lint(plan, today=TODAY, rules=[rule])
    assert any(f.rule == "example-text-unchanged" for f in found)
