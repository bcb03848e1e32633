"""Listening carried forward: the top themes' drafts (a 7 P decision, a playbook entry, an
activity, a measure) put into the plan as ordinary entries that remember their notes, and
themes renamed or merged across the plan, each as one undo step."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.pages.notes_summary import NotesSummary
from workbook.gui.widgets.flow_layout import FlowLabel, flow_row
from workbook.gui.widgets.layout import (
    LinkButton,
    heading_label,
    muted_label,
    plain_tooltip,
    text_label,
)
from workbook.insights import (
    MIN_THEME_NOTES,
    TOP_THEMES,
    Theme,
    addresses_theme,
    theme_rename_changes,
)
from workbook.model import SevenP
from workbook.paths import FieldPath
from workbook.suggestions import (
    Suggestion,
    SuggestionKind,
    decision_edit,
    suggestions_for_theme,
)

FOCUS_COLUMN = {
    SuggestionKind.PLAYBOOK: "response",
    SuggestionKind.ACTIVITY: "activity",
    SuggestionKind.MEASURE: "indicator",
}
"""The field of a new row the user most likely wants to rewrite first."""

ENTRY_NOUNS = {
    SuggestionKind.DECISION: "decision",
    SuggestionKind.PLAYBOOK: "playbook entry",
    SuggestionKind.ACTIVITY: "activity",
    SuggestionKind.MEASURE: "measure",
}


# ---------------------------------------------------------------- edits through the document


def insert_suggestion(document: PlanDocument, suggestion: Suggestion) -> FieldPath:
    """Put ``suggestion`` into the plan as one undo step; returns the field to go to.

    A decision draft goes after any decision already written (never over it); a row is
    added at the end of its list. Either way the entry remembers the notes behind it.
    """
    theme = suggestion.theme
    if suggestion.kind is SuggestionKind.DECISION:
        p = SevenP(suggestion.values["p"])
        base: FieldPath = ("planning", "seven_ps", p.value)
        text, link = decision_edit(document.plan, suggestion)
        document.begin_macro(f"Draft the {p.label} decision from “{theme}”")
        try:
            document.set_value((*base, "decision"), text)
            document.set_value((*base, "from_listening"), link)
        finally:
            document.end_macro()
        return (*base, "decision")
    row = suggestion.new_row()
    list_path = suggestion.target
    rows = document.rows(list_path)
    noun = ENTRY_NOUNS[suggestion.kind]
    document.insert_rows(list_path, len(rows), [row], f"Add {noun} from “{theme}”")
    return (*list_path, row.id, FOCUS_COLUMN[suggestion.kind])


def rename_themes(document: PlanDocument, old: Sequence[str], new: str) -> int:
    """Rename the theme(s) ``old`` to ``new`` in every note and every entry drawn from them
    (several names: a merge), as one undo step. Returns how many fields changed."""
    changes = theme_rename_changes(document.plan, list(old), new)
    if not changes:
        return 0
    names = ", ".join(f"“{name}”" for name in old)
    verb = "Merge" if len(old) > 1 else "Rename"
    document.begin_macro(f"{verb} theme {names} as “{' '.join(new.split())}”")
    try:
        for change in changes:
            document.set_value(change.path, change.after)
    finally:
        document.end_macro()
    return len(changes)


def top_of(summary: NotesSummary) -> list[Theme]:
    """The top themes from the summary's counts (the same rule as the lint's)."""
    return [t for t in summary.themes[:TOP_THEMES] if t.count >= MIN_THEME_NOTES]


def _notes(count: int) -> str:
    return f"{count} note{'s' if count != 1 else ''}"


# ---------------------------------------------------------------- the Learnings tab


class ThemeSuggestionsPanel(QWidget):
    """Each top theme with its four drafts and whether the plan answers it yet. Adding a
    draft leaves the user here, with a link to the new entry."""

    navigate_requested = Signal(tuple)

    def __init__(
        self, document: PlanDocument, summary: NotesSummary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.summary = summary
        self.setObjectName("theme_suggestions")
        self.theme_boxes: dict[str, QFrame] = {}
        self.add_buttons: dict[tuple[str, SuggestionKind], QPushButton] = {}
        self._shown: list[tuple[str, int]] | None = None
        self.boxes = QVBoxLayout()
        self.boxes.setSpacing(8)
        self.none_label = muted_label(
            f"When a theme comes up in {MIN_THEME_NOTES} notes or more, it offers drafts here: "
            "a 7 P decision, a playbook entry, an activity and a measure, made from what "
            "those notes say.",
            self,
        )
        self.done_link = LinkButton("", self)
        self.done_link.setObjectName("suggestion_added")
        self.done_link.hide()
        self.done_link.clicked.connect(self._go_to_added)
        self._added: FieldPath | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.none_label)
        layout.addLayout(self.boxes)
        layout.addWidget(self.done_link, 0, Qt.AlignmentFlag.AlignLeft)
        summary.changed.connect(self.refresh)
        document.edited.connect(self._refresh_answered)
        self.refresh()

    def refresh(self) -> None:
        themes = top_of(self.summary)
        shown = [(t.name, t.count) for t in themes]
        if shown == self._shown:
            self._refresh_answered()
            return
        self._shown = shown
        for box in self.theme_boxes.values():
            box.deleteLater()
        self.theme_boxes.clear()
        self.add_buttons.clear()
        self.none_label.setVisible(not themes)
        for theme in themes:
            suggestions = suggestions_for_theme(self.document.plan, theme.name)
            if suggestions:
                box = self._theme_box(theme, suggestions)
                self.theme_boxes[theme.name] = box
                self.boxes.addWidget(box)
        self._refresh_answered()

    def _theme_box(self, theme: Theme, suggestions: list[Suggestion]) -> QFrame:
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setObjectName(f"theme_box.{theme.name}")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        title = heading_label(f"“{theme.name}”, heard in {_notes(theme.count)}", 3, box)
        answered = muted_label("", box)
        answered.setObjectName("theme_answered")
        box.setProperty("theme", theme.name)
        layout.addWidget(title)
        layout.addWidget(answered)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for row, suggestion in enumerate(suggestions):
            kind_label = QLabel(suggestion.kind.label, box)
            preview = text_label(suggestion.preview, box)
            button = self._add_button(suggestion, box)
            grid.addWidget(kind_label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(preview, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.add_buttons[(theme.name, suggestion.kind)] = button
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        return box

    def _add_button(self, suggestion: Suggestion, parent: QWidget) -> QPushButton:
        what = ENTRY_NOUNS[suggestion.kind]
        if suggestion.kind is not SuggestionKind.DECISION:
            button = QPushButton("Add", parent)
            button.setAccessibleName(f"Add this {what} about “{suggestion.theme}”")
            button.setToolTip(plain_tooltip(f"Add it to the plan, {suggestion.source_label}"))
            button.clicked.connect(lambda _c=False, s=suggestion: self.add(s))
            return button
        # A decision goes to the P the user picks: Participate, Practices and People suit most.
        tool = QPushButton("Add to a P", parent)
        tool.setAccessibleName(f"Add this decision about “{suggestion.theme}” to one of the 7 P's")
        menu = QMenu(tool)
        for p in SevenP:
            action = menu.addAction(p.label)
            action.triggered.connect(
                lambda _c=False, p=p, t=suggestion.theme: self.add_decision(t, p)
            )
        tool.setMenu(menu)
        return tool

    def add(self, suggestion: Suggestion) -> FieldPath:
        path = insert_suggestion(self.document, suggestion)
        self._show_added(path, suggestion)
        return path

    def add_decision(self, theme: str, p: SevenP) -> FieldPath | None:
        drafts = suggestions_for_theme(self.document.plan, theme, p)
        decision = next((s for s in drafts if s.kind is SuggestionKind.DECISION), None)
        return None if decision is None else self.add(decision)

    def _show_added(self, path: FieldPath, suggestion: Suggestion) -> None:
        self._added = path
        where = (
            f"the {SevenP(suggestion.values['p']).label} decision"
            if suggestion.kind is SuggestionKind.DECISION
            else f"a new {ENTRY_NOUNS[suggestion.kind]} on the Engagement page"
        )
        self.done_link.setText(f"→ Added to {where}, {suggestion.source_label}. Go to it")
        self.done_link.setAccessibleName(self.done_link.text().removeprefix("→ "))
        self.done_link.show()

    def _go_to_added(self) -> None:
        if self._added is not None:
            self.navigate_requested.emit(self._added)

    def _refresh_answered(self) -> None:
        for name, box in self.theme_boxes.items():
            label = box.findChild(QLabel, "theme_answered")
            if label is None:
                continue
            if addresses_theme(self.document.plan, name):
                label.setText("The plan answers it already; another draft can still help.")
            else:
                label.setText("Nothing in the plan answers it yet: no decision, reply or activity.")


# ---------------------------------------------------------------- the other stages


class ThemeStrip(QWidget):
    """One line on a later stage: "From your listening:" and a button per top theme that adds
    that theme's draft of one kind (a decision for the P on show, an entry, an activity or a
    measure)."""

    inserted = Signal(tuple)
    """The field of the entry just made."""

    def __init__(
        self,
        document: PlanDocument,
        summary: NotesSummary,
        kind: SuggestionKind,
        parent: QWidget | None = None,
        current_p: Callable[[], SevenP] | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.summary = summary
        self.kind = kind
        self.current_p = current_p or (lambda: SevenP.PARTICIPATE)
        self.setObjectName(f"theme_strip.{kind.value}")
        self.buttons: dict[str, LinkButton] = {}
        self._shown: list[tuple[str, int]] | None = None
        # Wrapping, so that a long theme list never widens the page past a projector.
        self.row = flow_row(self, spacing=12)
        # On a narrow page the lead wraps rather than widening the page.
        self.lead = FlowLabel("", self)
        self.lead.setTextFormat(Qt.TextFormat.PlainText)
        self.lead.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # as muted_label
        self.row.addWidget(self.lead)
        summary.changed.connect(self.refresh)
        self.refresh()

    def _lead_text(self) -> str:
        what = ENTRY_NOUNS[self.kind]
        return f"From your listening, add a draft {what} about:"

    def refresh(self) -> None:
        themes = top_of(self.summary)
        shown = [(t.name, t.count) for t in themes]
        if shown == self._shown:
            return
        self._shown = shown
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        if not themes:
            self.lead.setText(
                f"Themes heard in {MIN_THEME_NOTES} or more listening notes offer drafts here."
            )
            return
        self.lead.setText(self._lead_text())
        for position, theme in enumerate(themes, start=1):
            button = LinkButton(f"{theme.name} ({_notes(theme.count)})", self)
            button.setToolTip(plain_tooltip(self._tip(theme.name)))
            button.clicked.connect(lambda _c=False, name=theme.name: self.add(name))
            self.row.insertWidget(position, button)
            self.buttons[theme.name] = button

    def _tip(self, theme: str) -> str:
        draft = self.suggestion(theme)
        if draft is None:
            return ""
        where = (
            f"Adds it after the {self.current_p().label} decision"
            if self.kind is SuggestionKind.DECISION
            else "Adds it as a new row"
        )
        return f"{where}, {draft.source_label}:\n\n{draft.preview}"

    def suggestion(self, theme: str) -> Suggestion | None:
        drafts = suggestions_for_theme(self.document.plan, theme, self.current_p())
        return next((s for s in drafts if s.kind is self.kind), None)

    def add(self, theme: str) -> FieldPath | None:
        draft = self.suggestion(theme)
        if draft is None:
            return None
        path = insert_suggestion(self.document, draft)
        self.inserted.emit(path)
        return path
