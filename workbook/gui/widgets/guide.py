"""A field with its guidance: prompt, help, the editor with its placeholder, "Insert example",
and the marks beside it: the plan check's findings, and "not yet yours" for an example's
words left unchanged."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import get_origin

from annotated_types import Ge, Le
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.lint_runner import LintRunner
from workbook.gui.widgets.field_problems import problem_label
from workbook.gui.widgets.fields import (
    BoolField,
    DateField,
    EnumField,
    LineField,
    NumberField,
    TagsField,
    TextField,
)
from workbook.gui.widgets.guide_text import example_for, field_text, object_name
from workbook.gui.widgets.insert_example import (
    INSERT_EXAMPLE_KEY,
    INSERT_EXAMPLE_TEXT,
    ExampleButton,
    ExampleChoice,
    example_choices,
    first_choice,
    insert_example,
)
from workbook.gui.widgets.layout import muted_label, no_mnemonic
from workbook.gui.widgets.marks import BorrowedMark, LintMark, findings_text
from workbook.paths import FieldPath, field_annotation, field_info, field_is_optional

BORROWED_RULE = "example-text-unchanged"
"""The plan check's rule that the "not yet yours" mark shows for a field."""

__all__ = [
    "INSERT_EXAMPLE_KEY",
    "INSERT_EXAMPLE_TEXT",
    "FieldBlock",
    "describe_editor",
    "insert_example",
    "make_editor",
]


def make_editor(
    document: PlanDocument, path: FieldPath, multiline: bool = False, parent: QWidget | None = None
) -> QWidget:
    """The right editor for the field at ``path``, named and described for accessibility."""
    annotation = field_annotation(path)
    editor: QWidget
    if annotation is bool:
        editor = BoolField(document, path, parent)
    elif annotation is date:
        editor = DateField(document, path, parent)
    elif isinstance(annotation, type) and issubclass(annotation, StrEnum):
        editor = EnumField(document, path, annotation, field_is_optional(path), parent)
    elif annotation in (int, float):
        info = field_info(path)
        minimum, maximum = 0.0, 1e9
        for meta in info.metadata if info is not None else []:
            if isinstance(meta, Ge):
                minimum = float(meta.ge)
            elif isinstance(meta, Le):
                maximum = float(meta.le)
        editor = NumberField(document, path, parent, minimum, maximum)
    elif get_origin(annotation) is list:
        editor = TagsField(document, path, parent)
    elif multiline:
        editor = TextField(document, path, parent)
    else:
        editor = LineField(document, path, parent)
    describe_editor(editor, path)
    return editor


def describe_editor(editor: QWidget, path: FieldPath) -> None:
    """objectName, accessible name and description, placeholder, and the prompt as tooltip."""
    text = field_text(path)
    editor.setObjectName(object_name(path))
    editor.setAccessibleName(text.prompt)
    editor.setAccessibleDescription(text.help)
    if isinstance(editor, (QLineEdit, QPlainTextEdit)) and text.placeholder:
        editor.setPlaceholderText(f"e.g. {text.placeholder}")
    if isinstance(editor, BoolField):
        editor.setText(no_mnemonic(text.prompt))


class FieldBlock(QWidget):
    """One question on a page: the prompt, a line or two of help, the editor, and the marks
    that say what the plan check found there and whether the words are still an example's."""

    def __init__(
        self,
        document: PlanDocument,
        path: FieldPath,
        multiline: bool = False,
        parent: QWidget | None = None,
        editor: QWidget | None = None,
        with_example: bool = True,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.path = path
        self.editor = editor if editor is not None else make_editor(document, path, multiline)
        if editor is not None:
            describe_editor(editor, path)
        text = field_text(path)
        self._description = text.help
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.prompt_label: QLabel | None = None
        self.example_button: ExampleButton | None = None
        self.lint_mark = LintMark(self)
        self.lint_mark.dismiss_requested.connect(self.dismiss_findings)
        self.borrowed_mark = BorrowedMark(self)
        is_text = isinstance(self.editor, (LineField, TextField))
        top = QHBoxLayout()
        top.setSpacing(6)
        if not isinstance(self.editor, BoolField):
            self.prompt_label = QLabel(no_mnemonic(text.prompt), self)
            self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
            self.prompt_label.setWordWrap(True)
            bold = QFont()
            bold.setBold(True)  # only the weight: the size keeps following the app font
            self.prompt_label.setFont(bold)
            self.prompt_label.setBuddy(self.editor)
            top.addWidget(self.prompt_label, 1)
        else:
            top.addWidget(self.editor, 0, Qt.AlignmentFlag.AlignLeft)
            top.addStretch(1)
        top.addWidget(self.borrowed_mark, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.lint_mark, 0, Qt.AlignmentFlag.AlignTop)
        if is_text and with_example:
            self._add_example_button(top)
        layout.addLayout(top)
        self.help_label = muted_label(text.help, self) if text.help else None
        if isinstance(self.editor, BoolField):
            if self.help_label is not None:
                layout.addWidget(self.help_label)
        else:
            if self.help_label is not None:
                layout.addWidget(self.help_label)
            layout.addStretch(1)  # side-by-side questions: editors line up at the bottom
            if isinstance(self.editor, (LineField, TextField)):
                layout.addWidget(self.editor)
            else:  # dates, choices and numbers are short: no need to span the column
                layout.addWidget(self.editor, 0, Qt.AlignmentFlag.AlignLeft)
        self.problem_label = problem_label(self.editor, self)
        if self.problem_label is not None:
            layout.addWidget(self.problem_label)

        self._marked_path: FieldPath | None = None
        self.runner = LintRunner.of(document)
        self.runner.findings_changed.connect(self.refresh_marks)
        binding = getattr(self.editor, "binding", None)
        if binding is not None:
            binding.refreshed.connect(self._on_refreshed)
        self.refresh_marks()

    @property
    def bound_path(self) -> FieldPath | None:
        """The field the editor shows now (a row detail's editor follows the selected row)."""
        binding = getattr(self.editor, "binding", None)
        return binding.path if binding is not None else self.path

    def refresh_marks(self) -> None:
        """Show what the plan check found here, and whether the words are an example's."""
        path = self._marked_path = self.bound_path
        self._refresh_borrowed()
        # "Not yet yours" says it as soon as the words change, without waiting for the check.
        findings = [f for f in self.runner.at(path) if f.rule != BORROWED_RULE]
        self.lint_mark.show_findings(findings)
        description = self._description
        if findings:
            description = f"{description}\n{findings_text(findings)}".strip()
        if self.editor.accessibleDescription() != description:
            self.editor.setAccessibleDescription(description)

    def dismiss_findings(self, findings: tuple) -> None:
        """Hide these warnings for the field's text as it is now (one undo step); the plan
        check finds them again once the text changes."""
        from workbook.lint import dismissal_key

        plan = self.document.plan
        keys = [dismissal_key(plan, f.rule, f.path) for f in findings]
        new = [k for k in keys if k not in plan.dismissed_checks]
        if new:
            self.document.set_value(("dismissed_checks",), [*plan.dismissed_checks, *new])

    def _on_refreshed(self) -> None:
        # Shown again after an edit, an undo or another row: the words may be the user's now.
        # (The plan check's marks wait for the check itself, which waits for typing to stop.)
        if self.bound_path != self._marked_path:
            self.refresh_marks()
        else:
            self._refresh_borrowed()

    def _refresh_borrowed(self) -> bool:
        """Grey the words and mark them when they are an example's, unchanged; True if so."""
        if not isinstance(self.editor, (LineField, TextField)):
            return False
        path = self.bound_path
        value = self.editor.binding.current_value() if path is not None else None
        source = None
        # The examples' words are indexed after the first plan check, not while a page is
        # first painted; an empty field is never borrowed.
        if self.runner.has_run and isinstance(value, str) and value.strip():
            from workbook.borrowed import example_source

            source = example_source(path, value, self.document.plan)
        self.editor.set_borrowed(source is not None)
        self.borrowed_mark.show_source(source is not None, source)
        return source is not None

    # ------------------------------------------------------------ insert example

    def _add_example_button(self, row: QHBoxLayout) -> None:
        if example_for(self.path, self.document.plan) is None:
            return
        button = ExampleButton(self, field_text(self.path).prompt)
        # Tab goes from answer to answer; the keys below reach the example from the field.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(self.insert_example)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.example_button = button
        action = QAction(INSERT_EXAMPLE_TEXT, self.editor)
        action.setShortcut(QKeySequence(INSERT_EXAMPLE_KEY))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(self.insert_example)
        self.editor.addAction(action)
        self.editor.context_actions.append(action)  # type: ignore[attr-defined]

    def choices(self) -> list[ExampleChoice]:
        """Every example's answer for this field, the one nearest the plan's trade first."""
        path = self.bound_path
        return [] if path is None else example_choices(path, self.document.plan)

    def current_choice(self) -> ExampleChoice | None:
        path = self.bound_path
        return None if path is None else first_choice(path, self.document.plan)

    def insert_example(self) -> None:
        """Put in the answer of the example nearest the plan's trade."""
        choice = self.current_choice()
        if choice is not None:
            self.insert_choice(choice)

    def insert_choice(self, choice: ExampleChoice) -> None:
        path = self.bound_path
        if path is None:
            return
        if insert_example(self.document, path, choice.text, self):
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(self.editor, TextField):
                self.editor.move_cursor_to_end()
            elif isinstance(self.editor, LineField):
                self.editor.end(False)
