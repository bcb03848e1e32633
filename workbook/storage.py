"""Loading and saving plan files: strict reading, migration, and saving under the save lock
(the atomic write is :mod:`workbook.atomic`, the backups :mod:`workbook.backups`)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError

from workbook.atomic import (
    STRAY_TEMP_AGE,
    DirectorySyncError,
    read_all,
    stray_temp_files,
    write_atomic,
)
from workbook.backups import (
    backup_folder,
    backup_path,
    rotate_backups,
)
from workbook.jsonfile import (
    MAX_FILE_BYTES,
    FileTooLargeError,
    JsonFileError,
    NotRegularFileError,
    file_kind,
    loads_strict,
    read_regular_file,
    too_large_message,
)
from workbook.locking import SaveLockTimeout, save_lock
from workbook.migrations import FormatError, migrate, schema_version_of
from workbook.model import ROW_ID_REPAIRS, SCHEMA_VERSION, Plan, RowIdRepair
from workbook.oserrors import FileAction, os_error_problem
from workbook.paths import describe_location, iter_parts

MAX_ERRORS_SHOWN = 5
"""How many validation problems a load error lists before it says "and N more"."""

# ---------------------------------------------------------------- errors and results


class PlanFileError(Exception):
    """A plan file could not be read or written. ``message`` is for people: which file,
    what is wrong, and what to do; ``str(error)`` is the same text."""

    def __init__(self, path: os.PathLike[str] | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PlanLoadError(PlanFileError):
    """The file is not a plan this app can open. The file is never changed."""

    problem: str = ""
    """Just what is wrong (the middle part of ``message``), when it comes from parsing."""


class PlanSaveError(PlanFileError):
    """The plan could not be saved; the file on disk is as it was before."""


class PlanChangedOnDiskError(PlanSaveError):
    """The file was changed, moved or deleted by something else since it was loaded."""


@dataclass(frozen=True)
class LoadedPlan:
    plan: Plan
    path: Path
    fingerprint: str
    """Of the bytes read; pass it to :func:`save_plan` to notice changes made meanwhile."""
    warnings: tuple[str, ...]
    """Things the user may want to know: unknown fields kept, format upgraded, ..."""


@dataclass(frozen=True)
class SaveResult:
    path: Path
    fingerprint: str
    """Of the bytes now on disk; the next save's ``expected_fingerprint``."""
    warnings: tuple[str, ...]
    """The save worked, but something around it did not (e.g. the backup)."""


# ---------------------------------------------------------------- fingerprints and paths


def fingerprint_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint_file(path: os.PathLike[str] | str) -> str | None:
    """sha256 of the file's bytes, or ``None`` if there is no ordinary file there (none
    at all, or a folder, a named pipe, a device: nothing a plan was read from)."""
    try:
        return fingerprint_bytes(read_regular_file(path, limit=None))
    except (FileNotFoundError, NotADirectoryError, NotRegularFileError):
        return None


# ---------------------------------------------------------------- bytes <-> plan


def plan_to_bytes(plan: Plan) -> bytes:
    """The file contents for ``plan``: UTF-8 JSON, two-space indent, keys in model order,
    a final newline. The same plan always gives the same bytes."""
    # warnings=False: a wrongly typed row is reported by the reload check, not as noise.
    try:
        # pydantic's own serialiser writes the same bytes as json.dumps(indent=2,
        # ensure_ascii=False) in a third of the time (a 2,000-note plan: 12 ms, not 33);
        # only a float in a field the model does not know may be spelt differently
        # (1e-7, not 1e-07), with the same value.
        return (plan.model_dump_json(indent=2, warnings=False) + "\n").encode("utf-8")
    except (PydanticSerializationError, UnicodeEncodeError):
        pass
    raw = plan.model_dump(mode="json", warnings=False)
    text = json.dumps(raw, indent=2, ensure_ascii=False) + "\n"
    # Unknown fields are kept as read, and JSON can spell a lone surrogate (\ud800) that
    # UTF-8 cannot encode: write it back as the same escape rather than fail or lose it.
    return text.encode("utf-8", errors="backslashreplace")


def _recovery_hint(source: str, damaged: bool) -> str:
    path = Path(source)
    first = (
        "open the file in a text editor and fix the problem, or restore an earlier version"
        if damaged
        else "restore an earlier version if you need it"
    )
    return (
        f'What to do: {first}: a backup may be in the folder "{backup_folder(path)}" '
        f"({backup_path(path, 1).name} is the newest)."
    )


def _load_error(
    source: str, problem: str, *, damaged: bool = True, hint: bool = True
) -> PlanLoadError:
    """``hint=False`` when ``problem`` already says all there is to do."""
    name = Path(source).name or source
    message = f"Could not open the plan “{name}” ({source}).\n\n{problem}"
    if hint:
        message += f"\n\n{_recovery_hint(source, damaged)}"
    error = PlanLoadError(source, message)
    error.problem = problem  # what is wrong, without the file name and advice
    return error


def _short_repr(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def _error_reason(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"must be one of {expected}" if expected else "is not one of the allowed values"
    reasons = {
        "missing": "is missing",
        "string_type": "must be text",
        "bool_type": "must be true or false",
        "bool_parsing": "must be true or false",
        "float_type": "must be a number",
        "float_parsing": "must be a number",
        "finite_number": "must be an ordinary number",
        "int_type": "must be a whole number",
        "list_type": "must be a list",
        "model_type": "must be a group of fields (a JSON object)",
        "dict_type": "must be a group of fields (a JSON object)",
        "model_attributes_type": "must be a group of fields (a JSON object)",
        "date_type": "must be a date written as YYYY-MM-DD",
        "date_parsing": "must be a date written as YYYY-MM-DD",
        "date_from_datetime_parsing": "must be a date written as YYYY-MM-DD",
        "date_from_datetime_inexact": "must be a date written as YYYY-MM-DD",
    }
    if kind in reasons:
        return reasons[kind]
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters long"
    message = str(error.get("msg", "is not valid"))
    return message[0].lower() + message[1:]


def describe_validation_error(error: ValidationError) -> str:
    """The first few problems of a validation error, one per line, in human words."""
    problems = error.errors(include_url=False)
    lines = []
    for problem in problems[:MAX_ERRORS_SHOWN]:
        where = describe_location(tuple(problem.get("loc", ())))
        line = f"• {where}: {_error_reason(problem)}"
        if problem.get("type") != "missing" and "input" in problem:
            line += f" (found {_short_repr(problem['input'])})"
        lines.append(line)
    if len(problems) > MAX_ERRORS_SHOWN:
        lines.append(f"• ... and {len(problems) - MAX_ERRORS_SHOWN} more problems.")
    count = "one problem" if len(problems) == 1 else f"{len(problems)} problems"
    return f"The plan has {count}:\n" + "\n".join(lines)


def _unknown_fields(part: BaseModel, loc: tuple[str | int, ...]) -> Iterator[str]:
    for where, inner in iter_parts(part, loc):
        for key in inner.model_extra or {}:
            yield f"{describe_location(where)} › “{key}”" if where else f"“{key}”"


def _unknown_fields_warning(plan: Plan) -> str | None:
    found = list(_unknown_fields(plan, ()))
    if not found:
        return None
    shown = "; ".join(found[:MAX_ERRORS_SHOWN])
    more = f"; and {len(found) - MAX_ERRORS_SHOWN} more" if len(found) > MAX_ERRORS_SHOWN else ""
    return (
        f"The file has {len(found)} field(s) this version of the app does not know: "
        f"{shown}{more}. They are kept unchanged when the plan is saved."
    )


def _parse(data: bytes, source: str) -> tuple[Plan, tuple[str, ...]]:
    try:
        raw = loads_strict(data)
    except JsonFileError as error:
        raise _load_error(source, error.message) from None
    return _plan_from_raw(raw, source)


def _from_newer_app(raw: Any) -> bool:
    version = raw.get("schema_version") if isinstance(raw, dict) else None
    return isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION


def _row_id_warning(repairs: list[RowIdRepair]) -> str:
    reasons = sorted({repair.reason for repair in repairs})
    where = [describe_location((*r.list_path, r.index)) for r in repairs[:MAX_ERRORS_SHOWN]]
    more = (
        f"; and {len(repairs) - MAX_ERRORS_SHOWN} more" if len(repairs) > MAX_ERRORS_SHOWN else ""
    )
    rows = "One row" if len(repairs) == 1 else f"{len(repairs)} rows"
    return (
        f"{rows} had an id that was {' or '.join(reasons)} ({'; '.join(where)}{more}), "
        "so the app gave them new ids to tell the rows apart. All their text is kept. "
        "Save the plan to keep the new ids."
    )


def _plan_from_raw(raw: Any, source: str) -> tuple[Plan, tuple[str, ...]]:
    try:
        version = schema_version_of(raw)
        raw, applied = migrate(raw)
    except FormatError as error:
        # A plan from a newer app is not damaged: updating the app is the whole answer.
        raise _load_error(source, error.message, hint=not _from_newer_app(raw)) from None
    context: dict[str, Any] = {ROW_ID_REPAIRS: []}
    try:
        plan = Plan.model_validate(raw, context=context)
    except ValidationError as error:
        raise _load_error(source, describe_validation_error(error)) from None
    except (ValueError, TypeError, RecursionError) as error:
        raise _load_error(source, f"The plan could not be read: {error}") from None
    warnings: list[str] = []
    if applied:
        warnings.append(
            f"The plan was written in file format {version} and has been upgraded to the "
            "current format. Saving it writes the new format; the old file is kept as a "
            "backup."
        )
    if context[ROW_ID_REPAIRS]:
        warnings.append(_row_id_warning(context[ROW_ID_REPAIRS]))
    unknown = _unknown_fields_warning(plan)
    if unknown:
        warnings.append(unknown)
    return plan, tuple(warnings)


def plan_from_json_value(raw: Any, source: str) -> Plan:
    """Like :func:`plan_from_bytes`, for JSON that is already parsed (e.g. the plan inside
    a recovery copy). Raises :class:`PlanLoadError` only."""
    return _plan_from_raw(raw, source)[0]


def plan_from_bytes(data: bytes, source: str) -> Plan:
    """Parse, migrate and validate the contents of a plan file; ``source`` names the file
    in messages. Raises :class:`PlanLoadError` only."""
    return _parse(data, source)[0]


# ---------------------------------------------------------------- loading


def load_plan(path: os.PathLike[str] | str) -> LoadedPlan:
    """Read the plan at ``path``. Never writes anything, and never waits on a named pipe
    or a device: only an ordinary file is read. Raises :class:`PlanLoadError` only."""
    path = Path(path)
    source = str(path.absolute())
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except NotRegularFileError as error:
        what = (
            "Choose a .json file inside it."
            if error.kind == "a folder"
            else "Choose a plan file (.json)."
        )
        raise PlanLoadError(
            source,
            f"Could not open “{path.name or source}” ({source}): it is {error.kind}, not a "
            f"plan file. {what}",
        ) from None
    except FileTooLargeError as error:
        raise _load_error(source, too_large_message(error.size)) from None
    except FileNotFoundError:
        raise _load_error(
            source,
            "There is no such file. It may have been moved, renamed or deleted.",
            damaged=False,
        ) from None
    except OSError as error:
        raise _load_error(source, os_error_problem(error, FileAction.READ), damaged=False) from None
    plan, warnings = _parse(data, source)
    return LoadedPlan(plan=plan, path=path, fingerprint=fingerprint_bytes(data), warnings=warnings)


# ---------------------------------------------------------------- saving


def _reload_problem(data: bytes) -> str | None:
    """Why ``data`` would not load, or ``None``. Saving checks this first, so that a plan
    changed in a way the model did not validate is never written over a good file."""
    try:
        raw = loads_strict(data, self_written=True)
        schema_version_of(raw)
        Plan.model_validate(raw)
    except (JsonFileError, FormatError) as error:
        return error.message
    except ValidationError as error:
        return describe_validation_error(error)
    return None


def _save_error(path: Path, cls: type[PlanSaveError], problem: str) -> PlanSaveError:
    return cls(path, f"Could not save the plan “{path.name}” ({path.absolute()}).\n{problem}")


def clean_stray_temp_files(
    path: os.PathLike[str] | str, *, older_than: float | None = STRAY_TEMP_AGE
) -> list[Path]:
    """Remove temp files left beside ``path`` by a save that was killed; returns them.

    Only those at least ``older_than`` seconds old, so that the temp file of a save still
    running elsewhere is never taken from under it; ``None`` removes them all, which only
    a caller holding the plan's save lock may do (then no other save is writing one)."""
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()  # the temp files are beside the real file
    removed = []
    for temp in stray_temp_files(path, older_than):
        try:
            temp.unlink()
            removed.append(temp)
        except OSError:
            pass
    return removed


def _real_path(path: Path) -> Path:
    """The file a link at ``path`` points to (what is replaced), else ``path``."""
    try:
        return path.resolve() if path.is_symlink() else path
    except (OSError, RuntimeError):
        return path  # a loop of links: the write reports it


def save_plan(
    plan: Plan,
    path: os.PathLike[str] | str,
    *,
    expected_fingerprint: str | None = None,
    backups: bool = True,
) -> SaveResult:
    """Save ``plan`` to ``path`` atomically, keeping the previous version as a backup.

    With ``expected_fingerprint`` (from :class:`LoadedPlan` or the last
    :class:`SaveResult`) the save is refused with :class:`PlanChangedOnDiskError` if the
    file now holds anything else, or is gone. The check and the replace happen under the
    plan's save lock (:func:`workbook.locking.save_lock`), so of two saves that expect the
    same version, from any two processes, exactly one succeeds. Only an ordinary file is
    replaced: a folder, a named pipe or a device is refused. Raises
    :class:`PlanSaveError` only; when it does, the file on disk is unchanged.
    """
    path = Path(path)
    try:
        data = plan_to_bytes(plan)
    except (ValueError, TypeError) as error:
        raise _save_error(
            path, PlanSaveError, f"The plan could not be written out: {error}"
        ) from None
    problem = _reload_problem(data)
    if problem:
        raise _save_error(
            path,
            PlanSaveError,
            f"It was not saved, because the file would not open again.\n{problem}",
        )

    try:
        is_folder, folder_exists = path.is_dir(), path.parent.is_dir()
        kind = file_kind(path.stat().st_mode) if path.exists() else None
    except OSError as error:
        raise _save_error(path, PlanSaveError, os_error_problem(error, FileAction.SAVE)) from None
    if is_folder:
        raise _save_error(path, PlanSaveError, "That is a folder, not a file.")
    if not folder_exists:
        raise _save_error(
            path,
            PlanSaveError,
            f"The folder {path.parent} does not exist (was a drive unplugged?).",
        )
    if kind is not None:
        problem = os_error_problem(NotRegularFileError(path, kind), FileAction.SAVE)
        raise _save_error(path, PlanSaveError, problem)

    try:
        with save_lock(_real_path(path)) as locked:
            return _save_locked(data, path, expected_fingerprint, backups, locked)
    except PlanSaveError:
        raise
    except NotRegularFileError as error:  # something planted at the save lock's name
        raise _save_error(
            path,
            PlanSaveError,
            f"The save lock {error.filename} is {error.kind}, not an ordinary file. "
            "Delete it, then save again.",
        ) from None
    except SaveLockTimeout:
        raise _save_error(
            path,
            PlanSaveError,
            "Another save of this plan is still running (in another window, or on another "
            "computer). Wait a moment, then save again.",
        ) from None
    except OSError as error:
        raise _save_error(path, PlanSaveError, os_error_problem(error, FileAction.SAVE)) from None


def _save_locked(
    data: bytes,
    path: Path,
    expected_fingerprint: str | None,
    backups: bool,
    locked: bool,
) -> SaveResult:
    """The check-and-replace part of :func:`save_plan`, run under the save lock."""
    try:
        current = read_all(path)
    except FileNotFoundError:
        current = None
    except OSError as error:
        raise _save_error(
            path,
            PlanSaveError,
            os_error_problem(error, FileAction.READ) + " The file on disk was not changed.",
        ) from None

    if expected_fingerprint is not None:
        if current is None:
            raise _save_error(
                path,
                PlanChangedOnDiskError,
                "The file was moved, renamed or deleted since you opened it. Save it again "
                "to put it back, or use Save As to choose another place.",
            )
        if fingerprint_bytes(current) != expected_fingerprint:
            raise _save_error(
                path,
                PlanChangedOnDiskError,
                "The file was changed by another program or person since you opened it. "
                "Choose whether to overwrite it, reload it, or save your version elsewhere.",
            )

    # Under the lock no other save is writing, so every temp file is a killed save's.
    age = None if locked else STRAY_TEMP_AGE
    clean_stray_temp_files(path, older_than=age)
    clean_stray_temp_files(backup_path(path, 1), older_than=age)  # killed while backing up

    warnings: list[str] = []
    if backups and current is not None and current != data:
        try:
            rotate_backups(path, current)
        except OSError as error:
            warnings.append(
                f"The plan was saved, but the backup of the previous version could not be "
                f"written in {backup_folder(path)}: {error.strerror or error}."
            )

    try:
        write_atomic(path, data)
    except DirectorySyncError as error:
        warnings.append(
            "The plan was saved, but the system could not confirm that the folder was "
            f"flushed to disk ({error.strerror or error}). If the computer loses power "
            "soon, check the file."
        )
    except OSError as error:
        raise _save_error(
            path,
            PlanSaveError,
            os_error_problem(error, FileAction.SAVE) + " The file on disk was not changed.",
        ) from None
    return SaveResult(path=path, fingerprint=fingerprint_bytes(data), warnings=tuple(warnings))
