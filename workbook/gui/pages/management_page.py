"""Stage 1: Management & Administration — the presence inventory, people and permissions,
governance and resources."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from workbook.gui.pages.base import PageId, StagePage
from workbook.gui.widgets.columns import columns_for
from workbook.gui.widgets.layout import muted_label
from workbook.paths import FieldPath
from workbook.stages import Stage

PRESENCE: FieldPath = ("management", "presence")
PEOPLE: FieldPath = ("management", "people")
GOVERNANCE: FieldPath = ("management", "governance")
RESOURCES: FieldPath = ("management", "resources")


class ManagementPage(StagePage):
    page_id = PageId.MANAGEMENT
    title = Stage.MANAGEMENT.long_title
    stage = Stage.MANAGEMENT

    def build(self) -> None:
        self.tab_widget = self.tabs(
            [
                ("Presence", self._presence()),
                ("People", self._people()),
                ("Governance", self._governance()),
                ("Resources", self._resources()),
            ]
        )
        self.page_layout.addWidget(self.tab_widget, 1)

    def _presence(self) -> QWidget:
        columns = columns_for(
            PRESENCE,
            long_text=("purpose",),
            widths={
                "handle": 22,
                "owner": 12,
                "backup_owner": 12,
                "status": 11,
                "credentials_location": 26,
            },
        )
        table = self.table(PRESENCE, columns, edit_column="handle")
        never = muted_label(
            "Keep passwords out of this plan: note only where the login is kept, such as a "
            "password manager or the office safe."
        )
        never.setObjectName("presence_no_passwords")
        return self.table_section("Presence inventory", table, "management.presence", never)

    def _people(self) -> QWidget:
        columns = columns_for(PEOPLE, long_text=("notes",), widths={"name": 16, "role": 18})
        table = self.table(PEOPLE, columns, edit_column="name")
        return self.table_section("People and permissions", table, "management.people")

    def _governance(self) -> QWidget:
        def path(name: str) -> FieldPath:
            return (*GOVERNANCE, name)

        return self.form(
            [
                self.section_header("Governance", "management.governance"),
                (path("policy_status"), False),
                (path("policy_summary"), True),
                (path("approval_process"), True),
                (path("escalation_path"), True),
                (path("accountability"), True),
                (path("brand_voice"), True),
                (path("legal_notes"), True),
            ]
        )

    def _resources(self) -> QWidget:
        def path(name: str) -> FieldPath:
            return (*RESOURCES, name)

        return self.form(
            [
                self.section_header("Resources", "management.resources"),
                (path("monitoring_tools"), True),
                (path("scheduling_tools"), True),
                (path("hours_per_week"), False),
                (path("budget"), True),
            ]
        )
