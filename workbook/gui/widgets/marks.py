"""Small marks beside a field: what the plan check found there, and "not yet yours" for an
example's words left unchanged."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QWidget

from workbook.gui.icons import icon
from workbook.gui.widgets.layout import muted_label, plain_tooltip
from workbook.lint import Finding, Severity

SEVERITY_ICONS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.HINT: "hint"}
SEVERITY_WORDS = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.HINT: "Hint"}

BORROWED_TEXT = "Not yet yours"
"""What the mark beside an unchanged example says."""


def severity_icon(severity: Severity) -> QIcon:
    return icon(SEVERITY_ICONS[severity])


def worst(findings: Sequence[Finding]) -> Severity:
    return min((f.severity for f in findings), key=lambda s: s.rank)


def findings_text(findings: Sequence[Finding]) -> str:
    """The messages, one a line, each with its severity: a tooltip's or a description's text."""
    return "\n".join(f"{SEVERITY_WORDS[f.severity]}: {f.message}" for f in findings)


def borrowed_tip(source: str | None) -> str:
    where = (
        "the placeholder's"
        if source in (None, "guidance")
        else f"the {source.replace('_', ' ')} example's"
    )
    return (
        f"These are {where} words, unchanged, so they do not count as your answer yet. "
        "Edit them to say it your way."
    )


class _IconText(QWidget):
    """An icon and a short word, hidden until there is something to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon_label = QLabel(self)
        self.text_label = muted_label("", self)
        self.text_label.setWordWrap(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.text_label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def _set(self, shown_icon: QIcon, word: str, tip: str, name: str) -> None:
        size = self.fontMetrics().height()
        self.icon_label.setPixmap(shown_icon.pixmap(QSize(size, size)))
        self.text_label.setText(word)
        self.setToolTip(plain_tooltip(tip))
        self.setAccessibleName(name)
        self.setAccessibleDescription(tip)
        self.show()


class LintMark(_IconText):
    """The plan check's findings about one field: the worst one's icon and word, every
    message in the tooltip and the accessible description. Its context menu (or a click)
    offers to dismiss them: ``dismiss_requested`` carries the findings."""

    dismiss_requested = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lint_mark")
        self.findings: tuple[Finding, ...] = ()
        self.dismiss_action = QAction("&Dismiss this warning", self)
        self.dismiss_action.setToolTip(
            "Hide it for the text as it is now; it comes back if the text changes."
        )
        self.dismiss_action.triggered.connect(
            lambda: self.findings and self.dismiss_requested.emit(self.findings)
        )
        self.addAction(self.dismiss_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.findings:
            menu = QMenu(self)
            menu.addAction(self.dismiss_action)
            menu.exec(event.globalPosition().toPoint())
            return
        super().mousePressEvent(event)

    def show_findings(self, findings: Sequence[Finding]) -> None:
        findings = tuple(findings)
        if findings == self.findings:
            return
        self.findings = findings
        if not findings:
            self.hide()
            return
        severity = worst(findings)
        word = SEVERITY_WORDS[severity]
        if len(findings) > 1:
            word = f"{word} (+{len(findings) - 1})"
        self._set(
            severity_icon(severity), word, findings_text(findings), f"Plan check: {word.lower()}"
        )


class BorrowedMark(_IconText):
    """Beside a field that still holds an example's words unchanged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("borrowed_mark")
        self.source: str | None = None

    def show_source(self, borrowed: bool, source: str | None = None) -> None:
        if not borrowed:
            self.source = None
            self.hide()
            return
        self.source = source
        self._set(icon("borrowed"), BORROWED_TEXT, borrowed_tip(source), BORROWED_TEXT)
