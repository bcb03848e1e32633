"""A timer that recounts a view shortly after parts of the plan change: a burst of edits
(typing, a pasted list) is counted once, after it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

from workbook.gui.document import PlanDocument
from workbook.paths import FieldPath


class Recount(QTimer):
    """Calls ``slot`` ``delay_ms`` after a value under one of ``parts`` changes, a row of
    one of them is added, removed or moved, or the whole plan is replaced. A QObject, so
    its connections to the document end with its owner."""

    def __init__(
        self,
        document: PlanDocument,
        parts: Iterable[FieldPath],
        slot: Callable[[], object],
        parent: QObject,
        delay_ms: int = 200,
    ) -> None:
        super().__init__(parent)
        self.parts = tuple(tuple(part) for part in parts)
        self.setSingleShot(True)
        self.setInterval(delay_ms)
        self.timeout.connect(slot)
        document.value_changed.connect(self._on_value_changed)
        for signal in (document.rows_inserted, document.rows_removed, document.row_moved):
            signal.connect(self._on_rows_changed)
        document.plan_replaced.connect(self.start)

    def _on_value_changed(self, path: tuple) -> None:
        # A path shorter than a list's is a whole part replaced (an example inserted).
        if len(path) < 2 or any(tuple(path[: len(part)]) == part for part in self.parts):
            self.start()

    def _on_rows_changed(self, list_path: tuple, *_args: int) -> None:
        if tuple(list_path) in self.parts:
            self.start()
