"""A small structural diff of JSON values, rows matched by id: what snapshots store.

A *delta* says how to turn one JSON value (``source``) into another (``target``). It is
plain JSON, short where the two are alike, and readable in a text editor::

    {
      "rows": {"/listening/notes": {"order": [0, 37, "9f2c01ab44d0", 38, 40],
                                    "add": [{"id": "9f2c01ab44d0", "said": "..."}]}},
      "set": {"/details/title": "Social media plan 2026",
              "/listening/notes/5dd0e4c926d8/said": "The old words"},
      "unset": ["/details/mascot"]
    }

- Paths are JSON Pointers (RFC 6901: ``~`` is written ``~0`` and ``/`` is ``~1``), except
  that a step into a list of rows names the row by its ``id``, so a path stays right when
  rows are added, moved or removed.
- A list of rows (objects, each with a distinct text ``id``) is rebuilt by ``rows``:
  ``order`` lists the target's rows as slices of the source list, each two whole numbers
  ``start, end`` in a row, and single row ids (moved rows, or new ones, which ``add``
  holds in full). Flat, so that a file written with indentation keeps it short.
- ``set`` gives a new value for a key (any JSON), ``unset`` removes a key.

Nothing here knows the plan model; :mod:`workbook.snapshots` uses it for the history.
Neither function changes its arguments: :func:`apply_delta` copies only what it changes and
shares the rest with ``source``, so many versions of one plan cost little memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Delta = dict[str, Any]

_MISSING = object()


# ---------------------------------------------------------------- pointers


def _escape(step: str) -> str:
    return step.replace("~", "~0").replace("/", "~1")


def _unescape(step: str) -> str:
    return step.replace("~1", "/").replace("~0", "~")


def pointer(steps: tuple[str, ...]) -> str:
    """``("listening", "notes", "ab12")`` -> ``"/listening/notes/ab12"``."""
    return "".join("/" + _escape(step) for step in steps)


def steps_of(path: str) -> tuple[str, ...]:
    """The steps of a pointer; raises ValueError for one that does not start with ``/``."""
    if path == "":
        return ()
    if not path.startswith("/"):
        raise ValueError(f"not a JSON pointer: {path!r}")
    return tuple(_unescape(step) for step in path[1:].split("/"))


# ---------------------------------------------------------------- rows


def row_ids(value: Any) -> list[str] | None:
    """The ids of a list of rows (objects with distinct text ids), else None."""
    if not isinstance(value, list):
        return None
    ids = [item.get("id") if type(item) is dict else None for item in value]
    if not all(type(row_id) is str for row_id in ids) or len(set(ids)) != len(ids):
        return None
    return ids  # type: ignore[return-value]


def order_segments(source_ids: list[str], target_ids: list[str]) -> list[Any]:
    """``target_ids`` as slices of ``source_ids`` (``start, end``) and single ids: each run
    of rows that follow each other in both becomes one slice. One pass, so a list of
    thousands of notes costs a few milliseconds whatever was done to it."""
    where = {row_id: index for index, row_id in enumerate(source_ids)}
    segments: list[Any] = []
    run_start = run_end = -1
    for row_id in target_ids:
        at = where.get(row_id, -1)
        if at >= 0 and at == run_end:
            run_end += 1
            continue
        if run_end - run_start > 1:
            segments += [run_start, run_end]
        elif run_start >= 0:
            segments.append(source_ids[run_start])
        run_start, run_end = (at, at + 1) if at >= 0 else (-1, -1)
        if at < 0:
            segments.append(row_id)  # a row the source does not have: it is in "add"
    if run_end - run_start > 1:
        segments += [run_start, run_end]
    elif run_start >= 0:
        segments.append(source_ids[run_start])
    return segments


# ---------------------------------------------------------------- diff


def diff(source: Any, target: Any) -> Delta:
    """The delta that turns ``source`` into ``target`` (``{}`` when they are equal)."""
    rows: dict[str, Any] = {}
    sets: dict[str, Any] = {}
    unsets: list[str] = []
    _diff(source, target, (), rows, sets, unsets)
    delta: Delta = {}
    if rows:
        delta["rows"] = rows
    if sets:
        delta["set"] = sets
    if unsets:
        delta["unset"] = unsets
    return delta


def _diff(
    source: Any,
    target: Any,
    path: tuple[str, ...],
    rows: dict[str, Any],
    sets: dict[str, Any],
    unsets: list[str],
) -> None:
    if source is target:
        return
    if type(source) is dict and type(target) is dict:
        if source == target:
            return
        for key, value in target.items():
            old = source.get(key, _MISSING)
            if old is _MISSING:
                sets[pointer((*path, key))] = value
            else:
                _diff(old, value, (*path, key), rows, sets, unsets)
        unsets.extend(pointer((*path, key)) for key in source if key not in target)
        return
    if isinstance(source, list) and isinstance(target, list) and (source or target):
        if source == target:
            return
        source_ids, target_ids = row_ids(source), row_ids(target)
        if source_ids is not None and target_ids is not None:
            _diff_rows(source, target, source_ids, target_ids, path, rows, sets, unsets)
            return
    if source != target or type(source) is not type(target):
        sets[pointer(path)] = target


def _diff_rows(
    source: list[dict[str, Any]],
    target: list[dict[str, Any]],
    source_ids: list[str],
    target_ids: list[str],
    path: tuple[str, ...],
    rows: dict[str, Any],
    sets: dict[str, Any],
    unsets: list[str],
) -> None:
    if source_ids != target_ids:
        known = set(source_ids)
        change: dict[str, Any] = {"order": order_segments(source_ids, target_ids)}
        added = [row for row in target if row["id"] not in known]
        if added:
            change["add"] = added
        rows[pointer(path)] = change
    by_id = dict(zip(source_ids, source, strict=True))
    for row in target:
        old = by_id.get(row["id"])
        if old is not None and old is not row and old != row:
            _diff(old, row, (*path, row["id"]), rows, sets, unsets)


# ---------------------------------------------------------------- apply


class _Copier:
    """Copies containers on the way down, once each, so ``source`` is never changed."""

    def __init__(self, root: Any) -> None:
        self.fresh: set[int] = set()
        self.root = self.own(root)
        self._indexes: dict[int, dict[str, int]] = {}

    def own(self, value: Any) -> Any:
        if id(value) in self.fresh:
            return value
        if type(value) is dict:
            value = dict(value)
        elif type(value) is list:
            value = list(value)
        else:
            return value
        self.fresh.add(id(value))
        return value

    def index(self, rows: list[Any]) -> dict[str, int]:
        found = self._indexes.get(id(rows))
        if found is None:
            found = {
                row.get("id"): i for i, row in enumerate(rows) if type(row) is dict
            }  # ids of rows; a list of plain values finds nothing
            self._indexes[id(rows)] = found
        return found

    def forget(self, rows: list[Any]) -> None:
        self._indexes.pop(id(rows), None)

    def container(self, steps: tuple[str, ...]) -> Any:
        """The container at ``steps``, copied (and its parents) so it may be changed; or
        ``_MISSING`` when the path leads nowhere."""
        node = self.root
        for step in steps:
            child, put = self._child(node, step)
            if child is _MISSING or type(child) not in (dict, list):
                return _MISSING
            owned = self.own(child)
            if owned is not child:
                put(owned)
            node = owned
        return node

    def _child(self, node: Any, step: str) -> tuple[Any, Any]:
        if type(node) is dict:
            return node.get(step, _MISSING), lambda value: node.__setitem__(step, value)
        if type(node) is list:
            at = self.index(node).get(step)
            if at is None:
                return _MISSING, None
            return node[at], lambda value: node.__setitem__(at, value)
        return _MISSING, None


def apply_delta(source: Any, delta: Delta) -> tuple[Any, int]:
    """``source`` changed by ``delta``, and how many of its changes could not be made (0
    when ``source`` is what the delta was made from). ``source`` is left as it was."""
    if not delta:
        return source, 0
    copier = _Copier(source)
    problems = 0
    row_changes = delta.get("rows") or {}
    # Shallow lists first: a list inside a row may only be reached once the row is there.
    for path in sorted(row_changes, key=lambda p: p.count("/")):
        problems += _apply_rows(copier, path, row_changes[path])
    for path, value in (delta.get("set") or {}).items():
        problems += _apply_set(copier, path, value)
    for path in delta.get("unset") or []:
        problems += _apply_unset(copier, path)
    return copier.root, problems


def _split(path: Any) -> tuple[tuple[str, ...], str] | None:
    if not isinstance(path, str):
        return None
    try:
        steps = steps_of(path)
    except ValueError:
        return None
    if not steps:
        return None
    return steps[:-1], steps[-1]


def _apply_set(copier: _Copier, path: Any, value: Any) -> int:
    if path == "":
        copier.root = value
        return 0
    split = _split(path)
    if split is None:
        return 1
    parent = copier.container(split[0])
    if type(parent) is dict:
        parent[split[1]] = value
        return 0
    if type(parent) is list:
        at = copier.index(parent).get(split[1])
        if at is not None:
            parent[at] = value
            return 0
    return 1


def _apply_unset(copier: _Copier, path: Any) -> int:
    split = _split(path)
    if split is None:
        return 1
    parent = copier.container(split[0])
    if type(parent) is dict and split[1] in parent:
        del parent[split[1]]
        return 0
    return 1


def _apply_rows(copier: _Copier, path: Any, change: Any) -> int:
    split = _split(path) if path != "" else ((), None)
    if split is None or not isinstance(change, dict):
        return 1
    parent_steps, name = split
    if name is None:
        return 1
    parent = copier.container(parent_steps)
    if type(parent) is dict:
        current = parent.get(name, [])
    elif type(parent) is list:
        at = copier.index(parent).get(name)
        current = parent[at] if at is not None else _MISSING
    else:
        return 1
    if not isinstance(current, list):
        return 1
    problems = 0
    by_id = {row.get("id"): row for row in current if type(row) is dict}
    for row in change.get("add") or []:
        if type(row) is dict and isinstance(row.get("id"), str):
            by_id[row["id"]] = row
        else:
            problems += 1
    rebuilt: list[Any] = []
    order = change.get("order") or []
    at_item = 0
    while at_item < len(order):
        item = order[at_item]
        if isinstance(item, str):
            row = by_id.get(item)
            if row is None:
                problems += 1
            else:
                rebuilt.append(row)
            at_item += 1
            continue
        end = order[at_item + 1] if at_item + 1 < len(order) else None
        if type(item) is int and type(end) is int and 0 <= item <= end <= len(current):
            rebuilt.extend(current[item:end])
        else:
            problems += 1
        at_item += 2
    copier.fresh.add(id(rebuilt))
    if type(parent) is dict:
        parent[name] = rebuilt
    else:
        parent[at] = rebuilt
    copier.forget(current)
    return problems


def iter_changed_paths(delta: Delta) -> Iterator[tuple[str, ...]]:
    """The paths a delta touches (row lists, then set and unset keys), as steps."""
    for path in delta.get("rows") or {}:
        yield steps_of(path)
    for path in delta.get("set") or {}:
        yield steps_of(path)
    for path in delta.get("unset") or []:
        yield steps_of(path)
