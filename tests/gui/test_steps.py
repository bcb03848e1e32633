"""The steps of the workbook read their names, and the stage pages their headings, from
workbook/stages.py."""

import pytest

from workbook.gui.pages import page_class
from workbook.gui.steps import STEPS

pytestmark = pytest.mark.gui


def test_steps_and_pages_read_the_titles_from_stages():
    for page_id, title, stage in STEPS:
        if stage is not None:
            assert title == stage.title
            assert page_class(page_id).title == stage.long_title
