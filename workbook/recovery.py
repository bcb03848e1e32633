"""Recovery copies: unsaved work autosaved to the app's data folder, offered back after a crash."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbook.appdirs import recovery_dir
from workbook.jsonfile import JsonFileError, loads_strict
from workbook.model import Plan
from workbook.storage import PlanLoadError, plan_from_json_value, write_atomic

RECOVERY_FORMAT = "social-media-value-workbook-recovery"
"""Value of ``format`` in a recovery copy (a plan file has its own marker inside ``plan``)."""

SUFFIX = ".recovery.json"

_SAFE_SESSION = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True)
class RecoveryCopy:
    """One autosaved copy, as :meth:`RecoveryStore.list` finds it."""

    path: Path
    original_path: Path | None
    """The plan file it was a copy of; ``None`` for a plan that was never saved."""
    saved_at: datetime
    title: str
    session_id: str


def _title_of(plan: Plan, original_path: Path | None) -> str:
    details = plan.details
    return (
        details.title.strip()
        or details.organisation.strip()
        or (original_path.stem if original_path else "")
        or "Untitled plan"
    )


class RecoveryStore:
    """The folder of recovery copies, one per editing session (a window's document).

    Each copy is a small JSON envelope::

        {"format": "social-media-value-workbook-recovery", "recovery_of": "/path/plan.json",
         "saved_at": "2026-11-22T14:05:00+00:00", "session_id": "...", "title": "...",
         "plan": { ...the plan, exactly as a plan file holds it... }}

    Copies are written with :func:`workbook.storage.write_atomic`, so a crash during an
    autosave leaves the previous copy intact. Nothing here ever writes to the user's
    own plan file. Safe to call from a worker thread, given a plan no one else is
    changing meanwhile (pass a copy: ``plan.model_copy(deep=True)``).
    """

    def __init__(
        self,
        folder: os.PathLike[str] | str | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.folder = Path(folder) if folder is not None else recovery_dir()
        self._clock = clock or (lambda: datetime.now(UTC))

    def path_for(self, session_id: str) -> Path:
        """Where the copy of ``session_id`` is kept (any id is turned into a safe file name)."""
        if _SAFE_SESSION.fullmatch(session_id):
            stem = session_id
        else:
            stem = hashlib.sha256(session_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self.folder / f"{stem}{SUFFIX}"

    def write(
        self,
        plan: Plan,
        original_path: Path | None,
        session_id: str,
        *,
        saved_at: datetime | None = None,
    ) -> Path:
        """Save a recovery copy of ``plan`` for ``session_id``, replacing that session's
        previous copy. Raises ``OSError`` if the folder cannot be written."""
        when = (saved_at or self._clock()).astimezone(UTC)
        envelope = {
            "format": RECOVERY_FORMAT,
            "recovery_of": str(Path(original_path).absolute()) if original_path else None,
            "saved_at": when.isoformat(timespec="seconds"),
            "session_id": session_id,
            "title": _title_of(plan, original_path),
            "plan": plan.model_dump(mode="json"),
        }
        data = (json.dumps(envelope, indent=2, ensure_ascii=False) + "\n").encode(
            "utf-8", errors="backslashreplace"
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path_for(session_id)
        write_atomic(target, data)
        return target

    def _read_envelope(self, path: Path) -> dict[str, Any]:
        raw = loads_strict(path.read_bytes())
        if not isinstance(raw, dict) or raw.get("format") != RECOVERY_FORMAT:
            raise JsonFileError("This is not a recovery copy.")
        return raw

    def list(self) -> list[RecoveryCopy]:
        """Every readable recovery copy, newest first. Damaged ones are left out."""
        copies = []
        try:
            paths = sorted(self.folder.glob(f"*{SUFFIX}"))
        except OSError:
            return []
        for path in paths:
            try:
                raw = self._read_envelope(path)
                saved_at = datetime.fromisoformat(raw["saved_at"])
                original = raw.get("recovery_of")
                copies.append(
                    RecoveryCopy(
                        path=path,
                        original_path=Path(original) if isinstance(original, str) else None,
                        saved_at=saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=UTC),
                        title=str(raw.get("title") or "Untitled plan"),
                        session_id=str(raw.get("session_id", "")),
                    )
                )
            except (OSError, JsonFileError, KeyError, TypeError, ValueError):
                continue
        copies.sort(key=lambda c: c.saved_at, reverse=True)
        return copies

    def load(self, copy: RecoveryCopy) -> Plan:
        """The plan in a recovery copy. Raises :class:`~workbook.storage.PlanLoadError`."""
        try:
            raw = self._read_envelope(copy.path)
        except OSError as error:
            raise PlanLoadError(
                copy.path,
                f"The recovery copy of “{copy.title}” could not be "
                f"read ({copy.path}): {error.strerror or error}.",
            ) from None
        except JsonFileError as error:
            raise PlanLoadError(
                copy.path,
                f"The recovery copy of “{copy.title}” is damaged ({copy.path}): {error.message}",
            ) from None
        try:
            return plan_from_json_value(raw.get("plan"), str(copy.path))
        except PlanLoadError as error:
            # The storage message points at plan backups, which do not apply here.
            raise PlanLoadError(
                copy.path,
                f"The recovery copy of “{copy.title}” cannot be "
                f"opened ({copy.path}).\n\n{error.problem}",
            ) from None

    def discard(self, copy: RecoveryCopy) -> None:
        """Delete a recovery copy (after it was restored and saved, or declined)."""
        with contextlib.suppress(FileNotFoundError):
            copy.path.unlink()

    def discard_session(self, session_id: str) -> None:
        """Delete the copy of ``session_id``, if any (after a successful save or a clean exit)."""
        with contextlib.suppress(FileNotFoundError):
            self.path_for(session_id).unlink()
