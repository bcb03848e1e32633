"""A comparison of two versions of a plan as a page to read, and a cursor that steps through it.

The page is one :class:`QTextDocument` written once per comparison with a text cursor (no
widget per change, so thousands of changes stay quick): a heading per stage, then each
change with a word that says what happened ("Added", "Removed", "Moved", "Changed") and,
for text, the word-level difference with inserted words underlined and removed ones
struck through (in colour too, but never colour alone). Where each change starts and ends
is kept while writing, so F8 and Shift+F8 step through the changes and a click picks one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from workbook.diff import (
    Change,
    ChangeKind,
    Comparison,
    FieldChange,
    Segment,
)
from workbook.gui.theme import is_dark, mix, muted_text
from workbook.paths import SEPARATOR

CONTEXT_CHARS = 160
"""Unchanged text kept on each side of a change; longer runs are shortened with "…"."""
KIND_WORDS = {
    ChangeKind.ADDED: "Added",
    ChangeKind.REMOVED: "Removed",
    ChangeKind.MOVED: "Moved",
    ChangeKind.CHANGED: "Changed",
}


@dataclass(frozen=True)
class Colours:
    """Inserted and removed text, and the current change's background."""

    inserted: QColor
    removed: QColor
    current: QColor

    @classmethod
    def for_palette(cls, palette: QPalette) -> Colours:
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if is_dark(palette):
            inserted, removed = QColor("#7ee787"), QColor("#ff9b93")
        else:
            inserted, removed = QColor("#116329"), QColor("#b42318")
        return cls(inserted, removed, mix(base, highlight, 0.22))


def shortened(text: str, where: str) -> str:
    """Unchanged text around a change, cut to :data:`CONTEXT_CHARS` on the side away from
    it: ``where`` is "before" (keep its end), "after" (keep its start) or "between"."""
    limit = CONTEXT_CHARS
    if len(text) <= 2 * limit + 20 or (where != "between" and len(text) <= limit + 20):
        return text
    if where == "before":
        return "…" + text[-limit:]
    if where == "after":
        return text[:limit] + "…"
    return text[:limit] + " … " + text[-limit:]


class _Writer:
    """Writes a comparison into a document and notes where each change starts and ends."""

    def __init__(self, document: QTextDocument, colours: Colours, palette: QPalette) -> None:
        self.cursor = QTextCursor(document)
        base = QFont(document.defaultFont())
        self.plain = QTextCharFormat()
        self.bold = QTextCharFormat()
        self.bold.setFontWeight(QFont.Weight.Bold)
        self.muted = QTextCharFormat()
        self.muted.setForeground(muted_text(palette))
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        self.heading.setFontPointSize(size * 1.3)
        self.inserted = QTextCharFormat()
        self.inserted.setFontUnderline(True)
        self.inserted.setForeground(colours.inserted)
        self.removed = QTextCharFormat()
        self.removed.setFontStrikeOut(True)
        self.removed.setForeground(colours.removed)
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._first_block = True

    def block(self, indent: int = 0, top: float = 0, heading: int = 0) -> None:
        form = QTextBlockFormat()
        form.setIndent(indent)
        form.setTopMargin(top)
        form.setHeadingLevel(heading)  # read as a heading by screen readers
        if self._first_block:
            self.cursor.setBlockFormat(form)
            self._first_block = False
        else:
            self.cursor.insertBlock(form, self.plain)

    def text(self, text: str, form: QTextCharFormat | None = None) -> None:
        if text:
            self.cursor.insertText(text, form or self.plain)

    def segments(self, segments: tuple[Segment, ...]) -> None:
        if not segments:
            self.text("(empty)", self.muted)
            return
        last = len(segments) - 1
        for index, segment in enumerate(segments):
            if segment.kind == "insert":
                if index and segments[index - 1].kind == "delete":
                    self.text(" ")  # "[-old-] {+new+}": the two read as two, not one word
                self.text(segment.text, self.inserted)
            elif segment.kind == "delete":
                self.text(segment.text, self.removed)
            else:
                where = "before" if index == 0 else "after" if index == last else "between"
                self.text(shortened(segment.text, where) if last else segment.text)

    # ------------------------------------------------------------ the page

    def comparison(self, comparison: Comparison) -> None:
        self.block()
        self.text(f"From {comparison.old_label} to {comparison.new_label}", self.bold)
        if comparison.is_empty:
            self.block()
            self.text("No changes.", self.muted)
            return
        for stage in comparison.stages:
            self.block(top=10, heading=2)
            self.text(stage.title, self.heading)
            for change in stage.changes:
                self.starts.append(self.cursor.position() + 1)  # the next block's start
                self.change(change)
                self.ends.append(self.cursor.position())

    def change(self, change: Change) -> None:
        self.block(indent=1, top=6)
        if isinstance(change, FieldChange):
            self.text(f"{KIND_WORDS[change.kind]}: ", self.muted)
            self.text(change.label, self.bold)
            self.block(indent=2)
            self.segments(change.segments)
            return
        self.text(f"{KIND_WORDS[change.kind]}: ", self.muted)
        self.text(change.label, self.bold)
        if change.kind is ChangeKind.MOVED or change.moved:
            assert change.old_index is not None and change.new_index is not None
            self.text(
                f" (moved from place {change.old_index + 1} to {change.new_index + 1})",
                self.muted,
            )
        if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
            self.block(indent=2)
            if change.summary:
                added = change.kind is ChangeKind.ADDED
                self.text(change.summary, self.inserted if added else self.removed)
            else:
                self.text("(a blank row)", self.muted)
        elif change.kind is ChangeKind.MOVED:
            if change.summary:
                self.block(indent=2)
                self.text(change.summary)
        else:
            for field_change in change.fields:
                self.block(indent=2)
                name = field_change.label.rsplit(SEPARATOR, 1)[-1]
                self.text(f"{name}: ", self.bold)
                self.segments(field_change.segments)


def summary(comparison: Comparison) -> str:
    """ "3 changes: 1 added, 2 changed." or "No changes."."""
    counts = comparison.counts
    parts = [
        f"{counts.get(kind, 0)} {word.lower()}"
        for kind, word in KIND_WORDS.items()
        if counts.get(kind, 0)
    ]
    total = sum(counts.get(kind, 0) for kind in KIND_WORDS)
    if not total:
        return "No changes."
    return f"{total} change{'s' if total != 1 else ''}: {', '.join(parts)}."


class ComparisonView(QTextBrowser):
    """Shows one :class:`Comparison`; :meth:`step` moves through its changes (round the
    end, as Find next does) and the current one is shaded and has the text cursor."""

    current_changed = Signal(int)
    """The index of the current change (-1: none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparison_view")
        self.setAccessibleName("Comparison")
        self.setOpenLinks(False)
        self.comparison: Comparison | None = None
        self.changes: list[Change] = []
        self.current = -1
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._moving = False
        self._own_document: QTextDocument | None = None
        self.cursorPositionChanged.connect(self._on_cursor_moved)

    def show_message(self, text: str) -> None:
        """No comparison to show: say why (no snapshots yet, the same version twice)."""
        self.comparison, self.changes, self._starts, self._ends = None, [], [], []
        self.setPlainText(text)
        self._set_current(-1)

    def show_comparison(self, comparison: Comparison, keep: int | None = None) -> None:
        """Show ``comparison``; the change at ``keep`` (an index, kept inside the list)
        becomes current, else none is until F8."""
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.font())
        palette = self.palette()
        writer = _Writer(document, Colours.for_palette(palette), palette)
        writer.comparison(comparison)
        scrolled = self.verticalScrollBar().value()
        self._moving = True
        self.setDocument(document)
        self._moving = False
        # The same comparison worked out again (after an edit) stays where the reader was.
        self.verticalScrollBar().setValue(scrolled)
        if self._own_document is not None:  # Qt deletes only documents it made itself
            self._own_document.deleteLater()
        self._own_document = document
        self.comparison = comparison
        self.changes = list(comparison)
        self._starts, self._ends = writer.starts, writer.ends
        if keep is not None and self.changes:
            self._set_current(max(0, min(keep, len(self.changes) - 1)))
        else:
            self._set_current(-1)

    def current_change(self) -> Change | None:
        return self.changes[self.current] if 0 <= self.current < len(self.changes) else None

    def step(self, offset: int) -> Change | None:
        """The next (+1) or previous (-1) change, round the end; None when there is none."""
        if not self.changes:
            return None
        if self.current < 0:
            index = 0 if offset > 0 else len(self.changes) - 1
        else:
            index = (self.current + offset) % len(self.changes)
        self._set_current(index)
        return self.changes[index]

    def _set_current(self, index: int, scroll: bool = True) -> None:
        self.current = index
        selections: list[QTextEdit.ExtraSelection] = []
        if index >= 0:
            start, end = self._starts[index], self._ends[index]
            # Past the last block's end, so its last line is shaded across the width too.
            end = min(end + 1, self.document().characterCount() - 1)
            shade = QTextEdit.ExtraSelection()
            shade.cursor = QTextCursor(self.document())
            shade.cursor.setPosition(start)
            shade.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            shade.format.setBackground(Colours.for_palette(self.palette()).current)
            shade.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selections.append(shade)
        if index >= 0 and scroll:
            self._moving = True
            cursor = QTextCursor(self.document())
            cursor.setPosition(end)
            self.setTextCursor(cursor)  # the change's end in view, then its start
            self.ensureCursorVisible()
            cursor.setPosition(start)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            self._moving = False
        self.setExtraSelections(selections)
        self.current_changed.emit(index)

    def _on_cursor_moved(self) -> None:
        """A click (or the keyboard) in the page makes the change there the current one."""
        if self._moving or not self._starts:
            return
        position = self.textCursor().position()
        index = bisect.bisect_right(self._starts, position) - 1
        if index >= 0 and position <= self._ends[index] and index != self.current:
            self._set_current(index, scroll=False)  # a selection being made stays


__all__ = ["ComparisonView", "shortened", "summary"]
