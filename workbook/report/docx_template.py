"""python-docx's default template in the consultant's colours: the theme's first accent and
the styles that use it are recoloured, so the built-in styles (Light Grid Accent 1, the
headings) carry the brand and stay the built-in styles a consultant can restyle."""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from importlib import resources

from workbook.report.colour import accent_colours

_DEFAULT_ACCENT1 = "4F81BD"
# An element coloured from the theme's accent 1: its literal colour (which LibreOffice
# and older readers use) must follow, with Word's tint or shade applied.
_THEMED = re.compile(
    r"<w:(?P<tag>color|shd|top|left|bottom|right|insideH|insideV)\b[^>]*?"
    r'w:theme(?:Color|Fill)="accent1"[^>]*?/>'
)
_ATTR = re.compile(r'w:(?P<name>color|fill)="(?P<value>[0-9A-Fa-f]{6})"')


def _apply(hex_colour: str, tint: str | None, shade: str | None) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    if shade:
        f = int(shade, 16) / 255
        r, g, b = (c * f for c in (r, g, b))
    if tint:
        f = int(tint, 16) / 255
        r, g, b = (255 - (255 - c) * f for c in (r, g, b))
    return "".join(f"{max(0, min(255, round(c))):02X}" for c in (r, g, b))


def _recolour_styles(xml: str, accent: str) -> str:
    def element(match: re.Match[str]) -> str:
        text = match.group(0)
        tint = re.search(r'w:theme(?:Fill)?Tint="([0-9A-Fa-f]{2})"', text)
        shade = re.search(r'w:theme(?:Fill)?Shade="([0-9A-Fa-f]{2})"', text)
        colour = _apply(accent, tint.group(1) if tint else None, shade.group(1) if shade else None)
        return _ATTR.sub(lambda m: f'w:{m.group("name")}="{colour}"', text)

    return _THEMED.sub(element, xml)


def default_template_bytes() -> bytes:
    return (resources.files("docx") / "templates" / "default.docx").read_bytes()


@cache
def branded_template(accent: str) -> bytes:
    """The default template with accent 1 set to ``accent`` (darkened, if it is too light,
    until lines and borders in it show on white)."""
    colour = accent_colours(accent).graphic.lstrip("#").upper()
    source = zipfile.ZipFile(io.BytesIO(default_template_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/theme/theme1.xml":
                text = data.decode("utf-8")
                text = re.sub(
                    r"(<a:accent1>\s*<a:srgbClr val=\")" + _DEFAULT_ACCENT1,
                    lambda m: m.group(1) + colour,
                    text,
                )
                data = text.encode("utf-8")
            elif item.filename in ("word/styles.xml", "word/stylesWithEffects.xml"):
                data = _recolour_styles(data.decode("utf-8"), colour).encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()
