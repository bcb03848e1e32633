"""The words about the method itself: where it comes from, for Help and the document's Sources."""

from __future__ import annotations

from dataclasses import dataclass

ABOUT_TITLE = "About the method"

ABOUT_THE_METHOD: tuple[str, ...] = (
    "This workbook follows the method of Jay Deragon's blog series “Creating Social Media "
    "Value”. The series starts from one idea: a business earns its place in online "
    "conversations by serving the people in them, not by pushing messages at them.",
    "It sets out four stages, taken in order. First, organise and look after your presence: "
    "which accounts you have, who may do what, and who answers for mistakes. Second, listen "
    "and learn before you say anything, and listen for what people need rather than for "
    "chances to sell. Third, think and plan, turning what you heard into decisions. Fourth, "
    "engage: join the conversation, keep listening, and measure the relationships you build.",
    "For the planning stage the series borrows Telligent's 7 P's (purpose, people, places, "
    "process, platform, practices, participate). Each one is decided, given an owner and "
    "shared with the whole organisation before anyone starts engaging.",
    "To measure, the series uses the four A's: attention, attraction, affinity and audience. "
    "Each builds on the one before, and the series asks you to count what relationships "
    "cost you, in time and money, as well as what they bring back.",
    "The prompts, examples and checks in this app are its own wording of those ideas. The "
    "checks test the thinking rather than the form: listening before speaking, decisions "
    "owned and shared, and serving before selling.",
)
"""Paragraphs of the Help page "About the method"."""


@dataclass(frozen=True)
class Source:
    """One work the method draws on, as the document's Sources section lists it."""

    author: str
    title: str
    what_we_took: str


SOURCES: tuple[Source, ...] = (
    Source(
        "Jay Deragon",
        "Creating Social Media Value (blog series, 2009)",
        "The four stages: management and administration, listening and learning, thinking "
        "and planning, engagement; and the call to give results rather than chase them.",
    ),
    Source(
        "Telligent",
        "The 7 P's, as cited in the series",
        "Seven things to decide (purpose, people, places, process, platform, practices, "
        "participate), each thought through and shared before engaging.",
    ),
    Source(
        "Jay Deragon",
        "The four A's, as described in the series",
        "Attention, attraction, affinity and audience as the measures of a relationship, "
        "with the cost of building it counted beside its results.",
    ),
)
"""Credits for the document's short Sources section."""


SOURCES_NOTE = (
    "The wording of this plan, its prompts and its examples are the workbook's own; the "
    "ideas above are credited to their authors."
)
"""A closing line for the Sources section."""
