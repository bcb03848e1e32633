"""Look of the app: text size for projectors, palette helpers (light and dark), and icons."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette

from workbook.gui.settings import TEXT_SCALES
from workbook.resources import resource_path

_BASE_FONT_PROPERTY = "workbook_base_font"


def base_font(app: QGuiApplication) -> QFont:
    """The application font before any scaling (remembered the first time it is scaled)."""
    stored = app.property(_BASE_FONT_PROPERTY)
    if isinstance(stored, QFont):
        return QFont(stored)
    font = QFont(app.font())
    app.setProperty(_BASE_FONT_PROPERTY, font)
    return QFont(font)


def apply_text_scale(app: QGuiApplication, percent: int) -> None:
    """Scale the application font; widgets that use the application font reflow with it."""
    font = base_font(app)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * percent / 100)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * percent / 100)))
    app.setFont(font)


def current_text_scale(app: QGuiApplication) -> int:
    base = base_font(app)
    now = app.font()
    if base.pointSizeF() > 0 and now.pointSizeF() > 0:
        ratio = now.pointSizeF() / base.pointSizeF()
    elif base.pixelSize() > 0 and now.pixelSize() > 0:
        ratio = now.pixelSize() / base.pixelSize()
    else:
        return 100
    return min(TEXT_SCALES, key=lambda s: abs(s - ratio * 100))


def next_text_scale(current: int, step: int) -> int:
    """The next size up (step=+1) or down (step=-1) from ``current``."""
    index = TEXT_SCALES.index(current) if current in TEXT_SCALES else 0
    return TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, index + step))]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` blended towards ``b`` by ``amount`` (0..1), to derive tints from the palette."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


def muted_text(palette: QPalette) -> QColor:
    """Secondary text: between the text and the background, readable in light and dark."""
    return mix(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window), 0.4
    )


def dark_palette() -> QPalette:
    """A dark palette like the ones desktop environments hand out (used to test dark mode)."""
    p = QPalette()
    window, base, text = QColor("#2b2d30"), QColor("#1e1f22"), QColor("#e6e6e6")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282b"),
        QPalette.ColorRole.ToolTipBase: QColor("#3c3f41"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8c8c8c"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#3c3f41"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Highlight: QColor("#3574f0"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#6ea8ff"),
        QPalette.ColorRole.LinkVisited: QColor("#b48cff"),
        QPalette.ColorRole.Light: QColor("#4a4d50"),
        QPalette.ColorRole.Midlight: QColor("#3e4144"),
        QPalette.ColorRole.Mid: QColor("#323437"),
        QPalette.ColorRole.Dark: QColor("#191a1c"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    disabled = QColor("#7a7a7a")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def app_icon() -> QIcon:
    """The app icon: the SVG source (crisp at any scale), or the PNGs when the SVG icon
    engine is not available (e.g. a trimmed bundle)."""
    icon = QIcon()
    svg = resource_path("icon", "workbook.svg")
    if svg.is_file():
        icon.addFile(str(svg))
    if icon.isNull():
        # Only as the fallback: PNGs added to an SVG icon are decoded at once (8 ms of the
        # start-up on a slow machine) and only drawn when asked for at their exact size.
        for path in (
            resource_path("icon", "workbook.png"),
            resource_path("icon", "workbook-256.png"),
        ):
            if path.is_file():
                icon.addFile(str(path))
    return icon


_system_look: tuple[str, QPalette] | None = None
"""The style and palette the app started with (what "follow the system" puts back)."""


def light_palette() -> QPalette:
    """The Fusion style's own light palette (the same on every desktop)."""
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


def apply_theme(app: QGuiApplication, theme: str) -> None:
    """Follow the desktop's colours ("system"), or always "light" or "dark"; applied at
    once to every open window. Light and dark use the Fusion style, which follows the
    palette on every platform; "system" puts back the style and palette the app had."""
    from PySide6.QtWidgets import QApplication

    global _system_look
    if not isinstance(app, QApplication):
        return
    if _system_look is None:
        if theme == "system":
            return  # nothing changed yet: the desktop's look is on
        _system_look = (app.style().name(), QPalette(app.palette()))
    style_name, system_palette = _system_look
    if theme == "system":
        if app.style().name().lower() != str(style_name).lower():
            app.setStyle(style_name)
        app.setPalette(system_palette)
        _set_colour_scheme(app, None)
        return
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else light_palette())
    _set_colour_scheme(app, theme)


def _set_colour_scheme(app: QGuiApplication, theme: str | None) -> None:
    """Tell the platform too (window title bars on Windows and macOS), where Qt can."""
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    setter = getattr(hints, "setColorScheme", None)  # Qt 6.8 and later
    if setter is None:
        return
    scheme = {
        "dark": Qt.ColorScheme.Dark,
        "light": Qt.ColorScheme.Light,
    }.get(theme or "", Qt.ColorScheme.Unknown)
    setter(scheme)
