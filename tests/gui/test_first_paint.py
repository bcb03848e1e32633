"""Work deferred until a window is on screen runs once, after it is shown, and not before."""

import pytest
from PySide6.QtWidgets import QWidget

from workbook.gui.first_paint import after_first_paint

pytestmark = pytest.mark.gui


def test_work_waits_for_the_window_to_be_on_screen_then_runs_once(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[bool] = []
    after_first_paint(window, lambda: calls.append(window.windowHandle().isExposed()))
    qtbot.wait(50)  # several polls while the window is hidden: nothing runs yet
    assert calls == []
    window.show()
    qtbot.waitUntil(lambda: calls == [True])
    qtbot.wait(50)
    assert calls == [True]
