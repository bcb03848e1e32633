"""Paragraphs of the export: user text laid out once per width, and labelled cell text."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph


class UserParagraph(Paragraph):
    """A paragraph that remembers its layout for a given width.

    Tables measure every cell again each time they split across a page; the line
    breaks of a paragraph only depend on the width it gets, so they are worked out
    once per width. Without this a 2,000-note log spends most of its time re-breaking
    the same lines.
    """

    _wrapped_for: float | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        # split() drops blPara when it gives up on a page; then lay out afresh.
        if self._wrapped_for == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return result


@dataclass(frozen=True)
class Label:
    """A one-line label drawn above a paragraph: text, font, size, colour, line height."""

    text: str
    font: str
    size: float
    colour: colors.Color
    leading: float


class LabelledParagraph(UserParagraph):
    """User text under a small label, as one flowable.

    The label is one string in one font, so it is drawn directly rather than as a
    paragraph of its own: a 2,000-note log has about 14,000 labels, and each
    paragraph costs a layout and a drawing of its own.
    """

    def __init__(self, text: str, style: ParagraphStyle, frags: list, label: Label) -> None:
        super().__init__(text, style, frags=frags)
        self.label = label

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        if self._wrapped_for == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight - self.label.leading)
        self.height = height + self.label.leading
        return width, self.height

    def draw(self) -> None:
        label, canvas, total, style = self.label, self.canv, self.height, self.style
        if rl_config.paraFontSizeHeightOffset:
            label_drop, text_drop = label.size, style.fontSize
        else:
            label_drop = pdfmetrics.getAscent(label.font, label.size)
            text_drop = pdfmetrics.getAscent(style.fontName, style.fontSize)
        canvas.setFont(label.font, label.size)
        canvas.setFillColor(label.colour)
        canvas.drawString(style.leftIndent, total - label_drop, label.text)
        # The text's first line one line below the label, as if they were one paragraph.
        self.height = total - label_drop - style.leading + text_drop
        try:
            super().draw()
        finally:
            self.height = total

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        """The label and the lines that fit under it, then the rest of the text (a
        paragraph's own split would make the parts without a label)."""
        text = UserParagraph(None, self.style, frags=self.frags)
        parts = text.split(availWidth, availHeight - self.label.leading)
        if len(parts) < 2:
            return [self] if parts else []
        return [LabelledParagraph(None, self.style, parts[0].frags, self.label), *parts[1:]]

    def getPlainText(self, identify=None) -> str:  # noqa: N802 - reportlab's name
        return f"{self.label.text}\n{super().getPlainText(identify)}"
