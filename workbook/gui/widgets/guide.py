"""A field with its guidance: prompt, help, the editor with its placeholder, "Insert example"."""

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
from workbook.gui.widgets.layout import LinkButton, muted_label, no_mnemonic, plain_tooltip
from workbook.paths import FieldPath, field_annotation, field_info, field_is_optional

INSERT_EXAMPLE_TEXT = "Insert example"
INSERT_EXAMPLE_KEY = "F4"
"""Works while the field has the focus (the button itself is not a Tab stop)."""


def combined_text(current: str, example: str, single_line: bool) -> str:
    """What "Insert example" leaves in a field: the example alone in an empty field,
    otherwise the current answer with the example added after it (nothing is overwritten)."""
    if not current.strip():
        return example
    joiner = "; " if single_line else "\n"
    return current.rstrip() + joiner + example


def insert_example(
    document: PlanDocument, path: FieldPath, example: str, single_line: bool = False
) -> None:
    """Put the example into the field as one undo step of its own."""
    current = document.value(path)
    new = combined_text(current if isinstance(current, str) else "", example, single_line)
    # A macro keeps this edit from merging with the typing just before it.
    document.begin_macro(INSERT_EXAMPLE_TEXT)
    try:
        document.set_value(path, new)
    finally:
        document.end_macro()


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
    """One question on a page: the prompt, a line or two of help, and the editor."""

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.prompt_label: QLabel | None = None
        self.example_button: LinkButton | None = None
        is_text = isinstance(self.editor, (LineField, TextField))
        if not isinstance(self.editor, BoolField):
            top = QHBoxLayout()
            top.setSpacing(6)
            self.prompt_label = QLabel(no_mnemonic(text.prompt), self)
            self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
            self.prompt_label.setWordWrap(True)
            bold = QFont()
            bold.setBold(True)  # only the weight: the size keeps following the app font
            self.prompt_label.setFont(bold)
            self.prompt_label.setBuddy(self.editor)
            top.addWidget(self.prompt_label, 1)
            if is_text and with_example:
                self._add_example_button(top)
            layout.addLayout(top)
        self.help_label = muted_label(text.help, self) if text.help else None
        if isinstance(self.editor, BoolField):
            layout.addWidget(self.editor, 0, Qt.AlignmentFlag.AlignLeft)
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

    def _add_example_button(self, row: QHBoxLayout) -> None:
        example = example_for(self.path, self.document.plan)
        if example is None:
            return
        button = LinkButton(INSERT_EXAMPLE_TEXT, self)
        button.setToolTip(
            plain_tooltip(
                f"Adds the worked example's answer ({INSERT_EXAMPLE_KEY} in the field):\n{example}"
            )
        )
        button.setAccessibleName(f"{INSERT_EXAMPLE_TEXT} for: {field_text(self.path).prompt}")
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

    def insert_example(self) -> None:
        binding = self.editor.binding  # type: ignore[attr-defined]
        if binding.path is None:
            return
        example = example_for(binding.path, self.document.plan)
        if example is None:
            return
        insert_example(
            self.document, binding.path, example, single_line=isinstance(self.editor, LineField)
        )
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(self.editor, TextField):
            self.editor.move_cursor_to_end()
        elif isinstance(self.editor, LineField):
            self.editor.end(False)
