"""Compare two versions of a plan stage by stage, and restore a field or a row from one.

:func:`compare` works on the plans' JSON (a snapshot's state, or ``plan_state(plan)``), so
two snapshots of a 2,000-note plan are compared without building either plan: rows are
matched by id (added, removed, changed, moved) and unchanged rows, shared between
snapshots, are passed over by identity. Changed text carries a word-level difference
(:class:`Segment`: equal, insert, delete) that a view underlines and strikes through.

The restore helpers return :data:`Edit` values rather than changing the plan, so that the
window can apply them as one undo step; :func:`apply_edits` applies them without Qt.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel

from workbook.jsondelta import row_ids
from workbook.model import ROW_TYPES, Plan, Row, plan_state
from workbook.paths import ROW_NOUNS, SEPARATOR, FieldPath, field_annotation, field_title, get_value
from workbook.stages import Stage

_SKIPPED_TOP = frozenset({"format", "schema_version", "id", "history"})
"""Bookkeeping at the top of a plan: never a difference worth showing."""
_SKIPPED_IN_ROWS = frozenset({"id"})
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
_WORD_DIFF_LINES = 200
"""Texts longer than this many lines are compared line by line first, then word by word
inside the changed lines: the word matcher is quadratic at worst."""


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


SegmentKind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text that is the same in both versions, only in the new, or only in the old."""

    kind: SegmentKind
    text: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A field whose value differs (a text, a choice, a date, a tick, a list of themes)."""

    path: FieldPath
    label: str
    old: Any
    new: Any
    old_text: str
    new_text: str
    segments: tuple[Segment, ...]
    kind: ChangeKind = ChangeKind.CHANGED


@dataclass(frozen=True, slots=True)
class RowChange:
    """A row of a list that was added, removed, changed or moved (matched by its id)."""

    kind: ChangeKind
    list_path: FieldPath
    row_id: str
    label: str
    """The row as people name it, in the version that has it: "Listening notes › note 12"."""
    old_index: int | None
    new_index: int | None
    row: Mapping[str, Any]
    """The row's JSON: the new one, or the old one for a removed row."""
    summary: str
    """The row's main text, shortened, to show what it is."""
    fields: tuple[FieldChange, ...] = ()
    moved: bool = False
    """A changed row that also moved."""

    @property
    def path(self) -> FieldPath:
        return (*self.list_path, self.row_id)


Change = FieldChange | RowChange


@dataclass(frozen=True, slots=True)
class StageChanges:
    stage: Stage | None
    """None for the plan's own keys outside the stages (fields kept from a newer app)."""
    title: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Comparison:
    """Every difference between two versions of a plan, stage by stage, in plan order."""

    old_label: str
    new_label: str
    stages: tuple[StageChanges, ...]
    """Only the stages with changes."""
    counts: dict[ChangeKind, int] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Change]:
        for stage in self.stages:
            yield from stage.changes

    @property
    def is_empty(self) -> bool:
        return not self.stages

    def change_paths(self) -> list[FieldPath]:
        """Where each change is, in order: what "next change" steps through."""
        return [change.path for change in self]

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.old_label,
            "to": self.new_label,
            "counts": {kind.value: self.counts.get(kind, 0) for kind in ChangeKind},
            "stages": [
                {
                    "stage": stage.stage.value if stage.stage else "other",
                    "title": stage.title,
                    "changes": [_change_json(change) for change in stage.changes],
                }
                for stage in self.stages
            ],
        }


# ---------------------------------------------------------------- words


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _word_segments(old: str, new: str) -> list[Segment]:
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    # Spaces do not start a match, so "a b" and "c d" do not align on their one space.
    matcher = difflib.SequenceMatcher(str.isspace, old_tokens, new_tokens, autojunk=False)
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Segment("equal", "".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment("delete", "".join(old_tokens[i1:i2])))
        if j2 > j1:
            out.append(Segment("insert", "".join(new_tokens[j1:j2])))
    return out


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """The word-level difference from ``old`` to ``new``: joined, the equal and delete
    segments give ``old``, the equal and insert ones give ``new``."""
    if old == new:
        return (Segment("equal", old),) if old else ()
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    if max(len(old_lines), len(new_lines)) <= _WORD_DIFF_LINES:
        pieces = _word_segments(old, new)
    else:
        pieces = []
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                pieces.append(Segment("equal", "".join(old_lines[i1:i2])))
            else:
                pieces += _word_segments("".join(old_lines[i1:i2]), "".join(new_lines[j1:j2]))
    return tuple(_readable(pieces))


def _readable(pieces: list[Segment]) -> list[Segment]:
    """Segments as people read a change: a space left equal between two changed words is
    folded into the change ("[-social media-]{+local+}", not "[-social-] [-media-]..."),
    and each run of changes is one deletion then one insertion."""
    out: list[Segment] = []
    run_old: list[str] = []
    run_new: list[str] = []

    def flush() -> None:
        if run_old:
            out.append(Segment("delete", "".join(run_old)))
        if run_new:
            out.append(Segment("insert", "".join(run_new)))
        run_old.clear()
        run_new.clear()

    pieces = [p for p in pieces if p.text]
    for index, piece in enumerate(pieces):
        if piece.kind == "equal":
            inside = 0 < index < len(pieces) - 1 and (run_old or run_new)
            if inside and piece.text.isspace() and pieces[index + 1].kind != "equal":
                run_old.append(piece.text)
                run_new.append(piece.text)
                continue
            flush()
            if out and out[-1].kind == "equal":
                out[-1] = Segment("equal", out[-1].text + piece.text)
            else:
                out.append(piece)
        elif piece.kind == "delete":
            run_old.append(piece.text)
        else:
            run_new.append(piece.text)
    flush()
    return out


# ---------------------------------------------------------------- values in words


def _number_text(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else str(value)


def value_text(path: Sequence[str], value: Any) -> str:
    """A JSON value of the field at ``path`` as people read it (choices by their label)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        return _number_text(float(value))
    if isinstance(value, list):
        return ", ".join(value_text((*path, "[]"), item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {value_text((*path, k), v)}" for k, v in value.items())
    if isinstance(value, str):
        annotation = field_annotation(tuple(p for p in path if p != "[]"))
        if path and path[-1] == "[]":
            args = getattr(annotation, "__args__", ())
            annotation = args[0] if args else None
        label = getattr(annotation, "_value2member_map_", {}).get(value)
        return label.label if label is not None and hasattr(label, "label") else value
    return str(value)


def _field_change(path: FieldPath, label: str, old: Any, new: Any) -> FieldChange:
    schema = _schema(path)
    old_text, new_text = value_text(schema, old), value_text(schema, new)
    if isinstance(old, str | type(None)) and isinstance(new, str | type(None)) and old_text:
        segments = word_diff(old_text, new_text)
    else:
        segments = tuple(
            Segment(kind, text)
            for kind, text in (("delete", old_text), ("insert", new_text))
            if text
        )
    return FieldChange(path, label, old, new, old_text, new_text, segments)


# ---------------------------------------------------------------- comparing


def _schema(path: FieldPath) -> FieldPath:
    """``path`` without its row ids (row lists are at even depth in our model: part, list)."""
    out: list[str] = []
    in_list = False
    for step in path:
        if in_list:
            in_list = False
            continue
        out.append(step)
        in_list = tuple(out[-2:]) in ROW_TYPES
    return tuple(out)


def _title(path: FieldPath) -> str:
    return field_title(_schema(path))


_SUMMARY_SKIPPED = frozenset({"id", "measure"})
_MAIN_COLUMN = {
    "presence": "handle",
    "people": "name",
    "places": "where",
    "notes": "said",
    "playbook": "response",
    "activities": "activity",
    "measures": "indicator",
    "actions": "what",
}
"""The column a row is best known by; the others are tried after it."""


def _summary_columns(list_path: FieldPath) -> tuple[str, ...] | None:
    """The text columns of a known list's rows (choices and ids left out)."""
    row_type = ROW_TYPES.get(tuple(list_path[-2:]))  # type: ignore[arg-type]
    if row_type is None:
        return None
    texts = [
        name
        for name, info in row_type.model_fields.items()
        if info.annotation is str and name not in _SUMMARY_SKIPPED
    ]
    main = _MAIN_COLUMN.get(list_path[-1])
    return tuple(sorted(texts, key=lambda name: name != main))


def _row_summary(row: Mapping[str, Any], columns: tuple[str, ...] | None) -> str:
    """The row's first text, shortened: what a person recognises it by."""
    names = columns if columns is not None else [k for k in row if k not in _SUMMARY_SKIPPED]
    for name in names:
        value = row.get(name)
        if type(value) is str and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= 80 else text[:77] + "…"
    return ""


def _moved(old_order: list[str], new_order: list[str]) -> set[str]:
    """The rows (in both versions) that moved: all but a longest run that kept its order
    (the longest increasing subsequence of their old places, O(n log n))."""
    import bisect

    place = {row_id: i for i, row_id in enumerate(old_order)}
    positions = [place[row_id] for row_id in new_order]
    tails: list[int] = []  # smallest last old place of a kept run of each length
    tail_at: list[int] = []  # index in new_order of that last element
    previous = [-1] * len(positions)
    for index, value in enumerate(positions):
        length = bisect.bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_at.append(index)
        else:
            tails[length] = value
            tail_at[length] = index
        previous[index] = tail_at[length - 1] if length else -1
    stayed: set[str] = set()
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        stayed.add(new_order[index])
        index = previous[index]
    return set(new_order) - stayed


class _Differ:
    def __init__(self) -> None:
        self.counts: dict[ChangeKind, int] = dict.fromkeys(ChangeKind, 0)

    def fields(self, old: Any, new: Any, path: FieldPath, label: str, out: list[Change]) -> None:
        if old is new or old == new:
            return
        if type(old) is dict and type(new) is dict:
            for key in dict.fromkeys([*new, *old]):
                if not path and key in _SKIPPED_TOP:
                    continue
                child = (*path, key)
                child_label = (label + SEPARATOR if label else "") + _title(child)
                self.fields(old.get(key), new.get(key), child, child_label, out)
            return
        if tuple(_schema(path)[-2:]) in ROW_TYPES or (
            isinstance(old, list)
            and isinstance(new, list)
            and old
            and new
            and row_ids(old) is not None
            and row_ids(new) is not None
        ):
            self.rows(old or [], new or [], path, label, out)
            return
        self.counts[ChangeKind.CHANGED] += 1
        out.append(_field_change(path, label, old, new))

    def rows(
        self, old: list[Any], new: list[Any], path: FieldPath, label: str, out: list[Change]
    ) -> None:
        old_ids = row_ids(old) or []
        new_ids = row_ids(new) or []
        old_at = {row_id: i for i, row_id in enumerate(old_ids)}
        new_at = {row_id: i for i, row_id in enumerate(new_ids)}
        noun = ROW_NOUNS.get(path[-1], "row")
        columns = _summary_columns(_schema(path))
        common_old = [row_id for row_id in old_ids if row_id in new_at]
        common_new = [row_id for row_id in new_ids if row_id in old_at]
        moved = _moved(common_old, common_new) if common_old != common_new else set()
        for index, row in enumerate(new):
            row_id = new_ids[index]
            row_label = f"{label}{SEPARATOR}{noun} {index + 1}"
            summary = _row_summary(row, columns)
            if row_id not in old_at:
                self.counts[ChangeKind.ADDED] += 1
                out.append(
                    RowChange(ChangeKind.ADDED, path, row_id, row_label, None, index, row, summary)
                )
                continue
            before = old[old_at[row_id]]
            fields: list[Change] = []
            if before is not row and before != row:
                for key in dict.fromkeys([*row, *before]):
                    if key in _SKIPPED_IN_ROWS:
                        continue
                    child = (*path, row_id, key)
                    self.fields(
                        before.get(key),
                        row.get(key),
                        child,
                        f"{row_label}{SEPARATOR}{_title(child)}",
                        fields,
                    )
                self.counts[ChangeKind.CHANGED] -= len(fields)  # counted as one row change
            is_moved = row_id in moved
            if fields:
                self.counts[ChangeKind.CHANGED] += 1
                out.append(
                    RowChange(
                        ChangeKind.CHANGED,
                        path,
                        row_id,
                        row_label,
                        old_at[row_id],
                        index,
                        row,
                        summary,
                        tuple(f for f in fields if isinstance(f, FieldChange)),
                        is_moved,
                    )
                )
            elif is_moved:
                self.counts[ChangeKind.MOVED] += 1
                out.append(
                    RowChange(
                        ChangeKind.MOVED,
                        path,
                        row_id,
                        row_label,
                        old_at[row_id],
                        index,
                        row,
                        summary,
                    )
                )
        for index, row in enumerate(old):
            row_id = old_ids[index]
            if row_id not in new_at:
                self.counts[ChangeKind.REMOVED] += 1
                out.append(
                    RowChange(
                        ChangeKind.REMOVED,
                        path,
                        row_id,
                        f"{label}{SEPARATOR}{noun} {index + 1}",
                        index,
                        None,
                        row,
                        _row_summary(row, columns),
                    )
                )


def _state(version: Plan | Mapping[str, Any]) -> Mapping[str, Any]:
    return plan_state(version) if isinstance(version, Plan) else version


def compare(
    old: Plan | Mapping[str, Any],
    new: Plan | Mapping[str, Any],
    *,
    old_label: str = "",
    new_label: str = "",
) -> Comparison:
    """What changed from ``old`` to ``new`` (plans, or their JSON without history), stage
    by stage in the order of the plan; within a list, the new order, removed rows last."""
    old_state, new_state = _state(old), _state(new)
    differ = _Differ()
    stages: list[StageChanges] = []
    for stage in Stage:
        found: list[Change] = []
        # Labels start below the stage: the stage is the heading they are shown under.
        differ.fields(
            old_state.get(stage.value), new_state.get(stage.value), (stage.value,), "", found
        )
        if found:
            stages.append(StageChanges(stage, stage.title, tuple(found)))
    known = {stage.value for stage in Stage} | _SKIPPED_TOP
    other: list[Change] = []
    for key in dict.fromkeys([*new_state, *old_state]):
        if key not in known:
            differ.fields(old_state.get(key), new_state.get(key), (key,), key, other)
    if other:
        stages.append(StageChanges(None, "Other fields", tuple(other)))
    return Comparison(old_label, new_label, tuple(stages), differ.counts)


# ---------------------------------------------------------------- as JSON and as text


def _segments_json(segments: Sequence[Segment]) -> list[dict[str, str]]:
    return [{"kind": s.kind, "text": s.text} for s in segments]


def _change_json(change: Change) -> dict[str, Any]:
    if isinstance(change, FieldChange):
        return {
            "kind": change.kind.value,
            "path": list(change.path),
            "label": change.label,
            "old": change.old,
            "new": change.new,
            "segments": _segments_json(change.segments),
        }
    out: dict[str, Any] = {
        "kind": change.kind.value,
        "list": list(change.list_path),
        "row_id": change.row_id,
        "label": change.label,
        "old_index": change.old_index,
        "new_index": change.new_index,
        "summary": change.summary,
    }
    if change.kind is ChangeKind.CHANGED:
        out["moved"] = change.moved
        out["fields"] = [_change_json(f) for f in change.fields]
    else:
        out["row"] = dict(change.row)
    return out


def marked_text(segments: Sequence[Segment]) -> str:
    """Segments as plain text: ``[-removed-]`` and ``{+inserted+}``, as ``git diff
    --word-diff`` writes them."""
    parts = []
    for segment in segments:
        if segment.kind == "delete":
            parts.append(f"[-{segment.text}-]")
        elif segment.kind == "insert":
            parts.append(f"{{+{segment.text}+}}")
        else:
            parts.append(segment.text)
    return "".join(parts)


def comparison_text(comparison: Comparison) -> str:
    """The comparison for a terminal: one line per change, stage by stage."""
    lines = [f"From {comparison.old_label} to {comparison.new_label}"]
    if comparison.is_empty:
        lines.append("")
        lines.append("No changes.")
        return "\n".join(lines)
    for stage in comparison.stages:
        lines += ["", stage.title]
        for change in stage.changes:
            lines += _change_lines(change)
    counts = comparison.counts
    lines += [
        "",
        f"{counts.get(ChangeKind.ADDED, 0)} added, {counts.get(ChangeKind.REMOVED, 0)} "
        f"removed, {counts.get(ChangeKind.CHANGED, 0)} changed, "
        f"{counts.get(ChangeKind.MOVED, 0)} moved.",
    ]
    return "\n".join(lines)


def _short(text: str) -> str:
    return f"“{text}”" if text else "(empty)"


def _change_lines(change: Change) -> list[str]:
    if isinstance(change, FieldChange):
        return [f"  ~ {change.label}: {marked_text(change.segments)}"]
    if change.kind is ChangeKind.ADDED:
        return [f"  + {change.label} added: {_short(change.summary)}"]
    if change.kind is ChangeKind.REMOVED:
        return [f"  - {change.label} removed: {_short(change.summary)}"]
    if change.kind is ChangeKind.MOVED:
        return [f"  ↕ {change.label} moved (was {change.old_index + 1})"]  # type: ignore[operator]
    moved = f" (moved, was {change.old_index + 1})" if change.moved else ""  # type: ignore[operator]
    lines = [f"  ~ {change.label}{moved}:"]
    for field_change in change.fields:
        name = field_change.label.rsplit(SEPARATOR, 1)[-1]
        lines.append(f"      {name}: {marked_text(field_change.segments)}")
    return lines


# ---------------------------------------------------------------- restoring


@dataclass(frozen=True, slots=True)
class SetValue:
    path: FieldPath
    value: Any


@dataclass(frozen=True, slots=True)
class InsertRow:
    list_path: FieldPath
    index: int
    row: Row


@dataclass(frozen=True, slots=True)
class RemoveRows:
    list_path: FieldPath
    row_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MoveRow:
    """Take the row at ``source`` out, then put it at ``target``."""

    list_path: FieldPath
    source: int
    target: int


Edit = SetValue | InsertRow | RemoveRows | MoveRow
"""One change to make to the plan; the window maps each to its own undoable edit
(``set_value``, ``insert_rows``, ``remove_rows``, ``move_row``) inside one macro."""


class RestoreError(ValueError):
    """The field or row cannot be restored; ``str(error)`` says why in plain words."""


def _copy(value: Any) -> Any:
    return value.model_copy(deep=True) if isinstance(value, BaseModel) else _deep(value)


def _deep(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _leaf_edits(current: Any, old: Any, path: FieldPath) -> list[Edit]:
    if isinstance(old, BaseModel) and isinstance(current, BaseModel):
        edits: list[Edit] = []
        for name in type(old).model_fields:
            if name == "id":
                continue
            edits += _leaf_edits(getattr(current, name), getattr(old, name), (*path, name))
        return edits
    if current == old:
        return []
    return [SetValue(path, _copy(old))]


def restore_field(plan: Plan, snapshot: Plan, path: FieldPath) -> list[Edit]:
    """The edits that give the field at ``path`` (a row's field by row id, or a part such
    as one P's decision) the value it has in ``snapshot``. Empty when it already has it.
    Raises :class:`RestoreError` when the row is in only one of them (restore the row)."""
    try:
        old = get_value(snapshot, path)
    except (KeyError, AttributeError):
        raise RestoreError(
            "That field is not in the snapshot (its row was added since): remove the row "
            "instead, or restore the whole row."
        ) from None
    try:
        current = get_value(plan, path)
    except (KeyError, AttributeError):
        raise RestoreError(
            "That field's row is no longer in the plan: restore the whole row."
        ) from None
    return _leaf_edits(current, old, tuple(path))


def _target_index(snapshot_rows: list[Row], current_rows: list[Row], row_id: str) -> int:
    """Where a row goes back to, counted in the plan's list without it: after the nearest
    row that came before it in the snapshot and is still in the plan (else the top)."""
    others = [row.id for row in current_rows if row.id != row_id]
    position = {other: i for i, other in enumerate(others)}
    before = [row.id for row in snapshot_rows]
    for earlier in reversed(before[: before.index(row_id)]):
        if earlier in position:
            return position[earlier] + 1
    return 0


def restore_row(plan: Plan, snapshot: Plan, list_path: FieldPath, row_id: str) -> list[Edit]:
    """The edits that make one row as it was in ``snapshot``: put back a removed row, take
    out an added one, undo a row's changes and its move."""
    current_rows: list[Row] = get_value(plan, list_path)
    snapshot_rows: list[Row] = get_value(snapshot, list_path)
    now = next((i for i, r in enumerate(current_rows) if r.id == row_id), None)
    then = next((r for r in snapshot_rows if r.id == row_id), None)
    if now is None and then is None:
        raise RestoreError("That row is neither in the plan nor in the snapshot.")
    if then is None:
        return [RemoveRows(tuple(list_path), (row_id,))]
    target = _target_index(snapshot_rows, current_rows, row_id)
    if now is None:
        return [InsertRow(tuple(list_path), target, then.model_copy(deep=True))]
    edits = _leaf_edits(current_rows[now], then, (*list_path, row_id))
    if target != now:
        edits.append(MoveRow(tuple(list_path), now, target))
    return edits


def restore_change(plan: Plan, snapshot: Plan, change: Change) -> list[Edit]:
    """The edits that undo one change of :func:`compare` (``snapshot`` is its old side)."""
    if isinstance(change, RowChange):
        return restore_row(plan, snapshot, change.list_path, change.row_id)
    return restore_field(plan, snapshot, change.path)


def apply_edits(plan: Plan, edits: Sequence[Edit]) -> None:
    """Make ``edits`` on ``plan`` in order (what the window does through its undo stack)."""
    from workbook.paths import set_value

    for edit in edits:
        if isinstance(edit, SetValue):
            set_value(plan, edit.path, edit.value)
        elif isinstance(edit, InsertRow):
            rows = get_value(plan, edit.list_path)
            rows.insert(min(edit.index, len(rows)), edit.row)
        elif isinstance(edit, RemoveRows):
            rows = get_value(plan, edit.list_path)
            rows[:] = [row for row in rows if row.id not in edit.row_ids]
        elif isinstance(edit, MoveRow):
            rows = get_value(plan, edit.list_path)
            rows.insert(edit.target, rows.pop(edit.source))
