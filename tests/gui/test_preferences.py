"""Preferences: stored values survive a restart; the logo is checked, scaled down and copied."""

from __future__ import annotations

import struct
import zlib

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageReader

from workbook.gui.preferences import MAX_LOGO_SIDE, LogoError, PreferencesDialog, prepare_logo
from workbook.gui.settings import DEFAULT_ACCENT, RecentPlan, Settings, branding_dir

pytestmark = pytest.mark.gui


def image_bytes(width: int, height: int, fmt: str = "PNG") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a8cad"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt)
    return bytes(data.data())


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG file whose header claims a huge picture (nothing that big is allocated)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


# ---------------------------------------------------------------- the logo


def test_a_large_logo_is_scaled_down_and_stored_as_png(tmp_path):
    source = tmp_path / "big logo.jpg"
    source.write_bytes(image_bytes(3000, 1500, "JPEG"))
    stored = prepare_logo(source)
    assert stored.parent == branding_dir() and stored.suffix == ".png"
    reader = QImageReader(str(stored))
    assert reader.format().data() == b"png"
    size = reader.size()
    assert (size.width(), size.height()) == (MAX_LOGO_SIDE, MAX_LOGO_SIDE // 2)
    assert source.read_bytes()[:2] == b"\xff\xd8"  # the user's file is left as it was


def test_a_small_logo_keeps_its_size(tmp_path):
    source = tmp_path / "logo.png"
    source.write_bytes(image_bytes(300, 120))
    size = QImageReader(str(prepare_logo(source))).size()
    assert (size.width(), size.height()) == (300, 120)


def test_a_picture_with_the_wrong_extension_is_still_accepted(tmp_path):
    source = tmp_path / "logo.png"
    source.write_bytes(image_bytes(200, 100, "JPEG"))  # a JPEG named .png
    assert QImageReader(str(prepare_logo(source))).size().width() == 200


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"Our company name in plain text\n", "is a text file, not a picture"),
        (image_bytes(400, 200)[:300], "is damaged and cannot be read"),
        (png_claiming(20000, 20000), "20,000 × 20,000 pixels, far too large"),
        (b"", "is empty"),
        (bytes(range(256)) * 4, "not a picture this app can read"),
    ],
    ids=["text-renamed-png", "corrupt", "huge", "empty", "binary-junk"],
)
def test_unusable_logos_get_a_clear_message(tmp_path, content, expected):
    source = tmp_path / "logo.png"
    source.write_bytes(content)
    with pytest.raises(LogoError) as caught:
        prepare_logo(source)
    assert expected in str(caught.value) and "logo.png" in str(caught.value)
    assert not branding_dir().exists() or not list(branding_dir().iterdir())


def test_a_missing_logo_file(tmp_path):
    with pytest.raises(LogoError, match="could not be found"):
        prepare_logo(tmp_path / "gone.png")


def test_the_dialog_shows_logo_problems_inline(qtbot, settings, tmp_path):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    bad = tmp_path / "logo.png"
    bad.write_text("not an image")
    assert not dialog.use_logo_file(bad)
    assert not dialog.logo_problem.isHidden()
    assert "text file" in dialog.logo_message.text()
    good = tmp_path / "good.png"
    good.write_bytes(image_bytes(200, 80))
    assert dialog.use_logo_file(good)
    assert dialog.logo_problem.isHidden() and dialog.remove_logo_button.isEnabled()


# ---------------------------------------------------------------- storing and reading back


def test_preferences_persist_across_a_restart(qtbot, settings, tmp_path, answers):
    folder = tmp_path / "Client plans"
    folder.mkdir()
    logo = tmp_path / "logo.png"
    logo.write_bytes(image_bytes(640, 320))
    answers.set("ask_image_path", logo)
    answers.set("ask_colour", "#aa3366")
    answers.set("ask_folder", folder)

    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("  Sam Consultant ")
    dialog.company_edit.setText("Harbour Advisory")
    dialog.choose_logo()
    dialog.pick_accent()
    dialog.choose_folder()
    dialog.autosave_spin.setValue(12)
    dialog.save_to_file_check.setChecked(True)
    dialog.text_scale_combo.setCurrentIndex(dialog.text_scale_combo.findData(150))
    dialog.accept()

    again = Settings()  # a new start of the app reads the file
    assert again.consultant_name == "Sam Consultant"
    assert again.consultant_company == "Harbour Advisory"
    assert again.accent == "#AA3366"
    assert again.logo_path is not None and again.logo_path.parent == branding_dir()
    assert again.default_folder == folder
    assert again.autosave_seconds == 12
    assert again.save_to_file_automatically is True
    assert again.text_scale == 150


def test_cancel_stores_nothing(qtbot, settings):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Someone")
    dialog.reject()
    assert Settings().consultant_name == ""


def test_an_incomplete_colour_is_not_stored(qtbot, settings):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.accent_edit.setText("#12")
    dialog.accept()
    assert Settings().accent == DEFAULT_ACCENT


def test_a_damaged_settings_file_reads_as_defaults(settings):
    settings.sync()
    settings.path.parent.mkdir(parents=True, exist_ok=True)
    settings.path.write_text(
        "[files]\nautosave_seconds=banana\nrecent=[{broken\n"
        "[profile]\naccent=red\n[view]\ntext_scale=5000\n"
    )
    fresh = Settings()
    assert fresh.autosave_seconds == 5
    assert fresh.recent_plans == []
    assert fresh.accent == DEFAULT_ACCENT
    assert fresh.text_scale == 100


def test_recent_plans_keep_order_without_duplicates(settings, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    settings.add_recent(RecentPlan(a, "A"))
    settings.add_recent(RecentPlan(b, "B"))
    settings.add_recent(RecentPlan(a, "A again"))
    assert [(p.path, p.title) for p in Settings().recent_plans] == [(a, "A again"), (b, "B")]
    settings.remove_recent(b)
    assert [p.path for p in Settings().recent_plans] == [a]


def test_the_window_applies_new_preferences(make_window, settings, monkeypatch):
    window = make_window()

    def edit(cls, s, parent=None):
        s.autosave_seconds = 30
        return True

    monkeypatch.setattr(PreferencesDialog, "edit", classmethod(edit))
    window.actions.preferences.trigger()
    assert window.autosaver.interval_ms == 30000
    assert make_window(autosave_ms=None).autosaver.interval_ms == 30000  # read at start
