"""The plan lint in the window: run after edits stop, never while a key is being handled."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from workbook.gui.document import PlanDocument
from workbook.gui.in_steps import InSteps
from workbook.gui.widgets import clock
from workbook.lint import Finding, lint, lint_in_steps
from workbook.paths import FieldPath

LINT_DELAY_MS = 400
"""Wait this long after the last edit. The lint of a 2,000-note plan takes some 50 ms: too
much for every keystroke, and run a step per turn of the event loop once typing pauses."""

_OBJECT_NAME = "lint_runner"


class LintRunner(QObject):
    """Lints the document's plan shortly after it stops changing and keeps the findings,
    indexed by field path, for the markers beside fields and the Review page.

    One runner per document (:meth:`of`), shared by every page. It runs on the UI thread
    from a single-shot timer, so the plan is never read while an edit is half made, and no
    snapshot of a large plan has to be copied for another thread; and it runs a step (a
    rule) per turn of the event loop, so no turn is as long as the whole check. An edit
    between two steps drops the check half done; it starts again after the next pause.
    """

    findings_changed = Signal()

    def __init__(self, document: PlanDocument, delay_ms: int = LINT_DELAY_MS) -> None:
        super().__init__(document)
        self.setObjectName(_OBJECT_NAME)
        self.document = document
        self.findings: list[Finding] = []
        self._at: dict[FieldPath, list[Finding]] = {}
        self._dirty = True
        self.has_run = False
        """True once the plan has been checked (the examples' words are indexed by then)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._begin)
        # The check runs a step per turn of the event loop (lint_in_steps): a key typed
        # meanwhile is answered between two steps, and the check starts again after it.
        self._stepper = InSteps(self)
        document.edited.connect(self.schedule)
        document.plan_replaced.connect(self.schedule)
        # The first run waits as long: the page being built is painted first, and the first
        # check (which indexes the examples' words, some 50 ms) comes after.
        self._timer.start()

    @classmethod
    def of(cls, document: PlanDocument) -> LintRunner:
        """The document's runner, made on first use."""
        runner = document.findChild(QObject, _OBJECT_NAME)
        if isinstance(runner, LintRunner):
            return runner
        return cls(document)

    @property
    def pending(self) -> bool:
        """An edit has not been linted yet."""
        return self._dirty

    def schedule(self) -> None:
        self._dirty = True
        self._stepper.stop()  # what a check half done has found may no longer hold
        self._timer.start()

    def run(self) -> None:
        """Lint now, at once (tests and the Review page may ask; the timer checks in steps)."""
        self._timer.stop()
        self._stepper.stop()
        if self._dirty:
            self._finish(lint(self.document.plan, today=clock.today()))

    def _begin(self) -> None:
        if self._dirty:
            steps = lint_in_steps(self.document.plan, today=clock.today())
            self._stepper.start(steps, self._finish)

    def _finish(self, findings: list[Finding]) -> None:
        self._dirty = False
        first, self.has_run = not self.has_run, True
        if findings == self.findings and not first:
            return
        self.findings = findings
        at: dict[FieldPath, list[Finding]] = {}
        for finding in findings:
            at.setdefault(finding.path, []).append(finding)
        self._at = at
        self.findings_changed.emit()

    def at(self, path: Sequence[str] | None) -> list[Finding]:
        """The findings about exactly the field, row or list at ``path``."""
        if path is None:
            return []
        return self._at.get(tuple(path), [])

    def paths(self) -> set[FieldPath]:
        """Every path that has a finding."""
        return set(self._at)
