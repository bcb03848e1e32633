"""Every use of reportlab's private surface in the export, in one place, each with its reason.

Tested with reportlab 4.2 to 5.1 (``pyproject.toml`` pins that range). If one of these
stops working in a later release, the export falls back to the plain path in
:mod:`workbook.export.plain`, which uses reportlab's public surface only.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table
from reportlab.platypus.paraparser import ParaFrag


def clone_frag(template: ParaFrag, text: str) -> ParaFrag:
    """A copy of ``template`` holding ``text``, with link and underline lists of its own.

    Private: ``ParaFrag.__new__`` and the instance ``__dict__``. The public
    ``ParaFrag.clone`` goes through ``__init__(**attributes)``, which for the ~50,000
    fragments of a 2,000-note log costs a tenth of the export.
    """
    frag = ParaFrag.__new__(ParaFrag)
    frag.__dict__.update(template.__dict__, text=text, link=[], us_lines=[])
    return frag


def row_heights(table: Table) -> list[float]:
    """The row heights of a table that has been wrapped.

    Private: ``Table._rowHeights``. A table says how tall it is, but not how tall each
    row is, and the page-at-a-time layout needs each row's height once.
    """
    return list(table._rowHeights)


def keep_row_heights(table: Table) -> None:
    """Tell a wrapped table that its row heights are final, so wrapping it again (when
    it is placed) does not measure every cell a second time.

    Private: ``Table._argH`` (the heights given to the constructor; measured when None).
    """
    table._argH = list(table._rowHeights)


def page_state(canvas: Canvas) -> dict[str, Any]:
    """Everything the canvas knows about the page in progress, to replay it later.

    Private: the canvas's instance ``__dict__`` (reportlab's own "page X of Y" recipe).
    """
    return dict(canvas.__dict__)


def restore_page_state(canvas: Canvas, state: dict[str, Any]) -> None:
    """Put back a page saved with :func:`page_state`. Private: the instance ``__dict__``."""
    canvas.__dict__.update(state)


def start_next_page(canvas: Canvas) -> None:
    """Begin a new page without writing the current one out (it is kept to be finished
    once the page count is known).

    Private: ``Canvas._startPage`` (what ``showPage`` does after writing the page).
    """
    canvas._startPage()


_BAD_TO_UNICODE = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$", re.MULTILINE)
_TO_UNICODE_KEY = "toUnicodeCMap:"
"""How reportlab names a TrueType subset's ToUnicode map among the document's objects."""


def _utf16_hex(match: re.Match[str]) -> str:
    code = int(match.group(2), 16)
    return f"<{match.group(1)}> <{chr(code).encode('utf-16-be', 'surrogatepass').hex().upper()}>"


def fix_to_unicode_maps(document: Any) -> None:
    """Write characters beyond the Basic Multilingual Plane (most emoji) in the ToUnicode
    maps of ``document``'s embedded fonts as UTF-16 surrogate pairs, as the PDF standard
    asks. reportlab writes their bare code point, which readers reject, so those
    characters would be seen but could not be searched or copied.

    Called after the fonts have added their objects to the document. Relies on the name
    reportlab gives those maps (``toUnicodeCMap:…`` in ``PDFDocument.idToObject``) and on
    ``PDFStream.content``; if either changes, this does nothing and the text stays as
    reportlab writes it.
    """
    objects = getattr(document, "idToObject", None)
    if not isinstance(objects, dict):
        return
    for key, stream in list(objects.items()):
        if not (isinstance(key, str) and key.startswith(_TO_UNICODE_KEY)):
            continue
        content = getattr(stream, "content", None)
        if isinstance(content, str):
            stream.content = _BAD_TO_UNICODE.sub(_utf16_hex, content)
