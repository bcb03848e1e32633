"""The app's own icon set: every icon exists, is a real SVG that draws something at the sizes
used, and the window's commands carry them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from workbook.gui.icons import ICON_NAMES, icon
from workbook.resources import resource_path


def _painted_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    )


@pytest.mark.parametrize("name", ICON_NAMES)
@pytest.mark.parametrize("size", [16, 32])
def test_each_icon_draws_at_the_sizes_used(qapp, name: str, size: int) -> None:
    assert resource_path("icon", "ui", f"{name}.svg").is_file()
    image = icon(name).pixmap(size, size).toImage()
    assert (image.width(), image.height()) == (size, size)
    # Something substantial is drawn, and it is not a filled square.
    assert size * size // 8 < _painted_pixels(image) < size * size


def test_the_folder_holds_exactly_the_named_icons() -> None:
    files = {p.stem for p in resource_path("icon", "ui").glob("*.svg")}
    assert files == set(ICON_NAMES)


def test_unknown_icon_is_an_error() -> None:
    with pytest.raises(KeyError, match="spinner"):
        icon("spinner")


def test_window_commands_and_start_page_carry_the_icons(qtbot) -> None:
    from workbook.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    actions = window.actions
    for action in (
        actions.new,
        actions.open,
        actions.save,
        actions.export,
        actions.start_page,
        actions.next_step,
        actions.previous_step,
    ):
        assert not action.icon().isNull(), action.text()
    for button in (
        window.start_page.new_button,
        window.start_page.open_button,
        window.start_page.copy_button,
    ):
        assert not button.icon().isNull(), button.text()
