"""The plan check in the window: run once typing pauses (never in a keystroke handler), shown
as a mark beside the field and in table cells, listed on the Review page by stage, and every
entry leads to its field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbook.examples import load_example
from workbook.gui.document import PlanDocument
from workbook.gui.lint_runner import LINT_DELAY_MS, LintRunner
from workbook.gui.pages import PageId
from workbook.gui.pages.engagement_page import EngagementPage
from workbook.gui.pages.review_lists import PATH_ROLE
from workbook.gui.pages.review_page import ReviewPage
from workbook.gui.widgets import clock
from workbook.gui.widgets.guide import FieldBlock
from workbook.gui.widgets.marks import BORROWED_TEXT
from workbook.lint import lint
from workbook.model import Activity, ListeningNote, Person, Plan
from workbook.stages import Stage

pytestmark = pytest.mark.gui

ESCALATION = ("management", "governance", "escalation_path")
TODAY = date(2025, 6, 2)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def flawed_plan() -> Plan:
    """The plumber example with a mistake in three stages."""
    plan = load_example("plumber")
    plan.management.people[1].accountable = True
    plan.listening.notes.append(ListeningNote(noted_on=date(2025, 3, 1)))
    plan.planning.seven_ps.practices.owner = "Sam Whitlow"
    return plan


def test_the_check_waits_for_typing_to_stop_then_marks_the_field(qtbot):
    document = PlanDocument()
    block = FieldBlock(document, ESCALATION, multiline=True)
    qtbot.addWidget(block)
    runner = LintRunner.of(document)
    assert LintRunner.of(document) is runner  # one per document, shared by every page
    runner.run()
    assert [f.rule for f in runner.at(ESCALATION)] == ["no-escalation-path"]
    mark = block.lint_mark
    assert not mark.isHidden()
    assert mark.accessibleName() == "Plan check: warning"
    assert "no escalation path" in mark.toolTip()
    assert "There is no escalation path" in block.editor.accessibleDescription()

    block.editor.setFocus()
    qtbot.keyClicks(block.editor, "Priya, then Maria")
    # The keystrokes reached the plan, but the check has not run in their handlers...
    assert document.plan.management.governance.escalation_path == "Priya, then Maria"
    assert runner.pending and runner.at(ESCALATION)
    assert runner._timer.isActive() and runner._timer.interval() == LINT_DELAY_MS
    # ...it runs once typing has paused.
    qtbot.waitUntil(lambda: not runner.pending)
    assert runner.at(ESCALATION) == []
    assert mark.isHidden()
    assert "There is no escalation path" not in block.editor.accessibleDescription()


def test_a_table_cell_and_a_row_with_findings_show_an_icon_and_the_message(qtbot):
    named = Activity(activity="Allergy questions answered", channel="Facebook group")
    plan = Plan()
    plan.engagement.activities = [named, Activity()]
    page = EngagementPage(PlanDocument(plan))
    qtbot.addWidget(page)
    LintRunner.of(page.document).run()
    model = page.tables[("engagement", "activities")].model
    owner = model.index(0, model.column_of("owner"))
    assert owner.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "has no owner" in owner.data(Qt.ItemDataRole.ToolTipRole)
    assert "has no owner" in owner.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    channel = model.index(0, model.column_of("activity"))
    assert channel.data(Qt.ItemDataRole.DecorationRole) is None
    header = Qt.Orientation.Vertical
    assert model.headerData(1, header, Qt.ItemDataRole.DecorationRole) is not None  # empty row
    assert "Activity 2 is empty" in model.headerData(1, header, Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(0, header, Qt.ItemDataRole.DecorationRole) is None

    page.document.set_value(("engagement", "activities", named.id, "owner"), "Maria")
    qtbot.waitUntil(lambda: owner.data(Qt.ItemDataRole.DecorationRole) is None)


def test_example_words_are_greyed_and_marked_until_edited(qtbot):
    document = PlanDocument()
    block = FieldBlock(document, ("details", "offering"), multiline=True)
    qtbot.addWidget(block)
    runner = LintRunner.of(document)
    runner.run()
    block.insert_example()
    runner.run()
    # The check agrees; the field shows one mark for it, not two.
    assert [f.rule for f in runner.at(("details", "offering"))] == ["example-text-unchanged"]
    assert block.lint_mark.isHidden()
    mark = block.borrowed_mark
    assert not mark.isHidden() and mark.accessibleName() == BORROWED_TEXT
    assert "bakery example" in mark.toolTip()
    editor = block.editor
    assert editor.borrowed
    placeholder = editor.palette().color(editor.palette().ColorRole.PlaceholderText)
    assert editor.palette().color(editor.palette().ColorRole.Text) == placeholder

    editor.setFocus()
    editor.move_cursor_to_end()
    qtbot.keyClicks(editor, " Ours.")
    assert mark.isHidden() and not editor.borrowed
    assert editor.palette().color(editor.palette().ColorRole.Text) != placeholder


def test_example_words_in_a_table_cell_are_greyed(qtbot):
    bakery = load_example("bakery").engagement.activities[0]
    plan = Plan()
    plan.engagement.activities = [Activity(activity=bakery.activity), Activity(activity="Ours")]
    page = EngagementPage(PlanDocument(plan))
    qtbot.addWidget(page)
    LintRunner.of(page.document).run()
    model = page.tables[("engagement", "activities")].model
    column = model.column_of("activity")
    copied, ours = model.index(0, column), model.index(1, column)
    assert copied.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert BORROWED_TEXT in copied.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert ours.data(Qt.ItemDataRole.ForegroundRole) is None


def make_review(qtbot, plan: Plan) -> ReviewPage:
    page = ReviewPage(PlanDocument(plan))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_the_review_page_lists_findings_by_stage(qtbot):
    plan = flawed_plan()
    page = make_review(qtbot, plan)
    note = plan.listening.notes[-1]
    lint_list = page.lint_list
    groups = [
        lint_list.tree.topLevelItem(i).text(0) for i in range(lint_list.tree.topLevelItemCount())
    ]
    assert groups == [
        "Management & Administration (1 error)",
        "Listening & Learning (1 error)",
        "Thinking & Planning (1 error)",
    ]
    assert [item.data(0, PATH_ROLE) for item in lint_list.entries()] == [
        ("management", "people"),
        ("listening", "notes", note.id, "said"),
        ("planning", "seven_ps", "practices", "owner"),
    ]
    assert {f.path for f in lint(plan, today=TODAY)} == {
        item.data(0, PATH_ROLE) for item in lint_list.entries()
    }
    number = len(plan.listening.notes)
    texts = [item.text(0) for item in lint_list.entries()]
    assert texts[1].startswith(
        f"Listening notes › note {number} › What was said: Note {number} has nothing"
    )
    assert page.review_tabs.tabText(2) == "Plan check (3 errors)"

    item = lint_list.entries()[2]
    with qtbot.waitSignal(page.navigate_requested) as signal:
        lint_list.tree.itemActivated.emit(item, 0)
    assert signal.args == [("planning", "seven_ps", "practices", "owner")]
    lint_list.tree.setCurrentItem(item)
    with qtbot.waitSignal(page.navigate_requested) as signal:
        qtbot.mouseClick(lint_list.go_button, Qt.MouseButton.LeftButton)
    assert signal.args == [("planning", "seven_ps", "practices", "owner")]


def test_the_review_page_follows_edits_after_the_pause(qtbot):
    plan = flawed_plan()
    page = make_review(qtbot, plan)
    page.document.set_value(("planning", "seven_ps", "practices", "owner"), "Jim Hartley")
    qtbot.waitUntil(lambda: page.review_tabs.tabText(2) == "Plan check (2 errors)")
    assert len(page.lint_list.entries()) == 2


def test_a_clean_example_has_nothing_to_report(qtbot):
    page = make_review(qtbot, load_example("florist"))
    assert page.review_tabs.tabText(2) == "Plan check: nothing found"
    assert page.lint_list.entries() == []
    assert "passes every check" in page.lint_list.summary.text()


def test_the_review_page_shows_readiness_condition_by_condition(qtbot):
    page = make_review(qtbot, Plan())
    readiness = page.readiness
    gaps = page.document.status.readiness_gaps
    assert page.review_tabs.tabText(1) == f"Ready to engage? ({len(gaps)} to do)"
    groups = [
        readiness.tree.topLevelItem(i).text(0) for i in range(readiness.tree.topLevelItemCount())
    ]
    assert groups[0].startswith("Management essentials (4 to do)")
    assert [item.data(0, PATH_ROLE) for item in readiness.entries()] == [g.path for g in gaps]
    with qtbot.waitSignal(page.navigate_requested) as signal:
        readiness.tree.itemActivated.emit(readiness.entries()[3], 0)
    assert signal.args == [ESCALATION]

    ready = make_review(qtbot, load_example("bakery"))
    assert ready.review_tabs.tabText(1) == "Ready to engage: yes"
    assert "ready to engage" in ready.readiness.summary.text()


def test_a_finding_takes_the_window_to_its_field(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    plan = flawed_plan()
    note = plan.listening.notes[-1]
    window.document.replace_plan(plan)
    window.go_to_page(PageId.REVIEW)
    lint_list = window.pages[PageId.REVIEW].lint_list
    item = next(i for i in lint_list.entries() if i.data(0, PATH_ROLE)[0] == "listening")
    lint_list.tree.itemActivated.emit(item, 0)
    assert window.current_page() is PageId.LISTENING
    notes = window.pages[PageId.LISTENING].notes_panel.table
    assert notes.current_row_id() == note.id
    assert QApplication.focusWidget() is notes.view


def test_many_findings_are_listed_a_stage_at_a_time(qtbot):
    plan = Plan()
    plan.listening.notes = [ListeningNote() for _ in range(250)]
    plan.management.people = [Person(name="A", accountable=True)]
    page = make_review(qtbot, plan)
    group = next(
        page.lint_list.tree.topLevelItem(i)
        for i in range(page.lint_list.tree.topLevelItemCount())
        if page.lint_list.tree.topLevelItem(i).text(0).startswith(Stage.LISTENING.title)
    )
    assert group.text(0) == f"{Stage.LISTENING.title} (250 errors)"
    assert group.child(group.childCount() - 1).text(0).startswith("…and 50 more")


def test_findings_about_a_whole_list_are_marked_beside_its_heading(qtbot):
    from workbook.gui.pages.management_page import ManagementPage

    plan = Plan()
    plan.management.people = [
        Person(name="Maria", accountable=True, can_publish=True, can_answer_complaints=True),
        Person(name="Priya", accountable=True),
    ]
    page = ManagementPage(PlanDocument(plan))
    qtbot.addWidget(page)
    LintRunner.of(page.document).run()
    mark = page.list_marks[("management", "people")]
    assert not mark.isHidden() and mark.accessibleName() == "Plan check: error"
    assert "2 people are ticked as accountable (Maria, Priya)" in mark.toolTip()
    page.document.set_value(
        ("management", "people", plan.management.people[1].id, "accountable"), False
    )
    qtbot.waitUntil(mark.isHidden)


def test_a_plan_filled_from_examples_is_not_ready(qtbot):
    from workbook.gui.pages.listening_page import LEARNING_FIELDS, ListeningPage

    document = PlanDocument()
    page = ListeningPage(document)
    qtbot.addWidget(page)
    document.set_value(("details", "industry"), "Plumbing and heating")
    blocks = {b.path[-1]: b for b in page.findChildren(FieldBlock) if b.path[1] == "learnings"}
    for name in LEARNING_FIELDS:
        blocks[name].insert_example()
        assert getattr(document.plan.listening.learnings, name)
    labels = [gap.label for gap in document.status.readiness_gaps]
    for name in LEARNING_FIELDS:
        title = type(document.plan.listening.learnings).model_fields[name].title
        assert f"Learnings › {title}: still an example's words, not yours" in labels
    LintRunner.of(document).run()
    assert all(not blocks[name].borrowed_mark.isHidden() for name in LEARNING_FIELDS)


def test_a_password_warning_beside_the_field_can_be_dismissed_and_undone(qtbot):
    """Text that looks like a password is flagged in the field; the user may dismiss the
    warning (the text is kept), undo brings it back, and new text is checked again."""
    from workbook.model import Channel

    channel = Channel(credentials_location="password is Plumb1ng2015!")
    document = PlanDocument(Plan(management={"presence": [channel]}))
    path = ("management", "presence", channel.id, "credentials_location")
    block = FieldBlock(document, path)
    qtbot.addWidget(block)
    runner = LintRunner.of(document)
    runner.run()
    assert "secret-like-text" in [f.rule for f in runner.at(path)]
    assert not block.lint_mark.isHidden()

    block.lint_mark.dismiss_action.trigger()
    runner.run()
    assert "secret-like-text" not in [f.rule for f in runner.at(path)]
    assert channel.credentials_location == "password is Plumb1ng2015!"  # the text is kept

    document.undo_stack.undo()
    runner.run()
    assert "secret-like-text" in [f.rule for f in runner.at(path)]
    document.undo_stack.redo()
    document.set_value(path, "password is Plumb1ng2016!")
    runner.run()
    assert "secret-like-text" in [f.rule for f in runner.at(path)]  # new text, new warning


def test_the_check_runs_a_step_per_turn_and_starts_again_after_an_edit(qtbot):
    """After a pause the check runs a rule per turn of the event loop, so a key typed
    meanwhile is answered at once; an edit between two steps drops what was half found,
    and the findings then come from the plan as edited. (The steps are taken by hand here,
    as the runner's zero timer takes them, one per turn.)"""
    document = PlanDocument(load_example("plumber"))
    runner = LintRunner(document, delay_ms=60_000)  # no pause ends by itself in this test
    runner._timer.stop()
    runner._begin()  # typing has paused
    stepper = runner._stepper
    stepper._step()  # one turn of the loop: one step, and the check is not over
    assert runner.pending and stepper.running and stepper._timer.isActive()
    document.set_value(ESCALATION, "")  # an edit mid-check
    assert not stepper.running and runner.pending and runner._timer.isActive()
    runner._timer.stop()
    runner._begin()  # the next pause
    steps = 0
    while stepper.running:
        stepper._step()
        steps += 1
    assert steps > 10 and not runner.pending
    assert runner.findings == lint(document.plan, today=clock.today())
    assert [f.rule for f in runner.at(ESCALATION)] == ["no-escalation-path"]
