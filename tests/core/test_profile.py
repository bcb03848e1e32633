"""The saved profile read without Qt (workbook.profile), as `workbook export` reads it."""

from __future__ import annotations

from workbook.profile import SavedProfile, ini_value, read_profile, read_settings


def test_values_as_qsettings_writes_them(tmp_path):
    # Written by QSettings (PySide6 6.11) for these values; see tests/gui for the round trip.
    ini = tmp_path / "settings.ini"
    ini.write_text(
        "[export]\ninclude_prompts=false\npage_size=Letter\n\n"
        '[profile]\naccent=#AA3366\ncompany="Doe, Smith & Co"\n'
        'name="Zo\u00eb O\'Brien, \\"Jr\\" \\\\ x"\nspaces="  lead"\n'
        'newline=a\\nb\\tc\nsemi="a;b=c#d"\n',
        encoding="utf-8",
    )
    values = read_settings(ini)
    assert values["profile/company"] == "Doe, Smith & Co"
    assert values["profile/name"] == 'Zo\u00eb O\'Brien, "Jr" \\ x'
    assert values["profile/spaces"] == "  lead"
    assert values["profile/newline"] == "a\nb\tc"
    assert values["profile/semi"] == "a;b=c#d"
    profile = read_profile(ini)
    assert profile.page_size == "Letter" and profile.include_prompts is False
    assert profile.accent == "#AA3366" and profile.company == "Doe, Smith & Co"


def test_a_missing_or_damaged_file_is_no_profile(tmp_path):
    assert read_profile(tmp_path / "nothing.ini") == SavedProfile()
    damaged = tmp_path / "damaged.ini"
    damaged.write_bytes(b"\xff\xfe[profile\nname=\x00\x01\n[[[")
    assert read_profile(damaged) == SavedProfile()
    wrong = tmp_path / "wrong.ini"
    wrong.write_text("[profile]\naccent=blue\nlogo=/nowhere/logo.png\n[export]\npage_size=A3\n")
    assert read_profile(wrong) == SavedProfile()


def test_the_logo_is_kept_only_while_its_file_is_there(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"png")
    ini = tmp_path / "settings.ini"
    ini.write_text(f"[profile]\nlogo={logo}\nname=Sam\n")
    assert read_profile(ini).logo == logo
    assert read_profile(ini).prepared_by() == "Sam"
    logo.unlink()
    assert read_profile(ini).logo is None


def test_ini_value_escapes():
    assert ini_value('"a\\x263a b"') == "a\u263a b"
    assert ini_value("@@at") == "@at"
    assert ini_value("plain") == "plain"
