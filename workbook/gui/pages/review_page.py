"""Review & export: completeness per stage, every gap as a checklist, readiness to engage, the
plan check's findings, and the export button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbook.completeness import Check
from workbook.gui.action_plan_view import ActionPlanView
from workbook.gui.icons import icon
from workbook.gui.lint_runner import LintRunner
from workbook.gui.pages.base import PageId, StagePage
from workbook.gui.pages.review_lists import LintList, ReadinessList, count_words_short
from workbook.gui.widgets.layout import heading_label, muted_label, no_mnemonic, text_label
from workbook.stages import Stage

REFRESH_DELAY_MS = 150
PATH_ROLE = Qt.ItemDataRole.UserRole
EXPORT_TEXT = "Export PDF"  # one step: no dialog on the way (Export PDF As… has them)
EXPORT_SHORTCUT = "Ctrl+E"


class ReviewPage(StagePage):
    page_id = PageId.REVIEW
    title = "Review & export"
    stage = None

    def build(self) -> None:
        self._gaps: tuple[Check, ...] | None = None
        self.page_layout.addWidget(
            text_label(
                "See how far the plan has come, go straight to anything still missing, and export "
                "the strategy document when you are happy with it.",
                self,
            )
        )

        progress = QWidget(self)
        grid = QGridLayout(progress)
        grid.setContentsMargins(0, 6, 0, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        self.overall_label = QLabel(self)
        self.overall_label.setObjectName("review_overall")
        self.overall_label.setWordWrap(True)
        self.bars: dict[Stage, QProgressBar] = {}
        self.counts: dict[Stage, QLabel] = {}
        for row, stage in enumerate(Stage, start=1):
            name = QLabel(no_mnemonic(stage.title), progress)
            bar = QProgressBar(progress)
            bar.setObjectName(f"review_progress_{stage.value}")
            bar.setAccessibleName(f"{stage.title} completeness")
            bar.setRange(0, 100)
            name.setBuddy(bar)
            count = QLabel(progress)
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(count, row, 2)
            self.bars[stage] = bar
            self.counts[stage] = count
        grid.setColumnStretch(1, 1)

        self.export_button = QPushButton(
            icon("export"), f"{EXPORT_TEXT}  ({EXPORT_SHORTCUT})", self
        )
        self.export_button.setObjectName("export_pdf")
        self.export_button.setAccessibleName(EXPORT_TEXT)
        self.export_button.setToolTip(
            f"Save the plan as a PDF strategy document ({EXPORT_SHORTCUT} from anywhere)"
        )
        # No shortcut of its own: the window's Export action owns Ctrl+E.
        self.export_button.clicked.connect(self.export_requested)

        self.checklist = QTreeWidget(self)
        self.checklist.setObjectName("review_checklist")
        self.checklist.setAccessibleName("Still to do")
        self.checklist.setHeaderHidden(True)
        self.checklist.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklist.setUniformRowHeights(True)
        self.checklist.itemActivated.connect(self._on_item_activated)
        self.checklist.currentItemChanged.connect(self._update_go_button)
        self.go_button = QPushButton("Go to it", self)
        self.go_button.setToolTip("Open the question that is still missing (Enter)")
        self.go_button.clicked.connect(self._go_to_current)

        # The summary line and the export button share a row above the bars: side by side
        # with the bars, the button made the page too wide for a projector at large text.
        top = QHBoxLayout()
        top.addWidget(self.overall_label, 1)
        top.addSpacing(24)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        self.page_layout.addLayout(top)
        self.page_layout.addWidget(progress)

        todo = QWidget(self)
        todo_layout = QVBoxLayout(todo)
        todo_layout.setContentsMargins(6, 6, 6, 6)
        checklist_header = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(heading_label("Still to do", 2, self))
        heading.addWidget(
            muted_label(
                "Double-click an item, or select it and press Enter, to go to that question.", self
            )
        )
        checklist_header.addLayout(heading, 1)
        checklist_header.addWidget(self.go_button, 0, Qt.AlignmentFlag.AlignBottom)
        todo_layout.addLayout(checklist_header)
        todo_layout.addWidget(self.checklist, 1)

        self.readiness = ReadinessList(self)
        self.readiness.navigate_requested.connect(self.navigate_requested)
        self.lint_list = LintList(self)
        self.lint_list.navigate_requested.connect(self.navigate_requested)
        self.review_tabs = QTabWidget(self)
        self.review_tabs.setObjectName("review_tabs")
        self.review_tabs.setDocumentMode(True)
        self.review_tabs.addTab(todo, "Still to do")
        self.review_tabs.addTab(self.readiness, "Ready to engage?")
        self.review_tabs.addTab(self.lint_list, "Plan check")
        self.action_plan = ActionPlanView(self.document, self)
        self.action_plan.navigate_requested.connect(self.navigate_requested)
        self.review_tabs.addTab(self.action_plan, "Action plan")
        from workbook.gui.pages.workshop_panel import WorkshopPanel

        self.workshop = WorkshopPanel(self)  # the agenda and the parking lot
        self.review_tabs.addTab(self.workshop, "Workshop")
        self.page_layout.addWidget(self.review_tabs, 1)
        self.runner = LintRunner.of(self.document)
        self.runner.findings_changed.connect(self._show_findings)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.document.edited.connect(self._timer.start)
        self.document.plan_replaced.connect(self.refresh)
        self.refresh()

    def reload(self) -> None:
        super().reload()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()
        # Coming to review is not typing: check the plan now if an edit is still unchecked.
        if self.runner.pending:
            self.runner.run()
        self._show_findings()

    def refresh(self) -> None:
        self._timer.stop()
        status = self.document.status
        total = sum(s.total for s in status.stages)
        done = sum(s.done for s in status.stages)
        self.overall_label.setText(
            f"The plan is {status.percent}% complete ({done} of {total} answers)."
        )
        for stage_status in status.stages:
            bar = self.bars[stage_status.stage]
            bar.setValue(stage_status.percent)
            bar.setFormat(f"{stage_status.percent}%")
            self.counts[stage_status.stage].setText(f"{stage_status.done} of {stage_status.total}")
        self._fill_checklist(status.gaps)
        gaps = len(status.gaps)
        self.review_tabs.setTabText(0, f"Still to do ({gaps})" if gaps else "Still to do: nothing")
        self.readiness.show_checks(status.readiness)
        unmet = self.readiness.unmet
        self.review_tabs.setTabText(
            1, f"Ready to engage? ({unmet} to do)" if unmet else "Ready to engage: yes"
        )

    def _show_findings(self) -> None:
        findings = self.runner.findings
        # The list itself is built when it can be seen: not while the user types elsewhere.
        if self.isVisible():
            self.lint_list.show_findings(self.document.plan, findings)
        self.review_tabs.setTabText(
            2,
            f"Plan check ({count_words_short(findings)})"
            if findings
            else "Plan check: nothing found",
        )

    def _fill_checklist(self, gaps: tuple[Check, ...]) -> None:
        if gaps == self._gaps:
            return
        self._gaps = gaps
        current = self.checklist.currentItem()
        keep = current.data(0, PATH_ROLE) if current is not None else None
        self.checklist.clear()
        if not gaps:
            done = QTreeWidgetItem(self.checklist, ["Nothing missing: every stage is complete."])
            done.setIcon(0, icon("done"))
            self._update_go_button()
            return
        restore = None
        for stage in Stage:
            stage_gaps = [g for g in gaps if g.stage == stage]
            if not stage_gaps:
                continue
            group = QTreeWidgetItem(self.checklist, [f"{stage.title} ({len(stage_gaps)} to do)"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for gap in stage_gaps:
                item = QTreeWidgetItem(group, [gap.label])
                item.setData(0, PATH_ROLE, gap.path)
                item.setToolTip(0, f"{stage.title}: {gap.label}")
                if keep is not None and gap.path == keep and restore is None:
                    restore = item
            group.setExpanded(True)
        if restore is not None:
            self.checklist.setCurrentItem(restore)
        self._update_go_button()

    def gap_items(self) -> list[QTreeWidgetItem]:
        """Every checklist item that leads to a gap."""
        items = []
        for top in range(self.checklist.topLevelItemCount()):
            group = self.checklist.topLevelItem(top)
            items.extend(group.child(i) for i in range(group.childCount()))
        return items

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.navigate_requested.emit(tuple(path))

    def _go_to_current(self) -> None:
        item = self.checklist.currentItem()
        if item is not None:
            self._on_item_activated(item)

    def _update_go_button(self, *_args: object) -> None:
        item = self.checklist.currentItem()
        self.go_button.setEnabled(item is not None and bool(item.data(0, PATH_ROLE)))
