"""The lint rules: one small function each, listed with its id and severity in :data:`RULES`.

A rule takes the :class:`~workbook.lint.context.LintContext` and yields ``(path, message)``
for each thing it finds. Messages say what is wrong and what to do, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

from workbook.facts import filled, row_is_empty
from workbook.insights import addresses_theme, top_themes
from workbook.lint.context import LintContext
from workbook.lint.words import (
    DATE_PATTERN,
    NUMBER_PATTERN,
    OWN_OUTPUT_PATTERN,
    PLATFORM_PATTERNS,
    PUSH_PATTERN,
)
from workbook.model import ROW_TYPES, ChannelStatus, FourA, SevenP, SituationType
from workbook.paths import FieldPath
from workbook.secrets_check import RULE_ID as SECRET_RULE_ID
from workbook.secrets_check import secret_positions

Found = Iterator[tuple[FieldPath, str] | None]
"""A rule's findings: each a field and a message. A rule with much to do on a big plan
also yields :data:`PAUSE` now and then: a place where the window's check may give the
event loop its turn (see :func:`workbook.lint.lint_in_steps`)."""

PAUSE = None
PIECE = 2000
"""Texts (or found rows) a heavy rule gets through between two pauses: a few milliseconds."""


class Severity(StrEnum):
    """How much a finding matters: error (wrong or unsafe), warning (weakens), hint (style)."""

    ERROR = "error"
    WARNING = "warning"
    HINT = "hint"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "hint": 2}[self.value]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    """What the rule looks for, in a few words (the Review page's group heading)."""
    check: Callable[[LintContext], Found]


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _quote(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _activities(ctx: LintContext):
    return [a for a in ctx.plan.engagement.activities if not row_is_empty(a)]


# ---------------------------------------------------------------- errors


def p_owner_not_on_people(ctx: LintContext) -> Found:
    for p in SevenP:
        owner = ctx.plan.planning.seven_ps.get(p).owner.strip()
        if owner and owner not in ctx.names:
            yield (
                ("planning", "seven_ps", p.value, "owner"),
                f"{p.label} is owned by {owner}, who is not on the People list. Add them "
                "under Management › People and permissions, or choose someone who is.",
            )


def two_accountable(ctx: LintContext) -> Found:
    names = [p.name.strip() or "(no name)" for p in ctx.plan.management.people if p.accountable]
    if len(names) > 1:
        yield (
            ("management", "people"),
            f"{len(names)} people are ticked as accountable ({', '.join(names)}). Exactly one "
            "person should answer for what is posted: untick the others.",
        )


def activity_before_ps_shared(ctx: LintContext) -> Found:
    shared = ctx.shared_on
    if shared is None:
        return
    for activity in _activities(ctx):
        if activity.start_date is not None and activity.start_date < shared:
            yield (
                ("engagement", "activities", activity.id, "start_date"),
                f"{_quote(activity.activity or 'This activity')} starts "
                f"{_day(activity.start_date)}, before the 7 P's were all shared "
                f"({_day(shared)}). Share them first, or start it later.",
            )


def secret_like_text(ctx: LintContext) -> Found:
    texts, _starts = ctx.texts
    for start in range(0, len(texts), PIECE):  # a 2,000-note plan: 12,000 texts, 12 ms
        if start:
            yield PAUSE
        for index in secret_positions(texts[start : start + PIECE]):
            yield (
                ctx.text_path(start + index),
                "This looks like a password, key or token. The plan should say where a "
                "login is kept, never the secret itself: remove it, and change that password.",
            )


def empty_listening_note(ctx: LintContext) -> Found:
    for number, note in enumerate(ctx.plan.listening.notes, start=1):
        if not note.said or note.said.isspace():
            yield (
                ("listening", "notes", note.id, "said"),
                f"Note {number} has nothing under What was said. Write what you heard, or "
                "delete the row.",
            )


# ---------------------------------------------------------------- warnings: the house in order


def no_one_accountable(ctx: LintContext) -> Found:
    if not any(p.accountable for p in ctx.plan.management.people):
        yield (
            ("management", "people"),
            "Nobody is accountable when something wrong is posted. Tick exactly one person.",
        )


def no_publisher(ctx: LintContext) -> Found:
    if not any(p.can_publish for p in ctx.plan.management.people):
        yield (
            ("management", "people"),
            "Nobody may publish. Tick at least one person who may post for the business.",
        )


def no_complaints_answerer(ctx: LintContext) -> Found:
    if not any(p.can_answer_complaints for p in ctx.plan.management.people):
        yield (
            ("management", "people"),
            "Nobody answers complaints. Tick someone calm who can put things right.",
        )


def no_escalation_path(ctx: LintContext) -> Found:
    text = ctx.plan.management.governance.escalation_path
    if not filled(text):
        yield (
            ("management", "governance", "escalation_path"),
            "There is no escalation path. Write down who is told, and in what order, when a "
            "complaint or a crisis comes in.",
        )


# ---------------------------------------------------------------- warnings: consistency


def _presence_status(ctx: LintContext) -> dict:
    best: dict = {}
    rank = {
        ChannelStatus.ACTIVE: 0,
        ChannelStatus.PLANNED: 1,
        ChannelStatus.DORMANT: 2,
        ChannelStatus.TO_RETIRE: 3,
    }
    for channel in ctx.plan.management.presence:
        if row_is_empty(channel) and not channel.handle:
            continue
        known = best.get(channel.platform)
        if known is None or rank[channel.status] < rank[known]:
            best[channel.platform] = channel.status
    return best


def activity_channel_not_in_presence(ctx: LintContext) -> Found:
    statuses = _presence_status(ctx)
    for activity in _activities(ctx):
        for platform, pattern in PLATFORM_PATTERNS.items():
            if not pattern.search(activity.channel):
                continue
            status = statuses.get(platform)
            path = ("engagement", "activities", activity.id, "channel")
            name = _quote(activity.activity or "An activity")
            if status is None:
                yield (
                    path,
                    f"{name} happens on {platform.label}, which is not in the presence "
                    "inventory. Add the account there, with its owner.",
                )
            elif status in (ChannelStatus.DORMANT, ChannelStatus.TO_RETIRE):
                yield (
                    path,
                    f"{name} happens on {platform.label}, which the presence inventory marks "
                    f"{status.label.lower()}. Mark the account active or planned, or move the "
                    "activity.",
                )


def playbook_without_responder(ctx: LintContext) -> Found:
    for entry in ctx.plan.engagement.playbook:
        # An untouched entry is a gap in progress; this is about an answer given by halves.
        if entry.situation not in (SituationType.COMPLAINT, SituationType.CRISIS):
            continue
        if row_is_empty(entry):
            continue
        missing = [
            words
            for words, value in (
                ("who responds", entry.responder),
                ("how quickly", entry.response_time),
            )
            if not filled(value)
        ]
        if missing:
            field = "responder" if not filled(entry.responder) else "response_time"
            yield (
                ("engagement", "playbook", entry.id, field),
                f"The {entry.situation.label.lower()} entry does not say "
                f"{' or '.join(missing)}. Decide it now, calmly, not in the moment.",
            )


def four_a_target_incomplete(ctx: LintContext) -> Found:
    for measure in ctx.plan.engagement.measures:
        target = measure.target
        if not filled(target):
            continue
        missing = []
        if NUMBER_PATTERN.search(target) is None:
            missing.append("a number")
        if DATE_PATTERN.search(target) is None:
            missing.append("a date")
        if missing:
            yield (
                ("engagement", "measures", measure.id, "target"),
                f"The {measure.dimension.label} target {_quote(target)} has no "
                f"{' and no '.join(m.split(' ', 1)[1] for m in missing)}. Say how much, and "
                "by when, e.g. “25 a month by September”.",
            )


def attention_counts_own_output(ctx: LintContext) -> Found:
    for measure in ctx.plan.engagement.measures:
        if measure.dimension is FourA.ATTENTION and OWN_OUTPUT_PATTERN.search(measure.indicator):
            yield (
                ("engagement", "measures", measure.id, "indicator"),
                f"{_quote(measure.indicator)} counts what the business puts out. Attention is "
                "people noticing you: count what they do, such as replies, questions or shares.",
            )


def next_review_in_past(ctx: LintContext) -> Found:
    day = ctx.plan.engagement.review.next_review
    if day is not None and day < ctx.today:
        yield (
            ("engagement", "review", "next_review"),
            f"The next review was due on {_day(day)}. Hold it, or set a new date.",
        )


def _borrowed_message(origin: str, titles: list[str] | None = None) -> str:
    where = "the placeholder" if origin == "guidance" else f"the {origin} example"
    if titles is None:
        return f"This is {where}'s text, unchanged. Rewrite it for your business, or clear it."
    return (
        f"{', '.join(titles)}: {where}'s words, unchanged. Rewrite them for your business, "
        "or clear them."
    )


def example_text_unchanged(ctx: LintContext) -> Found:
    # Written for speed: a 2,000-note plan has some 12,000 texts. A whole column is tested
    # against the examples' texts at once, and only the rows found are looked at one by one.
    # A row's copied fields make one finding, at the first of them.
    origins = ctx.borrowed.origins
    for group in ctx.groups:
        found: dict[int, list[tuple[str, str]]] = {}
        for name, values in group.columns:
            known = origins(f"{group.key}.{name}" if group.key else name)
            if not known or known.keys().isdisjoint(values):
                continue
            get = known.get
            hits = [(i, o) for i, v in enumerate(values) if (o := get(v)) is not None]
            for index, origin in hits:
                found.setdefault(index, []).append((name, origin))
        if not found:
            continue
        parents = group.parents
        if not group.rows:
            for index in sorted(found):
                for name, origin in found[index]:
                    yield (*parents[index], name), _borrowed_message(origin)
            continue
        # The rows of one list: their fields' titles, and each message once (a plan copied
        # from the examples says the same of most of its rows).
        titles = _row_titles((parents[0][0], parents[0][1]))
        messages: dict[tuple[str, tuple[str, ...]], str] = {}
        for count, index in enumerate(sorted(found), start=1):
            if count % (PIECE // 4) == 0:  # every note copied: 2,000 findings, 20 ms
                yield PAUSE
            fields = found[index]
            key = (fields[0][1], tuple(name for name, _origin in fields))
            message = messages.get(key)
            if message is None:
                message = _borrowed_message(key[0], [titles[name] for name in key[1]])
                messages[key] = message
            yield (*parents[index], fields[0][0]), message


@cache
def _row_titles(list_name: tuple[str, str]) -> dict[str, str]:
    fields = ROW_TYPES[list_name].model_fields
    return {name: field.title or name for name, field in fields.items()}


def top_theme_unaddressed(ctx: LintContext) -> Found:
    for theme in top_themes(ctx.plan.listening.notes):
        if not addresses_theme(ctx.plan, theme.name):
            yield (
                ("engagement", "activities"),
                f"“{theme.name}” came up in {theme.count} notes, but no decision, reply or "
                "activity answers it. Add one; the theme's suggestions are a start.",
            )


def activity_without_owner(ctx: LintContext) -> Found:
    for activity in _activities(ctx):
        if not filled(activity.owner):
            yield (
                ("engagement", "activities", activity.id, "owner"),
                f"{_quote(activity.activity or 'An activity')} has no owner. Name who makes it "
                "happen.",
            )


def activity_without_start(ctx: LintContext) -> Found:
    for activity in _activities(ctx):
        if activity.start_date is None:
            yield (
                ("engagement", "activities", activity.id, "start_date"),
                f"{_quote(activity.activity or 'An activity')} has no start date. Pick the "
                "first day, after the 7 P's are shared.",
            )


def measure_without_baseline(ctx: LintContext) -> Found:
    for measure in ctx.plan.engagement.measures:
        if filled(measure.indicator) and not filled(measure.baseline):
            yield (
                ("engagement", "measures", measure.id, "baseline"),
                f"The {measure.dimension.label} measure has no baseline. Write today's figure, "
                "or your best guess, so change can be seen.",
            )


def activity_hours_over_resources(ctx: LintContext) -> Found:
    weekly = ctx.plan.management.resources.hours_per_week
    hours = [a.hours_per_month for a in _activities(ctx) if a.hours_per_month is not None]
    if weekly is None or not hours:
        return
    available = weekly * 52 / 12
    planned = sum(hours)
    if planned > available + 1e-9:
        yield (
            ("management", "resources", "hours_per_week"),
            f"The activities take {planned:g} hours a month, but Resources gives "
            f"{weekly:g} hours a week (about {available:.0f} a month). Give more time, or "
            "do less.",
        )


# ---------------------------------------------------------------- hints


def push_language(ctx: LintContext) -> Found:
    fields = []
    for activity in ctx.plan.engagement.activities:
        for name in ("activity", "value_offered"):
            fields.append(
                (("engagement", "activities", activity.id, name), getattr(activity, name))
            )
    for entry in ctx.plan.engagement.playbook:
        for name in ("response", "example_reply"):
            fields.append((("engagement", "playbook", entry.id, name), getattr(entry, name)))
    for path, text in fields:
        match = PUSH_PATTERN.search(text)
        if match:
            yield (
                path,
                f"“{match.group(0)}” is push language, the kind the series asks us to unlearn. "
                "Say what the person gains instead.",
            )


_ROW_LISTS = (
    (("management", "presence"), "channel"),
    (("management", "people"), "person"),
    (("listening", "places"), "listening place"),
    (("engagement", "activities"), "activity"),
)


def empty_row(ctx: LintContext) -> Found:
    for list_path, noun in _ROW_LISTS:
        rows = getattr(getattr(ctx.plan, list_path[0]), list_path[1])
        for number, row in enumerate(rows, start=1):
            if row_is_empty(row):
                yield (
                    list_path + (row.id,),
                    f"{noun.capitalize()} {number} is empty. Fill it in or delete it.",
                )


def activity_without_cost(ctx: LintContext) -> Found:
    for activity in _activities(ctx):
        if activity.hours_per_month is None or activity.money_per_month is None:
            field = "hours_per_month" if activity.hours_per_month is None else "money_per_month"
            yield (
                ("engagement", "activities", activity.id, field),
                f"Say what {_quote(activity.activity or 'this activity')} costs a month, in "
                "hours and money (0 is an answer), so methods can be compared.",
            )


def activity_without_a(ctx: LintContext) -> Found:
    for activity in _activities(ctx):
        if activity.moves is None:
            yield (
                ("engagement", "activities", activity.id, "moves"),
                f"Which of the four A's should {_quote(activity.activity or 'this activity')} "
                "move? Choosing one shows what each method builds.",
            )


E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT

RULES: tuple[Rule, ...] = (
    Rule("p-owner-not-on-people", E, "A P owner not on the People list", p_owner_not_on_people),
    Rule("two-accountable", E, "More than one accountable person", two_accountable),
    Rule(
        "activity-before-ps-shared",
        E,
        "An activity starting before the 7 P's were shared",
        activity_before_ps_shared,
    ),
    Rule(SECRET_RULE_ID, E, "Text that looks like a password or key", secret_like_text),
    Rule("empty-listening-note", E, "A listening note with nothing written", empty_listening_note),
    Rule("no-one-accountable", W, "Nobody accountable", no_one_accountable),
    Rule("no-publisher", W, "Nobody may publish", no_publisher),
    Rule("no-complaints-answerer", W, "Nobody answers complaints", no_complaints_answerer),
    Rule("no-escalation-path", W, "No escalation path", no_escalation_path),
    Rule(
        "activity-channel-not-in-presence",
        W,
        "An activity on a channel missing from the presence inventory",
        activity_channel_not_in_presence,
    ),
    Rule(
        "playbook-without-responder",
        W,
        "A complaint or crisis entry with no responder or response time",
        playbook_without_responder,
    ),
    Rule(
        "four-a-target-incomplete",
        W,
        "A four A's target with no number or no date",
        four_a_target_incomplete,
    ),
    Rule(
        "attention-counts-own-output",
        W,
        "An Attention indicator that counts our own output",
        attention_counts_own_output,
    ),
    Rule("next-review-in-past", W, "A next review date in the past", next_review_in_past),
    Rule("example-text-unchanged", W, "Example text left unchanged", example_text_unchanged),
    Rule(
        "top-theme-unaddressed",
        W,
        "A top listening theme nothing in the plan answers",
        top_theme_unaddressed,
    ),
    Rule("activity-without-owner", W, "An activity with no owner", activity_without_owner),
    Rule("activity-without-start", W, "An activity with no start date", activity_without_start),
    Rule("measure-without-baseline", W, "A measure with no baseline", measure_without_baseline),
    Rule(
        "activity-hours-over-resources",
        W,
        "Activities that take more hours than Resources gives",
        activity_hours_over_resources,
    ),
    Rule("push-language", H, "Push language to unlearn", push_language),
    Rule("empty-row", H, "An empty row", empty_row),
    Rule("activity-without-cost", H, "An activity with no cost", activity_without_cost),
    Rule(
        "activity-without-a", H, "An activity not tied to one of the four A's", activity_without_a
    ),
)
"""Every rule, in the order findings are listed within a severity."""
