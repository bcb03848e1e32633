"""The plan lint: checks across the stages that test the thinking, each finding with a rule id,
a severity, the field path it concerns and a plain message.

    from workbook.lint import lint
    for finding in lint(plan):
        print(finding.severity, finding.rule, finding.path, finding.message)

The rules are data (:data:`workbook.lint.rules.RULES`); the window runs :func:`lint`
debounced off the keystroke path, and the command line runs it as ``workbook lint FILE``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from workbook.lint.context import LintContext
from workbook.lint.rules import PAUSE, RULES, Rule, Severity
from workbook.paths import FieldPath
from workbook.stages import Stage
from workbook.stepping import Pieces, finish

if TYPE_CHECKING:
    from workbook.model import Plan

__all__ = [
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "count_words",
    "describe_path",
    "describe_paths",
    "has_errors",
    "lint",
    "lint_in_steps",
    "report_json",
    "report_text",
    "rule_by_id",
]


class Finding(NamedTuple):
    """One thing the lint found, and where. (A named tuple: a plan full of example text
    makes thousands, and they are made quickly.)"""

    rule: str
    severity: Severity
    path: FieldPath
    message: str

    @property
    def stage(self) -> Stage | None:
        """The stage the field belongs to, to group findings by (None for the top level)."""
        try:
            return Stage(self.path[0]) if self.path else None
        except ValueError:
            return None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "path": list(self.path),
            "message": self.message,
        }


def rule_by_id(rule_id: str) -> Rule:
    for rule in RULES:
        if rule.id == rule_id:
            return rule
    raise KeyError(f"no lint rule called {rule_id!r}")


def lint(
    plan: Plan, *, today: date | None = None, rules: Sequence[Rule] | None = None
) -> list[Finding]:
    """Every finding for ``plan``: errors first, then warnings, then hints, each in rule order.

    ``today`` decides what is "in the past" (the clock's date when not given).
    """
    return finish(lint_in_steps(plan, today=today, rules=rules))


def lint_in_steps(
    plan: Plan, *, today: date | None = None, rules: Sequence[Rule] | None = None
) -> Pieces[list[Finding]]:
    """:func:`lint` a step at a time: it yields between steps (the plan's texts gathered,
    then one rule each), where a caller may give other work its turn, and returns the
    findings. The window runs it so, one step per turn of its event loop: the check of a
    2,000-note plan is some 50 ms in all, and no turn of the loop should take so long.
    The plan must not change between steps; if it does, start again."""
    context = LintContext(plan, today or date.today())
    context.groups  # noqa: B018 - the texts, gathered once for every rule that reads them
    yield
    context.texts  # noqa: B018
    yield
    findings: list[Finding] = []
    for rule in sorted(rules if rules is not None else RULES, key=lambda r: r.severity.rank):
        rule_id, severity = rule.id, rule.severity
        for found in rule.check(context):
            if found is PAUSE:  # a heavy rule's place to pause: a step ends here
                yield
                continue
            path, message = found
            findings.append(Finding(rule_id, severity, tuple(path), message))
        yield
    if plan.dismissed_checks:
        dismissed = set(plan.dismissed_checks)
        findings = [f for f in findings if dismissal_key(plan, f.rule, f.path) not in dismissed]
    return findings


def dismissal_key(plan: Plan, rule: str, path: FieldPath) -> str:
    """What ``Plan.dismissed_checks`` holds when the user dismisses ``rule``'s warning about
    the field at ``path``: the rule, the field and a digest of its text as it is now, so
    the same warning comes back once the text changes (and the text itself is not copied)."""
    from workbook.paths import get_value

    try:
        value = get_value(plan, path)
    except (KeyError, AttributeError, IndexError, ValueError):
        value = None
    digest = hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{rule}|{'/'.join(str(step) for step in path)}|{digest}"


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def describe_path(plan: Plan, path: FieldPath) -> str:
    """Human words for a finding's field ("Listening notes › note 3 › What was said")."""
    return describe_paths(plan, [path])[0]


def describe_paths(plan: Plan, paths: Sequence[FieldPath]) -> list[str]:
    """:func:`describe_path` for many paths, looking each list's row positions up once."""
    from workbook.model import ROW_TYPES
    from workbook.paths import describe_location

    positions: dict[tuple[str, str], dict[str, int]] = {}
    for list_path in ROW_TYPES:
        rows = getattr(getattr(plan, list_path[0]), list_path[1])
        positions[list_path] = {row.id: index for index, row in enumerate(rows)}
    described = []
    for path in paths:
        loc: list[str | int] = list(path)
        if len(path) >= 3 and (path[0], path[1]) in positions:
            # By position, so naming a row needs no search through a long list.
            loc[2] = positions[(path[0], path[1])].get(path[2], path[2])
        described.append(describe_location(loc, plan))
    return described


def report_text(plan: Plan, findings: Sequence[Finding], name: str) -> str:
    """The findings as lines for a terminal, with a count first."""
    lines = [f"{name}: {count_words(findings)}"]
    for finding, where in zip(
        findings, describe_paths(plan, [f.path for f in findings]), strict=True
    ):
        lines.append(f"{finding.severity.value}: {where}: {finding.message} [{finding.rule}]")
    return "\n".join(lines)


def report_json(plan: Plan, findings: Sequence[Finding], name: str) -> dict[str, Any]:
    """The findings as one JSON object: counts, and each finding with its field in words."""
    counts = {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}
    return {
        "file": name,
        "counts": counts,
        "findings": [
            dict(finding.as_dict(), where=where)
            for finding, where in zip(
                findings, describe_paths(plan, [f.path for f in findings]), strict=True
            )
        ],
    }


def count_words(findings: Sequence[Finding]) -> str:
    """ "2 errors, 1 warning, no hints" """
    parts = []
    for severity in Severity:
        count = sum(1 for f in findings if f.severity is severity)
        noun = severity.value + ("" if count == 1 else "s")
        parts.append(f"{count or 'no'} {noun}")
    return ", ".join(parts)
