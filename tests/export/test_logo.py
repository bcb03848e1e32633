"""Logos: scaled down to what the page needs, embedded once, and huge or hostile pictures
refused with a clear limit, never a raw warning or a minutes-long export."""

from __future__ import annotations

import io
import os
import struct
import warnings
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from workbook.examples import load_example
from workbook.export import ExportError, ExportOptions, render_pdf
from workbook.export.logo import LOGO_MAX_SIDE, LogoError, prepare_logo


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def blank_png(path: Path, width: int, height: int) -> Path:
    """A valid one-bit black-and-white PNG of any size, made without holding its pixels:
    a 20,000-pixel square one is a 50 KB file."""
    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )
    return path


def _images(data: bytes) -> list[tuple[int, int]]:
    """Width and height of every picture in the PDF (soft masks, a picture's alpha, aside)."""
    pdf = pikepdf.open(io.BytesIO(data))
    masks = {o.SMask.objgen for o in pdf.objects if isinstance(o, pikepdf.Stream) and "/SMask" in o}
    return [
        (int(o.Width), int(o.Height))
        for o in pdf.objects
        if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image" and o.objgen not in masks
    ]


def test_a_large_logo_is_scaled_down_and_embedded_once(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGBA", (3000, 1200), (200, 30, 30, 128)).save(logo)
    result = render_pdf(load_example("bakery"), ExportOptions(logo=logo))
    # One picture for the cover and every running header, 600 pixels wide, alpha kept.
    assert _images(result.data) == [(LOGO_MAX_SIDE, 240)]
    pdf = pikepdf.open(io.BytesIO(result.data))
    assert "/SMask" in next(
        o for o in pdf.objects if isinstance(o, pikepdf.Stream) and "/SMask" in o
    )
    assert len(result.data) < 400_000


def test_a_small_logo_is_not_enlarged(tmp_path):
    logo = tmp_path / "logo.jpg"
    Image.new("RGB", (200, 80), (20, 120, 30)).save(logo, quality=90)
    prepared = prepare_logo(logo)
    assert (prepared.width, prepared.height) == (200, 80)
    assert Image.open(io.BytesIO(prepared.png)).format == "PNG"


def test_a_big_jpeg_is_reduced_while_it_is_decoded(tmp_path):
    logo = tmp_path / "photo.jpg"
    Image.new("RGB", (4800, 3200), (90, 90, 200)).save(logo, quality=70)
    prepared = prepare_logo(logo)
    assert (prepared.width, prepared.height) == (600, 400)


@pytest.mark.parametrize(("side", "words"), [(20_000, "more than 50 megapixels"), (12_000, "")])
def test_a_huge_valid_png_gets_a_limit_message_and_no_warning(tmp_path, side, words):
    logo = blank_png(tmp_path / "huge.png", side, side)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ExportError) as error:
            render_pdf(load_example("bakery"), ExportOptions(logo=logo))
    message = str(error.value)
    assert str(logo) in message and "too big" in message and "50 megapixels" in message
    assert words in message
    assert "Save it again" not in message  # it is a valid picture: that would not help
    assert [w for w in caught if "DecompressionBomb" in w.category.__name__] == []


def test_a_png_just_over_the_limit_is_named_by_its_size(tmp_path):
    logo = blank_png(tmp_path / "wide.png", 8000, 7000)  # 56 MP: Pillow itself would open it
    with pytest.raises(LogoError) as error:
        prepare_logo(logo)
    assert "8,000 × 7,000 pixels" in str(error.value)


def test_a_folder_given_as_the_logo_is_called_a_folder(tmp_path):
    with pytest.raises(LogoError, match="is a folder, not a picture"):
        prepare_logo(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_named_pipe_given_as_the_logo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    with pytest.raises(LogoError, match="not a picture file"):
        prepare_logo(fifo)


def test_other_formats_and_broken_files_say_what_to_do(tmp_path):
    gif = tmp_path / "logo.gif"
    Image.new("RGB", (50, 50)).save(gif)
    with pytest.raises(LogoError, match="GIF picture the PDF cannot take; save it as PNG"):
        prepare_logo(gif)
    broken = tmp_path / "broken.png"
    broken.write_bytes((tmp_path / "logo.gif").read_bytes()[:20].replace(b"GIF", b"\x89PN"))
    with pytest.raises(LogoError, match="cannot be read as a PNG or JPEG"):
        prepare_logo(broken)
    with pytest.raises(LogoError, match="was not found"):
        prepare_logo(tmp_path / "missing.png")
