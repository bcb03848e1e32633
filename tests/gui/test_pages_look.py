"""The pages follow the palette (light or dark) and the application font (larger text)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from workbook.examples import load_example
from workbook.gui.document import PlanDocument
from workbook.gui.pages import PageId, create_pages
from workbook.gui.widgets.guide import FieldBlock
from workbook.gui.widgets.layout import LinkButton

pytestmark = pytest.mark.gui


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#333333",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#3a3a3a",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Link: "#7fb2ff",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def pages(qtbot):
    built = create_pages(PlanDocument(load_example("bakery")))
    for page in built.values():
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()  # Qt hands palette and font changes to hidden widgets only once shown
        qtbot.waitExposed(page)
    return built


def all_widgets(pages):
    for page in pages.values():
        yield page
        yield from page.findChildren(QWidget)


def test_no_hard_coded_colours_or_pixel_fonts(pages):
    for widget in all_widgets(pages):
        assert widget.styleSheet() == "", widget.objectName()
        assert widget.font().pixelSize() == -1, widget.objectName()
        if isinstance(widget, QLabel) and "font-size" in widget.text():
            size = widget.text().split("font-size:")[1].split(";")[0]
            assert size.strip() in ("medium", "large", "x-large"), widget.text()


def test_help_text_and_links_follow_a_dark_palette(qapp, qtbot, pages):
    qapp.setPalette(dark_palette())
    window = pages[PageId.REVIEW]
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window) == QColor("#2b2b2b"))
    blocks = [b for page in pages.values() for b in page.findChildren(FieldBlock)]
    helps = [b.help_label for b in blocks if b.help_label is not None]
    assert helps and all(
        label.foregroundRole() == QPalette.ColorRole.PlaceholderText for label in helps
    )
    assert helps[0].palette().color(QPalette.ColorRole.PlaceholderText) == QColor("#9a9a9a")
    links = [b for page in pages.values() for b in page.findChildren(LinkButton)]
    assert links
    for link in links:
        assert link.palette().color(QPalette.ColorRole.ButtonText) == QColor("#7fb2ff")
    for page in pages.values():
        assert page.palette().color(QPalette.ColorRole.Window) == QColor("#2b2b2b")


def test_larger_text_reaches_every_label_and_table(qapp, qtbot, pages):
    page = pages[PageId.MANAGEMENT]
    table = page.tables[("management", "presence")]
    row_height = table.view.verticalHeader().defaultSectionSize()
    base = QFont(qapp.font())
    bigger = QFont(base)
    bigger.setPointSizeF(base.pointSizeF() * 1.5)
    qapp.setFont(bigger)
    block = pages[PageId.DETAILS].findChildren(FieldBlock)[0]
    qtbot.waitUntil(lambda: block.editor.font().pointSizeF() == bigger.pointSizeF())
    assert block.prompt_label.font().pointSizeF() == pytest.approx(bigger.pointSizeF())
    assert block.prompt_label.font().bold()
    assert block.editor.font().pointSizeF() == pytest.approx(bigger.pointSizeF())
    assert table.view.verticalHeader().defaultSectionSize() > row_height


def test_pages_render_in_light_dark_and_large_text(qapp, qtbot, pages):
    """Every page draws without errors in each look (the screenshots a person checks)."""
    for look in ("light", "dark", "large"):
        if look == "dark":
            qapp.setPalette(dark_palette())
        if look == "large":
            font = QFont(qapp.font())
            font.setPointSizeF(font.pointSizeF() * 1.5)
            qapp.setFont(font)
        for page in pages.values():
            image = page.grab().toImage()
            assert not image.isNull() and image.width() == 1100
    QApplication.processEvents()
