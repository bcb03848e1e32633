"""The consultant's logo, made ready for the PDF: checked, scaled down to what the page needs,
and turned into one small PNG that the document embeds once.

A logo straight from a design tool can be 12,000 pixels square; embedded as it is, it made
every page slow to build and the PDF huge, for a picture printed 6 cm wide. Pictures too
big to open safely (decompression bombs included) are refused with a clear limit.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

LOGO_MAX_SIDE = 600
"""Longest side, in pixels, of the logo put in the PDF: about 250 dpi for the 6 cm cover
logo, far more than the running header needs."""
LOGO_MAX_MEGAPIXELS = 50
"""Biggest picture read (after a JPEG's own reduction while decoding): about 200 MB of
memory, and a few seconds."""
LOGO_MAX_BYTES = 50 * 1024 * 1024

ACCEPTED_FORMATS = ("PNG", "JPEG")


class LogoError(Exception):
    """The logo cannot be used; ``str(error)`` says which file, why, and what to do."""


@dataclass(frozen=True)
class Logo:
    png: bytes
    """The picture as a PNG at most :data:`LOGO_MAX_SIDE` pixels on its longest side."""
    width: int
    height: int


def _too_big(path: Path, what: str) -> LogoError:
    return LogoError(
        f"The logo {path} is too big to use: {what}. The PDF takes logos up to "
        f"{LOGO_MAX_MEGAPIXELS} megapixels; a logo needs about {LOGO_MAX_SIDE} pixels across. "
        "Save a smaller copy of it as PNG or JPEG and choose that, or export without a logo."
    )


def prepare_logo(path: Path) -> Logo:
    """The logo at ``path`` as a small PNG; :class:`LogoError` when it cannot be used."""
    from PIL import Image, ImageOps

    path = Path(path)
    if path.is_dir():
        raise LogoError(
            f"The logo {path} is a folder, not a picture. Choose the logo file itself, "
            "or export without a logo."
        )
    if not path.exists():
        raise LogoError(
            f"The logo {path} was not found. Choose the logo file again, or export without a logo."
        )
    if not path.is_file():  # a pipe or a device: opening it could wait for ever
        raise LogoError(
            f"The logo {path} is not a picture file. Choose a PNG or JPEG file, "
            "or export without a logo."
        )
    size = path.stat().st_size
    if size > LOGO_MAX_BYTES:
        raise _too_big(path, f"the file is {size / 1024 / 1024:.0f} MB")
    try:
        with warnings.catch_warnings():
            # Pillow warns (on stderr) about pictures big enough to be a decompression
            # bomb, and refuses bigger ones: both are our limit message instead.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                return _shrink(path, image, Image, ImageOps)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_big(path, f"it has more than {LOGO_MAX_MEGAPIXELS} megapixels") from None
    except LogoError:
        raise
    except MemoryError:
        raise _too_big(path, "there is not enough memory to open it") from None
    except Exception as error:  # Pillow raises many kinds for broken files
        raise LogoError(
            f"The logo {path} cannot be read as a PNG or JPEG picture "
            f"({type(error).__name__}). Open it in an image editor and save it again as PNG "
            "or JPEG, or export without a logo."
        ) from error


def _shrink(path: Path, image, image_module, image_ops) -> Logo:
    kind = image.format
    if kind not in ACCEPTED_FORMATS:
        raise LogoError(
            f"The logo {path} is a {kind or 'kind of'} picture the PDF cannot take; "
            "save it as PNG or JPEG and choose that, or export without a logo."
        )
    width, height = image.size
    if width <= 0 or height <= 0:
        raise LogoError(f"The logo {path} is empty (no pixels). Choose another picture.")
    if kind == "JPEG":
        # A JPEG can be decoded at 1/2, 1/4 or 1/8 of its size, quickly and in little memory.
        image.draft("RGB", (LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    decoded = image.size[0] * image.size[1]
    if decoded > LOGO_MAX_MEGAPIXELS * 1_000_000:
        raise _too_big(path, f"it is {width:,} × {height:,} pixels")
    image.load()
    image = image_ops.exif_transpose(image)  # phone photos are stored on their side
    image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE), image_module.Resampling.LANCZOS)
    image = _printable(image, image_module)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return Logo(out.getvalue(), image.size[0], image.size[1])


def _printable(image, image_module):
    """``image`` in RGB, or RGBA when it has transparency (kept: logos often have it)."""
    if image.mode in ("RGB", "RGBA"):
        return image
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        # 16-bit and float greys: scale to 8 bits rather than clip to white.
        image = image.convert("F").point(lambda value: value / 256).convert("L")
    transparent = image.mode in ("LA", "PA") or "transparency" in image.info
    return image.convert("RGBA" if transparent else "RGB")
