"""Plans for the export tests: a hostile plan that fills every text field with trouble."""

from __future__ import annotations

import random
from datetime import date, timedelta
from enum import Enum

from pydantic import BaseModel

from workbook.model import (
    Activity,
    Channel,
    ListeningNote,
    ListeningPlace,
    Person,
    Plan,
    Sentiment,
)

MARKUP = [
    "<b>",
    "x<y>z",
    "AT&T",
    "a typed &amp; stays",
    "&#99999999;",
    "<font size=80>",
    '<img src="/etc/passwd"/>',
    "</para>",
    "<br/>",
    '<a href="file:///etc/passwd">link</a>',
    "&nbsp;&lt;",
    "<super>",
    "]]>",
    "<!-- -->",
]
SCRIPTS = {
    "latin": "Crème brûlée façade naïve Ærøskøbing Łódź",
    "greek": "Καλημέρα κόσμε ψωμί",
    "cyrillic": "Привет, пекарня хлеб",
    "hebrew": "שלום עולם מאפייה",
    "arabic": "مرحبا بالعالم مخبز",
}
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung" * 2
LONG_URL = "https://example.com/" + "/".join(f"segment{i:03d}" for i in range(40)) + "?q=1&x=2"
EMOJI = "Great 😀 bread 🥖"

BIG_ANSWER_BYTES = 200_000


def trouble(index: int) -> str:
    """A short string that mixes markup, a script and a long token; varies with index."""
    markup = MARKUP[index % len(MARKUP)]
    script = list(SCRIPTS.values())[index % len(SCRIPTS)]
    return f"{markup} {script} {markup}"


def big_answer() -> str:
    """About 200 KB of ordinary prose with a few paragraphs and line breaks."""
    sentence = (
        "We bake before dawn and listen to what the street wants, then answer "
        "questions honestly & quickly; <b>no</b> spam. "
    )
    paragraph = sentence * 12
    text = ""
    while len(text.encode()) < BIG_ANSWER_BYTES:
        text += paragraph + "\n\n"
    return text


def fill_text_fields(model: BaseModel, make) -> None:
    """Set every string field of ``model`` (recursively, lists included) to ``make(n)``."""
    counter = [0]

    def visit(part: BaseModel) -> None:
        for name in type(part).model_fields:
            value = getattr(part, name)
            if name in ("id", "format"):
                continue
            if isinstance(value, str) and not isinstance(value, Enum):
                counter[0] += 1
                setattr(part, name, make(counter[0]))
            elif isinstance(value, BaseModel):
                visit(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, BaseModel):
                        visit(item)

    visit(model)


def hostile_plan(notes: int = 2000, big: bool = True) -> Plan:
    rng = random.Random(7)
    plan = Plan()
    m = plan.management
    m.presence = [Channel(), Channel()]
    m.people = [Person(can_publish=True, accountable=True), Person(can_listen=True)]
    plan.listening.places = [ListeningPlace(), ListeningPlace()]
    plan.engagement.activities = [Activity(start_date=date(2026, 3, 1))]
    plan.details.plan_date = date(2026, 2, 14)
    tags = ["<b>bold</b>", "AT&T", "хлеб", "שירות", "مخبز", "price & value", "queue"]
    start = date(2025, 1, 1)
    plan.listening.notes = [
        ListeningNote(
            noted_on=start + timedelta(days=i % 300),
            tags=rng.sample(tags, 2),
            sentiment=list(Sentiment)[i % 4],
        )
        for i in range(notes)
    ]
    fill_text_fields(plan, trouble)
    # Special cases on named fields, so the tests can look for them.
    d = plan.details
    d.title = "Plan <b>bold</b> & AT&T"
    d.organisation = "Crumb & Co. <i>Bakery</i> " + SCRIPTS["greek"]
    d.website = LONG_URL
    d.offering = LONG_WORD
    d.audience = "Line one\nLine two\nLine three"
    d.industry = EMOJI
    plan.listening.learnings.market_wants = big_answer() if big else "A short answer"
    for p in ("purpose", "people", "places"):
        decision = getattr(plan.planning.seven_ps, p)
        decision.communicated = True
        decision.communicated_on = date(2026, 1, 5)
    return plan
