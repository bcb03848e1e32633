"""The 7 P's: a list of the seven on the left, and the selected P's questions and decision;
the top listening themes offer a draft decision for the P on show."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbook.gui.document import PlanDocument
from workbook.gui.focus import ChooserList, first_field, forward_key
from workbook.gui.icons import icon
from workbook.gui.pages.notes_summary import NotesSummary
from workbook.gui.pages.theme_suggestions import ThemeStrip
from workbook.gui.widgets import clock
from workbook.gui.widgets.fields import BoolField, DateField
from workbook.gui.widgets.guide import FieldBlock
from workbook.gui.widgets.guide_text import seven_p_attribution, seven_p_guide
from workbook.gui.widgets.layout import (
    ReadableColumn,
    bullet_label,
    heading_label,
    muted_label,
    scroll_page,
    text_label,
)
from workbook.model import SevenP
from workbook.paths import FieldPath
from workbook.suggestions import SuggestionKind, link_label

SEVEN_PS: FieldPath = ("planning", "seven_ps")
MARK_COMMUNICATED = "Mark as communicated"


def p_path(p: SevenP, name: str) -> FieldPath:
    return (*SEVEN_PS, p.value, name)


class SevenPsPanel(QWidget):
    """One panel per P: what it is about, questions to think through, our decision, its owner,
    and whether it has been shared with the whole organisation (and when)."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.p_list = ChooserList(self)  # typing there starts the P's answer
        self.p_list.setObjectName("seven_ps_list")
        self.p_list.setAccessibleName("The 7 P's")
        self.p_list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.p_list.setSpacing(3)
        self.stack = QStackedWidget(self)
        self.panels: dict[SevenP, QWidget] = {}
        self.dates: dict[SevenP, DateField] = {}
        self.links: dict[SevenP, QLabel] = {}
        for p in SevenP:
            item = QListWidgetItem(p.label, self.p_list)
            item.setData(Qt.ItemDataRole.UserRole, p)
            panel = self._panel(p)
            self.panels[p] = panel
            self.stack.addWidget(panel)
        self._apply_list_width()
        self.p_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.p_list.typing_started.connect(self._start_answer)
        # focus_path switches the stack directly; keep the list in step.
        self.stack.currentChanged.connect(self.p_list.setCurrentRow)

        left = QVBoxLayout()
        left.addWidget(self.p_list, 1)
        attribution = muted_label(seven_p_attribution(), self)
        attribution.setObjectName("seven_ps_attribution")
        self.attribution = attribution
        self._apply_list_width()
        left.addWidget(attribution)
        self.summary = NotesSummary(document, self)
        self.strip = ThemeStrip(
            document, self.summary, SuggestionKind.DECISION, self, current_p=self.current_p
        )
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        right.addWidget(self.strip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.p_list.setCurrentRow(0)
        document.value_changed.connect(self._on_value_changed)
        document.plan_replaced.connect(self.refresh_status)
        self.refresh_status()

    def _panel(self, p: SevenP) -> QWidget:
        column = ReadableColumn()
        column.column.setSpacing(12)
        column.column.addWidget(heading_label(p.label, 2, column))
        summary, questions = seven_p_guide(p)
        if summary:
            column.column.addWidget(text_label(summary, column))
        if questions:
            column.column.addWidget(muted_label("Questions to think through:", column))
            column.column.addWidget(bullet_label(questions, column))
        column.column.addWidget(FieldBlock(self.document, p_path(p, "decision"), True, column))
        link = muted_label("", column)
        link.setObjectName(f"seven_ps.{p.value}.link")
        self.links[p] = link
        column.column.addWidget(link)
        column.column.addWidget(FieldBlock(self.document, p_path(p, "owner"), False, column))
        shared = BoolField(
            self.document,
            p_path(p, "communicated"),
            column,
            writer=lambda checked, p=p: self.set_communicated(p, checked),
        )
        column.column.addWidget(
            FieldBlock(self.document, p_path(p, "communicated"), parent=column, editor=shared)
        )
        date_field = DateField(self.document, p_path(p, "communicated_on"), column)
        self.dates[p] = date_field
        column.column.addWidget(
            FieldBlock(
                self.document, p_path(p, "communicated_on"), parent=column, editor=date_field
            )
        )
        column.column.addStretch(1)
        return scroll_page(column)

    def _start_answer(self, key: int, text: str) -> None:
        target = first_field(self.stack.currentWidget())
        if target is not None:
            forward_key(target, key, text)

    def set_communicated(self, p: SevenP, checked: bool) -> None:
        """Tick or untick "communicated"; ticking also dates it today when it has no date
        yet, as one undo step."""
        doc = self.document
        if checked and doc.value(p_path(p, "communicated_on")) is None:
            doc.begin_macro(MARK_COMMUNICATED)
            try:
                doc.set_value(p_path(p, "communicated"), True)
                doc.set_value(p_path(p, "communicated_on"), clock.today())
            finally:
                doc.end_macro()
        else:
            doc.set_value(p_path(p, "communicated"), checked)

    def _apply_list_width(self) -> None:
        metrics = self.fontMetrics()
        size = metrics.height()
        self.p_list.setIconSize(QSize(size, size))
        width = metrics.averageCharWidth() * 24
        self.p_list.setFixedWidth(width)
        if hasattr(self, "attribution"):
            self.attribution.setFixedWidth(width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_list_width()

    def show_p(self, p: SevenP) -> None:
        self.p_list.setCurrentRow(list(SevenP).index(p))

    def current_p(self) -> SevenP:
        return list(SevenP)[max(0, self.stack.currentIndex())]

    def refresh_status(self) -> None:
        done_icon = icon("done")
        for row, p in enumerate(SevenP):
            self._refresh_p(row, p, done_icon)

    def _refresh_p(self, row: int, p: SevenP, done_icon: QIcon) -> None:
        decision = self.document.plan.planning.seven_ps.get(p)
        item = self.p_list.item(row)
        complete = bool(
            decision.decision.strip() and decision.owner.strip() and decision.communicated
        )
        item.setIcon(done_icon if complete else QIcon())
        state = []
        state.append("decided" if decision.decision.strip() else "no decision yet")
        state.append(f"owner: {decision.owner}" if decision.owner.strip() else "no owner yet")
        state.append("communicated" if decision.communicated else "not yet communicated")
        item.setToolTip(f"{p.label}: " + ", ".join(state))
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, ", ".join(state))
        self.dates[p].setEnabled(decision.communicated)
        text = link_label(decision.from_listening)
        self.links[p].setText(f"Drawn {text}: rewrite it in your words." if text else "")
        self.links[p].setVisible(bool(text))

    def _on_value_changed(self, path: tuple) -> None:
        if path[:2] == SEVEN_PS and len(path) > 2:
            p = SevenP(path[2])
            done_icon = icon("done")
            self._refresh_p(list(SevenP).index(p), p, done_icon)
