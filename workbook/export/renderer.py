"""The PDF renderer: page layout, running header and footer, contents, bookmarks, metadata.

Follows the shape of pretix's invoice renderer: page size, margins and fonts are
attributes; styles, page decorations and the story are methods a subclass may
override; the document is built into a BytesIO, and a numbered canvas draws
"Page X of Y" once the page count is known.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Table,
)

from workbook import __version__
from workbook.export import text as txt
from workbook.export.blocks import Blocks
from workbook.export.fonts import REGULAR, FontChooser
from workbook.export.options import (
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportResult,
    validate_options,
)
from workbook.export.story import Heading, StoryBuilder
from workbook.export.styles import HAIRLINE, MUTED, Palette, StyleSheet
from workbook.model import Plan

PAGE_SIZES = {"A4": A4, "Letter": LETTER}


class NumberedCanvas(Canvas):
    """Holds every page until the end, then stamps "Page X of Y" on each but the cover and
    draws what was deferred to that page (the contents, whose page numbers are only known
    once the last page is laid out)."""

    footer_font = REGULAR
    footer_size = 7.5

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []
        self._deferred: dict[int, list[Callable[[], None]]] = {}

    def defer(self, draw: Callable[[], None]) -> None:
        """Run ``draw`` on the current page when the document is saved."""
        self._deferred.setdefault(self._pageNumber, []).append(draw)

    def showPage(self) -> None:  # noqa: N802 - reportlab callback
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            for draw in self._deferred.get(self._pageNumber, ()):
                self.saveState()
                draw()
                self.restoreState()
            if self._pageNumber > 1:
                self.draw_page_number(self._pageNumber, total)
            super().showPage()
        super().save()

    def draw_page_number(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        margin = getattr(self, "footer_margin", 20 * mm)
        self.setFont(self.footer_font, self.footer_size)
        self.setFillColor(MUTED)
        self.drawRightString(width - margin, 12 * mm, f"Page {number} of {total}")


def layout_units(flowable: Flowable) -> int:
    """How much of the document ``flowable`` is, for progress: a table counts its rows (the
    header it repeats on every page aside), anything else one."""
    rows = getattr(flowable, "body_rows", None)  # the last page of a long table
    if rows is not None:
        return max(1, rows)
    if isinstance(flowable, Table):
        repeated = flowable.repeatRows
        repeated = repeated if isinstance(repeated, int) else len(repeated)
        return max(1, flowable._nrows - repeated)
    return 1


class _Document(BaseDocTemplate):
    """Feeds headings to the contents and the outline, reports progress, honours cancel."""

    def __init__(self, buffer: io.BytesIO, renderer: PlanRenderer, **kwargs) -> None:
        super().__init__(buffer, **kwargs)
        self.renderer = renderer
        self._done = 0
        self._placed = 0

    def build(self, flowables, filename=None, canvasmaker=Canvas) -> None:
        # One pass: the contents are told each heading's page and drawn at the end.
        self._indexingFlowables = [f for f in flowables if f.isIndexing()]
        super().build(flowables, filename, canvasmaker)

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab callback
        self._placed += 1
        units = layout_units(flowable)
        self._done += units
        # A table that runs over many pages is placed a page at a time: report each page
        # of it, so the progress moves (and cancel answers) all through a long log.
        if units > 1 or self._placed % 25 == 0:
            self.renderer.tick(self._done)
        if isinstance(flowable, Heading):
            key, canvas = flowable.toc_key, self.canv
            # The canvas makes its pages when it is saved, so the bookmark is made then,
            # on this heading's page (made now, it would point at the first page).
            canvas.defer(lambda: canvas.bookmarkPage(key))
            canvas.addOutlineEntry(
                flowable.toc_text, key, level=flowable.toc_level, closed=flowable.toc_level > 0
            )
            self.notify("TOCEntry", (flowable.toc_level, flowable.toc_text, self.page, key))


class PlanRenderer:
    """Renders one plan with one set of options. Subclass to restyle or restructure."""

    margin_left = 20 * mm
    margin_right = 20 * mm
    margin_top = 24 * mm
    margin_bottom = 22 * mm
    header_size = 7.5
    logo_box = (60 * mm, 26 * mm)
    header_logo_height = 7 * mm
    story_class = StoryBuilder
    stylesheet_class = StyleSheet

    def __init__(
        self,
        plan: Plan,
        options: ExportOptions,
        progress: Callable[[float, str], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.plan = plan
        self.options = validate_options(options)
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.page_size = PAGE_SIZES[self.options.page_size]
        self.fonts = self.make_fonts()
        self.palette = Palette.from_hex(self.options.accent)
        self.styles = self.stylesheet_class(self.palette)
        self.frame_width = self.page_size[0] - self.margin_left - self.margin_right
        self.blocks = Blocks(self.styles, self.fonts, self.frame_width)
        self.logo_reader = self.load_logo(self.options.logo)
        self._story_length = 1

    # ------------------------------------------------------------------ override points

    def make_fonts(self) -> FontChooser:
        return FontChooser()

    def load_logo(self, path: Path | None) -> ImageReader | None:
        """The logo, checked: ExportError with a clear message when it cannot be used."""
        if path is None:
            return None
        if not path.is_file():
            raise ExportError(
                f"The logo {path} was not found. Choose the logo file again, "
                "or export without a logo."
            )
        try:
            from PIL import Image as PILImage

            with PILImage.open(path) as image:
                kind = image.format
                image.verify()
            if kind not in ("PNG", "JPEG"):
                raise ExportError(
                    f"The logo {path} is a {kind or 'unknown'} image; use a PNG or JPEG file."
                )
            reader = ImageReader(str(path))
            width, height = reader.getSize()
            if width <= 0 or height <= 0:
                raise ValueError("empty image")
        except ExportError:
            raise
        except Exception as exc:  # Pillow raises many kinds for broken files
            raise ExportError(
                f"The logo {path} cannot be read as a PNG or JPEG image "
                f"({exc.__class__.__name__}). Save it again as PNG or "
                "JPEG, or export without a logo."
            ) from exc
        return reader

    def logo_flowable(self) -> Image | None:
        if self.logo_reader is None:
            return None
        width, height = self.logo_reader.getSize()
        box_w, box_h = self.logo_box
        scale = min(box_w / width, box_h / height)
        return Image(str(self.options.logo), width=width * scale, height=height * scale)

    def story(self) -> list:
        def made(share: float) -> None:
            if self.progress is not None:
                self.progress(0.02 + 0.13 * share, "Preparing the document")

        builder = self.story_class(
            self.plan,
            self.options,
            self.blocks,
            logo=self.logo_flowable(),
            is_cancelled=self.is_cancelled,
            progress=made,
        )
        return builder.build()

    def header_text(self) -> str:
        d = self.plan.details
        parts = [txt.clean(d.title) or "Social media strategy", txt.clean(d.organisation)]
        return "  ·  ".join(p for p in parts if p)

    def footer_text(self) -> str:
        parts = [
            txt.clean(self.options.consultant_name),
            txt.clean(self.options.consultant_company),
        ]
        who = " · ".join(p for p in parts if p)
        return f"Prepared by {who}" if who else "Social media strategy"

    def metadata(self) -> dict[str, str]:
        d = self.plan.details
        title = " ".join(txt.clean(d.title).split()) or "Social media strategy"
        org = " ".join(txt.clean(d.organisation).split())
        author = (
            " ".join(txt.clean(self.options.consultant_name).split())
            or " ".join(txt.clean(d.prepared_by).split())
            or " ".join(txt.clean(self.options.consultant_company).split())
        )
        return {
            "title": title,
            "author": author,
            "subject": f"Social media strategy for {org}" if org else "Social media strategy",
            "creator": f"Social Media Value Workbook {__version__}",
            "keywords": "social media strategy, listening, 7 P's, four A's",
        }

    def draw_body_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Running header (plan title, organisation, logo) and footer on every inner page."""
        width, height = self.page_size
        canvas.saveState()
        top = height - 12 * mm
        right = width - self.margin_right
        text_right = right
        if self.logo_reader is not None:
            lw, lh = self.logo_reader.getSize()
            h = self.header_logo_height
            w = min(40 * mm, lw * h / lh)
            canvas.drawImage(
                self.logo_reader,
                right - w,
                top - h + 2,
                width=w,
                height=h,
                preserveAspectRatio=True,
                mask="auto",
            )
            text_right = right - w - 4 * mm
        header = self._header_paragraph
        header.wrapOn(canvas, text_right - self.margin_left, 20 * mm)
        header.drawOn(canvas, self.margin_left, top - header.height + 1)
        canvas.setStrokeColor(self.palette.accent)
        canvas.setLineWidth(0.8)
        canvas.line(self.margin_left, top - 6 * mm + 3, right, top - 6 * mm + 3)
        canvas.setStrokeColor(HAIRLINE)
        canvas.setLineWidth(0.4)
        canvas.line(self.margin_left, 16 * mm, right, 16 * mm)
        footer = self._footer_paragraph
        footer.wrapOn(canvas, self.frame_width * 0.7, 10 * mm)
        footer.drawOn(canvas, self.margin_left, 12 * mm)
        canvas.restoreState()

    def draw_cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """A band of the accent colour down the left edge of the cover."""
        width, height = self.page_size
        canvas.saveState()
        canvas.setFillColor(self.palette.accent)
        canvas.rect(0, 0, 7 * mm, height, stroke=0, fill=1)
        canvas.setFillColor(self.palette.accent_pale)
        canvas.rect(7 * mm, 0, 2 * mm, height, stroke=0, fill=1)
        canvas.restoreState()

    # ------------------------------------------------------------------ building

    def _one_line(self, text: str, style_name: str, width: float) -> Paragraph:
        style = self.styles.add(
            style_name,
            parent="body",
            fontSize=self.header_size,
            leading=self.header_size * 1.3,
            textColor=MUTED,
            fontName=REGULAR,
            spaceAfter=0,
            splitLongWords=1,
        )
        text = " ".join(text.split())
        # Keep the running header to one line however long the title is.
        while len(text) > 4 and self.fonts.measure(text, REGULAR, style.fontSize) > width:
            text = text[: int(len(text) * 0.9)].rstrip() + "…"
        return self.blocks.paragraph(text, style_name, width)

    def tick(self, done: int) -> None:
        """Called as flowables are placed: cancel if asked, else report progress."""
        if self.is_cancelled is not None and self.is_cancelled():
            raise ExportCancelled()
        if self.progress is not None:
            share = min(1.0, done / self._story_length)
            self.progress(0.15 + 0.8 * share, "Laying out pages")

    def render(self) -> ExportResult:
        if self.progress:
            self.progress(0.02, "Preparing the document")
        self._header_paragraph = self._one_line(
            self.header_text(),
            "running_header",
            self.frame_width - (45 * mm if self.logo_reader else 0),
        )
        self._footer_paragraph = self._one_line(
            self.footer_text(), "running_footer", self.frame_width * 0.7
        )
        story = self.story()
        self._story_length = max(1, sum(layout_units(f) for f in story))
        if self.progress:
            self.progress(0.15, "Laying out pages")
        buffer = io.BytesIO()
        meta = self.metadata()
        doc = _Document(
            buffer,
            self,
            pagesize=self.page_size,
            leftMargin=self.margin_left,
            rightMargin=self.margin_right,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=meta["title"],
            author=meta["author"],
            subject=meta["subject"],
            creator=meta["creator"],
            keywords=meta["keywords"],
            lang="en",
            # Otherwise every page names Helvetica, a font that is never embedded.
            initialFontName=REGULAR,
            initialFontSize=9,
            initialLeading=12,
        )
        frame = Frame(
            self.margin_left,
            self.margin_bottom,
            self.frame_width,
            self.page_size[1] - self.margin_top - self.margin_bottom,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        cover_frame = Frame(
            self.margin_left + 8 * mm,
            self.margin_bottom,
            self.frame_width - 8 * mm,
            self.page_size[1] - self.margin_bottom - 22 * mm,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates(
            [
                PageTemplate("cover", [cover_frame], onPage=self.draw_cover_page),
                PageTemplate("body", [frame], onPage=self.draw_body_page),
            ]
        )
        margin = self.margin_right

        class _Canvas(NumberedCanvas):
            footer_margin = margin
            footer_font = REGULAR

        try:
            doc.build(story, canvasmaker=_Canvas)
        except ExportCancelled:
            raise
        except ExportError:
            raise
        except Exception as exc:
            # A layout failure is a bug, but the user should get a message, not a traceback.
            raise ExportError(
                "The PDF could not be laid out "
                f"({exc.__class__.__name__}: {str(exc)[:200]}). Please report this, "
                "with the plan file if you can share it."
            ) from exc
        if self.progress:
            self.progress(1.0, "Done")
        warnings = tuple(self.fonts.warnings())
        return ExportResult(buffer.getvalue(), doc.page, warnings)


def render(
    plan: Plan,
    options: ExportOptions,
    progress: Callable[[float, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Render ``plan`` with the default renderer."""
    return PlanRenderer(plan, options, progress, is_cancelled).render()


__all__ = ["NumberedCanvas", "PlanRenderer", "render"]
