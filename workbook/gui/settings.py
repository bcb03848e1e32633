"""Typed access to the app's preferences and remembered state (recent plans, window layout)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings, QStandardPaths

from workbook.appdirs import data_dir
from workbook.branding import DEFAULT_ACCENT, parse_accent
from workbook.profile import (
    ACCENT_KEY,
    COMPANY_KEY,
    LOGO_KEY,
    NAME_KEY,
    PAGE_SIZE_KEY,
    PAGE_SIZES,
    PROMPTS_KEY,
    SavedProfile,
    settings_path,
)
from workbook.spelling import LANGUAGES as SPELLING_LANGUAGES

DEFAULT_AUTOSAVE_SECONDS = 5
AUTOSAVE_RANGE = (1, 600)
TEXT_SCALES = (100, 115, 130, 150, 175, 200)
"""Text sizes offered, in percent of the system font (larger ones are for projectors)."""
MAX_RECENT = 12
THEMES = ("system", "light", "dark")
"""Follow the desktop's colours, or always light, or always dark."""
MAX_PLACES = 50
"""Plans whose page and tab are remembered (the most recent ones)."""


def settings_file() -> Path:
    return settings_path()


def branding_dir() -> Path:
    """Where the consultant's logo copy lives."""
    return data_dir() / "branding"


@dataclass(frozen=True, slots=True)
class RecentPlan:
    """A plan the user opened or saved, remembered with what the start page shows."""

    path: Path
    title: str = ""
    organisation: str = ""

    def is_available(self) -> bool:
        """Whether the file is there to open: False, not an error, for a name too long for
        the system or a folder that can no longer be read."""
        try:
            return self.path.is_file()
        except OSError:
            return False


class Settings:
    """The preferences file (an INI file in the app's config folder).

    Every value is read with a default and checked, so a hand-edited or damaged
    file never breaks the app: a bad value simply reads as its default.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_file()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # ------------------------------------------------------------ low level

    def _str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int, low: int, high: int) -> int:
        try:
            value = int(self._qs.value(key, default))
        except (TypeError, ValueError):
            return default
        return value if low <= value <= high else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self._qs.value(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes", "on")
        return default

    def _set(self, key: str, value: object) -> None:
        self._qs.setValue(key, value)

    # ------------------------------------------------------------ consultant profile

    @property
    def consultant_name(self) -> str:
        return self._str(NAME_KEY)

    @consultant_name.setter
    def consultant_name(self, value: str) -> None:
        self._set(NAME_KEY, value.strip())

    @property
    def consultant_company(self) -> str:
        return self._str(COMPANY_KEY)

    @consultant_company.setter
    def consultant_company(self, value: str) -> None:
        self._set(COMPANY_KEY, value.strip())

    @property
    def logo_path(self) -> Path | None:
        """The prepared copy of the logo, if one was chosen and it still exists."""
        text = self._str(LOGO_KEY)
        if not text:
            return None
        path = Path(text)
        return path if path.is_file() else None

    @logo_path.setter
    def logo_path(self, value: Path | None) -> None:
        self._set(LOGO_KEY, str(value) if value else "")

    @property
    def accent(self) -> str:
        return parse_accent(self._str(ACCENT_KEY, DEFAULT_ACCENT)) or DEFAULT_ACCENT

    @accent.setter
    def accent(self, value: str) -> None:
        colour = parse_accent(value)
        if colour is None:
            raise ValueError(f"{value!r} is not a colour like {DEFAULT_ACCENT}")
        self._set(ACCENT_KEY, colour)

    def profile(self) -> SavedProfile:
        """The consultant's branding and the export choices, as the command line reads them."""
        return SavedProfile(
            self.consultant_name,
            self.consultant_company,
            self.logo_path,
            self.accent,
            self.export_page_size,
            self.export_include_prompts,
        )

    # ------------------------------------------------------------ export

    @property
    def export_page_size(self) -> str:
        value = self._str(PAGE_SIZE_KEY, "A4")
        return value if value in PAGE_SIZES else "A4"

    @export_page_size.setter
    def export_page_size(self, value: str) -> None:
        self._set(PAGE_SIZE_KEY, value if value in PAGE_SIZES else "A4")

    @property
    def export_include_prompts(self) -> bool:
        return self._bool(PROMPTS_KEY, True)

    @export_include_prompts.setter
    def export_include_prompts(self, value: bool) -> None:
        self._set(PROMPTS_KEY, bool(value))

    @property
    def last_export_folder(self) -> Path | None:
        """Where the last PDF went, if that folder is still there."""
        text = self._str("export/last_folder")
        return Path(text) if text and Path(text).is_dir() else None

    @last_export_folder.setter
    def last_export_folder(self, value: Path | None) -> None:
        self._set("export/last_folder", str(value) if value else "")

    # ------------------------------------------------------------ files and saving

    @property
    def default_folder(self) -> Path:
        """Where Open and Save As start: the chosen folder, else the user's Documents."""
        text = self._str("files/default_folder")
        if text and Path(text).is_dir():
            return Path(text)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    @default_folder.setter
    def default_folder(self, value: Path | None) -> None:
        self._set("files/default_folder", str(value) if value else "")

    @property
    def autosave_seconds(self) -> int:
        return self._int("files/autosave_seconds", DEFAULT_AUTOSAVE_SECONDS, *AUTOSAVE_RANGE)

    @autosave_seconds.setter
    def autosave_seconds(self, value: int) -> None:
        low, high = AUTOSAVE_RANGE
        self._set("files/autosave_seconds", max(low, min(high, int(value))))

    @property
    def save_to_file_automatically(self) -> bool:
        return self._bool("files/save_to_file_automatically", False)

    @save_to_file_automatically.setter
    def save_to_file_automatically(self, value: bool) -> None:
        self._set("files/save_to_file_automatically", bool(value))

    # ------------------------------------------------------------ view

    @property
    def text_scale(self) -> int:
        value = self._int("view/text_scale", 100, TEXT_SCALES[0], TEXT_SCALES[-1])
        return value if value in TEXT_SCALES else 100

    @text_scale.setter
    def text_scale(self, value: int) -> None:
        if value not in TEXT_SCALES:
            raise ValueError(f"text scale must be one of {TEXT_SCALES}")
        self._set("view/text_scale", value)

    @property
    def theme(self) -> str:
        value = self._str("view/theme", "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"theme must be one of {THEMES}")
        self._set("view/theme", value)

    @property
    def step_list_shown(self) -> bool:
        return self._bool("view/step_list", True)

    @step_list_shown.setter
    def step_list_shown(self, value: bool) -> None:
        self._set("view/step_list", bool(value))

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    # ------------------------------------------------------------ spelling

    @property
    def spell_check(self) -> bool:
        """Check spelling as the user types (on unless switched off)."""
        return self._bool("spelling/check_as_you_type", True)

    @spell_check.setter
    def spell_check(self, value: bool) -> None:
        self._set("spelling/check_as_you_type", bool(value))

    @property
    def spelling_language(self) -> str:
        """The spelling language, "en_GB" or "en_US"; until chosen, US English on a US system,
        else British."""
        default = "en_US" if QLocale.system().name() == "en_US" else "en_GB"
        value = self._str("spelling/language", default)
        return value if value in SPELLING_LANGUAGES else default

    @spelling_language.setter
    def spelling_language(self, value: str) -> None:
        if value not in SPELLING_LANGUAGES:
            raise ValueError(f"spelling language must be one of {tuple(SPELLING_LANGUAGES)}")
        self._set("spelling/language", value)

    # ------------------------------------------------------------ where each plan was left

    def _places(self) -> dict[str, dict]:
        try:
            places = json.loads(self._str("files/places", "{}"))
        except ValueError:
            return {}
        return places if isinstance(places, dict) else {}

    def plan_place(self, path: Path) -> tuple[str, list[int]] | None:
        """The page (its name) and tab indexes where ``path`` was left, if remembered."""
        place = self._places().get(_path_key(path))
        if not isinstance(place, dict) or not isinstance(place.get("page"), str):
            return None
        tabs = place.get("tabs", [])
        if not isinstance(tabs, list) or not all(isinstance(t, int) for t in tabs):
            tabs = []
        return place["page"], tabs

    def set_plan_place(self, path: Path, page: str, tabs: list[int]) -> None:
        places = self._places()
        key = _path_key(path)
        places.pop(key, None)
        places[key] = {"page": page, "tabs": list(tabs)}
        kept = dict(list(places.items())[-MAX_PLACES:])  # the most recent, in order of use
        self._set("files/places", json.dumps(kept, ensure_ascii=False))

    # ------------------------------------------------------------ recent plans

    @property
    def recent_plans(self) -> list[RecentPlan]:
        try:
            items = json.loads(self._str("files/recent", "[]"))
        except ValueError:
            return []
        plans: list[RecentPlan] = []
        if not isinstance(items, list):
            return plans
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("path"), str) and item["path"]:
                plans.append(
                    RecentPlan(
                        Path(item["path"]),
                        str(item.get("title", "")),
                        str(item.get("organisation", "")),
                    )
                )
        return plans[:MAX_RECENT]

    def _store_recent(self, plans: list[RecentPlan]) -> None:
        items = [
            {"path": str(p.path), "title": p.title, "organisation": p.organisation}
            for p in plans[:MAX_RECENT]
        ]
        self._set("files/recent", json.dumps(items, ensure_ascii=False))

    def add_recent(self, plan: RecentPlan) -> None:
        """Put ``plan`` at the top of the recent list (once)."""
        key = _path_key(plan.path)
        others = [p for p in self.recent_plans if _path_key(p.path) != key]
        self._store_recent([plan, *others])

    def remove_recent(self, path: Path) -> None:
        key = _path_key(path)
        self._store_recent([p for p in self.recent_plans if _path_key(p.path) != key])

    def clear_recent(self) -> None:
        self._store_recent([])


def _path_key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())
