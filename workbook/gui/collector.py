"""What the app keeps for as long as it runs, set aside from the garbage collector.

A full collection runs on whichever thread allocates, usually the UI thread, and walks
every object in view. With a 2,000-note plan open one took 15-30 ms with the start-up
objects (modules, Qt's wrappers, the plan model's classes and validators) in view and
2 ms with them frozen; after typing, the worst 60 Hz frame was 17-21 ms late without the
freeze and 13-14 ms with it (tests/benchmarks, interaction).

So an app started by :func:`workbook.gui.app.open_windows` freezes twice. Just after the
first window's first paint, what it needed is frozen as it is: a collection first would
walk every object (some 20 ms, then, for 265 objects of garbage). When the first plan is
wanted (New, Open, an example, a recovery copy), the plan model is loaded, and before that
plan is read everything is thawed, collected (that garbage with it) and frozen again, the
model's classes and validators now included. No plan, a restored one included, is ever
frozen: plans come and go. Windows made by tests and scripts freeze nothing.
"""

from __future__ import annotations

import gc

_pending = False
"""True from the first freeze until the model has been loaded and everything collected."""


def freeze_start_up_objects() -> None:
    """After the first window's first paint: its modules and widgets, set aside."""
    global _pending
    gc.freeze()
    _pending = True


def before_first_plan() -> None:
    """Called before a plan is read or made: loads the plan model (the start page is
    shown without it) and, the first time in the app, sets the model aside as well."""
    global _pending
    import workbook.model  # noqa: F401 - loaded here, before the plan it reads

    if _pending:
        _pending = False
        gc.unfreeze()  # the garbage frozen with the start-up objects can go now
        gc.collect()
        gc.freeze()
