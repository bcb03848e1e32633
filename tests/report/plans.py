"""Plans for the report tests: a hostile plan whose every string is trouble for some format,
its "neutral twin" (the same shape with harmless words), and the strings a plan holds."""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import Enum

from pydantic import BaseModel

from tests.export.plans import fill_text_fields
from workbook.model import (
    BOOKKEEPING_FIELDS,
    PROVENANCE_FIELDS,
    Activity,
    AgreedAction,
    Channel,
    ListeningNote,
    ListeningPlace,
    ParkedIdea,
    ParkingOutcome,
    Person,
    Plan,
    Reading,
    Sentiment,
    SpendingPeriod,
)
from workbook.stages import Stage

HTML_TROUBLE = [
    "<b>bold</b>",
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    '<a href="javascript:alert(1)">click</a>',
    "AT&T &amp; &lt;tag&gt; &#x41;",
    "<!-- comment --> ]]> <![CDATA[x]]>",
    '" onmouseover="alert(1)',
    "<style>body{display:none}</style>",
    "<iframe src=https://evil.example></iframe>",
]
MARKDOWN_TROUBLE = [
    "# Not a heading",
    "- not a list",
    "1. not numbered",
    "2) nor this",
    "> not a quote",
    "**not bold** and __not bold__",
    "*not em* _not em_ a_b_c",
    "[not a link](https://evil.example)",
    "![not an image](https://evil.example/x.png)",
    "`not code` and ```fence```",
    "| not | a | table |",
    "---",
    "===",
    "+ plus",
    "<https://auto.example>",
    "https://bare.example.com/path_with_underscores",
    "www.example.com",
    "mail me: someone@example.com",
    "back\\slash \\* and trailing \\",
    "~~not struck~~",
    "[ref]: https://evil.example",
    "    four spaces are not code",
    "\tand a tab",
    "1\\. escaped already",
    "Stars * in * the * middle",
    "#hashtag and 5 # 3",
]
SCRIPTS = [
    "שלום עולם, מאפייה טובה",  # Hebrew (right to left)
    "مرحبا بالعالم، مخبز",  # Arabic (right to left, joined)
    "東京のパン屋さん、北京烤鸭、서울 빵집",  # CJK
    "Great 😀 bread 🥖 by 👩‍🍳 chefs",  # emoji, one with a joiner
    "Crème brûlée — Łódź «quotes» “curly”",
    "mixed עברית and English (בסוגריים) 123",
]
TROUBLE = HTML_TROUBLE + MARKDOWN_TROUBLE + SCRIPTS


def trouble(index: int) -> str:
    return TROUBLE[index % len(TROUBLE)]


def hostile_plan(notes: int = 24) -> Plan:
    """Every text field holds markup, Markdown, another script or emoji."""
    plan = Plan()
    m = plan.management
    m.presence = [Channel(), Channel()]
    m.people = [Person(can_publish=True, accountable=True), Person(can_listen=True)]
    plan.listening.places = [ListeningPlace(), ListeningPlace()]
    plan.engagement.activities = [
        Activity(start_date=date(2026, 3, 1)),
        Activity(start_date=date(2026, 4, 15)),
    ]
    plan.details.plan_date = date(2026, 2, 14)
    plan.engagement.review.next_review = date(2026, 1, 2)
    tags = ["<b>bold</b>", "# tag", "[x](y)", "שירות", "مخبز", "パン", "😀 happy", "a|b"]
    start = date(2025, 1, 1)
    plan.listening.notes = [
        ListeningNote(
            noted_on=start + timedelta(days=3 * i),
            tags=[tags[i % len(tags)], tags[(i * 3 + 1) % len(tags)]],
            sentiment=list(Sentiment)[i % 4],
        )
        for i in range(notes)
    ]
    e = plan.engagement
    measures = [m.id for m in e.measures]
    for index, measure in enumerate(e.measures):
        measure.baseline_value, measure.baseline_on = 10.0 + index, date(2026, 1, 1)
        measure.target_value, measure.target_on = 40.0, date(2026, 12, 31)
    e.readings = [
        Reading(measure=measures[i % len(measures)], taken_on=date(2026, 2 + i, 1), value=12.0 + i)
        for i in range(8)
    ]
    e.spending = [
        SpendingPeriod(period_start=date(2026, 1, 1), period_end=date(2026, 3, 31), hours=20),
        SpendingPeriod(period_start=date(2026, 4, 1), period_end=date(2026, 6, 30), money=150),
    ]
    e.actions = [AgreedAction(due=date(2026, 3, 2)), AgreedAction(done=True)]
    plan.workshop.parking_lot = [
        ParkedIdea(raised_on=date(2026, 2, 14), raised_during=Stage.LISTENING),
        ParkedIdea(outcome=ParkingOutcome.ACTION),
    ]
    fill_text_fields(plan, trouble)
    for index, reading in enumerate(e.readings):  # a reference to its measure, not text
        reading.measure = measures[index % len(measures)]
    d = plan.details
    d.title = "Plan <script>alert(1)</script> & **bold** # 1"
    d.organisation = "Crumb & Co. <i>Bakery</i> שלום [x](https://evil.example)"
    d.audience = "Line one\nLine two with <b>\n\nA second paragraph | pipe"
    d.website = "https://crumb.example.com/a_b?x=1&y=<2>"
    plan.listening.learnings.market_wants = "\n".join(MARKDOWN_TROUBLE)
    plan.planning.intent = "\n\n".join(HTML_TROUBLE)
    for p in ("purpose", "people", "places"):
        decision = getattr(plan.planning.seven_ps, p)
        decision.communicated = True
        decision.communicated_on = date(2026, 1, 5)
    return plan


NOT_YET_IN_DOCUMENT = frozenset({"history"})
"""The plan's history is never printed as such: a snapshot only appears when the user asks
for "What changed since" it."""
REFERENCE_FIELDS = frozenset({"measure"})
"""A reading's link to its measure: an id, not words the user typed."""


def user_strings(model: BaseModel) -> list[str]:
    """Every string the user typed in ``model``, as every format of the document must show
    it: enum choices (also in lists, such as weekdays), row ids, the app's own bookkeeping
    and the record of which notes an entry was drawn from (ids, not words) left out."""
    out: list[str] = []
    for name in type(model).model_fields:
        if name in BOOKKEEPING_FIELDS or name in PROVENANCE_FIELDS or name in NOT_YET_IN_DOCUMENT:
            continue
        if name in REFERENCE_FIELDS:
            continue
        value = getattr(model, name)
        if isinstance(value, str) and not isinstance(value, Enum):
            out.append(value)
        elif isinstance(value, BaseModel):
            out += user_strings(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    out += user_strings(item)
                elif isinstance(item, str) and not isinstance(item, Enum):
                    out.append(item)
    return out


def neutral_twin(plan: Plan) -> Plan:
    """``plan`` with every word of user text swapped for a harmless one (``w1``, ``w2``…):
    the same words in the same places, the same line breaks and paragraphs. A renderer
    that makes the same structure from both has made no markup out of the user's text."""
    twin = plan.model_copy(deep=True)
    words: dict[str, str] = {}

    def swap(text: str) -> str:
        def word(match: re.Match[str]) -> str:
            key = match.group().casefold()
            return words.setdefault(key, f"w{len(words) + 1}")

        return re.sub(r"\S+", word, text)

    def visit(part: BaseModel) -> None:
        for name in type(part).model_fields:
            if name in ("id", "format") or name in REFERENCE_FIELDS:
                continue
            value = getattr(part, name)
            if isinstance(value, str) and not isinstance(value, Enum):
                setattr(part, name, swap(value))
            elif isinstance(value, BaseModel):
                visit(value)
            elif isinstance(value, list):
                if value and all(isinstance(v, str) for v in value):
                    setattr(part, name, [swap(v) for v in value])
                for item in value:
                    if isinstance(item, BaseModel):
                        visit(item)

    visit(twin)
    return twin


def expected_lines(plan: Plan) -> list[str]:
    """Each line of every user string, whitespace folded: what must appear as text."""
    from workbook.report.text import printable

    lines = []
    for value in user_strings(plan):
        for line in printable(value).split("\n"):
            folded = " ".join(line.split())
            if folded:
                lines.append(folded)
    return lines
