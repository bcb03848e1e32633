"""The Review page's lists beyond the checklist: readiness to engage, condition by condition,
and the plan check's findings grouped by stage. Every entry leads to its field."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook.completeness import Check
from workbook.gui.icons import icon
from workbook.gui.widgets.layout import heading_label, muted_label, plain_tooltip
from workbook.gui.widgets.marks import SEVERITY_WORDS, severity_icon
from workbook.lint import Finding, Severity, count_words, describe_paths, rule_by_id
from workbook.model import Plan
from workbook.paths import SEPARATOR
from workbook.stages import Stage

PATH_ROLE = Qt.ItemDataRole.UserRole
SHOWN_PER_STAGE = 200
"""Findings listed per stage; a plan with thousands (every note copied from an example) says
how many more there are rather than building thousands of rows."""

READINESS_GROUPS = {
    Stage.MANAGEMENT: "Management essentials",
    Stage.LISTENING: "Real listening",
    Stage.PLANNING: "The 7 P's decided, owned and shared",
    Stage.ENGAGEMENT: "Nothing starts before the 7 P's are shared",
}


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights for wrapped text: Qt's tree measures an item without the column's width,
    so a long entry would get one line and be cut off."""

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        tree = self.parent()
        if not isinstance(tree, QTreeWidget):
            return hint
        depth = 1
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        icon_width = item.decorationSize.width() + 8 if not item.icon.isNull() else 0
        width = max(80, tree.viewport().width() - tree.indentation() * depth - icon_width - 12)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = item.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(min(hint.width(), width + icon_width), max(hint.height(), bounds.height() + 6))


class WrappingTree(QTreeWidget):
    """A tree whose long entries wrap to its width, and wrap again when it is resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_WrappingDelegate(self))
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # row heights follow the new width


class PathList(QWidget):
    """A heading, a line of help, a tree whose items carry field paths, and "Go to it"."""

    navigate_requested = Signal(tuple)

    def __init__(self, title: str, help_text: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.tree = WrappingTree(self)
        self.tree.setObjectName(name)
        self.tree.setAccessibleName(title)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.currentItemChanged.connect(self._update_go_button)
        self.go_button = QPushButton("Go to it", self)
        self.go_button.setToolTip("Open the field this is about (Enter)")
        self.go_button.clicked.connect(self.go_to_current)
        self.summary = muted_label("", self)
        header = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(heading_label(title, 2, self))
        text.addWidget(muted_label(help_text, self))
        text.addWidget(self.summary)
        header.addLayout(text, 1)
        header.addWidget(self.go_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.tree, 1)
        self._update_go_button()

    def entries(self) -> list[QTreeWidgetItem]:
        """Every item that leads to a field, group by group."""
        items = []
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            items.extend(
                group.child(i)
                for i in range(group.childCount())
                if group.child(i).data(0, PATH_ROLE)
            )
        return items

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, PATH_ROLE)
        if path is not None:
            self.navigate_requested.emit(tuple(path))

    def go_to_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._on_item_activated(item)

    def _update_go_button(self, *_args: object) -> None:
        item = self.tree.currentItem()
        self.go_button.setEnabled(item is not None and item.data(0, PATH_ROLE) is not None)

    def _group(self, text: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [text])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return group


class ReadinessList(PathList):
    """Every condition for engaging, met or not, in the order the series takes them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Ready to engage?",
            "What the series asks before joining conversations. It is a warning, not a lock: "
            "double-click a condition (or press Enter) to go and settle it.",
            "review_readiness",
            parent,
        )
        self._checks: tuple[Check, ...] | None = None

    def show_checks(self, checks: Sequence[Check]) -> None:
        checks = tuple(checks)
        if checks == self._checks:
            return
        self._checks = checks
        self.tree.clear()
        unmet = sum(1 for c in checks if not c.done)
        self.summary.setText(
            "Every condition is met: the plan is ready to engage."
            if not unmet
            else f"{unmet} of {len(checks)} conditions still to meet."
        )
        for stage, title in READINESS_GROUPS.items():
            mine = [c for c in checks if c.stage == stage]
            if not mine:
                continue
            left = sum(1 for c in mine if not c.done)
            group = self._group(f"{title} ({'all met' if not left else f'{left} to do'})")
            for check in mine:
                item = QTreeWidgetItem(group, [check.label])
                item.setIcon(0, icon("done" if check.done else "warning"))
                item.setData(0, PATH_ROLE, check.path)
                state = "Met" if check.done else "Still to do"
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{state}: {check.label}")
                item.setToolTip(0, plain_tooltip(f"{state}: {check.label}"))
            group.setExpanded(True)
        self._update_go_button()

    @property
    def unmet(self) -> int:
        return sum(1 for c in self._checks or () if not c.done)


class LintList(PathList):
    """The plan check's findings, grouped by stage, most serious first within each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Plan check",
            "Errors make the plan wrong or unsafe, warnings weaken it, hints are about style. "
            "Double-click one (or press Enter) to go to its field.",
            "review_lint",
            parent,
        )
        self._findings: list[Finding] | None = None

    def show_findings(self, plan: Plan, findings: Sequence[Finding]) -> None:
        findings = list(findings)
        if findings == self._findings:
            return
        self._findings = findings
        self.tree.clear()
        self.summary.setText(
            "Nothing found: the plan passes every check." if not findings else count_words(findings)
        )
        order: list[Stage | None] = [None, *Stage]
        for stage in order:
            mine = [f for f in findings if f.stage == stage]
            if not mine:
                continue
            title = stage.title if stage is not None else "The plan as a whole"
            group = self._group(f"{title} ({count_words_short(mine)})")
            shown = mine[:SHOWN_PER_STAGE]
            for finding, where in zip(
                shown, describe_paths(plan, [f.path for f in shown]), strict=True
            ):
                # The group names the stage; the entry starts from the part within it.
                parts = where.split(SEPARATOR)
                self._add(group, finding, SEPARATOR.join(parts[1:]) or where)
            if len(mine) > len(shown):
                more = QTreeWidgetItem(
                    group, [f"…and {len(mine) - len(shown)} more, once these are dealt with."]
                )
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setExpanded(True)
        self._update_go_button()

    @staticmethod
    def _add(group: QTreeWidgetItem, finding: Finding, where: str) -> None:
        word = SEVERITY_WORDS[finding.severity]
        item = QTreeWidgetItem(group, [f"{where}: {finding.message}"])
        item.setIcon(0, severity_icon(finding.severity))
        item.setData(0, PATH_ROLE, finding.path)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{word}: {where}: {finding.message}")
        title = rule_by_id(finding.rule).title
        item.setToolTip(
            0, plain_tooltip(f"{word}: {title} [{finding.rule}]\n{where}\n\n{finding.message}")
        )


def count_words_short(findings: Sequence[Finding]) -> str:
    """ "2 errors, 1 warning": only the severities there are."""
    parts = []
    for severity in Severity:
        count = sum(1 for f in findings if f.severity is severity)
        if count:
            parts.append(f"{count} {severity.value}{'' if count == 1 else 's'}")
    return ", ".join(parts)
