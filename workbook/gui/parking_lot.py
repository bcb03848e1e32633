"""Reviewing the workshop's parking lot: a parked idea becomes a listening note, an agreed
action or part of one P's decision, or is kept for later; each is one undo step that also
records what became of the idea. Used by the Review page's table and the workshop summary."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.widgets import clock
from workbook.gui.widgets.flow_layout import FlowLayout
from workbook.model import ParkedIdea, ParkingOutcome, Row, SevenP
from workbook.workshop_review import (
    ACTIONS,
    NOTES,
    PARKING_LOT,
    action_from_idea,
    decision_path,
    decision_with_idea,
    note_from_idea,
    quoted,
)

SHORT = 40
"""Characters of an idea an undo step's name quotes."""


def parked(document: PlanDocument, idea_id: str) -> ParkedIdea:
    return document.value((*PARKING_LOT, idea_id))


def _outcome_path(idea_id: str) -> tuple[str, ...]:
    return (*PARKING_LOT, idea_id, "outcome")


def _turn_into(
    document: PlanDocument,
    idea_id: str,
    list_path: tuple[str, ...],
    row: Row,
    outcome: ParkingOutcome,
    what: str,
) -> str:
    """Append ``row`` to ``list_path`` and set the idea's outcome, as one undo step."""
    idea = parked(document, idea_id)
    document.begin_macro(f"Turn {quoted(idea.idea, SHORT)} into {what}")
    try:
        document.insert_rows(list_path, len(document.rows(list_path)), [row])
        document.set_value(_outcome_path(idea_id), outcome)
    finally:
        document.end_macro()
    return row.id


def turn_into_note(document: PlanDocument, idea_id: str) -> str:
    """Add a listening note of the idea (dated today); returns the note's id."""
    note = note_from_idea(parked(document, idea_id), clock.today())
    return _turn_into(document, idea_id, NOTES, note, ParkingOutcome.NOTE, "a listening note")


def turn_into_action(document: PlanDocument, idea_id: str) -> str:
    """Add an agreed action of the idea (who and when to fill in); returns its id."""
    action = action_from_idea(parked(document, idea_id))
    return _turn_into(document, idea_id, ACTIONS, action, ParkingOutcome.ACTION, "an agreed action")


def turn_into_decision(document: PlanDocument, idea_id: str, p: SevenP) -> None:
    """Add the idea to one P's decision, as a paragraph of its own."""
    idea = parked(document, idea_id)
    path = decision_path(p)
    document.begin_macro(f"Add {quoted(idea.idea, SHORT)} to the {p.label} decision")
    try:
        document.set_value(path, decision_with_idea(document.value(path), idea.idea))
        document.set_value(_outcome_path(idea_id), ParkingOutcome.DECISION)
    finally:
        document.end_macro()


def keep_for_later(document: PlanDocument, idea_id: str) -> None:
    document.set_value(_outcome_path(idea_id), ParkingOutcome.KEPT)


def ask_seven_p(parent: QWidget | None) -> SevenP | None:
    """Which P's decision the idea belongs to (tests replace this)."""
    labels = [p.label for p in SevenP]
    label, accepted = QInputDialog.getItem(
        parent,
        "Turn the idea into a decision",
        "Add the idea to the decision on:",
        labels,
        0,
        False,
    )
    return list(SevenP)[labels.index(label)] if accepted and label in labels else None


class ReviewActions(QObject):
    """The four review choices as actions on the idea ``current()`` names, with buttons for
    them: for the Review page's table (and its context menu) and the workshop summary."""

    reviewed = Signal(str, object)
    """An idea was reviewed: its id, and what it became (a ParkingOutcome)."""

    def __init__(
        self,
        document: PlanDocument,
        current: Callable[[], str | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.current = current
        self.parent_widget = parent
        self.note = self._action("A &note", "Make it a listening note, dated today", "note")
        self.action = self._action(
            "An &action", "Make it an agreed action (add who and when in the list)", "action"
        )
        self.decision = self._action(
            "A &decision…", "Add it to one of the 7 P's decisions, as a paragraph", "decision"
        )
        self.keep = self._action("&Keep for later", "Leave it in the parking lot", "kept")
        self.actions = [self.note, self.action, self.decision, self.keep]
        document.plan_replaced.connect(self.update_enabled)
        self.update_enabled()

    def _action(self, text: str, tip: str, outcome: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"review_{outcome}")
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False, o=outcome: self.review(ParkingOutcome(o)))
        return action

    def buttons(self, parent: QWidget) -> QVBoxLayout:
        """ "Turn the idea into:" over the buttons, one per action; they wrap onto a second
        row rather than widen the page at large text."""
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(QLabel("Turn the idea into:", parent))
        row = FlowLayout(spacing=4, row_spacing=4)
        column.addLayout(row)
        for action in self.actions:
            button = QPushButton(action.text(), parent)
            button.setToolTip(action.toolTip())
            button.setObjectName(action.objectName())
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            button.setEnabled(action.isEnabled())
            row.addWidget(button)
        return column

    def update_enabled(self, *_args: object) -> None:
        on = self.current() is not None and not self.document.session.read_only
        for action in self.actions:
            action.setEnabled(on)

    def review(self, outcome: ParkingOutcome) -> None:
        """Do what ``outcome`` says with the current idea (one undo step)."""
        idea_id = self.current()
        if idea_id is None or self.document.session.read_only:
            return
        if outcome is ParkingOutcome.NOTE:
            turn_into_note(self.document, idea_id)
        elif outcome is ParkingOutcome.ACTION:
            turn_into_action(self.document, idea_id)
        elif outcome is ParkingOutcome.DECISION:
            p = ask_seven_p(self.parent_widget)
            if p is None:
                return
            turn_into_decision(self.document, idea_id, p)
        else:
            keep_for_later(self.document, idea_id)
        self.reviewed.emit(idea_id, outcome)
