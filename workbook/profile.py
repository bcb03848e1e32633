"""The consultant's saved profile and export choices, read from the app's preferences file
without Qt (for ``workbook export`` on the command line).

The window keeps its preferences in an INI file written by Qt's ``QSettings``
(:mod:`workbook.gui.settings`); the key names live here so both sides agree. Qt quotes a
value holding a comma or a leading space and escapes quotes, backslashes and control
characters; :func:`ini_value` undoes that. A missing, unreadable or hand-mangled file
reads as "no profile", never as an error.
"""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass
from pathlib import Path

from workbook.appdirs import config_dir
from workbook.branding import DEFAULT_ACCENT, parse_accent

SETTINGS_FILE_NAME = "settings.ini"

NAME_KEY = "profile/name"
COMPANY_KEY = "profile/company"
LOGO_KEY = "profile/logo"
ACCENT_KEY = "profile/accent"
PAGE_SIZE_KEY = "export/page_size"
PROMPTS_KEY = "export/include_prompts"

PAGE_SIZES = ("A4", "Letter")


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


@dataclass(frozen=True, slots=True)
class SavedProfile:
    """What the Preferences dialog and the last export stored."""

    name: str = ""
    company: str = ""
    logo: Path | None = None
    """The prepared copy of the logo, only when the file is still there."""
    accent: str = DEFAULT_ACCENT
    page_size: str = "A4"
    include_prompts: bool = True

    def prepared_by(self) -> str:
        """ "Name, Company", or whichever of the two is known."""
        return ", ".join(part for part in (self.name, self.company) if part)


_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "'": "'",
    '"': '"',
    "?": "?",
    "\\": "\\",
}
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{1,4}|[0-7]{1,3}|.)", re.DOTALL)


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] == "x" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code[0] in "01234567":
            return chr(int(code, 8))
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(one, text)


def ini_value(raw: str) -> str:
    """One value of a QSettings INI file as the text Qt stored: quotes and escapes
    undone, and "@@" (Qt's escape for a leading "@") read as "@"."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|([^"]+)', raw.strip(), re.DOTALL)
    text = "".join(_unescape(plain.strip() if plain else quoted) for quoted, plain in parts)
    return "@" + text[2:] if text.startswith("@@") else text


def read_settings(path: Path | None = None) -> dict[str, str]:
    """Every ``section/key`` of the preferences file with its text; empty when the file
    is missing or cannot be read."""
    parser = configparser.ConfigParser(
        interpolation=None, strict=False, comment_prefixes=(";", "#"), delimiters=("=",)
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign] - keys keep their case
    try:
        with open(path or settings_path(), encoding="utf-8", errors="replace") as stream:
            parser.read_file(stream)
    except (OSError, configparser.Error, UnicodeError):
        return {}
    values: dict[str, str] = {}
    for section in parser.sections():
        for key, raw in parser.items(section, raw=True):
            name = key if section == "General" else f"{section}/{key}"
            values[name] = ini_value(raw)
    return values


def read_profile(path: Path | None = None) -> SavedProfile:
    """The saved profile; each missing or unusable value reads as its default."""
    values = read_settings(path)
    logo_text = values.get(LOGO_KEY, "").strip()
    logo = Path(logo_text) if logo_text else None
    try:
        if logo is not None and not logo.is_file():
            logo = None
    except OSError:
        logo = None
    page_size = values.get(PAGE_SIZE_KEY, "A4")
    return SavedProfile(
        name=values.get(NAME_KEY, "").strip(),
        company=values.get(COMPANY_KEY, "").strip(),
        logo=logo,
        accent=parse_accent(values.get(ACCENT_KEY, "")) or DEFAULT_ACCENT,
        page_size=page_size if page_size in PAGE_SIZES else "A4",
        include_prompts=values.get(PROMPTS_KEY, "true").strip().lower()
        not in ("false", "0", "no", "off"),
    )
