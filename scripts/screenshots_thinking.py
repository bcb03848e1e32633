"""Take the README's screenshots of the plan check and of a draft inserted from a theme.

Run under a real X server of the README's size, e.g.:

    QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1280x800x24" python scripts/screenshots_thinking.py

It opens the real window on a worked example with a few mistakes made in it (an owner not
on the People list, two accountable people, a password, an activity that starts too early,
an empty note), and saves docs/images/review-lint.png and docs/images/theme-suggestion.png.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from screenshot_window import IMAGES, settle, throwaway_window

SIZE = (1280, 800)


def flawed_plan():  # noqa: ANN201 - a Plan
    from workbook.examples import load_example
    from workbook.model import ListeningNote

    plan = load_example("plumber")
    people = plan.management.people
    people[1].accountable = True  # two accountable people
    plan.planning.seven_ps.practices.owner = "Sam Whitlow"  # not on the People list
    plan.management.presence[0].credentials_location = "password: Boiler2024!"
    first = plan.engagement.activities[0]
    first.start_date = date(2025, 1, 6)
    first.value_offered = "Buy now: limited offer on boiler services"
    plan.listening.notes.append(ListeningNote(noted_on=date(2025, 3, 1), source="Facebook"))
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    args = parser.parse_args(argv)

    from workbook.gui.pages import PageId
    from workbook.gui.widgets import clock
    from workbook.suggestions import SuggestionKind

    clock.today = lambda: date(2025, 6, 2)  # the examples' review dates stay ahead
    with throwaway_window(flawed_plan(), SIZE) as (app, window):
        window.go_to_page(PageId.REVIEW)
        review = window.pages[PageId.REVIEW]
        review.review_tabs.setCurrentWidget(review.lint_list)
        settle(app)
        review.lint_list.tree.setCurrentItem(review.lint_list.entries()[0])
        settle(app, 200)
        args.out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out / "review-lint.png"))

        window.go_to_page(PageId.ENGAGEMENT)
        engagement = window.pages[PageId.ENGAGEMENT]
        engagement.focus_path(("engagement", "activities"))
        settle(app)
        strip = engagement.strips[SuggestionKind.ACTIVITY]
        theme = next(iter(strip.buttons))
        strip.buttons[theme].click()
        settle(app)
        # Show where the new row came from: the table's last column.
        table = engagement.tables[("engagement", "activities")]
        table.select_row(table.current_row_id(), "from_listening")
        settle(app, 200)
        window.grab().save(str(args.out / "theme-suggestion.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
