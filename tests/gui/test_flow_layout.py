"""The wrapping row: its items wrap instead of widening the page; a long lead wraps too."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from workbook.gui.widgets.flow_layout import FlowLabel, flow_row

pytestmark = pytest.mark.gui


def _row(qtbot, texts: list[str], lead: str = "") -> tuple[QWidget, list[QWidget]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = flow_row(holder, spacing=10)
    items: list[QWidget] = []
    if lead:
        items.append(FlowLabel(lead, holder))
        layout.addWidget(items[-1])
    for text in texts:
        items.append(QPushButton(text, holder))
        layout.addWidget(items[-1])
    return holder, items


def test_items_share_a_row_when_there_is_room_and_wrap_when_there_is_not(qtbot):
    holder, buttons = _row(qtbot, ["community (13 notes)", "bread quality", "cakes"])
    one_row = sum(b.sizeHint().width() for b in buttons) + 20
    holder.resize(one_row + 40, holder.heightForWidth(one_row + 40))
    holder.show()
    qtbot.waitExposed(holder)
    assert len({b.y() for b in buttons}) == 1
    narrow = max(b.sizeHint().width() for b in buttons) + 5
    assert holder.heightForWidth(narrow) > holder.heightForWidth(one_row + 40)
    holder.resize(narrow, holder.heightForWidth(narrow))
    qtbot.wait(20)
    assert len({b.y() for b in buttons}) == 3
    assert all(b.geometry().right() < narrow + 1 for b in buttons)


def test_the_row_asks_only_for_its_widest_item_not_the_sum(qtbot):
    holder, buttons = _row(qtbot, [f"theme number {n} (4 notes)" for n in range(6)])
    widest = max(b.minimumSizeHint().width() for b in buttons)
    assert holder.minimumSizeHint().width() <= widest
    assert holder.sizeHint().width() > 3 * widest  # side by side where there is room


def test_a_lead_longer_than_the_row_wraps_inside_it(qtbot):
    lead = "From your listening, add a draft playbook entry about these themes:"
    holder, items = _row(qtbot, ["community"], lead=lead)
    label = items[0]
    assert label.sizeHint().height() == label.heightForWidth(label.sizeHint().width())
    narrow = label.sizeHint().width() // 2
    holder.resize(narrow, holder.heightForWidth(narrow))
    holder.show()
    qtbot.waitExposed(holder)
    assert label.width() <= narrow
    assert label.height() > label.fontMetrics().height() * 1.5  # two lines or more
    assert items[1].y() >= label.geometry().bottom()


def test_insert_widget_puts_the_item_where_asked(qtbot):
    holder, buttons = _row(qtbot, ["a", "c"])
    middle = QPushButton("b", holder)
    holder.layout().insertWidget(1, middle)
    order = [holder.layout().itemAt(i).widget() for i in range(holder.layout().count())]
    assert order == [buttons[0], middle, buttons[1]]
