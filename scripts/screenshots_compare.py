"""Take the README's screenshot of the Snapshots and compare window.

Run under a real X server of the README's size, e.g.:

    QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1280x720x24" python scripts/screenshots_compare.py

It opens the bakery worked example, takes the snapshot "Before the spring workshop" (after
an automatic one a week before), makes a workshop's edits through the window's document
(the intent reworded, a note added and one removed, an activity moved and changed, then a
"before an export" snapshot), opens the window on the named snapshot against Now, steps
to the second change with F8, and saves docs/images/compare.png.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path

from screenshot_window import IMAGES, settle, throwaway_window

SIZE = (1280, 720)
TAKEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def workshop_edits(document) -> None:  # noqa: ANN001 - a PlanDocument
    """What a spring workshop changes, each an undoable edit of the window."""
    from workbook.model import ListeningNote, Sentiment

    plan = document.plan
    document.set_value(
        ("planning", "intent"),
        plan.planning.intent.replace("good bread", "good bread and safe celebration cakes").replace(
            "useful updates", "a daily noon update"
        ),
    )
    notes = ("listening", "notes")
    document.insert_rows(
        notes,
        0,
        [
            ListeningNote(
                noted_on=date(2026, 3, 4),
                source="Shop counter",
                said="Could you post what is left at noon? We came for sourdough and it had gone.",
                tags=["opening hours"],
                sentiment=Sentiment.MIXED,
            )
        ],
    )
    document.remove_rows(notes, [plan.listening.notes[5].id])
    activities = ("engagement", "activities")
    first = plan.engagement.activities[0]
    document.set_value((*activities, first.id, "cadence"), "Every weekday at 12:00")
    document.move_row(activities, len(plan.engagement.activities) - 1, 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QLocale, Qt

    from workbook.examples import load_example
    from workbook.gui.snapshots_view import show_snapshots
    from workbook.model import SnapshotKind

    QLocale.setDefault(QLocale("en_GB"))
    with throwaway_window(load_example("bakery"), SIZE) as (app, window):
        document = window.document
        document.clock = lambda: datetime(2026, 2, 23, 8, 55, tzinfo=UTC)
        document.take_automatic_snapshot(SnapshotKind.FIRST_EDIT)
        document.clock = lambda: TAKEN
        document.take_snapshot("Before the spring workshop", "The plan as sent to Priya")
        document.clock = lambda: datetime(2026, 3, 9, 17, 5, tzinfo=UTC)
        workshop_edits(document)
        document.take_automatic_snapshot(SnapshotKind.BEFORE_EXPORT)
        settle(app)

        view = show_snapshots(window)
        assert view is not None
        named = view.tree.findItems("Before the spring workshop", Qt.MatchFlag.MatchExactly)[0]
        view.tree.setCurrentItem(named)
        view.move(window.geometry().topLeft())
        view.resize(SIZE[0] - 40, SIZE[1] - 60)
        settle(app)
        view.step(+1)
        view.step(+1)
        settle(app)
        args.out.mkdir(parents=True, exist_ok=True)
        view.grab().save(str(args.out / "compare.png"))
        view.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
