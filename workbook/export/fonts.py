"""Fonts for the PDF: the bundled DejaVu Sans and Noto Emoji, system fonts found for scripts
they lack (CJK and others, through fontconfig), and per-character fallback for user text.

A character no font has is left out of the PDF, and one warning names it and the font to
install; nothing is printed in its place."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from workbook.export.rl_private import fix_to_unicode_maps
from workbook.resources import resource_path

REGULAR = "WorkbookSans"
BOLD = "WorkbookSans-Bold"
EMOJI = "WorkbookEmoji"
CJK_PREFIX = "WorkbookCJK"
SYSTEM_PREFIX = "WorkbookSystem"
CJK_FONT_ADVICE = (
    "a TrueType font with Chinese, Japanese and Korean, such as WenQuanYi Zen Hei "
    "(on Debian and Ubuntu: the package fonts-wqy-zenhei)"
)

# Characters that steer rendering but draw nothing: skipping them when no font has
# them loses nothing the reader could see.
_SILENT_CATEGORIES = {"Cf", "Mn", "Me"}
_SILENT_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x1F3FB, 0x1F3FF))


@dataclass(frozen=True)
class FallbackFont:
    name: str
    path: Path
    subfont: int = 0


def _bundled(file_name: str) -> Path:
    return resource_path("fonts", file_name)


def _cjk_candidates() -> list[tuple[Path, int]]:
    """Places where common computers keep a TrueType font with Chinese, Japanese and Korean."""
    paths: list[tuple[Path, int]] = []
    if sys.platform.startswith("win"):
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        for name in (
            "msyh.ttc",
            "simsun.ttc",
            "YuGothM.ttc",
            "msgothic.ttc",
            "malgun.ttf",
            "simhei.ttf",
        ):
            paths.append((fonts / name, 0))
    elif sys.platform == "darwin":
        for name in (
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
            "/System/Library/Fonts/STHeiti Medium.ttc",
            "/System/Library/Fonts/PingFang.ttc",
            "/System/Library/Fonts/Hiragino Sans GB.ttc",
        ):
            paths.append((Path(name), 0))
    else:
        for name in (
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/arphic/ukai.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
        ):
            paths.append((Path(name), 0))
        paths.extend((p, 0) for p in _fontconfig_cjk())
    return paths


def _fontconfig_cjk() -> list[Path]:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        path = line.split(":", 1)[0].strip()
        if path.lower().endswith((".ttf", ".ttc")):
            found.append(Path(path))
    return sorted(found)


class _Font(TTFont):
    """A TrueType font whose ToUnicode maps also name characters beyond the Basic
    Multilingual Plane correctly (emoji DejaVu Sans has, such as 😀), so they can be
    searched and copied from the PDF. Only our fonts are affected; nothing is patched."""

    def addObjects(self, doc) -> None:  # noqa: N802 - reportlab's name
        super().addObjects(doc)
        fix_to_unicode_maps(doc)


def _register(name: str, path: Path, subfont: int = 0) -> bool:
    if name in pdfmetrics.getRegisteredFontNames():
        return True
    try:
        font = _Font(name, str(path), subfontIndex=subfont)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        # CFF-outline fonts (Noto CJK .ttc) and broken files cannot be embedded.
        return False
    pdfmetrics.registerFont(font)
    return True


@cache
def register_bundled_fonts() -> None:
    """Register DejaVu Sans regular and bold (once per process) as a font family."""
    from reportlab.lib.fonts import addMapping

    _register(REGULAR, _bundled("DejaVuSans.ttf"))
    _register(BOLD, _bundled("DejaVuSans-Bold.ttf"))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)


@cache
def emoji_font() -> str | None:
    """The bundled monochrome Noto Emoji, registered on first use (it takes a tenth of a
    second to read, and most plans have no emoji)."""
    return EMOJI if _register(EMOJI, _bundled("NotoEmoji-Regular.ttf")) else None


@cache
def system_font_for(code: int) -> str | None:
    """A TrueType font installed on this computer that has the character ``code``, found
    through fontconfig (Linux and most Unix desktops); None elsewhere or when none has it."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        out = subprocess.run(
            [fc_list, f":charset={code:x}", "file"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in sorted(out.splitlines()):
        path = Path(line.split(":", 1)[0].strip())
        if path.suffix.lower() not in (".ttf", ".ttc"):
            continue
        name = f"{SYSTEM_PREFIX}-{path.stem}"
        if _register(name, path) and code in _cmap(name):
            return name
    return None


@cache
def cjk_font() -> str | None:
    """Name of a registered system font with CJK characters, or None if the computer has none."""
    for index, (path, subfont) in enumerate(_cjk_candidates()):
        if not path.is_file():
            continue
        name = f"{CJK_PREFIX}{index}"
        if _register(name, path, subfont) and _covers(name, "中文字日本語한국"):
            return name
    return None


@cache
def _cmap(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


@cache
def _charset(font_name: str) -> frozenset[str]:
    """The characters ``font_name`` has, plus newline (which runs keep as it is), less the
    pictographs (drawn from the emoji font whenever it has them)."""
    return frozenset(chr(code) for code in _cmap(font_name) if code < 0x1F000) | {"\n"}


def is_cjk_font(font_name: str) -> bool:
    """Whether ``font_name`` is the system font found for Chinese, Japanese and Korean."""
    return font_name.startswith(CJK_PREFIX)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese, Japanese or Korean character."""
    return any(_is_cjk(char) for char in text)


def _covers(font_name: str, text: str) -> bool:
    cmap = _cmap(font_name)
    return all(ord(c) in cmap for c in text)


def _is_silent(char: str) -> bool:
    code = ord(char)
    if unicodedata.category(char) in _SILENT_CATEGORIES:
        return True
    return any(low <= code <= high for low, high in _SILENT_RANGES)


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return (
        0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or unicodedata.category(char) == "So"
    )


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


class FontChooser:
    """Chooses, per character, the first font that has it; remembers what no font has.

    One chooser per export, so the warnings of one export do not leak into the next.
    """

    def __init__(self) -> None:
        register_bundled_fonts()
        self._choice: dict[str, str | None] = {}
        self._extra: list[str] = []
        """Fonts beyond DejaVu that this export has needed, tried first for the next
        character DejaVu lacks (the rest of a script is usually in the same font)."""
        self.missing: Counter[str] = Counter()

    def font_for(self, char: str, base: str) -> str | None:
        """The font to draw ``char`` with when the text's font is ``base``; None: no font has it."""
        key = char + base
        try:
            return self._choice[key]
        except KeyError:
            pass
        code = ord(char)
        choice: str | None = None
        if code >= 0x1F000 and (emoji := emoji_font()) is not None and code in _cmap(emoji):
            # Pictographs in one design: DejaVu has a few faces, Noto Emoji all of them.
            choice = emoji
        elif code in _cmap(base):
            choice = base
        elif code in _cmap(REGULAR):
            choice = REGULAR
        else:
            # Only load a font when the plan needs it: each takes a moment to read.
            for found in self._extra:
                if code in _cmap(found):
                    choice = found
                    break
            else:
                for finder in (emoji_font, cjk_font) if _is_emoji(char) else (cjk_font,):
                    found = finder()
                    if found is not None and code in _cmap(found):
                        choice = found
                        break
                else:
                    choice = system_font_for(code) if not _is_silent(char) else None
                if choice is not None and choice not in self._extra:
                    self._extra.append(choice)
        self._choice[key] = choice
        return choice

    def runs(self, text: str, base: str) -> list[tuple[str, str]]:
        """``text`` as (font, text) runs; characters no font has are left out (and counted,
        for :meth:`warnings`)."""
        if _charset(base).issuperset(text):
            # Nearly all text is in the base font: one check of the whole string instead
            # of a look-up per character.
            return [(base, text)] if text else []
        out: list[tuple[str, str]] = []
        current_font = base
        current: list[str] = []
        for char in text:
            if char == "\n":
                current.append(char)
                continue
            font = self.font_for(char, base)
            if font is None:
                if not _is_silent(char):
                    self.missing[char] += 1
                continue
            if font != current_font and current:
                out.append((current_font, "".join(current)))
                current = []
            current_font = font
            current.append(char)
        if current:
            out.append((current_font, "".join(current)))
        return out

    def markup(self, text: str, base: str = REGULAR) -> str:
        """Paragraph markup that prints ``text`` literally: escaped, newlines kept,
        other fonts only where the base font lacks a character."""
        parts: list[str] = []
        for font, run in self.runs(text, base):
            escaped = escape(run).replace("\n", "<br/>")
            parts.append(escaped if font == base else f'<font name="{font}">{escaped}</font>')
        return "".join(parts)

    def measure(self, text: str, base: str, size: float) -> float:
        """Printed width of ``text`` in points, with the same fallback the markup uses."""
        return sum(
            pdfmetrics.stringWidth(run, font, size) for font, run in self._measure_runs(text, base)
        )

    def _measure_runs(self, text: str, base: str) -> list[tuple[str, str]]:
        # Measuring must not count characters as missing twice.
        saved = self.missing.copy()
        try:
            return self.runs(text, base)
        finally:
            self.missing = saved

    def warnings(self) -> list[str]:
        """One warning for every character left out, naming the font to install."""
        if not self.missing:
            return []
        total = sum(self.missing.values())
        listed = ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(self.missing)[:20])
        more = "" if len(self.missing) <= 20 else f" and {len(self.missing) - 20} more"
        noun = "character" if total == 1 else "characters"
        verb = "was" if total == 1 else "were"
        return [
            f"{total} {noun} could not be printed and {verb} left out of the PDF: "
            f"{listed}{more}. No font on this computer has them: install "
            f"{font_advice(self.missing)}, then export again."
        ]

    def single_font(self, text: str, base: str = REGULAR) -> tuple[str, str]:
        """``text`` and one font to draw all of it with, for places that cannot switch fonts
        mid-string (chart labels): the base font, or the one other font the text needs;
        characters that font lacks are left out.

        Not counted as missing: chart labels repeat text printed in full elsewhere."""
        runs = self._measure_runs(text, base)
        fonts = {font for font, _ in runs} - {base}
        if len(fonts) == 1:
            other = fonts.pop()
            if all(ord(c) in _cmap(other) for _, run in runs for c in run if c != "\n"):
                return "".join(run for _, run in runs), other
        return "".join(run for font, run in runs if font == base), base


def font_advice(missing: Counter[str] | dict[str, int]) -> str:
    """The font to install for ``missing`` characters, in words: the scripts they are in."""
    if any(_is_cjk(c) for c in missing):
        advice = [CJK_FONT_ADVICE]
    else:
        advice = []
    scripts = []
    for char in missing:
        if _is_cjk(char):
            continue
        if _is_emoji(char):
            name = "Noto Emoji (a newer release than the one the app carries)"
        else:
            word = unicodedata.name(char, "").split(" ")[0]
            name = f"Noto Sans {word.capitalize()}" if word.isalpha() else ""
        if name and name not in scripts:
            scripts.append(name)
    if scripts:
        advice.append("a TrueType font that has them, such as " + " or ".join(scripts[:3]))
    return "; or ".join(advice) or "a TrueType font that has them"
