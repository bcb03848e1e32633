"""``workbook export`` uses the consultant's saved profile (the window's Preferences file)
unless the command line says otherwise, and says so in its help."""

from __future__ import annotations

import argparse

import pytest

from tests.export import pdfcheck
from workbook.cli import main
from workbook.examples import load_example
from workbook.export.command import add_arguments, options_from
from workbook.profile import settings_path
from workbook.storage import save_plan


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args([*argv, "plan.json"])


@pytest.fixture
def saved_profile(tmp_path):
    """A profile as the window stores it (settings.ini in the app's config folder)."""
    logo = tmp_path / "logo.png"
    from PIL import Image

    Image.new("RGB", (60, 20), "#1F6F8B").save(logo)
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[profile]\n"
        'name="Sam Rivers, Jr"\n'
        "company=Harbour Advisory\n"
        "accent=#AA3366\n"
        f"logo={logo}\n"
        "[export]\npage_size=Letter\ninclude_prompts=false\n",
        encoding="utf-8",
    )
    return logo


def test_the_saved_profile_is_used_unless_options_say_otherwise(saved_profile):
    options = options_from(_args())
    assert (options.consultant_name, options.consultant_company) == (
        "Sam Rivers, Jr",
        "Harbour Advisory",
    )
    assert (options.accent, options.logo, options.page_size) == ("#AA3366", saved_profile, "Letter")
    assert options.include_prompts is False
    given = options_from(
        _args("--accent=#112233", "--consultant=Ana", "--guidance", "--page-size=a4")
    )
    assert (given.accent, given.consultant_name, given.include_prompts, given.page_size) == (
        "#112233",
        "Ana",
        True,
        "A4",
    )
    assert given.consultant_company == "Harbour Advisory"  # not given: still the saved one
    plain = options_from(_args("--no-profile"))
    assert (plain.consultant_name, plain.logo, plain.page_size) == ("", None, "A4")


def test_without_a_profile_the_defaults_apply():
    options = options_from(_args())
    assert (options.consultant_name, options.logo, options.page_size, options.include_prompts) == (
        "",
        None,
        "A4",
        True,
    )


def test_the_pdf_carries_the_saved_name(saved_profile, tmp_path, capsys):
    """The consultant's saved name is "Prepared by" when the plan names no one (a name
    typed into the plan itself wins)."""
    plan = tmp_path / "plan.json"
    bakery = load_example("bakery")
    bakery.details.prepared_by = ""
    save_plan(bakery, plan, backups=False)
    assert main(["export", str(plan)]) == 0
    data = plan.with_suffix(".pdf").read_bytes()
    assert "Sam Rivers, Jr" in pdfcheck.page_texts(data, [1])[0]
    assert pdfcheck.page_size(data)[0] == 612  # Letter


def test_help_says_where_branding_comes_from(capsys):
    assert main(["export", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "saved profile" in text and "Preferences" in text and "--no-profile" in text
