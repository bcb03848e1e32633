"""The main window around the pages: step list, navigation, menus and shortcuts, undo/redo,
text size, dark palette, export wiring."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.conftest import write_plan
from workbook.gui.navigation import REFRESH_DELAY_MS, STEPS
from workbook.gui.pages import PageId
from workbook.gui.theme import dark_palette
from workbook.stages import Stage

pytestmark = pytest.mark.gui

TITLE = ("details", "title")


def menu_actions(window) -> list[QAction]:
    """Every action reachable from the menu bar (submenus included)."""
    found = []

    def walk(actions):
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif not action.isSeparator():
                found.append(action)

    walk(window.menuBar().actions())
    return found


# ---------------------------------------------------------------- step list


def test_step_list_shows_every_stage_with_its_completion(window, qtbot):
    window.files.new_plan()
    steps = window.step_list
    assert [steps.list.item(i).text() for i in range(steps.list.count())] == [
        title for _id, title, _stage in STEPS
    ]
    start = steps.percent(PageId.DETAILS)  # a new plan is dated today
    assert start == window.document.status[Stage.DETAILS].percent
    window.document.set_value(TITLE, "Spring plan")
    window.document.set_value(("details", "organisation"), "Wrenford Bakery")
    # Debounced: nothing is recomputed while the user is still typing...
    assert steps.percent(PageId.DETAILS) == start
    assert steps._refresh_timer.isActive() and steps._refresh_timer.interval() == REFRESH_DELAY_MS
    # ...and the display catches up after the pause.
    expected = window.document.status[Stage.DETAILS].percent
    assert expected > start
    qtbot.waitUntil(lambda: steps.percent(PageId.DETAILS) == expected)
    assert steps.percent(PageId.REVIEW) == window.document.status.percent
    item = steps.list.item(0)
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == (
        f"Step 1: Plan details, {expected}% complete"
    )


def test_clicking_steps_and_back_next_move_between_pages(window, qtbot):
    window.show()
    window.files.new_plan()
    steps = window.step_list
    rect = steps.list.visualItemRect(steps.list.item(2))
    qtbot.mouseClick(steps.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.page_stack.currentWidget() is window.pages[PageId.LISTENING]
    qtbot.mouseClick(steps.next_button, Qt.MouseButton.LeftButton)
    assert window.page_stack.currentWidget() is window.pages[PageId.PLANNING]
    qtbot.mouseClick(steps.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(steps.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == PageId.MANAGEMENT
    window.go_to_page(PageId.DETAILS)
    assert not steps.back_button.isEnabled() and steps.next_button.isEnabled()
    window.go_to_page(PageId.REVIEW)
    assert steps.back_button.isEnabled() and not steps.next_button.isEnabled()
    assert steps.list.currentRow() == 5  # the current step is highlighted


def test_go_to_stage_shortcuts_from_the_keyboard(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.files.new_plan()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for number, (page_id, _title, _stage) in enumerate(STEPS, start=1):
        qtbot.keyClick(
            window.focusWidget() or window,
            Qt.Key(Qt.Key.Key_0 + number),
            Qt.KeyboardModifier.ControlModifier,
        )
        assert window.current_page() == page_id
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == PageId.ENGAGEMENT
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
    )
    assert window.current_page() == PageId.REVIEW


def test_navigate_requested_shows_and_focuses_the_field(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.files.new_plan()
    window.activateWindow()
    window.pages[PageId.REVIEW].navigate_requested.emit(("listening", "intent"))
    assert window.current_page() == PageId.LISTENING
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and QApplication.focusWidget().objectName() == "listening.intent"
        )
    )


def test_navigation_needs_an_open_plan(window):
    assert not window.actions.go_to[PageId.PLANNING].isEnabled()
    window.go_to_page(PageId.PLANNING)
    assert window.central.currentWidget() is window.start_page
    window.files.new_plan()
    assert window.actions.go_to[PageId.PLANNING].isEnabled()


def test_start_page_can_be_shown_while_a_plan_is_open(window):
    window.files.new_plan()
    window.actions.start_page.trigger()
    assert window.central.currentWidget() is window.start_page
    window.actions.go_to[PageId.LISTENING].trigger()
    assert window.central.currentWidget() is window.workspace
    assert window.current_page() == PageId.LISTENING


# ---------------------------------------------------------------- menus, shortcuts, undo


def test_every_menu_command_shows_a_shortcut(window):
    window.files.new_plan()
    window.recent_menu.aboutToShow.emit()
    missing = [
        a.text()
        for a in menu_actions(window)
        if a.shortcut().isEmpty()
        and a.parent() is not window.recent_menu
        and a not in (window.actions.about, window.actions.about_method)
    ]
    assert missing == []


def test_standard_shortcuts(window):
    a = window.actions
    assert a.save.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert a.new.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert a.open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert QKeySequence("Ctrl+Shift+S") in a.save_as.shortcuts()
    assert QKeySequence("Ctrl+W") in a.close.shortcuts()
    assert QKeySequence("Ctrl+Q") in a.quit.shortcuts()
    assert a.export.shortcut() == QKeySequence("Ctrl+E")
    assert a.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert a.redo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert [a.go_to[p].shortcut().toString() for p in PageId] == [f"Ctrl+{n}" for n in range(1, 7)]
    shortcuts = [
        k.toString() for action in window.actions.all_actions() for k in action.shortcuts()
    ]
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"


def test_undo_and_redo_cover_edits(window):
    window.files.new_plan()
    window.document.set_value(TITLE, "Typed")
    assert window.actions.undo.isEnabled()
    window.actions.undo.trigger()
    assert window.document.plan.details.title == "" and not window.isWindowModified()
    window.actions.redo.trigger()
    assert window.document.plan.details.title == "Typed" and window.isWindowModified()


def test_help_lists_every_key_in_plain_words(window, answers):
    window.files.new_plan()
    window.document.set_value(TITLE, "Typed")  # the Undo action now names an edit
    window.actions.shortcuts.trigger()
    ((_parent, title, sections),) = answers.messages("show_shortcuts")
    assert title == "Keyboard shortcuts"
    lines = {what: keys for _heading, entries in sections for what, keys in entries}
    assert lines["Save"] == "Ctrl+S"
    assert lines["Export PDF"] == "Ctrl+E"
    assert lines["Export PDF As"] == "Ctrl+Shift+E"
    assert lines["2 Management & Administration"] == "Ctrl+2"
    assert lines["Undo"].startswith("Ctrl+Z") and "Redo" in lines
    assert lines["Search the notes"] == "Ctrl+F"
    assert lines["Go to the step list"] == "F6"
    assert any("step list" in what and "Enter" in keys for what, keys in lines.items())
    assert any(keys == "Insert" for keys in lines.values())  # the table keys
    assert any("Tab" in keys and "cell" in what for what, keys in lines.items())
    assert any(keys.startswith("Alt+↓") for keys in lines.values())  # the date's calendar
    words = " ".join(lines)
    assert "&" not in words.replace(" & ", "")  # no mnemonic markers, no "&&"
    assert "details." not in words and "_" not in words  # no internal names
    assert all("Typed" not in what and "title" not in what for what in lines)


def test_menus_show_an_ampersand_as_itself(window):
    from workbook.gui.actions import plain_text

    item = window.actions.go_to[PageId.MANAGEMENT]
    assert item.text() == "&2 Management && Administration"
    assert plain_text(item.text()) == "2 Management & Administration"


def test_getting_started_explains_the_stages_moving_and_export(window, answers):
    window.actions.getting_started.trigger()
    ((_parent, title, html),) = answers.messages("show_document")
    assert title == "Getting started"
    for words in ("Listening", "7 P's", "Engagement", "Ctrl+1", "Alt+Right", "Ctrl+E", "F1"):
        assert words in html


# ---------------------------------------------------------------- look


def test_larger_text_scales_the_application_font_and_is_remembered(window, qapp, settings):
    base = qapp.font().pointSizeF()
    window.actions.larger_text.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.15)
    window.actions.larger_text.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.30)
    assert settings.text_scale == 130
    window.actions.smaller_text.trigger()
    assert settings.text_scale == 115
    window.actions.normal_text.trigger()
    assert qapp.font().pointSizeF() == pytest.approx(base)
    assert settings.text_scale == 100


def test_step_list_grows_with_the_text(window, qapp):
    narrow = window.step_list.list.minimumWidth()
    window.actions.larger_text.trigger()
    window.actions.larger_text.trigger()
    QApplication.sendPostedEvents()
    assert window.step_list.list.minimumWidth() > narrow


def _luminance(colour: QColor) -> float:
    return colour.lightnessF()


def test_step_list_follows_a_dark_palette(window, qapp, qtbot):
    qapp.setPalette(dark_palette())
    window.show()
    window.files.new_plan()
    dark_window = dark_palette().color(QPalette.ColorRole.Window)
    # The palette reaches existing widgets through posted change events.
    qtbot.waitUntil(
        lambda: window.step_list.list.palette().color(QPalette.ColorRole.Window) == dark_window
    )
    window.go_to_page(PageId.LISTENING)
    image = window.step_list.list.grab().toImage()
    plain = window.step_list.list.visualItemRect(window.step_list.list.item(0))
    current = window.step_list.list.visualItemRect(window.step_list.list.item(2))
    background = image.pixelColor(plain.right() - 3, plain.top() + 3)
    highlight = image.pixelColor(current.right() - 3, current.top() + 3)
    assert _luminance(background) < 0.3
    assert highlight == dark_palette().color(QPalette.ColorRole.Highlight)


# ---------------------------------------------------------------- export


@pytest.fixture
def export_calls(monkeypatch):
    from workbook.gui import export_controller

    calls = {"options": [], "after": []}

    def ask_export_options(self, defaults):
        calls["options"].append(defaults)
        return defaults

    def ask_after_export(self, path, warnings):
        calls["after"].append(path)
        return "close"

    monkeypatch.setattr(
        export_controller.ExportController, "ask_export_options", ask_export_options
    )
    monkeypatch.setattr(export_controller.ExportController, "ask_after_export", ask_after_export)
    return calls


def test_ctrl_e_exports_beside_the_plan_with_the_saved_branding_in_one_step(
    window, answers, settings, export_calls, qtbot, tmp_path, monkeypatch
):
    from workbook.gui import export_controller

    settings.consultant_name = "Sam Consultant"
    settings.consultant_company = "Harbour Advisory"
    settings.accent = "#AA3366"
    plan_path = write_plan(tmp_path / "bakery plan.json", title="Bakery plan")
    window.files.open_path(plan_path)
    started = []
    real_export = export_controller.ExportController.export

    def export(self, plan, target, options, **kw):
        started.append((target, options, kw))
        return real_export(self, plan, target, options, **kw)

    monkeypatch.setattr(export_controller.ExportController, "export", export)
    replace_asked = []
    monkeypatch.setattr(
        export_controller.ExportController,
        "ask_replace",
        lambda self, path: replace_asked.append(path) or True,
    )
    window.actions.export.trigger()
    controller = window.export_controller
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=60000)
    target = tmp_path / "bakery plan.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    # No question on the way: no options, no file name, no "open it?" afterwards.
    assert export_calls == {"options": [], "after": []} and answers.asked == []
    ((where, options, _kw),) = started
    assert where == target
    assert (options.consultant_name, options.consultant_company, options.accent) == (
        "Sam Consultant",
        "Harbour Advisory",
        "#AA3366",
    )
    notice = window.findChild(QWidget, "export_notice")
    assert notice.isVisibleTo(window) and "bakery plan.pdf" in notice.label.text()
    # Again: the one question is whether to replace the PDF that is now there.
    window.actions.export.trigger()
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=60000)
    assert replace_asked == [target]


def test_export_as_asks_for_place_and_options_and_ctrl_e_follows(
    window, answers, settings, export_calls, qtbot, tmp_path
):
    window.files.new_plan()
    settings.consultant_name = "Sam Consultant"
    target = tmp_path / "elsewhere" / "client.pdf"
    target.parent.mkdir()
    answers.set("ask_pdf_path", target)
    window.actions.export_as.trigger()
    qtbot.waitUntil(lambda: not window.export_controller.is_running(), timeout=60000)
    (defaults,) = export_calls["options"]
    assert defaults.consultant_name == "Sam Consultant"
    ((_parent, suggested),) = answers.messages("ask_pdf_path")
    assert suggested.name == "Social media plan.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    assert settings.last_export_folder == target.parent
    # The next Ctrl+E of an unsaved plan goes to the same folder, without asking.
    window.actions.export.trigger()
    qtbot.waitUntil(lambda: not window.export_controller.is_running(), timeout=60000)
    assert (target.parent / "Social media plan.pdf").is_file()


def test_review_page_export_button_exports_at_once(window, answers, settings, tmp_path, qtbot):
    settings.last_export_folder = tmp_path
    window.files.new_plan()
    window.pages[PageId.REVIEW].export_requested.emit()
    qtbot.waitUntil(lambda: not window.export_controller.is_running(), timeout=60000)
    assert (tmp_path / "Social media plan.pdf").is_file()
    assert answers.asked == []


def test_pages_are_built_when_first_shown_and_kept(window):
    window.files.new_plan()
    assert set(window.pages) == set(PageId)  # every page can be reached
    assert list(window.pages.built()) == [PageId.DETAILS]  # only the one on screen is built
    assert window.page_stack.count() == 1
    window.go_to_page(PageId.LISTENING)
    listening = window.pages[PageId.LISTENING]
    assert window.page_stack.currentWidget() is listening
    assert list(window.pages.built()) == [PageId.DETAILS, PageId.LISTENING]
    window.close_plan()
    window.files.new_plan()  # a second plan reuses the same pages
    assert window.pages[PageId.LISTENING] is listening
    assert window.page_stack.count() == 2
    assert window.pages[PageId.DETAILS].findChild(QWidget, "details.title") is not None
    for page_id in PageId:  # each page, built late, shows the plan of the moment
        window.go_to_page(page_id)
        assert window.page_stack.currentWidget() is window.pages[page_id]
    assert window.page_stack.count() == len(PageId)
    with pytest.raises(KeyError):
        window.pages[99]


def test_a_page_built_after_edits_shows_them(window, qtbot):
    window.files.new_plan()
    assert PageId.ENGAGEMENT not in window.pages.built()
    window.document.set_value(("engagement", "cost", "time"), "Two hours a week")
    window.go_to_page(PageId.ENGAGEMENT)
    field = window.pages[PageId.ENGAGEMENT].findChild(QWidget, "engagement.cost.time")
    shown = field.text() if hasattr(field, "text") else field.toPlainText()
    assert shown == "Two hours a week"


def test_quitting_during_a_2000_note_export_asks_and_exits_cleanly(
    window, answers, export_calls, qtbot, tmp_path, monkeypatch
):
    """Closing the window mid-export asks; "keep exporting" keeps both, "stop" ends the
    child process and lets the window close without a Qt abort."""
    from tests.export.plans import hostile_plan
    from workbook.gui import export_controller
    from workbook.session import PlanSession

    stop_answers = [False, True]
    asked = []

    def ask_stop(self, parent):
        asked.append(parent)
        return stop_answers.pop(0)

    monkeypatch.setattr(export_controller.ExportController, "ask_stop_export", ask_stop)
    window.show()
    window.files.install(PlanSession(hostile_plan(notes=2000, big=False)))
    window.document.undo_stack.setClean()
    target = tmp_path / "big.pdf"
    answers.set("ask_pdf_path", target)
    window.actions.export_as.trigger()
    controller = window._export_controller
    qtbot.waitUntil(lambda: controller._process is not None, timeout=10000)
    child = controller._process.processId()
    # The "before an export" snapshot is plan data: the plan is modified until saved.
    assert window.document.is_modified
    window.document.undo_stack.setClean()

    assert not window.close()  # "Keep exporting"
    assert window.isVisible() and controller.is_running()
    assert window.close()  # "Stop and quit"
    assert len(asked) == 2 and not controller.is_running()
    assert not window.isVisible()
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)
    assert not target.exists()
