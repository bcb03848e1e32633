"""Stage titles, short and long, are written once (workbook/stages.py) and read from there."""

from __future__ import annotations

import ast
from pathlib import Path

from workbook.model import Plan
from workbook.stages import STAGE_TITLES, Stage

PACKAGE = Path(__file__).resolve().parents[2] / "workbook"


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _strings(path: Path) -> list[str]:
    """Every string literal of the module that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_stage_titles_are_spelt_only_in_stages_py():
    titles = {stage.title for stage in Stage} | {stage.long_title for stage in Stage}
    distinctive = [title for title in titles if "&" in title]  # can't occur by chance
    spelt = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "stages.py" and path.parent == PACKAGE:
            continue
        for text in _strings(path):
            if text in titles or any(title in text for title in distinctive):
                spelt.append(f"{path.relative_to(PACKAGE.parent)}: {text!r}")
    assert spelt == [], "stage titles belong in workbook/stages.py"


def test_the_plan_files_sections_carry_the_long_titles():
    for stage in Stage:
        assert Plan.model_fields[stage.value].title == stage.long_title


def test_long_titles_extend_the_short_ones():
    assert Stage.PLANNING.long_title == "Thinking & Planning with the 7 P's"
    for stage in Stage:
        assert stage.long_title.startswith(STAGE_TITLES[stage])
