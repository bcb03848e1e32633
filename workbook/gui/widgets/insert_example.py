"""Insert example: a worked example's answer for a field, from the example nearest the plan's
trade (or one the user picks), put in as one undo step, and never over the user's own words
without asking."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from workbook import examples
from workbook.borrowed import is_example_text
from workbook.facts import filled
from workbook.gui import questions
from workbook.gui.document import PlanDocument
from workbook.gui.widgets.guide_text import field_text
from workbook.gui.widgets.layout import LinkButton, plain_tooltip
from workbook.model import Plan
from workbook.paths import FieldPath

INSERT_EXAMPLE_TEXT = "Insert example"
INSERT_EXAMPLE_KEY = "F4"
"""Works while the field has the focus (the button itself is not a Tab stop); Ctrl+Shift+E
is Export As."""
"""Works while the field has the focus (the button itself is not a Tab stop)."""


@dataclass(frozen=True, slots=True)
class ExampleChoice:
    """One worked example's answer for one field."""

    name: str
    label: str
    """The example as the menu names it: "Plumbing and heating in Carrow Vale (Dean & Sons)"."""
    text: str
    nearest: bool


@cache
def _labels() -> dict[str, str]:
    labels = {}
    for info in examples.list_examples():
        trade = info.description.split(" — ")[0]
        labels[info.name] = f"{trade} ({info.organisation})" if info.organisation else trade
    return labels


def example_choices(path: FieldPath, plan: Plan | None) -> list[ExampleChoice]:
    """Every example with an answer at ``path``, the one nearest the plan's industry first."""
    industry = plan.details.industry if plan is not None else ""
    nearest = examples.nearest_example(industry)
    ranked = [name for name, _score in examples.rank_examples(industry)]
    order = [nearest] + [name for name in ranked if name != nearest]
    choices = []
    for name in order:
        try:
            text = examples.example_value(name, tuple(path), plan)
        except (KeyError, ValueError, TypeError):
            continue
        if text and text.strip():
            label = _labels().get(name, name.replace("_", " "))
            choices.append(ExampleChoice(name, label, text, name == nearest))
    return choices


def first_choice(path: FieldPath, plan: Plan | None) -> ExampleChoice | None:
    """The answer "Insert example" puts in: the nearest example's, or the next with one."""
    choices = example_choices(path, plan)
    return choices[0] if choices else None


def insert_example(
    document: PlanDocument, path: FieldPath, text: str, parent: QWidget | None = None
) -> bool:
    """Put ``text`` into the field as one undo step of its own. The user's own answer is
    replaced only when they say so (an example's words, unchanged, are simply swapped);
    nothing is ever added after it. False when nothing changed."""
    current = document.value(path)
    current = current if isinstance(current, str) else ""
    if current == text:
        return False
    if filled(current) and not is_example_text(path, current, document.plan):
        prompt = field_text(tuple(path)).prompt
        if not questions.ask_replace_with_example(parent, prompt, current, text):
            return False
    # A macro keeps this edit from merging with the typing just before it.
    document.begin_macro(INSERT_EXAMPLE_TEXT)
    try:
        document.set_value(path, text)
    finally:
        document.end_macro()
    return True


class ExampleButton(LinkButton):
    """ "Insert example", with a menu of the other examples' answers beside it. Its tooltip
    shows the answer it would put in, worked out when asked for (the plan's trade may
    have changed since the button was made)."""

    def __init__(self, block: QWidget, prompt: str) -> None:
        super().__init__(INSERT_EXAMPLE_TEXT, block)
        self.block = block
        self.setAccessibleName(f"{INSERT_EXAMPLE_TEXT} for: {prompt}")
        self.choices_menu = QMenu(self)
        self.choices_menu.setObjectName("example_choices")
        self.choices_menu.aboutToShow.connect(self._fill_menu)
        self.setMenu(self.choices_menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setToolTip(self._tip())

    def _tip(self) -> str:
        choice = self.block.current_choice()  # type: ignore[attr-defined]
        base = (
            f"Puts in the answer of the worked example nearest your trade "
            f"({INSERT_EXAMPLE_KEY} in the field); the arrow offers the other examples."
        )
        if choice is None:
            return plain_tooltip(base)
        return plain_tooltip(f"{base}\n\nFrom {choice.label}:\n{choice.text}")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self.setToolTip(self._tip())
        return super().event(event)

    def _fill_menu(self) -> None:
        menu = self.choices_menu
        menu.clear()
        for choice in self.block.choices():  # type: ignore[attr-defined]
            text = f"From {choice.label}" + ("  (nearest your trade)" if choice.nearest else "")
            action = menu.addAction(text.replace("&", "&&"))
            action.setToolTip(plain_tooltip(choice.text))
            action.triggered.connect(
                lambda _checked=False, c=choice: self.block.insert_choice(c)  # type: ignore[attr-defined]
            )
        menu.setToolTipsVisible(True)
        if menu.isEmpty():
            menu.addAction("No worked example answers this question").setEnabled(False)
