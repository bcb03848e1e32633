"""The word lists the lint rules match against: data, kept apart from the rules that use them."""

from __future__ import annotations

import re

from workbook.model import Platform

PUSH_PHRASES: tuple[str, ...] = (
    "buy now",
    "order now",
    "book now",
    "call now",
    "act now",
    "limited offer",
    "limited-time offer",
    "limited time offer",
    "limited time only",
    "for a limited time",
    "don't miss",
    "don’t miss",
    "do not miss",
    "last chance",
    "hurry",
    "while stocks last",
    "sign up today",
    "today only",
    "exclusive deal",
    "don't delay",
    "don’t delay",
)
"""Push language the series asks us to unlearn: chasing and pressing rather than serving."""

PUSH_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in PUSH_PHRASES) + r")\b", re.IGNORECASE
)

PLATFORM_WORDS: dict[Platform, tuple[str, ...]] = {
    Platform.FACEBOOK: (r"facebook",),
    Platform.INSTAGRAM: (r"instagram",),
    Platform.LINKEDIN: (r"linkedin",),
    Platform.X: (r"twitter", r"on x", r"tweets?"),
    Platform.YOUTUBE: (r"youtube",),
    Platform.TIKTOK: (r"tiktok", r"tik tok"),
    Platform.BLOG: (r"blog",),
    Platform.FORUM: (r"forum",),
    Platform.REVIEW_SITE: (
        r"review sites?",
        r"google reviews?",
        r"google business",
        r"trustpilot",
        r"tripadvisor",
        r"yelp",
        r"checkatrade",
    ),
}
"""How an activity's channel names a platform of the presence inventory."""

PLATFORM_PATTERNS: dict[Platform, re.Pattern[str]] = {
    platform: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
    for platform, words in PLATFORM_WORDS.items()
}

_OUTPUT = (
    r"(?:posts?|tweets?|videos?|reels?|stories|updates?|articles?|clips?|photos?|newsletters?)"
)
OWN_OUTPUT_PATTERN = re.compile(
    "|".join(
        (
            _OUTPUT + r"\s+(?:that\s+)?we\s+(?:publish|post|make|send|share|put out|upload|create"
            r"|write|film)",
            r"\b(?:number|count|amount)\s+of\s+(?:our\s+)?" + _OUTPUT + r"\b",
            r"\b" + _OUTPUT + r"\s+(?:published|sent|posted|uploaded|made|created|written)\b",
            r"\b" + _OUTPUT + r"\s+(?:per|a|each)\s+(?:day|week|month)\b",
            r"\bhow\s+(?:often|many times)\s+we\s+(?:post|publish|tweet)\b",
            r"\bour\s+(?:posting|publishing)\s+(?:frequency|rate|schedule)\b",
        )
    ),
    re.IGNORECASE,
)
"""An Attention indicator that counts the business's own output ("posts we publish")."""

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
DATE_PATTERN = re.compile(
    "|".join(
        (
            rf"\b(?:{_MONTHS})\b",
            r"\b(?:19|20)\d\d\b",
            r"\bq[1-4]\b",
            r"\b(?:end|start|middle) of (?:the )?(?:year|month|quarter|season|term|summer|spring)",
            r"\bby (?:the )?(?:spring|summer|autumn|fall|winter|christmas|easter|new year)\b",
            r"\b(?:within|in) (?:\d+|one|two|three|four|six|twelve)"
            r" (?:days?|weeks?|months?|years?)\b",
            r"\bnext (?:year|quarter|month|season|spring|summer|autumn|winter)\b",
            r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b",
        )
    ),
    re.IGNORECASE,
)
"""A target that says by when."""

NUMBER_PATTERN = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred"
    r"|double|twice|half)\b",
    re.IGNORECASE,
)
"""A target that says how much."""
