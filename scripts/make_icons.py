"""Generate the app icon's PNG, .ico and .icns from its one SVG source.

Run after editing resources/icon/workbook.svg:

    python scripts/make_icons.py

The SVG is rasterised with Qt's own SVG renderer (so it looks the same as in the
running app); Pillow packs the sizes into the Windows .ico and the macOS .icns.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icon"
SOURCE = ICON_DIR / "workbook.svg"

PNG_SIZES = {"workbook.png": 512, "workbook-256.png": 256}
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
# Pillow builds every .icns entry from one big image, down to 16 px.
ICNS_SIZE = 1024


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn on a transparent square of ``size`` pixels, as a Pillow image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def make_icons(source: Path = SOURCE, out_dir: Path = ICON_DIR) -> list[Path]:
    """Write every icon file into ``out_dir``; returns the paths written."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not an SVG image Qt can draw; fix it and run again.")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, size in PNG_SIZES.items():
        target = out_dir / name
        render(renderer, size).save(target, optimize=True)
        written.append(target)
    # Each .ico size is drawn from the vector source, so small sizes stay sharp.
    ico_images = [render(renderer, size) for size in ICO_SIZES]
    ico_target = out_dir / "workbook.ico"
    ico_images[-1].save(
        ico_target, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=ico_images[:-1]
    )
    written.append(ico_target)
    icns_target = out_dir / "workbook.icns"
    render(renderer, ICNS_SIZE).save(icns_target, format="ICNS")
    written.append(icns_target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the SVG to draw from")
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="folder for the icon files")
    args = parser.parse_args(argv)
    for path in make_icons(args.source, args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
