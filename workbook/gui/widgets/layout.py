"""Layout pieces shared by the pages: headings, muted help text, readable columns, scroll pages."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

READABLE_CHARS = 110
"""Widest a column of form fields grows, in average characters: long lines are hard to read."""

_HEADING_SIZES = {1: "x-large", 2: "large", 3: "medium"}


def no_mnemonic(text: str) -> str:
    """``text`` for a button, check box or buddy label: an "&" shows as itself rather than
    marking a keyboard mnemonic ("Listening & Learning")."""
    return text.replace("&", "&&")


def heading_html(text: str, level: int = 2) -> str:
    """Rich text for a heading: a relative size, so it scales with the application font."""
    size = _HEADING_SIZES.get(level, "medium")
    return f'<span style="font-size:{size}; font-weight:600">{html.escape(text)}</span>'


def heading_label(text: str, level: int = 2, parent: QWidget | None = None) -> QLabel:
    """A heading that scales with the application font (never a pixel size)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(heading_html(text, level))
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


def set_heading(label: QLabel, text: str, level: int = 2) -> None:
    label.setText(heading_html(text, level))
    label.setAccessibleName(text)


def text_label(text: str, parent: QWidget | None = None) -> QLabel:
    """Wrapped plain text (never read as markup)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def muted_label(text: str, parent: QWidget | None = None) -> QLabel:
    """Help text in the palette's quieter colour, so it follows light and dark themes."""
    label = text_label(text, parent)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def bullet_label(lines: list[str] | tuple[str, ...], parent: QWidget | None = None) -> QLabel:
    """A short bulleted list (escaped) that wraps."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    label.setText(f'<ul style="margin-left:0; -qt-list-indent:1">{items}</ul>')
    label.setWordWrap(True)
    return label


class LinkButton(QToolButton):
    """A flat button drawn in the palette's link colour (light or dark theme alike)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(no_mnemonic(text))
        self.setAccessibleName(text)
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._apply_link_colour()

    def _apply_link_colour(self) -> None:
        source = self.parentWidget().palette() if self.parentWidget() else QApplication.palette()
        link = source.color(QPalette.ColorRole.Link)
        palette = self.palette()
        if palette.color(QPalette.ColorRole.ButtonText) != link:
            palette.setColor(QPalette.ColorRole.ButtonText, link)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange):
            self._apply_link_colour()


class ElidedLinkButton(LinkButton):
    """A link button whose text is shortened with "…" to the room it is given, so a long
    label never makes the window wider. The whole text stays in the tooltip and the
    accessible name."""

    MIN_CHARS = 16

    def __init__(self, text: str, parent: QWidget | None = None, prefix: str = "→ ") -> None:
        super().__init__(text, parent)
        self.full_text = text
        self._prefix = prefix
        self.setToolTip(plain_tooltip(text))
        # As wide as the whole text when there is room, narrower (shortened) when not.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._elide()

    def _margins(self) -> int:
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        whole = self.fontMetrics().horizontalAdvance(no_mnemonic(self._prefix + self.full_text))
        return QSize(self._margins() + whole, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().averageCharWidth() * self.MIN_CHARS, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        text = self.fontMetrics().elidedText(
            self._prefix + self.full_text,
            Qt.TextElideMode.ElideRight,
            self.width() - self._margins(),
        )
        shown = no_mnemonic(text)
        if self.text() != shown:
            self.setText(shown)


def separator(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class ReadableColumn(QWidget):
    """A vertical column that stops growing at a comfortable reading width (in characters)."""

    def __init__(self, parent: QWidget | None = None, chars: int = READABLE_CHARS) -> None:
        super().__init__(parent)
        self._chars = chars
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self._apply_width()

    def _apply_width(self) -> None:
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * self._chars)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._apply_width()
        super().changeEvent(event)


def scroll_page(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a vertical scroll area, held to a readable width on wide screens."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(content, 1)
    row.addStretch(0)  # takes the slack on wide screens once the column reaches its width
    area.setWidget(holder)
    return area


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (never as markup) and wraps long lines."""
    escaped = html.escape(text).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>" if text else ""
