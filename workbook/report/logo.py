"""Reading the consultant's logo for the Word and HTML documents, with a clear error."""

from __future__ import annotations

from pathlib import Path

from workbook.export.options import ExportError

_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))
MAX_LOGO_BYTES = 10 * 1024 * 1024


def read_logo(path: Path) -> tuple[bytes, str]:
    """The logo's bytes and MIME type; ExportError naming the file if it is unusable."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(
            f"The logo {path} cannot be read: {reason}. Choose the logo again in Preferences."
        ) from exc
    if len(data) > MAX_LOGO_BYTES:
        raise ExportError(f"The logo {path} is larger than 10 MB. Use a smaller PNG or JPEG image.")
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return data, mime
    raise ExportError(
        f"The logo {path} is not a PNG or JPEG image. Save it as PNG or JPEG and choose it "
        "again in Preferences."
    )
