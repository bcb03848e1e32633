"""Where the app keeps its settings and its own data (recovery copies), per platform."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from workbook import APP_ID, APP_NAME

CONFIG_ENV = "WORKBOOK_CONFIG_DIR"
DATA_ENV = "WORKBOOK_DATA_DIR"


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def _home() -> Path:
    return Path.home()


def config_dir() -> Path:
    """Settings (recent files, branding). ``WORKBOOK_CONFIG_DIR`` wins when set.

    Linux: ``$XDG_CONFIG_HOME/social-media-value-workbook`` (``~/.config/...``);
    macOS: ``~/Library/Application Support/Social Media Value Workbook``;
    Windows: ``%APPDATA%\\Social Media Value Workbook``. Not created here.
    """
    override = _from_env(CONFIG_ENV)
    if override is not None:
        return override
    if sys.platform == "win32":
        base = _from_env("APPDATA") or _home() / "AppData" / "Roaming"
        return base / APP_NAME
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP_NAME
    base = _from_env("XDG_CONFIG_HOME") or _home() / ".config"
    return base / APP_ID


def data_dir() -> Path:
    """The app's own data (recovery copies). ``WORKBOOK_DATA_DIR`` wins when set.

    Linux: ``$XDG_DATA_HOME/social-media-value-workbook`` (``~/.local/share/...``);
    macOS: ``~/Library/Application Support/Social Media Value Workbook``;
    Windows: ``%LOCALAPPDATA%\\Social Media Value Workbook`` (local, not roaming:
    recovery copies belong to this computer). Not created here.
    """
    override = _from_env(DATA_ENV)
    if override is not None:
        return override
    if sys.platform == "win32":
        base = _from_env("LOCALAPPDATA") or _home() / "AppData" / "Local"
        return base / APP_NAME
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP_NAME
    base = _from_env("XDG_DATA_HOME") or _home() / ".local" / "share"
    return base / APP_ID


def recovery_dir() -> Path:
    """Where autosaved recovery copies live."""
    return data_dir() / "recovery"
